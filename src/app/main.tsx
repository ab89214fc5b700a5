// The entry point: the engine starts its worker (tfjs, the model), then the shell renders meanwhile.
import { Show, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { DB_NAME } from '../core/retrain/db-name';
import { App } from './App';
import { startEngine } from './engine';
import { ReloadPrompt } from './ReloadPrompt';
import { afterPanels, timed } from './settled';
import './strings';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
// The engine first, so the classification worker's script and the manifest are on their way while
// the shell renders (on a phone that render is the longest task before the first paint). The stored
// retrained version (if any) comes from the retraining feature, loaded on demand: on a first visit
// (no database) its code waits for its panel, after the first answer.
void startEngine({
  startupModel: async () =>
    (await mayHaveStoredVersion()) ? import('../features/retrain').then((m) => m.startupModel()) : null,
});

// The service worker registers (ReloadPrompt) once the first answer is in and the panels below
// have rendered: its install downloads the core (≈ 1.3 MB), which would otherwise compete with
// the shell, tfjs, the model and then the panels.
const [settled, setSettled] = createSignal(false);
void afterPanels().then(() => setSettled(true));
// The shell renders in a task of its own: starting the engine (a worker, its first messages, the
// manifest request) is a third of the work before the first paint, and one task of both was a long
// task on a phone.
setTimeout(() =>
  timed('app', () =>
    render(
      () => (
        <>
          <App />
          <Show when={settled()}>
            <ReloadPrompt />
          </Show>
        </>
      ),
      root,
    ),
  ),
);
/**
 * Whether a retrained version may be stored: only if the retraining database exists. Where the
 * browser cannot list its databases, assume it may.
 */
async function mayHaveStoredVersion(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((db) => db.name === DB_NAME);
  } catch {
    return true;
  }
}
