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
 * Class probabilities (count × outputs, row-major: ten for the shipped models, more with user
 * classes) of `count` 28×28 images (uint8 0..255 or float 0..1) on the active backend,
 * in batches, reading each batch back with `await data()` so the UI thread never blocks on the GPU.
 */
export async function predictAll(
  model: LayersModel,
  images: Uint8Array | Float32Array,
  count: number,
  { batchSize = 500, onProgress, signal }: PredictAllOptions = {},
): Promise<Float32Array> {
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const width = (model.outputs[0]?.shape[1] as number | null) ?? NUM_CLASSES;
  const probs = new Float32Array(count * width);
  const scaled = new Float32Array(batchSize * IMAGE_PIXELS);
  for (let start = 0; start < count; start += batchSize) {
    if (signal?.aborted) throw signal.reason ?? new DOMException('Evaluation cancelled', 'AbortError');
    const n = Math.min(batchSize, count - start);
    const src = images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS);
    if (src instanceof Uint8Array) for (let i = 0; i < src.length; i++) scaled[i] = src[i]! / 255;
    else scaled.set(src);
    const out = tf.tidy(() => {
      const x = tf.tensor(scaled.subarray(0, n * IMAGE_PIXELS), [n, ...shape], 'float32');
      return model.predict(x) as tf.Tensor;
    });
    try {
      probs.set(await out.data(), start * width);
    } finally {
      out.dispose();
    }
    onProgress?.(start + n, count);
  }
  return probs;
}
