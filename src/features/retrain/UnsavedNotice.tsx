import { Show } from 'solid-js';
import { t } from '../../app/i18n';
import { trainingElsewhere } from './tabs';
import { exportVersion } from './version-files';
import { unsaved } from './versions';

/** A model in use that storage could not keep (with its export), and a run going on in another tab. */
export function UnsavedNotice() {
  return (
    <>
      <Show when={trainingElsewhere()}>
        <p class="field__hint" data-testid="retrain-elsewhere" role="status">
          {t('retrain.elsewhere')}
        </p>
      </Show>
      <Show when={unsaved()}>
        {(u) => (
          <div class="retrain__unsaved" data-testid="retrain-unsaved" role="alert">
            <p>{t('retrain.unsaved', { detail: u().detail })}</p>
            <button
              type="button"
              class="btn btn--small btn--primary"
              data-testid="retrain-export-unsaved"
              onClick={() => void exportVersion(u().slot.id)}
            >
              {t('retrain.exportUnsaved')}
            </button>
          </div>
        )}
      </Show>
    </>
  );
}
