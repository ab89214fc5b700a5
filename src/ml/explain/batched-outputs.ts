import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../core/classes';
import { checkpoint } from './cancel';
import type { ExplainableModel } from './explainable';
import { outputs, type OutputSpace } from './target';

/** Options shared by everything that runs many images through the model. */
export interface BatchOptions {
  /** Images per forward pass. */
  batchSize?: number;
  /** Checked between batches; an abort rejects with the signal's reason and leaves no tensors. */
  signal?: AbortSignal;
}

/** Rows of ten outputs (`space`) of `images` (count × 784 values, 0–1), batch by batch: count × 10. */
export async function batchedOutputs(
  net: ExplainableModel,
  images: Float32Array,
  space: OutputSpace,
  { batchSize = 128, signal }: BatchOptions = {},
): Promise<Float32Array> {
  const count = images.length / IMAGE_PIXELS;
  const rows = new Float32Array(count * NUM_CLASSES);
  for (let start = 0; start < count; start += batchSize) {
    await checkpoint(signal);
    const n = Math.min(batchSize, count - start);
    const out = tf.tidy(() => {
      const x = tf.tensor(images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS), [n, ...net.inputShape]);
      return outputs(net, x, space);
    });
    try {
      rows.set(await out.data(), start * NUM_CLASSES);
    } finally {
      out.dispose();
    }
  }
  return rows;
}
