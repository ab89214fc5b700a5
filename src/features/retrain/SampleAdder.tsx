import { For, Show } from 'solid-js';
import type { RgbaImage } from '../../core/preprocess';
import { classIndices, classLabel } from '../../app/classes';
import { t } from '../../app/i18n';
import { input } from '../../app/state';
import { shownPhoto } from '../photo';
import { addSample, nextLabel, samples, setNextLabel } from './samples';

/** The drawing, unless it is blank paper (an example picked from the list clears the pad). */
function withInk(image: RgbaImage | null): RgbaImage | null {
  if (!image) return null;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 200 && image.data[i + 3]! > 0) return image;
  return null;
}

/**
 * Chooses a class and adds the current drawing or photo (as the model sees it) as a sample, with
 * a thumbnail of the photo or drawing it came from.
 */
export function SampleAdder(props: { thumbSource: () => RgbaImage | null }) {
  const add = (): void => {
    const x = input();
    const photo = shownPhoto();
    if (x) void addSample(x, photo ?? withInk(props.thumbSource()), nextLabel(), photo !== null);
  };
  return (
    <div class="retrain__add">
      <label class="field__label" for="retrain-label">
        {t('retrain.sampleLabel')}
      </label>
      <div class="retrain__add-row">
        <select
          id="retrain-label"
          data-testid="retrain-label"
          value={nextLabel()}
          onChange={(e) => setNextLabel(Number(e.currentTarget.value))}
        >
          <For each={classIndices()}>
            {(i) => (
              <option value={i} selected={i === nextLabel()}>
                {classLabel(i)}
              </option>
            )}
          </For>
        </select>
        <button type="button" class="btn btn--primary" data-testid="retrain-add" disabled={!input()} onClick={add}>
          {t('retrain.addSample')}
        </button>
      </div>
      <p class="retrain__count">
        {t('retrain.samplesHeading')}: <strong data-testid="retrain-count">{samples().length}</strong>
      </p>
      <Show when={!input()}>
        <p class="field__hint retrain__wide">{t('retrain.addHint')}</p>
      </Show>
    </div>
  );
}
