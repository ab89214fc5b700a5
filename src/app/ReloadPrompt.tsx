import { createEffect, onCleanup, Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { t } from './i18n';

/** Toast for the service worker: "ready to work offline" and "new version — reload". */
export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  // "Ready offline" is good news, not a question: let it go by itself.
  createEffect(() => {
    if (!offlineReady() || needRefresh()) return;
    const timer = setTimeout(() => setOfflineReady(false), 6000);
    onCleanup(() => clearTimeout(timer));
  });

  const close = (): void => {
    setOfflineReady(false);
    setNeedRefresh(false);
  };

  return (
    <Show when={offlineReady() || needRefresh()}>
      <div
        class="toast"
        role="status"
        data-testid="sw-toast"
        data-state={needRefresh() ? 'need-refresh' : 'offline-ready'}
      >
        <p>{needRefresh() ? t('app.needRefresh') : t('app.offlineReady')}</p>
        <Show when={needRefresh()}>
          {/* Only caches are replaced on update; IndexedDB (user samples, models) is never touched. */}
          <button
            type="button"
            class="btn btn--primary"
            data-testid="sw-reload"
            onClick={() => void updateServiceWorker(true)}
          >
            {t('app.reload')}
          </button>
        </Show>
        <button type="button" class="btn btn--quiet" onClick={close}>
          {t('app.dismiss')}
        </button>
      </div>
    </Show>
  );
}
