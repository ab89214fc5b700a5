import { Show } from 'solid-js';
import { backendName, classifyWhere, engineState, predictMs, warming } from './state';
import { format } from './format';
import { t } from './i18n';

/**
 * The active tfjs backend (test id `backend`, with data-state, data-where and, while a GPU backend
 * warms up in a worker behind wasm, data-warming) and the latest prediction time.
 */
export function BackendBadge() {
  return (
    <p class="badge" data-state={engineState()}>
      <span class="badge__label">{t('app.engine')}</span>{' '}
      <span
        class="badge__name"
        data-testid="backend"
        data-state={engineState()}
        data-where={classifyWhere() || undefined}
        data-warming={warming() ?? undefined}
      >
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
