import { occludedImages, occlusionWindows, spreadDrops } from '../../core/explain/occlusion-windows';
import { batchedOutputs, type BatchOptions } from './batched-outputs';
import type { ExplainableModel } from './explainable';
import { targetOf, type ClassPair, type OutputSpace } from './target';

/** Choices of occlusion sensitivity (defaults: the measured best, docs/explanations.md). */
export interface OcclusionOptions extends BatchOptions {
  patch?: number;
  stride?: number;
  /** Value painted over the hidden patch (0 = background). */
  baseline?: number;
  space?: OutputSpace;
  /** Gives 0 to pixels already at the baseline: hiding them changes nothing, so they pushed nothing. */
  foregroundOnly?: boolean;
}

/** Defaults of {@link occlusionMaps}. */
export const OCCLUSION_DEFAULTS = {
  patch: 4,
  stride: 2,
  baseline: 0,
  space: 'logit',
  foregroundOnly: true,
} as const;

/**
 * Occluded images per forward pass. Measured on wasm (cnn, 170 images per map): CPU ms per
 * explanation 41–55 at 32, 37 at 64, 35 at 128, 33–35 in one batch; 64 keeps each batch (the
 * longest a newer input or a waiting prediction can be held up) near 12 ms for 2 ms more in all.
 */
export const OCCLUSION_BATCH = 64;

/**
 * Occlusion sensitivity of each target: hide every patch in turn and record how much the
 * target's value drops; a pixel's value is the mean drop of the patches covering it (positive =
 * the pixel pushed towards the class). One set of forward passes serves all targets.
 */
export async function occlusionMaps(
  net: ExplainableModel,
  image: Float32Array,
  targets: readonly ClassPair[],
  options: OcclusionOptions = {},
): Promise<Float32Array[]> {
  const D = OCCLUSION_DEFAULTS;
  const { patch = D.patch, stride = D.stride, baseline = D.baseline, space = D.space } = options;
  const foregroundOnly = options.foregroundOnly ?? D.foregroundOnly;
  const windows = occlusionWindows(patch, stride);
  const batch = new Float32Array((windows.length + 1) * image.length);
  batch.set(image);
  batch.set(occludedImages(image, windows, patch, baseline), image.length);
  const rows = await batchedOutputs(net, batch, space, { ...options, batchSize: options.batchSize ?? OCCLUSION_BATCH });
  const width = rows.length / (windows.length + 1);
  const row = (i: number) => rows.subarray(i * width, (i + 1) * width);
  return targets.map((t) => {
    const whole = targetOf(row(0), t);
    const drops = windows.map((_, w) => whole - targetOf(row(w + 1), t));
    const map = spreadDrops(drops, windows, patch);
    return foregroundOnly ? map.map((v, i) => (image[i] === baseline ? 0 : v)) : map;
  });
}
