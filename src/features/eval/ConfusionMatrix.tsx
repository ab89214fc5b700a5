import { For } from 'solid-js';
import { builtInClassIndices, classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { selectedCell, setSelectedCell } from './evaluation';

const CLASSES = builtInClassIndices();

/** Colour strength of a cell: its share of the true class, boosted off the diagonal where shares are small. */
function strength(count: number, rowTotal: number, diagonal: boolean): number {
  const share = rowTotal === 0 ? 0 : count / rowTotal;
  return diagonal ? share : Math.min(1, share * 5);
}

/** 10×10 confusion matrix (rows true, columns predicted); a cell opens its images in the gallery. */
export function ConfusionMatrix(props: { matrix: number[][] }) {
  const total = (row: number) => props.matrix[row]!.reduce((a, b) => a + b, 0);
  return (
    <section class="card matrix" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading" class="eyebrow">
        {t('eval.matrixTitle')}
      </h2>
      <p class="lab-lead">{t('eval.matrixAxes')}</p>
      <div class="matrix__scroll">
        <table class="matrix__table">
          <thead>
            <tr>
              <th scope="col" class="matrix__corner">
                <span>{t('eval.matrixTrue')}</span> ↓ <span>{t('eval.matrixPred')}</span> →
              </th>
              <For each={CLASSES}>
                {(p) => (
                  <th scope="col" title={classLabel(p)}>
                    {format.number(p)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={CLASSES}>
              {(truth) => (
                <tr>
                  <th scope="row" title={classLabel(truth)}>
                    {format.number(truth)}
                  </th>
                  <For each={CLASSES}>
                    {(p) => {
                      const count = () => props.matrix[truth]![p]!;
                      const label = () =>
                        t('eval.matrixCell', {
                          truth: classLabel(truth),
                          pred: classLabel(p),
                          n: format.number(count()),
                        });
                      const attrs = () => ({
                        'data-testid': 'confusion-cell',
                        'data-true': String(truth),
                        'data-pred': String(p),
                        'data-count': String(count()),
                      });
                      return (
                        <td
                          class="matrix__cell"
                          classList={{
                            'matrix__cell--diag': truth === p,
                            'matrix__cell--strong': strength(count(), total(truth), truth === p) > 0.5,
                          }}
                          style={{ '--a': String(strength(count(), total(truth), truth === p)) }}
                        >
                          {count() === 0 ? (
                            <span {...attrs()} title={label()}>
                              ·
                            </span>
                          ) : (
                            <button
                              type="button"
                              {...attrs()}
                              aria-label={label()}
                              aria-pressed={selectedCell()?.truth === truth && selectedCell()?.predicted === p}
                              onClick={() => setSelectedCell({ truth, predicted: p })}
                            >
                              {format.number(count())}
                            </button>
                          )}
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <ol class="matrix__legend" start="0">
        <For each={CLASSES}>{(i) => <li>{classLabel(i)}</li>}</For>
      </ol>
    </section>
  );
}
