import { For, Match, Show, Switch, createEffect, on } from 'solid-js';
import { TEST_SET_FILES } from '../../core/test-set';
import { NUM_CLASSES } from '../../core/classes';
import { outputCount, outputLabel } from '../../app/classes';
import { selectModel } from '../../app/engine';
import { format } from '../../app/format';
import { lang, t } from '../../app/i18n';
import { batchBackend, engineState, modelId, models } from '../../app/state';
import '../../ui/page.css';
import { ConfusedPairs } from './ConfusedPairs';
import { ConfusionMatrix } from './ConfusionMatrix';
import { evalError, evalPhase, evalProgress, evaluateActiveModel, evaluation } from './evaluation';
import { Gallery } from './Gallery';
import './eval.css';

const pct = (share: number) => format.percent(share, 2);

/** Evaluation view: the selected model on all 10,000 test images, its confusion matrix and its mistakes. */
export function EvalView() {
  createEffect(on([modelId, engineState, batchBackend], () => void evaluateActiveModel()));
  const entry = () => models().find((m) => m.id === modelId());
  const current = () => {
    const e = evaluation();
    return e && e.modelId === modelId() && e.backend === batchBackend() ? e : null;
  };
  return (
    <main class="page evaluation" data-testid="eval" data-state={evalPhase()}>
      <h2 class="page__title">{t('eval.evalTitle')}</h2>
      <p class="lab-lead">{t('eval.evalIntro', { count: format.number(TEST_SET_FILES.count) })}</p>
      <Show when={outputCount() > NUM_CLASSES}>
        <p class="lab-lead" data-testid="eval-unscored">
          {t('eval.unscoredClasses', {
            names: Array.from({ length: outputCount() - NUM_CLASSES }, (_, k) => outputLabel(NUM_CLASSES + k)).join(
              ', ',
            ),
          })}
        </p>
      </Show>
      <section class="card eval-head">
        <label class="field">
          <span class="field__label">{t('eval.evalModel')}</span>
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
              {t('eval.evalError', { detail: evalError() ?? '' })}
            </p>
          </Match>
          <Match when={current()}>
            {(e) => (
              <div>
                <dl class="eval-stats">
                  <div>
                    <dt>{t('eval.evalAccuracy', { backend: e().backend })}</dt>
                    <dd data-testid="eval-accuracy" data-model={e().modelId} data-value={String(e().accuracy)}>
                      {pct(e().accuracy)}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('eval.evalManifest')}</dt>
                    <dd data-testid="eval-manifest-accuracy" data-value={String(entry()?.testAccuracy ?? '')}>
                      {entry() ? pct(entry()!.testAccuracy) : '–'}
                    </dd>
                  </div>
                </dl>
                <p class="eval-stats__time">
                  {t('eval.evalTiming', {
                    count: format.number(e().predicted.length),
                    s: format.number(e().seconds, 1),
                  })}
                </p>
              </div>
            )}
          </Match>
          <Match when={true}>
            <div class="eval-progress" role="status">
              <p>
                {evalPhase() === 'data'
                  ? t('eval.evalLoading')
                  : evalPhase() === 'predicting'
                    ? t('eval.evalPredicting', {
                        done: format.number(Math.round(evalProgress() * TEST_SET_FILES.count)),
                        total: format.number(TEST_SET_FILES.count),
                      })
                    : t('eval.evalWaiting')}
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
