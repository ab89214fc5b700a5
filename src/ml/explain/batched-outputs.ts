import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_PIXELS } from '../../core/classes';
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

/** Rows of outputs (`space`, one per class) of `images` (count × 784 values, 0–1), batch by batch: count × classes. */
export async function batchedOutputs(
  net: ExplainableModel,
  images: Float32Array,
  space: OutputSpace,
  { batchSize = 128, signal }: BatchOptions = {},
): Promise<Float32Array> {
  const count = images.length / IMAGE_PIXELS;
  let rows = new Float32Array(0);
  for (let start = 0; start < count; start += batchSize) {
    await checkpoint(signal);
    const n = Math.min(batchSize, count - start);
    const out = tf.tidy(() => {
      const x = tf.tensor(images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS), [n, ...net.inputShape]);
      return outputs(net, x, space);
    });
    try {
      // Ten outputs for the shipped models, more once a user added classes.
      const width = out.shape[1]!;
      if (rows.length === 0) rows = new Float32Array(count * width);
      rows.set(await out.data(), start * width);
    } finally {
      out.dispose();
    }
  }
  return rows;
}
