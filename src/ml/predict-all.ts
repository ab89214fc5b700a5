import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS, NUM_CLASSES } from '../core/classes';

/** Options of {@link predictAll}. */
export interface PredictAllOptions {
  /** Images per predict call. */
  batchSize?: number;
  /** Called after each batch with the number of images done. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Probabilities of the ten Fashion-MNIST classes (count × 10, row-major; a model's further user classes are left out) of `count` uint8 28×28 images on the active backend,
 * in batches, reading each batch back with `await data()` so the UI thread never blocks on the GPU.
 */
export async function predictAll(
  model: LayersModel,
  images: Uint8Array,
  count: number,
  { batchSize = 500, onProgress, signal }: PredictAllOptions = {},
): Promise<Float32Array> {
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const probs = new Float32Array(count * NUM_CLASSES);
  const scaled = new Float32Array(batchSize * IMAGE_PIXELS);
  for (let start = 0; start < count; start += batchSize) {
    if (signal?.aborted) throw signal.reason ?? new DOMException('Evaluation cancelled', 'AbortError');
    const n = Math.min(batchSize, count - start);
    const src = images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS);
    for (let i = 0; i < src.length; i++) scaled[i] = src[i]! / 255;
    const out = tf.tidy(() => {
      const x = tf.tensor(scaled.subarray(0, n * IMAGE_PIXELS), [n, ...shape], 'float32');
      return model.predict(x) as tf.Tensor;
    });
    try {
      const rows = await out.data();
      const width = out.shape[1] ?? NUM_CLASSES;
      // A model with user classes: only the ten Fashion-MNIST outputs are kept (what the test set scores).
      for (let i = 0; i < n; i++)
        probs.set(rows.subarray(i * width, i * width + NUM_CLASSES), (start + i) * NUM_CLASSES);
    } finally {
      out.dispose();
    }
    onProgress?.(start + n, count);
  }
  return probs;
}
