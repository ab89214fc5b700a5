import { Show } from 'solid-js';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { createLab } from './lab';
import { Answers } from './Answers';
import { ArchitectureExplainer } from './ArchitectureExplainer';
import { LabCharts } from './LabCharts';
import '../../ui/page.css';
import './lab.css';

/** The workshop lab: measured curves for 128 vs 500 neurons, the five answers and the architectures. */
export function LabView() {
  const { results, answers } = createLab();
  return (
    <main class="page lab" data-testid="lab">
      <h2 class="page__title">{t('lab.labTitle')}</h2>
      <Show when={results.error}>
        <p class="banner banner--error" role="alert">
          {t('lab.resultsError', { detail: String(results.error?.message ?? results.error) })}
        </p>
      </Show>
      <Show when={!results.error && results()} fallback={<p class="lab-status">{t('lab.loadingResults')}</p>}>
        {(r) => (
          <>
            <p class="lab-lead">
              {t('lab.labIntro', {
                epochs: format.number(r().recipe.epochs),
                seeds: format.number(Math.min(...r().settings.map((s) => s.runs.length))),
                train: format.number(r().recipe.trainImages),
                test: format.number(r().recipe.testImages),
              })}
            </p>
            <Show when={r().quick}>
              <p class="banner banner--info">{t('lab.quickWarning')}</p>
            </Show>
            <section class="card">
              <LabCharts results={r()} />
            </section>
          </>
        )}
      </Show>
      <Show when={answers()}>
        {(a) => <Answers answers={a()} seeds={Math.min(...(results()?.settings ?? []).map((s) => s.runs.length))} />}
      </Show>
      <ArchitectureExplainer />
    </main>
  );
}
