// Real bundles and model files for the import tests: the shipped mlp, exported as the app does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { encodeBundle } from '../../src/core/retrain/bundle';
import { IMAGE_PIXELS } from '../../src/core/classes';
import type { VersionSlot } from '../../src/core/retrain/retrain-store';
import type { Sample } from '../../src/core/retrain/samples';

const MODELS = resolve(import.meta.dirname, '../../public/models');

/** The shipped mlp's model.json text and weight bytes. */
export function shippedMlp(): { json: string; weights: Uint8Array; model: Record<string, unknown> } {
  const json = readFileSync(resolve(MODELS, 'mlp/model.json'), 'utf8');
  const weights = new Uint8Array(readFileSync(resolve(MODELS, 'mlp/group1-shard1of1.bin')));
  return { json, weights, model: JSON.parse(json) as Record<string, unknown> };
}

const none = { user: null, test: null };

/** A version slot holding the shipped mlp, as a retraining run would store it. */
export function mlpSlot(id = 'v-test'): VersionSlot {
  const { model, weights } = shippedMlp();
  const manifest = model.weightsManifest as { weights: unknown[] }[];
  return {
    id,
    topology: model.modelTopology as object,
    weightSpecs: manifest.flatMap((g) => g.weights),
    weightData: weights.slice().buffer,
    meta: {
      ...{ id, createdAt: 1_700_000_000_000, source: 'retrain', baseModelId: 'mlp', samples: 8, heldOut: 2 },
      ...{
        epochs: 5,
        learningRate: 0.001,
        backend: 'wasm (worker)',
        seconds: 3,
        before: none,
        after: { user: 1, test: 0.8 },
      },
    },
  };
}

/** A sample of class `label` with a thumbnail. */
export function sample(id: string, label = 8): Sample {
  return {
    id,
    label,
    pixels: new Uint8Array(IMAGE_PIXELS).fill(label),
    thumb: new Uint8Array(48 * 48).fill(200),
    createdAt: 2,
  };
}

/** The files of a bundle as the app exports it, for editing one before zipping again. */
export function bundleEntries(slot = mlpSlot(), samples: Sample[] = [sample('s1')]): Record<string, Uint8Array> {
  return unzipSync(encodeBundle(slot, samples));
}

/** Zips `entries` (text entries given as strings). */
export function zipOf(entries: Record<string, Uint8Array | string>): Uint8Array {
  const files: Zippable = {};
  for (const [name, value] of Object.entries(entries)) files[name] = typeof value === 'string' ? strToU8(value) : value;
  return zipSync(files);
}
