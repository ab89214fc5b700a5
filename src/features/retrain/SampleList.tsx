import { For, Show, createEffect } from 'solid-js';
import { IMAGE_SIDE } from '../../core/classes';
import { THUMB_SIDE, type Sample } from '../../core/retrain/samples';
import { classIndices, classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { deleteSample, relabelSample, samples } from './samples';

/** The sample's thumbnail (its drawing, ink on paper), else its 28×28 input as the model sees it. */
function SampleImage(props: { sample: Sample; n: number }) {
  let canvas!: HTMLCanvasElement;
  const side = () => (props.sample.thumb ? THUMB_SIDE : IMAGE_SIDE);
  createEffect(() => {
    const gray = props.sample.thumb ?? props.sample.pixels;
    const rgba = new Uint8ClampedArray(gray.length * 4);
    for (let i = 0; i < gray.length; i++) rgba.fill(gray[i]!, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
    canvas.getContext('2d')?.putImageData(new ImageData(rgba, side(), side()), 0, 0);
  });
  return (
    <canvas
      ref={(el) => (canvas = el)}
      class="sample__image"
      classList={{ 'sample__image--input': !props.sample.thumb }}
      width={side()}
      height={side()}
      role="img"
      aria-label={t('retrain.sampleImage', { n: format.number(props.n) })}
    />
  );
}

/** The user's samples: see each one, change its class or delete it. */
export function SampleList() {
  return (
    <Show when={samples().length > 0} fallback={<p class="field__hint">{t('retrain.noSamples')}</p>}>
      <ul class="samples" data-testid="retrain-samples">
        <For each={samples()}>
          {(sample, i) => (
            <li class="sample" data-testid="retrain-sample" data-id={sample.id} data-label={sample.label}>
              <SampleImage sample={sample} n={i() + 1} />
              <select
                class="sample__label"
                data-testid="sample-label"
                aria-label={t('retrain.relabel', { n: format.number(i() + 1) })}
                value={sample.label}
                onChange={(e) => void relabelSample(sample.id, Number(e.currentTarget.value))}
              >
                <For each={classIndices()}>
                  {(k) => (
                    <option value={k} selected={k === sample.label}>
                      {classLabel(k)}
                    </option>
                  )}
                </For>
              </select>
              <button
                type="button"
                class="btn btn--quiet sample__delete"
                data-testid="sample-delete"
                aria-label={t('retrain.deleteSample', { n: format.number(i() + 1) })}
                onClick={() => void deleteSample(sample.id)}
              >
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
