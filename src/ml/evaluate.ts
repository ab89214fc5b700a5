import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../core/classes';
import type { LabelledImages } from '../core/dataset';
import { sparseCrossEntropy } from './losses';

/** Loss, accuracy and per-image predictions of a model on a labelled set. */
export interface Evaluation {
  loss: number;
  accuracy: number;
  predicted: Uint8Array;
  /** count × classes probabilities, row-major (10 for the shipped models). */
  probs: Float32Array;
}

/** Copies images `start..start+n` of a uint8 set into a [n, 28, 28] tensor scaled to 0–1. */
export function imagesToTensor(images: Uint8Array, start: number, n: number): tf.Tensor3D {
  const values = new Float32Array(n * IMAGE_PIXELS);
  const src = images.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS);
  for (let i = 0; i < values.length; i++) values[i] = src[i]! / 255;
  return tf.tensor3d(values, [n, IMAGE_SIDE, IMAGE_SIDE]);
}

/** Evaluates `model` on `set` in batches (inference mode: dropout off, batch-norm moving stats). */
export async function evaluate(model: tfl.LayersModel, set: LabelledImages, batchSize = 1000): Promise<Evaluation> {
  const classes = (model.outputs[0]!.shape[1] as number | null) ?? 10;
  const probs = new Float32Array(set.count * classes);
  let lossSum = 0;
  for (let start = 0; start < set.count; start += batchSize) {
    const n = Math.min(batchSize, set.count - start);
    const [p, loss] = tf.tidy(() => {
      const x = tf.reshape(imagesToTensor(set.images, start, n), [n, ...(model.inputs[0]!.shape.slice(1) as number[])]);
      const y = tf.tensor1d(set.labels.subarray(start, start + n), 'int32');
      const out = model.predict(x) as tf.Tensor2D;
      return [out, sparseCrossEntropy(y, out)] as const;
    });
    probs.set(await p.data(), start * classes);
    lossSum += (await loss.data())[0]! * n;
    tf.dispose([p, loss]);
  }
  const predicted = new Uint8Array(set.count);
  let right = 0;
  for (let i = 0; i < set.count; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[i * classes + k]! > probs[i * classes + best]!) best = k;
    predicted[i] = best;
    if (best === set.labels[i]) right++;
  }
  return { loss: lossSum / set.count, accuracy: right / set.count, predicted, probs };
}
