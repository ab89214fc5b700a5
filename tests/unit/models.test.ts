import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/ml/models';
import { RECIPES } from '../../src/ml/recipes';

const layerSummary = (m: tf.LayersModel) =>
  m.layers.map((l) => `${l.getClassName()} ${JSON.stringify(l.outputShape)} ${l.countParams()}`);

describe('model architectures', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('mlp is the workshop model: Flatten → Dense(128, relu) → Dense(10, softmax), 101,770 parameters', () => {
    const m = buildModel('mlp');
    expect(layerSummary(m)).toEqual(['Flatten [null,784] 0', 'Dense [null,128] 100480', 'Dense [null,10] 1290']);
    expect(m.countParams()).toBe(101_770);
    const config = m.layers.map((l) => (l.getConfig() as { activation?: string }).activation);
    expect(config).toEqual([undefined, 'relu', 'softmax']);
    m.dispose();
  });

  it('mlp with 500 hidden units has 784·500+500 + 500·10+10 parameters', () => {
    const m = buildModel('mlp', { hidden: 500 });
    expect(m.countParams()).toBe(784 * 500 + 500 + 500 * 10 + 10);
    m.dispose();
  });

  it('the workshop recipe: adam at 0.001, batch 32, 10 epochs, no augmentation', () => {
    expect(RECIPES.mlp).toMatchObject({ epochs: 10, batchSize: 32, learningRate: 0.001, schedule: 'constant' });
    expect(RECIPES.mlp!.augment).toBeUndefined();
  });

  it('cnn stays under 100,000 parameters and maps a 28×28 image to 10 probabilities', () => {
    const m = buildModel('cnn', { seed: 3 });
    expect(m.countParams()).toBeLessThanOrEqual(100_000);
    const p = m.predict(tf.zeros([2, 28, 28])) as tf.Tensor;
    expect(p.shape).toEqual([2, 10]);
    const sums = tf.sum(p, 1).arraySync() as number[];
    sums.forEach((s) => expect(s).toBeCloseTo(1, 5));
    m.dispose();
  });

  it('the same seed builds the same initial weights', () => {
    const a = buildModel('cnn', { seed: 7 });
    const b = buildModel('cnn', { seed: 7 });
    const wa = a.getWeights().map((w) => Array.from(w.dataSync()));
    const wb = b.getWeights().map((w) => Array.from(w.dataSync()));
    expect(wa).toEqual(wb);
  });
});
