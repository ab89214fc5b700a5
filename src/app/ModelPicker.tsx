import { For, Show } from 'solid-js';
import type { ModelEntry } from '../core/manifest';
import { modelId, models } from './state';
import { selectModel } from './engine';
import { lang, t } from './strings';

/** "1.2 MB" / "350 kB" for a byte count. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

function optionText(m: ModelEntry): string {
  const acc = `${(m.testAccuracy * 100).toFixed(1)} %`;
  return t('modelOption', { name: m.names[lang()] ?? m.id, acc, size: formatBytes(m.bytes) });
}

function details(m: ModelEntry): Record<string, string> {
  return {
    acc: `${(m.testAccuracy * 100).toFixed(1)} %`,
    size: formatBytes(m.bytes),
    params: m.parameters.toLocaleString(lang()),
  };
}

/** Chooses the model among those of the manifest, showing each one's test accuracy and size. */
export function ModelPicker() {
  return (
    <label class="field">
      <span class="field__label">{t('model')}</span>
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
        {(m) => <span class="field__hint">{t('modelDetails', details(m()))}</span>}
      </Show>
    </label>
  );
}
