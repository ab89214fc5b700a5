import { For } from 'solid-js';
import { mostConfusedPairs } from '../../core/metrics';
import { cellIndices } from '../../core/test-set';
import { setSelectedCell, testSet, type AppEvaluation } from './evaluation';
import { classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { TestImage } from './TestImage';

const PAIRS = 5;
const EXAMPLES = 4;

/** The most frequent mistakes (true → predicted) with a few of their images: the evidence for question 2. */
export function ConfusedPairs(props: { evaluation: AppEvaluation }) {
  const pairs = () => mostConfusedPairs(props.evaluation.matrix).slice(0, PAIRS);
  return (
    <section class="card pairs" aria-labelledby="pairs-heading">
      <h2 id="pairs-heading" class="eyebrow">
        {t('eval.pairsTitle')}
      </h2>
      <p class="lab-lead">{t('eval.pairsIntro')}</p>
      <ol class="pairs__list">
        <For each={pairs()}>
          {(pair) => {
            const examples = () =>
              cellIndices(testSet()!.labels, props.evaluation.predicted, pair.truth, pair.predicted).slice(0, EXAMPLES);
            return (
              <li
                class="pair"
                data-testid="confused-pair"
                data-true={pair.truth}
                data-pred={pair.predicted}
                data-count={pair.count}
              >
                <p class="pair__label">
                  {t('eval.pairLabel', { truth: classLabel(pair.truth), pred: classLabel(pair.predicted) })}
                  <strong> · {format.number(pair.count)}</strong>
                </p>
                <div class="pair__examples">
                  <For each={examples()}>{(i) => <TestImage images={testSet()!.images} index={i} size={56} />}</For>
                  <button
                    type="button"
                    class="btn btn--small"
                    onClick={() => setSelectedCell({ truth: pair.truth, predicted: pair.predicted })}
                  >
                    {t('eval.showAll', { n: format.number(pair.count) })}
                  </button>
                </div>
              </li>
            );
          }}
        </For>
      </ol>
    </section>
  );
}
