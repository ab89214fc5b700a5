import { For, Show, createEffect, createMemo, createSignal, lazy, on } from 'solid-js';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../core/classes';
import { cellIndices, pageOf } from '../../core/test-set';
import type { AppEvaluation } from './evaluation';
import { selectedCell, setSelectedCell, testSet } from './evaluation';
import { classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { ProbBars, TestImage } from './TestImage';

// The explain feature stays its own lazy chunk (every importer loads it on demand), so the
// service worker can leave it, and its worker's tfjs, out of the install-time core.
const Explanation = lazy(() => import('../explain').then((m) => ({ default: m.Explanation })));

const PAGE = 24;

/** The test images of the selected confusion-matrix cell, workshop style, paginated. */
export function Gallery(props: { evaluation: AppEvaluation }) {
  const [page, setPage] = createSignal(0);
  const indices = createMemo(() => {
    const cell = selectedCell();
    const set = testSet();
    return cell && set ? cellIndices(set.labels, props.evaluation.predicted, cell.truth, cell.predicted) : [];
  });
  createEffect(on(selectedCell, () => setPage(0)));
  const shown = () => pageOf(indices(), page(), PAGE);
  const confidence = (i: number, k: number) => props.evaluation.probs[i * NUM_CLASSES + k]!;
  // "Why?" of one image: its pixels, the predicted class and the runner-up, for the explanation panel.
  const [why, setWhy] = createSignal<number | null>(null);
  createEffect(on(selectedCell, () => setWhy(null)));
  const whyInput = (i: number) =>
    Float32Array.from(testSet()!.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), (v) => v / 255);
  const whyClasses = (i: number) => {
    const pred = props.evaluation.predicted[i]!;
    let versus = pred === 0 ? 1 : 0;
    for (let k = 0; k < NUM_CLASSES; k++) if (k !== pred && confidence(i, k) > confidence(i, versus)) versus = k;
    return { cls: pred, versus };
  };
  let heading!: HTMLHeadingElement;
  createEffect(on(selectedCell, (c) => c && heading?.scrollIntoView({ block: 'start', behavior: 'smooth' })));
  return (
    <Show when={selectedCell()}>
      {(cell) => (
        <section
          class="card gallery"
          aria-labelledby="gallery-heading"
          data-testid="gallery"
          data-total={indices().length}
        >
          <div class="gallery__head">
            <h2 id="gallery-heading" ref={(el) => (heading = el)} class="gallery__title" tabindex="-1">
              {t('eval.galleryTitle', { truth: classLabel(cell().truth), pred: classLabel(cell().predicted) })}
              <span class="gallery__count"> · {t('eval.galleryCount', { n: format.number(indices().length) })}</span>
            </h2>
            <button type="button" class="btn btn--quiet btn--small" onClick={() => setSelectedCell(null)}>
              {t('eval.close')}
            </button>
          </div>
          <Show when={why()} keyed>
            {(i) => (
              <div class="gallery__why" data-index={i}>
                <p class="gallery__why-title">
                  {t('explain.galleryTitle', {
                    n: format.number(i),
                    class: classLabel(props.evaluation.predicted[i]!),
                    truth: classLabel(testSet()!.labels[i]!),
                  })}
                </p>
                <Explanation input={whyInput(i)} classes={whyClasses(i)} startOpen />
              </div>
            )}
          </Show>
          <ul class="gallery__grid">
            <For each={shown().items}>
              {(i) => {
                const truth = testSet()!.labels[i]!;
                const pred = props.evaluation.predicted[i]!;
                const right = truth === pred;
                return (
                  <li
                    class="gallery-item"
                    classList={{ 'gallery-item--wrong': !right }}
                    data-testid="gallery-item"
                    data-index={i}
                    data-true={truth}
                    data-pred={pred}
                  >
                    <div class="gallery-item__pics">
                      <TestImage images={testSet()!.images} index={i} size={72} />
                      <ProbBars probs={props.evaluation.probs} index={i} truth={truth} predicted={pred} />
                    </div>
                    <p class="gallery-item__caption">
                      <span class="visually-hidden">{right ? t('eval.right') : t('eval.wrong')}: </span>
                      {classLabel(pred)} {format.percent(confidence(i, pred), 0)}
                      <span class="gallery-item__truth"> ({classLabel(truth)})</span>
                    </p>
                    <button
                      type="button"
                      class="btn btn--quiet btn--small"
                      data-testid="gallery-why"
                      aria-label={t('explain.galleryWhyLabel', { n: format.number(i), class: classLabel(pred) })}
                      onClick={() => {
                        setWhy(i);
                        heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                      }}
                    >
                      {t('explain.galleryWhy')}
                    </button>
                  </li>
                );
              }}
            </For>
          </ul>
          <Show when={shown().pages > 1}>
            <nav
              class="pager"
              aria-label={t('eval.page', { p: format.number(page() + 1), n: format.number(shown().pages) })}
            >
              <button type="button" class="btn btn--small" disabled={page() === 0} onClick={() => setPage(page() - 1)}>
                {t('eval.previous')}
              </button>
              <span data-testid="gallery-page">
                {t('eval.page', { p: format.number(page() + 1), n: format.number(shown().pages) })}
              </span>
              <button
                type="button"
                class="btn btn--small"
                disabled={page() >= shown().pages - 1}
                onClick={() => setPage(page() + 1)}
              >
                {t('eval.next')}
              </button>
            </nav>
          </Show>
        </section>
      )}
    </Show>
  );
}
