import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { layers, loadLayersModel, sequential, type LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { softmax } from '../../src/core/softmax';
import { Classifier } from '../../src/ml/classifier';
import { fileLoadHandler } from '../../scripts/lib/model-files';

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

/** Inputs with some structure (not all zeros): a few shifted ramps. */
const inputs = Array.from({ length: 4 }, (_, k) =>
  Float32Array.from({ length: 784 }, (_, i) => ((i * (k + 3)) % 29) / 29),
);

/** What the whole model says for `input` (its own predict, softmax included). */
function whole(model: LayersModel, input: Float32Array): Float32Array {
  return tf.tidy(() => (model.predict(tf.tensor(input, [1, 28, 28])) as tf.Tensor).dataSync() as Float32Array);
}

describe('softmax', () => {
  it('sums to 1, keeps the order and does not overflow on large logits', () => {
    const p = softmax([1000, 1001, 999]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(p[0]).toBeGreaterThan(p[2]!);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-1) + Math.exp(-2)), 6);
  });
});

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

  it('answers as the whole shipped model does (its softmax head is run apart)', async () => {
    for (const id of ['cnn', 'mlp']) {
      const model = await loadLayersModel(fileLoadHandler(`public/models/${id}/model.json`));
      const c = new Classifier(model);
      for (const input of inputs) {
        const expected = whole(model, input);
        const got = await c.predict(input);
        expect(got).toHaveLength(10);
        for (let i = 0; i < 10; i++) expect(got[i]).toBeCloseTo(expected[i]!, 6);
      }
      c.dispose();
    }
  });

  it('runs other models whole: a separate softmax layer, or logits left as they are', async () => {
    const separate = sequential({
      layers: [
        layers.flatten({ inputShape: [28, 28] }),
        layers.dense({ units: 10 }),
        layers.activation({ activation: 'softmax' }),
      ],
    });
    const logits = sequential({ layers: [layers.flatten({ inputShape: [28, 28] }), layers.dense({ units: 10 })] });
    const sums: number[] = [];
    for (const model of [separate, logits]) {
      const c = new Classifier(model);
      const expected = whole(model, inputs[0]!);
      const got = await c.predict(inputs[0]!);
      for (let i = 0; i < 10; i++) expect(got[i]).toBeCloseTo(expected[i]!, 6);
      sums.push(got.reduce((a, b) => a + b, 0));
      c.dispose();
    }
    // The softmax layer's outputs sum to 1; the logits model's do not: no softmax was slipped in.
    expect(sums[0]).toBeCloseTo(1, 5);
    expect(Math.abs(sums[1]! - 1)).toBeGreaterThan(1e-3);
  });

  it('rejects inputs of the wrong size', async () => {
    const c = tinyModel();
    await expect(c.predict(new Float32Array(10))).rejects.toThrow(/784/);
    c.dispose();
  });
});
