import { For, onMount } from 'solid-js';
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from '../../core/classes';

/** A Fashion-MNIST test image drawn like the workshop's plot_image: dark garment on white. */
export function TestImage(props: { images: Uint8Array; index: number; size?: number }) {
  let canvas!: HTMLCanvasElement;
  onMount(() => {
    const rgba = new Uint8ClampedArray(IMAGE_PIXELS * 4);
    const src = props.images.subarray(props.index * IMAGE_PIXELS, (props.index + 1) * IMAGE_PIXELS);
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const v = 255 - src[p]!;
      rgba.set([v, v, v, 255], p * 4);
    }
    canvas.getContext('2d')?.putImageData(new ImageData(rgba, IMAGE_SIDE, IMAGE_SIDE), 0, 0);
  });
  return (
    <canvas
      class="test-image"
      ref={(el) => (canvas = el)}
      width={IMAGE_SIDE}
      height={IMAGE_SIDE}
      style={{ width: `${props.size ?? 84}px`, height: `${props.size ?? 84}px` }}
      aria-hidden="true"
    />
  );
}

/** The workshop's plot_value_array: ten probability bars, the predicted one red, the true one blue. */
export function ProbBars(props: { probs: Float32Array; index: number; truth: number; predicted: number }) {
  const p = (k: number) => props.probs[props.index * NUM_CLASSES + k]!;
  return (
    <div class="probbars" aria-hidden="true">
      <For each={Array.from({ length: NUM_CLASSES }, (_, k) => k)}>
        {(k) => (
          <span
            class="probbars__bar"
            classList={{ 'probbars__bar--pred': k === props.predicted, 'probbars__bar--true': k === props.truth }}
            style={{ height: `${Math.max(1, p(k) * 100)}%` }}
          />
        )}
      </For>
    </div>
  );
}
