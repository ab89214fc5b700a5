import { Show } from 'solid-js';
import { notice, setNotice } from './state';
import { say, t } from './i18n';

/** A short status note, e.g. that the app fell back to another backend. */
export function Notice() {
  return (
    <Show when={notice()}>
      {(message) => (
        <div class="banner banner--info" role="status">
          <p>{say(message())}</p>
          <button type="button" class="btn btn--quiet" onClick={() => setNotice(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </Show>
  );
}
