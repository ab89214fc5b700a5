import { For } from 'solid-js';
import { NUM_CLASSES } from '../../core/classes';
import { selectedCell, setSelectedCell } from './evaluation';
import { classLabel } from '../../app/strings';
import { fmt, tl } from '../lab/strings';

const CLASSES = Array.from({ length: NUM_CLASSES }, (_, i) => i);

/** Colour strength of a cell: its share of the true class, boosted off the diagonal where shares are small. */
function strength(count: number, rowTotal: number, diagonal: boolean): number {
  const share = rowTotal === 0 ? 0 : count / rowTotal;
  return diagonal ? share : Math.min(1, share * 5);
}

/** 10×10 confusion matrix (rows true, columns predicted); a cell opens its images in the gallery. */
export function ConfusionMatrix(props: { matrix: number[][] }) {
  const total = (t: number) => props.matrix[t]!.reduce((a, b) => a + b, 0);
  return (
    <section class="card matrix" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading" class="eyebrow">
        {tl('matrixTitle')}
      </h2>
      <p class="lab-lead">{tl('matrixAxes')}</p>
      <div class="matrix__scroll">
        <table class="matrix__table">
          <thead>
            <tr>
              <th scope="col" class="matrix__corner">
                <span>{tl('matrixTrue')}</span> ↓ <span>{tl('matrixPred')}</span> →
              </th>
              <For each={CLASSES}>
                {(p) => (
                  <th scope="col" title={classLabel(p)}>
                    {p}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={CLASSES}>
              {(t) => (
                <tr>
                  <th scope="row" title={classLabel(t)}>
                    {t}
                  </th>
                  <For each={CLASSES}>
                    {(p) => {
                      const count = () => props.matrix[t]![p]!;
                      const label = () =>
                        tl('matrixCell', { truth: classLabel(t), pred: classLabel(p), n: fmt(count()) });
                      const attrs = () => ({
                        'data-testid': 'confusion-cell',
                        'data-true': String(t),
                        'data-pred': String(p),
                        'data-count': String(count()),
                      });
                      return (
                        <td
                          class="matrix__cell"
                          classList={{
                            'matrix__cell--diag': t === p,
                            'matrix__cell--strong': strength(count(), total(t), t === p) > 0.5,
                          }}
                          style={{ '--a': String(strength(count(), total(t), t === p)) }}
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
                              aria-pressed={selectedCell()?.truth === t && selectedCell()?.predicted === p}
                              onClick={() => setSelectedCell({ truth: t, predicted: p })}
                            >
                              {count()}
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
