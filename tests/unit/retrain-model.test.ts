// The retraining pipeline on real tfjs (wasm in Node): model parts, checks, bundles, a short run,
// the NaN guard and cancellation.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../src/core/retrain/bundle';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { decodeImageSet, takeFirst, type LabelledImages } from '../../src/core/dataset';
import { RETRAIN_DATA } from '../../src/core/retrain/replay-mix';
import { RETRAIN_DEFAULTS } from '../../src/core/retrain/retrain-settings';
import type { VersionSlot } from '../../src/core/retrain/retrain-store';
import { NonFiniteLossError } from '../../src/ml/fit';
import {
  checkModel,
  loadChecked,
  modelToParts,
  shapeProblem,
  type ModelParts,
} from '../../src/ml/retrain/model-artifacts';
import { buildModel } from '../../src/ml/models';
import { splitAtFeatures } from '../../src/ml/retrain/head-training';
import { retrain, type RetrainJob } from '../../src/ml/retrain/retrain';
import { fileLoadHandler } from '../../scripts/lib/model-files';
import { initNodeBackend } from '../../scripts/lib/tf-node';

const DATA = resolve(import.meta.dirname, '../../public/data');
const read = (name: string) => new Uint8Array(readFileSync(resolve(DATA, name)));
let replay: LabelledImages;
let test: LabelledImages;
let parts: ModelParts;

/** Ten copies of a bright cross, labelled Bag. */
function crosses(n: number): LabelledImages {
  const images = new Uint8Array(n * IMAGE_PIXELS);
  for (let i = 0; i < n; i++) {
    for (let k = 4; k < 24; k++) {
      images[i * IMAGE_PIXELS + k * 28 + k] = 255;
      images[i * IMAGE_PIXELS + k * 28 + 27 - k] = 255;
    }
  }
  return { images, labels: new Uint8Array(n).fill(8), count: n };
}

/** Byte equality (toEqual on 400 kB typed arrays takes seconds). */
const same = (a: ArrayBuffer, b: ArrayBuffer) => Buffer.from(a).equals(Buffer.from(b));

const job = (settings: Partial<RetrainJob['settings']> = {}): RetrainJob => ({
  model: parts,
  train: crosses(8),
  measure: crosses(2),
  replay,
  test,
  settings: { ...RETRAIN_DEFAULTS, epochs: 2, replayPerEpoch: 300, ...settings },
});

beforeAll(async () => {
  await initNodeBackend('wasm');
  replay = decodeImageSet(read(RETRAIN_DATA.replayImages), 'replay', read(RETRAIN_DATA.replayLabels), 'labels');
  test = takeFirst(decodeImageSet(read(RETRAIN_DATA.testImages), 'test', read(RETRAIN_DATA.testLabels), 'labels'), 300);
  const model = buildModel('mlp', { seed: 3 });
  parts = await modelToParts(model);
  model.dispose();
});

describe('model parts and checks', () => {
  it('round-trips a model through its parts, weights intact', async () => {
    const model = await loadChecked(parts);
    const again = await modelToParts(model);
    expect(same(again.weightData, parts.weightData)).toBe(true);
    model.dispose();
  });

  it('rejects truncated weights and models that do not fit 28×28 → 10', async () => {
    await expect(loadChecked({ ...parts, weightData: parts.weightData.slice(0, 100) })).rejects.toThrow();
    const wrongIn = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [5], activation: 'softmax' })] });
    expect(shapeProblem(wrongIn)).toEqual({ part: 'input', shape: '5' });
    const wrongOut = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 3, activation: 'softmax' })],
    });
    expect(shapeProblem(wrongOut)).toEqual({ part: 'output', shape: '3' });
    const noSoftmax = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [28, 28] }), tf.layers.dense({ units: 10 })],
    });
    await expect(checkModel(noSoftmax)).rejects.toThrow(/sum to/);
    [wrongIn, wrongOut, noSoftmax].forEach((m) => m.dispose());
  });

  it('exports a version as a zip of standard tfjs files plus samples, and reads it back', async () => {
    const none = { user: null, test: null };
    const slot: VersionSlot = {
      id: 'v1',
      ...parts,
      meta: {
        ...{ id: 'v1', createdAt: 5, source: 'retrain', baseModelId: 'mlp', samples: 8, heldOut: 2, epochs: 5 },
        ...{ learningRate: 0.001, backend: 'wasm (worker)', seconds: 3, before: none, after: { user: 1, test: 0.8 } },
      },
    };
    const sample = {
      id: 's1',
      label: 8,
      pixels: crosses(1).images,
      thumb: new Uint8Array(48 * 48).fill(9),
      createdAt: 2,
    };
    const back = decodeBundle(encodeBundle(slot, [sample]));
    expect(back.meta).toEqual(slot.meta);
    expect(back.samples).toEqual([sample]);
    expect(same(back.weightData, parts.weightData)).toBe(true);
    (await loadChecked(back)).dispose();
    expect(() => decodeBundle(new Uint8Array([1, 2, 3]))).toThrow();
  });
});

describe('a retraining run', () => {
  it('learns the user samples, keeps Fashion-MNIST and reports before/after per epoch', async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const out = await retrain(job(), { onEpoch: (e) => seen.push(e.epoch), onProgress: (d) => progress.push(d) });
    expect(seen).toEqual([1, 2]);
    expect(out.history[0]!.test).toBeNull();
    expect(out.history[1]!.test).toBe(out.after.test);
    expect(out.after.user).toBe(1);
    expect(out.after.test!).toBeGreaterThan(out.before.test!); // an untrained net learns from replay
    expect(progress.at(-1)).toBeLessThanOrEqual(2 * Math.ceil((300 + 160) / 32));
    (await loadChecked(out.model)).dispose();
  });

  it('trains the whole mlp even in head mode: its base is a bare Flatten', async () => {
    const model = await loadChecked(parts);
    expect(splitAtFeatures(model)).toBeNull();
    model.dispose();
  });

  it('head mode on the shipped cnn: learns the crosses as Bag, convolutions untouched, little forgetting', async () => {
    const shipped = await tf.loadLayersModel(
      fileLoadHandler(resolve(import.meta.dirname, '../../public/models/cnn/model.json')),
    );
    const split = splitAtFeatures(shipped)!;
    expect(split.base.map((l) => l.getClassName()).at(-1)).toBe('Flatten');
    expect(split.head.map((l) => l.getClassName())).toEqual(['Dropout', 'Dense', 'Dense']);
    const cnnParts = await modelToParts(shipped);
    shipped.dispose();
    const epochs: number[] = [];
    const out = await retrain(
      { ...job({ layers: 'head', epochs: 3, replayPerEpoch: 300 }), model: cnnParts, train: crosses(10) },
      { onEpoch: (e) => epochs.push(e.epoch) },
    );
    expect(epochs).toEqual([1, 2, 3]);
    expect(out.before.user).toBe(0); // the shipped model has never seen a cross called Bag
    expect(out.after.user).toBe(1);
    expect(out.after.test!).toBeGreaterThan(out.before.test! - 0.03); // 300 test images: within 3 points
    const [before, after] = [await loadChecked(cnnParts), await loadChecked(out.model)];
    const weights = (m: tf.LayersModel, i: number) => m.layers[i]!.getWeights().map((w) => w.dataSync());
    for (const [i, layer] of before.layers.entries()) {
      if (layer.getWeights().length === 0) continue;
      const same = weights(before, i).every((w, k) =>
        Buffer.from(w.buffer).equals(Buffer.from(weights(after, i)[k]!.buffer)),
      );
      expect(same, layer.name).toBe(split.base.some((b) => b.name === layer.name));
    }
    before.dispose();
    after.dispose();
  });

  it('head mode stops on a NaN loss and when cancelled, as whole-model training does', async () => {
    const model = buildModel('cnn', { seed: 5 });
    const cnn = { ...job({ layers: 'head' }), model: await modelToParts(model) };
    model.dispose();
    await expect(retrain({ ...cnn, settings: { ...cnn.settings, learningRate: 1e30 } })).rejects.toBeInstanceOf(
      NonFiniteLossError,
    );
    const controller = new AbortController();
    const run = retrain(
      { ...cnn, settings: { ...cnn.settings, epochs: 20 } },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops on a NaN loss', async () => {
    await expect(retrain(job({ learningRate: 1e30 }))).rejects.toBeInstanceOf(NonFiniteLossError);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = retrain(job({ epochs: 20 }), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
