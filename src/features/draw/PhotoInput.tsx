import { setError } from '../../app/state';
import { t } from '../../app/strings';
import { Icon } from '../../ui/Icon';

/** A "Photo" button backed by a file input (camera on phones); hands decoded pixels to `onImage`. */
export function PhotoInput(props: { onImage: (image: ImageData, decodedAt: number) => void }) {
  const change = async (e: Event & { currentTarget: HTMLInputElement }): Promise<void> => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      // Header check, EXIF orientation and downscaling while decoding; errors come translated.
      const { decodePhotoFile } = await import('../photo/photo-decode');
      const image = await decodePhotoFile(file);
      props.onImage(image, performance.now());
    } catch (err) {
      setError({ key: 'photoError', params: { detail: err instanceof Error ? err.message : String(err) } });
    } finally {
      input.value = '';
    }
  };
  return (
    <label class="btn btn--file" title={t('photo')}>
      <input
        type="file"
        accept="image/*"
        class="visually-hidden"
        data-testid="photo-input"
        onChange={(e) => void change(e)}
      />
      <Icon name="photo" />
      <span class="btn__text">{t('photo')}</span>
    </label>
  );
}
