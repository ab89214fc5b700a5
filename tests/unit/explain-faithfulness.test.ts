import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/core/classes';
import { batchedOutputs } from '../../src/ml/explain/batched-outputs';
import { EXPLAIN_METHOD } from '../../src/ml/explain/explain';
import { explainable, type ExplainableModel } from '../../src/ml/explain/explainable';
import { faithfulness } from '../../src/ml/explain/faithfulness';
import { explainMap } from '../../src/ml/explain/methods';
import { fileLoadHandler } from '../../scripts/lib/model-files';
import { readShippedSet } from '../../scripts/lib/shipped-data';
import { initNodeBackend } from '../../scripts/lib/tf-node';

/** Test images measured per model: a few hundred, as the benchmark does. */
const IMAGES = 200;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stderr = (xs: number[]) =>
  Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1) / xs.length);

let images: Float32Array[];

/** Deletion AUC of the top class for each image, with maps made by `mapOf`. */
async function deletionAreas(
  net: ExplainableModel,
  mapOf: (image: Float32Array, cls: number, i: number) => Promise<Float32Array>,
): Promise<number[]> {
  const probs = await batchedOutputs(net, Float32Array.from(images.flatMap((im) => Array.from(im))), 'probability');
  const areas: number[] = [];
  for (let i = 0; i < images.length; i++) {
    const row = Array.from(probs.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
    const cls = row.indexOf(Math.max(...row));
    const map = await mapOf(images[i]!, cls, i);
    areas.push((await faithfulness(net, images[i]!, map, { cls, space: 'probability' })).deletion.area);
  }
  return areas;
}

describe('the chosen explanation method on real test images', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
    const test = readShippedSet('test');
    images = Array.from({ length: IMAGES }, (_, i) =>
      Float32Array.from(test.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), (v) => v / 255),
    );
  });

  for (const id of ['cnn', 'mlp']) {
    it(`${id}: deletes the class faster than a random map, by far more than two random maps differ`, async () => {
      const model = await tf.loadLayersModel(fileLoadHandler(`public/models/${id}/model.json`));
      const net = explainable(model);
      const random = (seed: number) => (image: Float32Array, cls: number, i: number) =>
        explainMap(net, image, { cls }, { kind: 'random', seed: seed * IMAGES + i });
      const method = await deletionAreas(net, (image, cls) => explainMap(net, image, { cls }, EXPLAIN_METHOD));
      const randomA = await deletionAreas(net, random(1));
      const randomB = await deletionAreas(net, random(2));
      const gain = method.map((a, i) => randomA[i]! - a);
      // The noise floor of the measure: how far two random maps of the same image land apart.
      const noise = mean(randomA.map((a, i) => Math.abs(a - randomB[i]!)));
      expect(mean(gain) - 3 * stderr(gain)).toBeGreaterThan(noise);
      expect(gain.filter((g) => g > 0).length).toBeGreaterThan(IMAGES / 2);
      model.dispose();
    });
  }

  it('is deterministic: the same image gives the same map', async () => {
    const model = await tf.loadLayersModel(fileLoadHandler('public/models/cnn/model.json'));
    const net = explainable(model);
    for (const image of images.slice(0, 5)) {
      const first = await explainMap(net, image, { cls: 3, versus: 6 }, EXPLAIN_METHOD);
      const again = await explainMap(net, image, { cls: 3, versus: 6 }, EXPLAIN_METHOD, { batchSize: 7 });
      expect(again).toEqual(first);
      expect(first.some((v) => v !== 0)).toBe(true);
    }
    model.dispose();
  });
});
