import { createEffect } from 'solid-js';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../core/classes';
import { inputToRgba } from '../../core/preprocess';
import { input } from '../../app/state';
import { t } from '../../app/i18n';

/** The 28×28 input exactly as the model receives it, scaled up with crisp pixels. */
export function Preview() {
  let canvas!: HTMLCanvasElement;
  // One image and one blank input for the component's life: a redraw per input allocates nothing.
  const image = new ImageData(IMAGE_SIDE, IMAGE_SIDE);
  const blank = new Float32Array(IMAGE_PIXELS);
  createEffect(() => {
    inputToRgba(input() ?? blank, image.data);
    canvas.getContext('2d')?.putImageData(image, 0, 0);
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
