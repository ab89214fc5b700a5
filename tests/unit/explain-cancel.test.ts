import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { takeFirst } from '../../src/core/dataset';
import type { FeatureIndex } from '../../src/core/explain/nearest';
import { nextTask } from '../../src/ml/explain/cancel';
import { explain } from '../../src/ml/explain/explain';
import { explainable, type ExplainableModel } from '../../src/ml/explain/explainable';
import type { MapMethod } from '../../src/ml/explain/methods';
import { buildNeighbourIndex } from '../../src/ml/explain/neighbours';
import { fileLoadHandler } from '../../scripts/lib/model-files';
import { readShippedSet } from '../../scripts/lib/shipped-data';
import { initNodeBackend } from '../../scripts/lib/tf-node';

const METHODS: MapMethod[] = [
  { kind: 'occlusion', patch: 4, stride: 2, baseline: 0, space: 'logit', foregroundOnly: true },
  { kind: 'integrated-gradients', steps: 32, space: 'probability' },
];

describe('explanations are cancellable and leave no tensors behind', () => {
  let model: tf.LayersModel;
  let net: ExplainableModel;
  let index: FeatureIndex;
  let image: Float32Array;

  beforeAll(async () => {
    await initNodeBackend('wasm');
    model = await tf.loadLayersModel(fileLoadHandler('public/models/cnn/model.json'));
    net = explainable(model);
    index = await buildNeighbourIndex(net, takeFirst(readShippedSet('replay'), 500));
    const test = readShippedSet('test');
    image = Float32Array.from(test.images.subarray(0, IMAGE_PIXELS), (v) => v / 255);
  });

  for (const method of METHODS) {
    it(`${method.kind}: a finished explanation leaves the tensor count unchanged`, async () => {
      const before = tf.memory().numTensors;
      const result = await explain(
        net,
        index,
        image,
        { cls: 9, versus: 7 },
        { method, signal: new AbortController().signal },
      );
      expect(result.map).toHaveLength(IMAGE_PIXELS);
      expect(result.versusMap).toHaveLength(IMAGE_PIXELS);
      expect(result.neighbours).toHaveLength(6);
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`${method.kind}: aborting between batches rejects with the reason and leaves no tensors`, async () => {
      for (const tasksBeforeAbort of [0, 1, 3]) {
        const before = tf.memory().numTensors;
        const controller = new AbortController();
        const running = explain(
          net,
          index,
          image,
          { cls: 9, versus: 7 },
          { method, signal: controller.signal, batchSize: 8 },
        );
        for (let k = 0; k < tasksBeforeAbort; k++) await nextTask();
        controller.abort(new DOMException('newer input', 'AbortError'));
        await expect(running).rejects.toThrow('newer input');
        expect(tf.memory().numTensors).toBe(before);
      }
    });
  }

  it('building the neighbour index can be aborted too, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const building = buildNeighbourIndex(net, readShippedSet('replay'), { signal: controller.signal, batchSize: 100 });
    await nextTask();
    controller.abort();
    await expect(building).rejects.toThrow(/abort/i);
    expect(tf.memory().numTensors).toBe(before);
  });
});
