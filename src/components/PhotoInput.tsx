import { setError } from '../state/app';
import { t } from '../state/i18n';
import { Icon } from './Icon';

const MAX_SIDE = 512;

/** Decodes an image file into RGBA pixels, its long side at most {@link MAX_SIDE}. */
async function decode(file: File): Promise<ImageData> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** A "Photo" button backed by a file input (camera on phones); hands decoded pixels to `onImage`. */
export function PhotoInput(props: { onImage: (image: ImageData, decodedAt: number) => void }) {
  const change = async (e: Event & { currentTarget: HTMLInputElement }): Promise<void> => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const image = await decode(file);
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
