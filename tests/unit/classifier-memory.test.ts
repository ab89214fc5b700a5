import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { layers, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../../src/ml/classifier';

/** A tiny model with the app's input and output shapes. */
function tinyModel(): Classifier {
  const model = sequential({
    layers: [
      layers.flatten({ inputShape: [28, 28] }),
      layers.dense({ units: 16, activation: 'relu' }),
      layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  return new Classifier(model);
}

describe('Classifier', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  it('returns ten probabilities summing to 1', async () => {
    const c = tinyModel();
    const p = await c.predict(Float32Array.from({ length: 784 }, (_, i) => (i % 7) / 7));
    expect(p).toBeInstanceOf(Float32Array);
    expect(p).toHaveLength(10);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    c.dispose();
  });

  it('leaks no tensors over 500 predictions', async () => {
    const c = tinyModel();
    await c.warmUp();
    const before = tf.memory().numTensors;
    const input = new Float32Array(784).fill(0.5);
    for (let i = 0; i < 500; i++) await c.predict(input);
    expect(tf.memory().numTensors).toBe(before);
    c.dispose();
  });

  it('rejects inputs of the wrong size', async () => {
    const c = tinyModel();
    await expect(c.predict(new Float32Array(10))).rejects.toThrow(/784/);
    c.dispose();
  });
});
