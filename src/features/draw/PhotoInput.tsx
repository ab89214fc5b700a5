import { t } from '../../app/i18n';
import { Icon } from '../../ui/Icon';

/**
 * A "Photo" button backed by a file input (camera on phones); hands the chosen file to `onFile`.
 * `hidden` hides the button but keeps the input, which scripts may still fill (`photo-input`).
 */
export function PhotoInput(props: { onFile: (file: File) => void; hidden?: boolean }) {
  const change = (e: Event & { currentTarget: HTMLInputElement }): void => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (file) props.onFile(file);
  };
  return (
    <label class="btn btn--file" title={t('draw.photo')} hidden={props.hidden}>
      <input type="file" accept="image/*" class="visually-hidden" data-testid="photo-input" onChange={change} />
      <Icon name="photo" />
      <span class="btn__text">{t('draw.photo')}</span>
    </label>
  );
}
