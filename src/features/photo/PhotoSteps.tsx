import { For, Show, createEffect } from 'solid-js';
import { IMAGE_SIDE } from '../../core/classes';
import type { PhotoSteps as Steps } from '../../core/photo/pipeline';
import { maskToRgba, type Plane } from '../../core/photo/raster';
import { inputToRgba, type RgbaImage } from '../../core/preprocess';
import { photoActive, photoSteps } from './photo';
import { t, type StringKey } from '../../app/i18n';

/** A grayscale plane (0 = black, 1 = white) as opaque RGBA. */
function planeToRgba(plane: Plane): RgbaImage {
  return { data: inputToRgba(plane.data), width: plane.width, height: plane.height };
}

const STEPS: { key: StringKey; step: string; image: (s: Steps) => RgbaImage | null }[] = [
  { key: 'photo.stepPhoto', step: 'photo', image: (s) => s.photo },
  { key: 'photo.stepMask', step: 'mask', image: (s) => maskToRgba(s.mask) },
  { key: 'photo.stepCrop', step: 'crop', image: (s) => (s.crop ? planeToRgba(s.crop) : null) },
  {
    key: 'photo.stepInput',
    step: 'input',
    image: (s) => (s.input ? { data: inputToRgba(s.input), width: IMAGE_SIDE, height: IMAGE_SIDE } : null),
  },
];

function paint(canvas: HTMLCanvasElement, image: RgbaImage | null): void {
  canvas.width = image?.width ?? 1;
  canvas.height = image?.height ?? 1;
  const ctx = canvas.getContext('2d');
  if (ctx && image) ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
}

/** The photo's way to the model, side by side: photo → garment mask → crop on white → 28×28. */
export function PhotoSteps() {
  return (
    <Show when={photoActive() && photoSteps()}>
      {(steps) => (
        <figure class="photo-steps" data-testid="photo-steps">
          <figcaption class="eyebrow">{t('photo.stepsTitle')}</figcaption>
          <ol>
            <For each={STEPS}>
              {(s) => {
                let canvas!: HTMLCanvasElement;
                createEffect(() => paint(canvas, s.image(steps())));
                return (
                  <li>
                    <canvas
                      ref={(el) => (canvas = el)}
                      data-testid="photo-step"
                      data-step={s.step}
                      role="img"
                      aria-label={t(s.key)}
                    />
                    <span>{t(s.key)}</span>
                  </li>
                );
              }}
            </For>
          </ol>
        </figure>
      )}
    </Show>
  );
}
