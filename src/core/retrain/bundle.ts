import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { VersionMeta, VersionSlot } from './retrain-store';
import { isSample, type Sample } from './samples';

/** File names inside an exported version (.zip). */
export const BUNDLE_FILES = {
  model: 'model.json',
  weights: 'weights.bin',
  samples: 'samples.json',
  meta: 'meta.json',
} as const;

const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** A tfjs layers model.json whose weights sit in one file. */
export function modelJson(slot: Pick<VersionSlot, 'topology' | 'weightSpecs'>, weightsPath: string): object {
  return {
    format: 'layers-model',
    generatedBy: 'Prenda',
    convertedBy: null,
    modelTopology: slot.topology,
    weightsManifest: [{ paths: [weightsPath], weights: slot.weightSpecs }],
  };
}

const toBase64 = (bytes: Uint8Array): string => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const json = (value: unknown): Uint8Array => strToU8(JSON.stringify(value));

/** One zip with a version's model (standard tfjs layers files), its metadata and the samples. */
export function encodeBundle(slot: VersionSlot, samples: readonly Sample[]): Uint8Array {
  const encoded = samples.map((s) => ({
    id: s.id,
    label: s.label,
    createdAt: s.createdAt,
    pixels: toBase64(s.pixels),
    thumb: s.thumb ? toBase64(s.thumb) : null,
  }));
  return zipSync({
    [BUNDLE_FILES.model]: json(modelJson(slot, BUNDLE_FILES.weights)),
    [BUNDLE_FILES.weights]: [new Uint8Array(slot.weightData), { level: 6 }],
    [BUNDLE_FILES.samples]: json({ version: 1, samples: encoded }),
    [BUNDLE_FILES.meta]: json(slot.meta),
  });
}

/** What a bundle holds: the model's parts, its metadata and the samples. */
export interface DecodedBundle {
  topology: object;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
  meta: VersionMeta;
  samples: Sample[];
}

/** Reads a zip written by {@link encodeBundle}; throws with what is missing or malformed. */
export function decodeBundle(bytes: Uint8Array): DecodedBundle {
  const wanted = new Set<string>(Object.values(BUNDLE_FILES));
  const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) && f.originalSize <= MAX_ENTRY_BYTES });
  const need = (name: string): Uint8Array => {
    const file = files[name];
    if (!file) throw new Error(`${name} is missing from the file`);
    return file;
  };
  const model = JSON.parse(strFromU8(need(BUNDLE_FILES.model))) as {
    modelTopology?: object;
    weightsManifest?: { weights?: unknown[] }[];
  };
  if (!model.modelTopology || !Array.isArray(model.weightsManifest))
    throw new Error('model.json is not a tfjs layers model');
  const meta = JSON.parse(strFromU8(need(BUNDLE_FILES.meta))) as VersionMeta;
  if (typeof meta.id !== 'string' || typeof meta.createdAt !== 'number') throw new Error('meta.json is malformed');
  const raw = JSON.parse(strFromU8(need(BUNDLE_FILES.samples))) as { samples?: Record<string, unknown>[] };
  const samples = (raw.samples ?? []).map((s) => ({
    ...s,
    pixels: typeof s.pixels === 'string' ? fromBase64(s.pixels) : null,
    thumb: typeof s.thumb === 'string' ? fromBase64(s.thumb) : null,
  }));
  const bad = samples.findIndex((s) => !isSample(s));
  if (bad >= 0) throw new Error(`sample ${bad + 1} in samples.json is malformed`);
  const weights = need(BUNDLE_FILES.weights);
  return {
    topology: model.modelTopology,
    weightSpecs: model.weightsManifest.flatMap((g) => g.weights ?? []),
    weightData: weights.slice().buffer,
    meta,
    samples: samples as Sample[],
  };
}
