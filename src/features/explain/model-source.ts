import { activeClassifier } from '../../app/engine';
import { assetUrl } from '../../app/assets';
import { modelId, models } from '../../app/state';
import { activeVersion } from '../../app/user-model';
import type { ModelSource } from '../../ml/explain/worker-client';

/** Names the model in use (a stored version's id, or the manifest id); null while none is loaded. */
export function modelKey(): string | null {
  const version = activeVersion();
  if (version) return `version:${version}`;
  return modelId() ? `model:${modelId()}` : null;
}

/**
 * Where the worker gets the model in use: the shipped model.json (precached), or, for the user's
 * own version, the loaded model's topology and weights (read once per version).
 */
export async function modelSource(key: string): Promise<ModelSource> {
  if (key.startsWith('model:')) {
    const entry = models().find((m) => `model:${m.id}` === key);
    if (!entry) throw new Error(`model ${key} is not in the manifest`);
    return { key, url: new URL(assetUrl(`models/${entry.file}`), location.href).href };
  }
  const classifier = activeClassifier();
  if (!classifier) throw new Error('no model is loaded');
  return { key, parts: await classifier.parts() };
}
