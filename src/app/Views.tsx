import { Match, Suspense, Switch, lazy } from 'solid-js';
import { t } from './i18n';
import { view } from './view';

// The lab (uPlot) and the evaluation (test set) load only when opened.
const LabView = lazy(() => import('../features/lab').then((m) => ({ default: m.LabView })));
const EvalView = lazy(() => import('../features/eval').then((m) => ({ default: m.EvalView })));

/** The lab or evaluation view when one is chosen; the drawing view lives in App. */
export function Views() {
  return (
    <Suspense fallback={<p class="page lab-status">{t('app.loading')}</p>}>
      <Switch>
        <Match when={view() === 'lab'}>
          <LabView />
        </Match>
        <Match when={view() === 'eval'}>
          <EvalView />
        </Match>
      </Switch>
    </Suspense>
  );
}
