import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atEpoch, bestTestLossEpoch, curve, settingOf } from '../../src/core/lab/experiment-stats';
import { checkExperimentResults } from '../../src/core/lab/experiments';
import { RECIPES } from '../../src/ml/recipes';

const RESULTS = 'public/experiments/results.json';
const committed = () => checkExperimentResults(JSON.parse(readFileSync(RESULTS, 'utf8')));

describe('public/experiments/results.json (committed full run)', () => {
  it('is valid, from the full data, with the workshop recipe', () => {
    const r = committed();
    expect(r.quick).toBe(false);
    expect(r.recipe).toMatchObject({
      model: 'mlp',
      optimizer: 'adam',
      learningRate: RECIPES.mlp!.learningRate,
      batchSize: RECIPES.mlp!.batchSize,
      epochs: 20,
      augmentation: 'none',
      trainImages: 60000,
      testImages: 10000,
    });
    expect(r.settings.map((s) => s.hidden)).toEqual([128, 500]);
    expect(settingOf(r, 128).parameters).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(settingOf(r, 500).parameters).toBe(784 * 500 + 500 + 500 * 10 + 10);
    for (const s of r.settings) {
      expect(s.runs.length).toBeGreaterThanOrEqual(3);
      expect(new Set(s.runs.map((run) => run.seed)).size).toBe(s.runs.length);
    }
  });

  it('has plausible learning curves: test accuracy well above chance, training fit improving', () => {
    const r = committed();
    for (const s of r.settings) {
      expect(atEpoch(s, 20, 'testAccuracy').mean).toBeGreaterThan(0.85);
      expect(atEpoch(s, 20, 'trainLoss').mean).toBeLessThan(atEpoch(s, 1, 'trainLoss').mean);
      expect(curve(s, 'testAccuracy')).toHaveLength(20);
      expect(bestTestLossEpoch(s)).toBeGreaterThanOrEqual(1);
    }
  });
});
