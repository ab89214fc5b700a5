import { render } from 'solid-js/web';
import { App } from './components/App';
import { ReloadPrompt } from './pwa/ReloadPrompt';
import { startEngine } from './state/engine';
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
void startEngine();
