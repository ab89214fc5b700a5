import { createSignal, onMount, Show } from 'solid-js';
import type { CacheCounts } from '../sw/protocol';
import { cacheEverything, offlineStatus } from '../sw/offline';
import { format } from './format';
import { t } from './i18n';
import { offlineStateOf, type OfflineState } from './offline-state';

/**
 * Says what is available offline (test id `offline-status`, with data-state) and offers "make
 * everything available offline" (`offline-all`) with progress, for teachers before a demo.
 */
export function OfflinePanel() {
  const [state, setState] = createSignal<OfflineState>('none');
  const [progress, setProgress] = createSignal<CacheCounts | null>(null);
  const [failed, setFailed] = createSignal(0);
  const supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

  const refresh = async (): Promise<void> => {
    setState(offlineStateOf(await offlineStatus()));
  };

  onMount(() => {
    if (supported) void navigator.serviceWorker.ready.then(refresh).catch(() => setState('none'));
  });

  const cacheAll = async (): Promise<void> => {
    setState('caching');
    setProgress(null);
    try {
      const result = await cacheEverything(setProgress);
      setFailed(result.failed.length);
      if (result.failed.length > 0) return void setState('error');
      await refresh();
    } catch {
      setState('error');
    }
  };

  const message = (): string => {
    const p = progress();
    switch (state()) {
      case 'all':
        return t('app.offlineAllReady');
      case 'core':
        return t('app.offlineCoreReady');
      case 'caching':
        return p
          ? t('app.offlineCaching', { done: format.bytes(p.bytes), total: format.bytes(p.totalBytes) })
          : t('app.offlineStarting');
      case 'error':
        return t('app.offlineFailed', { count: format.number(failed(), 0) });
      case 'none':
        return t('app.offlineNone');
    }
  };

  return (
    <Show when={supported}>
      <section class="offline" aria-labelledby="offline-title">
        <h2 id="offline-title" class="offline__title">
          {t('app.offlineTitle')}
        </h2>
        <p data-testid="offline-status" data-state={state()} aria-live="polite">
          {message()}
        </p>
        <Show when={state() === 'caching'}>
          <progress
            data-testid="offline-progress"
            max={progress()?.totalBytes || 1}
            value={progress()?.bytes ?? 0}
            aria-labelledby="offline-title"
          />
        </Show>
        <Show when={state() !== 'all'}>
          <button
            type="button"
            class="btn"
            data-testid="offline-all"
            disabled={state() === 'caching' || state() === 'none'}
            onClick={() => void cacheAll()}
          >
            {t('app.offlineAll')}
          </button>
        </Show>
      </section>
    </Show>
  );
}
