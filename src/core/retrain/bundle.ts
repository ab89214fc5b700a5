import { strToU8, zipSync } from 'fflate';
import type { VersionSlot } from './retrain-store';
import { BUNDLE_FILES } from './bundle-files';
import { readBundle } from './read-bundle';
import type { Sample } from './samples';

export { BUNDLE_FILES } from './bundle-files';
export type { DecodedBundle } from './read-bundle';

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

const json = (value: unknown): Uint8Array => strToU8(JSON.stringify(value));

/** One zip with a version's model (standard tfjs layers files), its metadata and the samples. */
export function encodeBundle(slot: VersionSlot, samples: readonly Sample[]): Uint8Array {
  const encoded = samples.map((s) => ({
    id: s.id,
    label: s.label,
    createdAt: s.createdAt,
    pixels: toBase64(s.pixels),
    thumb: s.thumb ? toBase64(s.thumb) : null,
    ...(s.variants && { variants: toBase64(s.variants) }),
  }));
  return zipSync({
    [BUNDLE_FILES.model]: json(modelJson(slot, BUNDLE_FILES.weights)),
    [BUNDLE_FILES.weights]: [new Uint8Array(slot.weightData), { level: 6 }],
    [BUNDLE_FILES.samples]: json({ version: 1, samples: encoded }),
    [BUNDLE_FILES.meta]: json(slot.meta),
  });
}

/** Reads a zip written by {@link encodeBundle}, checked completely (see readBundle); throws ImportError. */
export const decodeBundle = (bytes: Uint8Array) => readBundle(bytes);
