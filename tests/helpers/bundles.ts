// Real bundles and model files for the import tests: the shipped mlp, exported as the app does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { encodeBundle } from '../../src/core/retrain/bundle';
import { IMAGE_PIXELS } from '../../src/core/classes';
import type { VersionSlot } from '../../src/core/retrain/retrain-store';
import type { Sample } from '../../src/core/retrain/samples';

const MODELS = resolve(import.meta.dirname, '../../public/models');

interface ShippedSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

/** The shipped mlp's files as they are on disk (its weights are stored as 8-bit, see the manifest). */
export function shippedMlpFiles(): { json: string; weights: Uint8Array } {
  const json = readFileSync(resolve(MODELS, 'mlp/model.json'), 'utf8');
  return { json, weights: new Uint8Array(readFileSync(resolve(MODELS, 'mlp/group1-shard1of1.bin'))) };
}

/** Float32 values of weights stored as float32 or as tfjs's affine uint8 (value = min + scale·q). */
function dequantize(specs: readonly ShippedSpec[], data: Uint8Array): { specs: ShippedSpec[]; weights: Uint8Array } {
  const count = (s: ShippedSpec) => s.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(specs.reduce((n, s) => n + count(s), 0));
  let read = 0;
  let written = 0;
  for (const spec of specs) {
    const n = count(spec);
    const q = spec.quantization;
    if (!q) {
      out.set(new Float32Array(data.slice(read, read + n * 4).buffer), written);
      read += n * 4;
    } else if (q.dtype === 'uint8') {
      for (let k = 0; k < n; k++) out[written + k] = q.min! + q.scale! * data[read + k]!;
      read += n;
    } else throw new Error(`test helper: ${q.dtype} weights are not handled`);
    written += n;
  }
  return {
    specs: specs.map(({ name, shape, dtype }) => ({ name, shape, dtype })),
    weights: new Uint8Array(out.buffer),
  };
}

/**
 * The shipped mlp as the app stores and exports a version of it: model.json text and float32
 * weight bytes (a retrained or exported version is always float32, whatever the shipped encoding).
 */
export function shippedMlp(): { json: string; weights: Uint8Array; model: Record<string, unknown> } {
  const files = shippedMlpFiles();
  const model = JSON.parse(files.json) as { weightsManifest: { paths: string[]; weights: ShippedSpec[] }[] };
  const { specs, weights } = dequantize(
    model.weightsManifest.flatMap((g) => g.weights),
    files.weights,
  );
  const float32 = { ...model, weightsManifest: [{ paths: model.weightsManifest[0]!.paths, weights: specs }] };
  return { json: JSON.stringify(float32), weights, model: float32 as unknown as Record<string, unknown> };
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
