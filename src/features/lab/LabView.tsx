import { Show } from 'solid-js';
import { fmt, tl } from './strings';
import { createLab } from './lab';
import { Answers } from './Answers';
import { ArchitectureExplainer } from './ArchitectureExplainer';
import { LabCharts } from './LabCharts';
import './lab.css';

/** The workshop lab: measured curves for 128 vs 500 neurons, the five answers and the architectures. */
export function LabView() {
  const { results, answers } = createLab();
  return (
    <main class="page lab" data-testid="lab">
      <h2 class="page__title">{tl('labTitle')}</h2>
      <Show when={results.error}>
        <p class="banner banner--error" role="alert">
          {tl('resultsError', { detail: String(results.error?.message ?? results.error) })}
        </p>
      </Show>
      <Show when={!results.error && results()} fallback={<p class="lab-status">{tl('loadingResults')}</p>}>
        {(r) => (
          <>
            <p class="lab-lead">
              {tl('labIntro', {
                epochs: r().recipe.epochs,
                seeds: Math.min(...r().settings.map((s) => s.runs.length)),
                train: fmt(r().recipe.trainImages),
                test: fmt(r().recipe.testImages),
              })}
            </p>
            <Show when={r().quick}>
              <p class="banner banner--info">{tl('quickWarning')}</p>
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
