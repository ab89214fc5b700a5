import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/core/classes';
import type { FeatureIndex } from '../../src/core/explain/nearest';
import { batchedOutputs } from '../../src/ml/explain/batched-outputs';
import { NEIGHBOUR_COUNT } from '../../src/ml/explain/explain';
import { explainable, type ExplainableModel } from '../../src/ml/explain/explainable';
import { buildNeighbourIndex, nearestImages } from '../../src/ml/explain/neighbours';
import { fileLoadHandler } from '../../scripts/lib/model-files';
import { readShippedSet } from '../../scripts/lib/shipped-data';
import { initNodeBackend } from '../../scripts/lib/tf-node';

/** Probability above which the model counts as confident about an image. */
const CONFIDENT = 0.9;

describe('"It looks like these": nearest replay images in penultimate-layer space', () => {
  let model: tf.LayersModel;
  let net: ExplainableModel;
  let index: FeatureIndex;
  const test = readShippedSet('test');
  const replay = readShippedSet('replay');

  beforeAll(async () => {
    await initNodeBackend('wasm');
    model = await tf.loadLayersModel(fileLoadHandler('public/models/cnn/model.json'));
    net = explainable(model);
    index = await buildNeighbourIndex(net, replay);
  });

  it('indexes every replay image once, with the width of the layer before the softmax', () => {
    expect(index.count).toBe(replay.count);
    expect(index.labels).toEqual(replay.labels);
    expect(index.dim).toBe(model.layers.at(-2)!.outputShape.at(-1));
  });

  it('finds a replay image itself as its own closest neighbour', async () => {
    for (const row of [0, 1234, 2999]) {
      const image = Float32Array.from(
        replay.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS),
        (v) => v / 255,
      );
      const [first] = await nearestImages(net, index, image);
      expect(first!.distance).toBeCloseTo(0, 5);
      expect(replay.labels[first!.index]).toBe(replay.labels[row]);
    }
  });

  it('for confidently classified test images, most neighbours share the class', async () => {
    const count = 300;
    const scaled = Float32Array.from(test.images.subarray(0, count * IMAGE_PIXELS), (v) => v / 255);
    const probs = await batchedOutputs(net, scaled, 'probability');
    const shares: number[] = [];
    for (let i = 0; i < count; i++) {
      const row = Array.from(probs.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
      const top = Math.max(...row);
      if (top < CONFIDENT) continue;
      const near = await nearestImages(net, index, scaled.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS));
      expect(near).toHaveLength(NEIGHBOUR_COUNT);
      shares.push(near.filter((n) => n.label === row.indexOf(top)).length / NEIGHBOUR_COUNT);
    }
    expect(shares.length).toBeGreaterThan(count / 2);
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.5);
    expect(shares.filter((s) => s > 0.5).length).toBeGreaterThan(shares.length / 2);
  });
});
