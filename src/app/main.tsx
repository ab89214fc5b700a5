// The entry point: the shell renders at once; the engine (tfjs, the model) starts behind it.
import { render } from 'solid-js/web';
import { App } from './App';
import { startEngine } from './engine';
import { ReloadPrompt } from './ReloadPrompt';
import './strings';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
render(
  () => (
    <>
      <App />
      <ReloadPrompt />
    </>
  ),
  root,
);
// The stored retrained version (if any) comes from the retraining feature, loaded on demand.
void startEngine({ startupModel: () => import('../features/retrain').then((m) => m.startupModel()) });
