import { Show } from 'solid-js';
import { error, setError } from './state';
import { say, t } from './i18n';

/** The latest user-facing error (role=alert, test id `error`), dismissible. */
export function ErrorBanner() {
  return (
    <Show when={error()}>
      {(message) => (
        <div class="banner banner--error">
          <p role="alert" data-testid="error">
            {say(message())}
          </p>
          <button type="button" class="btn btn--quiet" onClick={() => setError(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </Show>
  );
}
