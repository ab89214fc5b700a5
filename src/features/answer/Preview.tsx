import { createEffect } from 'solid-js';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../core/classes';
import { inputToRgba } from '../../core/preprocess';
import { input } from '../../app/state';
import { t } from '../../app/i18n';

/** Whether `a` and `b` hold the same values (NaN never equals: a NaN-filled array matches nothing). */
function sameValues(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The 28×28 input exactly as the model receives it, scaled up with crisp pixels. */
export function Preview() {
  let canvas!: HTMLCanvasElement;
  // One image and one blank input for the component's life: a redraw per input allocates nothing.
  const image = new ImageData(IMAGE_SIDE, IMAGE_SIDE);
  const blank = new Float32Array(IMAGE_PIXELS);
  // What the canvas shows now: an answer whose input equals it (a stroke over ink already drawn, the
  // same example again) leaves the canvas alone.
  const shown = new Float32Array(IMAGE_PIXELS).fill(NaN);
  let context: CanvasRenderingContext2D | null | undefined;
  createEffect(() => {
    const next = input();
    // No input yet: the canvas's own black background (styles.css) already looks like a blank
    // input, and making its 2D context is a long task on a phone: that waits for the first input.
    if (!next && !context) return;
    const x = next ?? blank;
    if (sameValues(x, shown)) return;
    shown.set(x);
    inputToRgba(x, image.data);
    context ??= canvas.getContext('2d');
    context?.putImageData(image, 0, 0);
  });
  return (
    <figure class="preview">
      <canvas
        ref={(el) => (canvas = el)}
        data-testid="preview"
        width={IMAGE_SIDE}
        height={IMAGE_SIDE}
        role="img"
        aria-label={t('answer.preview')}
      />
      <figcaption>{t('answer.preview')}</figcaption>
    </figure>
  );
}
