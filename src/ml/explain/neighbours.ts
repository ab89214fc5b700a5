import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_PIXELS } from '../../core/classes';
import type { LabelledImages } from '../../core/dataset';
import {
  makeFeatureIndex,
  nearestRows,
  type FeatureIndex,
  type FeatureMetric,
  type Neighbour,
} from '../../core/explain/nearest';
import type { BatchOptions } from './batched-outputs';
import { checkpoint } from './cancel';
import type { ExplainableModel } from './explainable';

/** Penultimate-layer features of `images` (count × 784 values, 0–1), batch by batch: count × dim. */
export async function featureRows(
  net: ExplainableModel,
  images: Float32Array,
  { batchSize = 250, signal }: BatchOptions = {},
): Promise<Float32Array> {
  const count = images.length / IMAGE_PIXELS;
  let rows = new Float32Array(0);
  for (let start = 0; start < count; start += batchSize) {
    await checkpoint(signal);
    const n = Math.min(batchSize, count - start);
    const out = tf.tidy(() =>
      net.features(
        tf.tensor(images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS), [n, ...net.inputShape]),
      ),
    );
    try {
      const values = (await out.data()) as Float32Array;
      if (start === 0) rows = new Float32Array(count * out.shape[1]!);
      rows.set(values, start * out.shape[1]!);
    } finally {
      out.dispose();
    }
  }
  return rows;
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
