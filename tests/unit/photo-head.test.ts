import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random';
import { FOOTWEAR_LABEL, headOf, headProbs, splitCnn, trainHead } from '../../scripts/lib/photo-head';

/** A tiny cnn-shaped model (Flatten, dropout, two Dense layers) standing in for the shipped one. */
function tinyCnn(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [28, 28] }),
      tf.layers.dropout({ rate: 0.2 }),
      tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: 'glorotUniform' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

describe('photo head training with the footwear-sum target', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('moves photos labelled "any footwear" into sandal + sneaker + boot, not one fixed class', async () => {
    const split = splitCnn(tinyCnn());
    const random = seededRandom(3);
    const n = 64;
    const features = Float32Array.from({ length: n * split.width }, () => random());
    const labels = new Uint8Array(n).fill(FOOTWEAR_LABEL);
    const head = headOf(split, 1);
    const before = await headProbs(head, features, split.width);
    await trainHead(
      head,
      { features, labels, width: split.width },
      { epochs: 30, lr: 0.01, random, footwearSum: true },
    );
    const after = await headProbs(head, features, split.width);
    const footwear = (p: Float32Array) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += p[i * 10 + 5]! + p[i * 10 + 7]! + p[i * 10 + 9]!;
      return s / n;
    };
    expect(footwear(before)).toBeLessThan(0.6);
    expect(footwear(after)).toBeGreaterThan(0.95);
    head.dispose();
  });
});
