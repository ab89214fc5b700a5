import type * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { classifyWithTta } from '../../src/core/photo/tta';
import { predictBatch } from './manifest-model';

/** A batch classifier over a Node model, in the shape {@link classifyWithTta} asks for. */
export function nodeClassifier(model: tf.LayersModel): (batch: Float32Array[]) => Promise<Float32Array[]> {
  return async (batch) => {
    const flat = new Float32Array(batch.length * IMAGE_PIXELS);
    batch.forEach((x, i) => flat.set(x, i * IMAGE_PIXELS));
    const p = await predictBatch(model, flat);
    const width = p.length / Math.max(1, batch.length);
    return batch.map((_, i) => p.slice(i * width, (i + 1) * width));
  };
}

/** Probabilities (n × outputs, flat) of uint8 28×28 `images` with the app's test-time views averaged. */
export async function photoProbs(model: tf.LayersModel, images: Uint8Array): Promise<Float32Array> {
  const n = images.length / IMAGE_PIXELS;
  const inputs = [...Array(n).keys()].map((i) =>
    Float32Array.from(images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), (v) => v / 255),
  );
  const probs = await classifyWithTta(inputs, nodeClassifier(model));
  const width = probs[0]?.length ?? 0;
  const out = new Float32Array(n * width);
  probs.forEach((p, i) => out.set(p, i * width));
  return out;
}
