import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkManifest, mostAccurate, type Manifest, type ModelEntry } from '../../src/core/manifest';
import { UsageError } from './cli-errors';
import { fileLoadHandler, writeJsonAtomically } from './model-files';

/** The shipped models folder (public/models), resolved from the repository root. */
export const MODELS_DIR = resolve(import.meta.dirname, '../../public/models');

/** The model photos use by default: `photo` when the manifest has it, else the most accurate. */
export function defaultPhotoModel(models: readonly ModelEntry[]): ModelEntry | undefined {
  return models.find((m) => m.id === 'photo') ?? mostAccurate({ version: 1, models: [...models] });
}

/** The manifest entry of model `id` (or of the default photo model); an unknown id is a UsageError naming the known ones. */
export function manifestEntry(id?: string, dir = MODELS_DIR): ModelEntry {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No model manifest at ${path}: train a model first (npm run train)`);
  const manifest = checkManifest(JSON.parse(readFileSync(path, 'utf8')));
  const entry = id ? manifest.models.find((m) => m.id === id) : defaultPhotoModel(manifest.models);
  if (!entry) {
    const known = manifest.models.map((m) => m.id).join(', ');
    throw id ? new UsageError(`unknown model "${id}"; known models: ${known}`) : new Error(`${path} lists no models`);
  }
  return entry;
}

/** Loads model `id` (or the default photo model) listed in `dir`/manifest.json. */
export async function loadManifestModel(
  id?: string,
  dir = MODELS_DIR,
): Promise<{ entry: ModelEntry; model: tf.LayersModel }> {
  const entry = manifestEntry(id, dir);
  const model = await tf.loadLayersModel(fileLoadHandler(join(dir, entry.file)));
  return { entry, model };
}

/** Class probabilities for `n` 28×28 inputs (flat, 0–1 floats), in batches: n × the model's outputs (10, more with user classes). */
export async function predictBatch(model: tf.LayersModel, inputs: Float32Array, batch = 256): Promise<Float32Array> {
  const n = inputs.length / 784;
  const classes = (model.outputs[0]!.shape[1] as number | null) ?? 10;
  const out = new Float32Array(n * classes);
  for (let start = 0; start < n; start += batch) {
    const m = Math.min(batch, n - start);
    const y = tf.tidy(
      () => model.predict(tf.tensor3d(inputs.subarray(start * 784, (start + m) * 784), [m, 28, 28])) as tf.Tensor,
    );
    out.set(await y.data(), start * classes);
    y.dispose();
  }
  return out;
}

/** Adds or replaces `entry` in `dir`/manifest.json (read just before writing, written atomically). */
export function upsertManifestEntry(dir: string, entry: ModelEntry): void {
  const path = join(dir, 'manifest.json');
  const manifest: Manifest = existsSync(path)
    ? checkManifest(JSON.parse(readFileSync(path, 'utf8')))
    : { version: 1, models: [] };
  manifest.models = [...manifest.models.filter((m) => m.id !== entry.id), entry].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  writeJsonAtomically(path, manifest);
}
