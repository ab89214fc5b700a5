import { For, createResource, Show } from 'solid-js';
import { checkExamples, exampleInput, type ExampleImage } from '../../core/examples';
import { fetchJson } from '../../app/assets';
import { classLabel } from '../../app/classes';
import { t } from '../../app/i18n';

async function loadExamples(): Promise<ExampleImage[]> {
  return checkExamples(await fetchJson('examples/examples.json')).images;
}

/**
 * A thumbnail: its part of examples.png, the shipped images in one column (scripts/export-examples.ts).
 * A plain image, not a canvas: twenty 2D contexts were a long task on a phone to create, and twenty
 * composited layers the page paid for in every frame while drawing (a trace at 4×).
 */
function Thumb(props: { index: number; count: number }) {
  // Through the CSSOM: a style attribute in the template would break the CSP (style-src 'self').
  const place = (el: HTMLElement): void => {
    el.style.backgroundSize = `100% ${props.count * 100}%`;
    el.style.backgroundPositionY = `${(props.index / Math.max(1, props.count - 1)) * 100}%`;
  };
  return <span ref={place} class="thumb__img" aria-hidden="true" />;
}

/** "Try an example": real Fashion-MNIST test images shipped with the app; picking one classifies it. */
export function Examples(props: { onPick: (input: Float32Array, eventTime: number) => void }) {
  const [examples] = createResource(loadExamples);
  return (
    <section class="card examples" aria-labelledby="examples-heading">
      <h2 id="examples-heading" class="eyebrow">
        {t('draw.examples')}
      </h2>
      <Show when={examples()}>
        {(list) => (
          <ul class="examples__list">
            <For each={list()}>
              {(ex, index) => {
                // Decoded when picked, not all twenty in the list's render.
                let input: Float32Array | undefined;
                const x = (): Float32Array => (input ??= exampleInput(ex));
                return (
                  <li>
                    <button
                      type="button"
                      class="thumb"
                      title={classLabel(ex.label)}
                      aria-label={t('draw.example', { name: classLabel(ex.label) })}
                      onClick={(e) => props.onPick(x(), e.timeStamp)}
                    >
                      <Thumb index={index()} count={list().length} />
                    </button>
                  </li>
                );
              }}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}
