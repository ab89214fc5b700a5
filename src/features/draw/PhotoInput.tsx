import { t } from '../../app/i18n';
import { Icon } from '../../ui/Icon';

/** A "Photo" button backed by a file input (camera on phones); hands the chosen file to `onFile`. */
export function PhotoInput(props: { onFile: (file: File) => void }) {
  const change = (e: Event & { currentTarget: HTMLInputElement }): void => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (file) props.onFile(file);
  };
  return (
    <label class="btn btn--file" title={t('draw.photo')}>
      <input type="file" accept="image/*" class="visually-hidden" data-testid="photo-input" onChange={change} />
      <Icon name="photo" />
      <span class="btn__text">{t('draw.photo')}</span>
    </label>
  );
}
