import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { takeFirst } from '../../src/core/dataset';
import { seededRandom } from '../../src/core/random';
import { evaluate } from '../../src/ml/evaluate';
import { fitImages, NonFiniteLossError } from '../../src/ml/fit';
import { buildModel } from '../../src/ml/models';
import { constantRate, oneCycle } from '../../src/ml/schedule';
import { readFashionMnist, type FashionMnist } from '../../scripts/lib/dataset-source';
import { fileLoadHandler, saveModelAtomically } from '../../scripts/lib/model-files';
import { initNodeBackend } from '../../scripts/lib/tf-node';
import { fashionMnistDir } from '../helpers/require';

let data: FashionMnist;

describe('training on real Fashion-MNIST (wasm backend)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
    data = readFashionMnist({ kind: 'debian', dir: fashionMnistDir() });
  });

  it('a short mlp run lowers the loss and beats chance by far', async () => {
    const model = buildModel('mlp', { seed: 1 });
    const test = takeFirst(data.test, 2000);
    const before = await evaluate(model, test);
    const history = await fitImages(model, tf.train.adam(0.001), takeFirst(data.train, 3000), {
      epochs: 2,
      batchSize: 32,
      schedule: constantRate(0.001),
      random: seededRandom(1),
    });
    const after = await evaluate(model, test);
    expect(history[1]!.trainLoss).toBeLessThan(history[0]!.trainLoss);
    expect(after.loss).toBeLessThan(before.loss * 0.5);
    expect(after.accuracy).toBeGreaterThan(0.7);
    model.dispose();
  });

  it('a short cnn run (custom conv gradients, augmentation, one-cycle) lowers the loss', async () => {
    const model = buildModel('cnn', { seed: 2 });
    const test = takeFirst(data.test, 1000);
    const before = await evaluate(model, test);
    await fitImages(model, tf.train.adam(0.003), takeFirst(data.train, 1500), {
      epochs: 2,
      batchSize: 64,
      schedule: oneCycle(0.003),
      random: seededRandom(2),
      augment: { maxShift: 2, flipProbability: 0.5 },
    });
    const after = await evaluate(model, test);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.accuracy).toBeGreaterThan(0.5);
    model.dispose();
  });

  it('stops with a clear error when the loss becomes NaN, leaving no tensors behind', async () => {
    const model = buildModel('mlp', { seed: 3 });
    const tensorsBefore = tf.memory().numTensors;
    const optimizer = tf.train.adam(1e30);
    const run = fitImages(model, optimizer, takeFirst(data.train, 640), {
      epochs: 3,
      batchSize: 32,
      schedule: constantRate(1e30),
      random: seededRandom(3),
    });
    await expect(run).rejects.toBeInstanceOf(NonFiniteLossError);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    model.dispose();
  });

  it('cancels through an AbortSignal without leaking tensors', async () => {
    const model = buildModel('mlp', { seed: 5 });
    const tensorsBefore = tf.memory().numTensors;
    const optimizer = tf.train.adam(0.001);
    const controller = new AbortController();
    const run = fitImages(model, optimizer, takeFirst(data.train, 3200), {
      epochs: 2,
      batchSize: 32,
      schedule: constantRate(0.001),
      random: seededRandom(5),
      yieldEvery: 10,
      onBatch: (batch) => {
        if (batch === 30) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow(/abort/i);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    model.dispose();
  });

  it('export then stock tf.loadLayersModel gives the same predictions', async () => {
    const model = buildModel('cnn', { seed: 4 });
    const dir = join(mkdtempSync(join(tmpdir(), 'prenda-model-')), 'cnn');
    const bytes = await saveModelAtomically(model, dir);
    expect(bytes).toBe(model.countParams() * 4);
    expect(readdirSync(dir).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    const loaded = await tf.loadLayersModel(fileLoadHandler(join(dir, 'model.json')));
    const x = tf.randomUniform([5, 28, 28], 0, 1, 'float32', 5);
    const a = await (model.predict(x) as tf.Tensor).data();
    const b = await (loaded.predict(x) as tf.Tensor).data();
    expect(Array.from(b)).toEqual(Array.from(a));
    // Saving again replaces the folder atomically and leaves no temp folders behind.
    await saveModelAtomically(loaded, dir);
    expect(readdirSync(join(dir, '..'))).toEqual(['cnn']);
    expect(existsSync(join(dir, 'model.json'))).toBe(true);
  });
});
