import { For, Show } from 'solid-js';
import type { ModelEntry } from '../core/manifest';
import { selectModel } from './engine';
import { format } from './format';
import { lang, t } from './i18n';
import { modelId, models } from './state';

function optionText(m: ModelEntry): string {
  const acc = format.percent(m.testAccuracy);
  return t('app.modelOption', { name: m.names[lang()] ?? m.id, acc, size: format.bytes(m.bytes) });
}

function details(m: ModelEntry): Record<string, string> {
  return {
    acc: format.percent(m.testAccuracy),
    size: format.bytes(m.bytes),
    params: format.number(m.parameters),
  };
}

/** Chooses the model among those of the manifest, showing each one's test accuracy and size. */
export function ModelPicker() {
  return (
    <label class="field">
      <span class="field__label">{t('app.model')}</span>
      <select
        data-testid="model-select"
        value={modelId()}
        disabled={models().length === 0}
        onChange={(e) => void selectModel(e.currentTarget.value)}
      >
        <For each={models()}>
          {(m) => (
            <option value={m.id} selected={m.id === modelId()}>
              {optionText(m)}
            </option>
          )}
        </For>
      </select>
      <Show when={models().find((m) => m.id === modelId())}>
        {(m) => <span class="field__hint">{t('app.modelDetails', details(m()))}</span>}
      </Show>
    </label>
  );
}
