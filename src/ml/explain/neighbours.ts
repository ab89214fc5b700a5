import { IMAGE_PIXELS } from '../../core/classes';
import type { LabelledImages } from '../../core/dataset';
import {
  makeFeatureIndex,
  nearestRows,
  type FeatureIndex,
  type FeatureMetric,
  type Neighbour,
} from '../../core/explain/nearest';
import { batchedRows, type BatchOptions } from './batched-outputs';
import type { ExplainableModel } from './explainable';

/** Penultimate-layer features of `images` (count × 784 values, 0–1), batch by batch: count × dim. */
export function featureRows(
  net: ExplainableModel,
  images: Float32Array,
  { batchSize = 250, signal }: BatchOptions = {},
): Promise<Float32Array> {
  return batchedRows(net, images, (x) => net.features(x), batchSize, signal);
}

/**
 * The searchable penultimate-layer features of a labelled set (the shipped replay images): build
 * it once per model and keep it; {@link nearestImages} then costs one forward pass.
 */
export async function buildNeighbourIndex(
  net: ExplainableModel,
  set: LabelledImages,
  options: BatchOptions & { metric?: FeatureMetric } = {},
): Promise<FeatureIndex> {
  const scaled = Float32Array.from(set.images.subarray(0, set.count * IMAGE_PIXELS), (v) => v / 255);
  return makeFeatureIndex(
    await featureRows(net, scaled, options),
    set.labels.slice(0, set.count),
    options.metric ?? 'cosine',
  );
}

/** The `k` indexed images closest to `image` (784 values, 0–1) in the model's feature space. */
export async function nearestImages(
  net: ExplainableModel,
  index: FeatureIndex,
  image: Float32Array,
  k = 6,
): Promise<Neighbour[]> {
  return nearestRows(index, await featureRows(net, image), k);
}
