import { Show } from 'solid-js';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { importState, question } from './version-files';

/** Where the latest import is, and the "use it anyway?" question for a model that scores badly. */
export function ImportStatus() {
  const text = () => {
    const s = importState();
    if (s === 'checking') return t('retrain.importChecking');
    if (s === 'saving') return t('retrain.importSaving');
    if (s === 'cancelled') return t('retrain.importCancelled');
    return '';
  };
  return (
    <div class="retrain__import-status">
      <p class="field__hint" data-testid="import-status" data-state={importState()} role="status">
        {text()}
      </p>
      <Show when={question()}>
        {(q) => (
          <div class="retrain__question" role="alertdialog" aria-labelledby="import-question">
            <p id="import-question" data-testid="import-question" data-accuracy={q().accuracy}>
              {t('retrain.importQuestion', {
                name: q().name,
                percent: format.percent(q().accuracy, 0),
                n: format.number(q().scored),
              })}
            </p>
            <button type="button" class="btn btn--small" data-testid="import-confirm" onClick={() => q().answer(true)}>
              {t('retrain.importUse')}
            </button>{' '}
            <button
              type="button"
              class="btn btn--small btn--primary"
              data-testid="import-cancel"
              onClick={() => q().answer(false)}
            >
              {t('retrain.importCancel')}
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}
