import { For, Match, Show, Switch, createEffect, on } from 'solid-js';
import { TEST_SET_FILES } from '../../core/test-set';
import { backendName, engineState, modelId, models } from '../../app/state';
import { selectModel } from '../../app/engine';
import { evalError, evalPhase, evalProgress, evaluateActiveModel, evaluation } from './evaluation';
import { lang } from '../../app/strings';
import { fmt, tl } from '../lab/strings';
import { ConfusedPairs } from './ConfusedPairs';
import { ConfusionMatrix } from './ConfusionMatrix';
import { Gallery } from './Gallery';
import '../lab/lab.css';

const pct = (x: number) => `${fmt(x * 100, 2)} %`;

/** Evaluation view: the selected model on all 10,000 test images, its confusion matrix and its mistakes. */
export function EvalView() {
  createEffect(on([modelId, engineState, backendName], () => void evaluateActiveModel()));
  const entry = () => models().find((m) => m.id === modelId());
  const current = () => {
    const e = evaluation();
    return e && e.modelId === modelId() && e.backend === backendName() ? e : null;
  };
  return (
    <main class="page evaluation" data-testid="eval" data-state={evalPhase()}>
      <h2 class="page__title">{tl('evalTitle')}</h2>
      <p class="lab-lead">{tl('evalIntro', { count: fmt(TEST_SET_FILES.count) })}</p>
      <section class="card eval-head">
        <label class="field">
          <span class="field__label">{tl('evalModel')}</span>
          <select data-testid="eval-model" value={modelId()} onChange={(e) => void selectModel(e.currentTarget.value)}>
            <For each={models()}>
              {(m) => (
                <option value={m.id} selected={m.id === modelId()}>
                  {m.names[lang()]}
                </option>
              )}
            </For>
          </select>
        </label>
        <Switch>
          <Match when={evalPhase() === 'error'}>
            <p class="banner banner--error" role="alert">
              {tl('evalError', { detail: evalError() ?? '' })}
            </p>
          </Match>
          <Match when={current()}>
            {(e) => (
              <div>
                <dl class="eval-stats">
                  <div>
                    <dt>{tl('evalAccuracy', { backend: e().backend })}</dt>
                    <dd data-testid="eval-accuracy" data-model={e().modelId} data-value={String(e().accuracy)}>
                      {pct(e().accuracy)}
                    </dd>
                  </div>
                  <div>
                    <dt>{tl('evalManifest')}</dt>
                    <dd data-testid="eval-manifest-accuracy" data-value={String(entry()?.testAccuracy ?? '')}>
                      {entry() ? pct(entry()!.testAccuracy) : '–'}
                    </dd>
                  </div>
                </dl>
                <p class="eval-stats__time">
                  {tl('evalTiming', { count: fmt(e().predicted.length), s: fmt(e().seconds, 1) })}
                </p>
              </div>
            )}
          </Match>
          <Match when={true}>
            <div class="eval-progress" role="status">
              <p>
                {evalPhase() === 'data'
                  ? tl('evalLoading')
                  : evalPhase() === 'predicting'
                    ? tl('evalPredicting', {
                        done: fmt(Math.round(evalProgress() * TEST_SET_FILES.count)),
                        total: fmt(TEST_SET_FILES.count),
                      })
                    : tl('evalWaiting')}
              </p>
              <progress data-testid="eval-progress" max="1" value={evalProgress()} />
            </div>
          </Match>
        </Switch>
      </section>
      <Show when={current()}>
        {(e) => (
          <>
            <ConfusionMatrix matrix={e().matrix} />
            <Gallery evaluation={e()} />
            <ConfusedPairs evaluation={e()} />
          </>
        )}
      </Show>
    </main>
  );
}
