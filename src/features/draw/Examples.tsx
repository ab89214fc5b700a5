import { For, createResource, onMount, Show } from 'solid-js';
import { IMAGE_SIDE } from '../../core/classes';
import { checkExamples, exampleInput, type ExampleImage } from '../../core/examples';
import { inputToRgba } from '../../core/preprocess';
import { fetchJson } from '../../app/assets';
import { classLabel } from '../../app/classes';
import { t } from '../../app/i18n';

async function loadExamples(): Promise<ExampleImage[]> {
  return checkExamples(await fetchJson('examples/examples.json')).images;
}

/** Thumbnails painted per task. */
const PAINTS_PER_TASK = 4;
const paints: (() => void)[] = [];

/** Paints the queued thumbnails a few per task: twenty 2D contexts at once are a long task on a phone. */
function drainPaints(): void {
  for (const paint of paints.splice(0, PAINTS_PER_TASK)) paint();
  if (paints.length > 0) setTimeout(drainPaints, 0);
}

function paintSoon(paint: () => void): void {
  paints.push(paint);
  if (paints.length === 1) setTimeout(drainPaints, 0);
}

function Thumb(props: { input: () => Float32Array }) {
  let canvas!: HTMLCanvasElement;
  onMount(() =>
    paintSoon(() =>
      canvas.getContext('2d')?.putImageData(new ImageData(inputToRgba(props.input()), IMAGE_SIDE, IMAGE_SIDE), 0, 0),
    ),
  );
  return <canvas ref={(el) => (canvas = el)} width={IMAGE_SIDE} height={IMAGE_SIDE} aria-hidden="true" />;
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
              {(ex) => {
                // Decoded when first painted or picked, not all twenty in the list's render.
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
                      <Thumb input={x} />
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
