import { For, Show } from 'solid-js';
import { t } from '../../app/i18n';
import { params } from '../../app/params';
import { faults, repair } from './faults';

/** Stored records skipped as unusable, each deletable, and "repair storage" (also offered in a safe start). */
export function StorageFaults() {
  return (
    <Show when={faults().length > 0 || params.safe}>
      <div class="storage-faults" data-testid="storage-faults" role="alert">
        <Show when={params.safe}>
          <p data-testid="safe-start">{t('retrain.safeStart')}</p>
        </Show>
        <Show when={faults().length > 0}>
          <p>{t('retrain.faultsTitle')}</p>
          <ul>
            <For each={faults()}>
              {(fault) => (
                <li data-testid="storage-fault" data-store={fault.store} data-key={fault.label}>
                  {t('retrain.fault', { store: fault.store, label: fault.label, problem: fault.problem })}{' '}
                  <button
                    type="button"
                    class="btn btn--small btn--quiet"
                    data-testid="storage-fault-delete"
                    onClick={() => void repair([fault])}
                  >
                    {t('retrain.faultDelete')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <button type="button" class="btn btn--small" data-testid="storage-repair" onClick={() => void repair()}>
          {t('retrain.repair')}
        </button>
        <p class="field__hint">{t('retrain.repairHint')}</p>
      </div>
    </Show>
  );
}
