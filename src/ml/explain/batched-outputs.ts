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

/**
 * Runs `run` on `images` (count × 784 values, 0–1) batch by batch and gathers its rows: count × width,
 * the width being whatever `run` returns (classes, features). Tensors never outlive a batch.
 */
export async function batchedRows(
  net: ExplainableModel,
  images: Float32Array,
  run: (x: tf.Tensor) => tf.Tensor,
  batchSize: number,
  signal?: AbortSignal,
): Promise<Float32Array> {
  const count = images.length / IMAGE_PIXELS;
  let rows = new Float32Array(0);
  for (let start = 0; start < count; start += batchSize) {
    await checkpoint(signal);
    const n = Math.min(batchSize, count - start);
    const out = tf.tidy(() =>
      run(tf.tensor(images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS), [n, ...net.inputShape])),
    );
    try {
      const width = out.shape[1]!;
      if (rows.length === 0) rows = new Float32Array(count * width);
      rows.set(await out.data(), start * width);
    } finally {
      out.dispose();
    }
  }
  return rows;
}

/** Rows of outputs (`space`, one per class: ten, more with user classes) of `images`: count × classes. */
export function batchedOutputs(
  net: ExplainableModel,
  images: Float32Array,
  space: OutputSpace,
  { batchSize = 128, signal }: BatchOptions = {},
): Promise<Float32Array> {
  return batchedRows(net, images, (x) => outputs(net, x, space), batchSize, signal);
}
