import { Show } from 'solid-js';
import { backendName, engineState, predictMs } from './state';
import { format } from './format';
import { t } from './i18n';

/** The active tfjs backend (test id `backend`, with data-state) and the latest prediction time. */
export function BackendBadge() {
  return (
    <p class="badge" data-state={engineState()}>
      <span class="badge__label">{t('app.engine')}</span>{' '}
      <span class="badge__name" data-testid="backend" data-state={engineState()}>
        {backendName()}
      </span>
      <Show when={engineState() === 'loading'}>
        <span class="badge__meta"> {t('app.loading')}</span>
      </Show>
      <Show when={engineState() === 'ready' && predictMs() !== null}>
        <span class="badge__meta" data-testid="predict-ms">
          {' '}
          {t('app.lastPrediction', { ms: format.number(predictMs() ?? 0, 1) })}
        </span>
      </Show>
    </p>
  );
}
