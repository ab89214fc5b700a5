import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atEpoch, settingOf, spreadOf } from '../../src/core/lab/experiment-stats';
import { checkExperimentResults, type ExperimentResults } from '../../src/core/lab/experiments';
import { fashionMnistDir } from '../helpers/require';

const clone = (r: ExperimentResults): ExperimentResults => structuredClone(r);

describe('checkExperimentResults', () => {
  const base = (): ExperimentResults => ({
    version: 1,
    quick: true,
    date: '2025-01-01T00:00:00Z',
    recipe: {
      model: 'mlp',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 32,
      epochs: 1,
      augmentation: 'none',
      trainImages: 10,
      testImages: 10,
      backend: 'wasm',
    },
    settings: [
      {
        hidden: 128,
        parameters: 101770,
        runs: [
          {
            seed: 1,
            epochs: [
              {
                epoch: 1,
                runningLoss: 0.5,
                runningAccuracy: 0.8,
                trainLoss: 0.4,
                trainAccuracy: 0.85,
                testLoss: 0.45,
                testAccuracy: 0.83,
                seconds: 1,
              },
            ],
          },
        ],
      },
    ],
  });

  it('accepts a well-formed file and rejects each kind of damage by name', () => {
    expect(checkExperimentResults(base()).settings).toHaveLength(1);
    const bad: [string, (r: ExperimentResults) => void][] = [
      ['version', (r) => ((r as { version: number }).version = 2)],
      ['epochs', (r) => r.settings[0]!.runs[0]!.epochs.pop()],
      ['testAccuracy', (r) => (r.settings[0]!.runs[0]!.epochs[0]!.testAccuracy = 1.2)],
      ['trainLoss', (r) => (r.settings[0]!.runs[0]!.epochs[0]!.trainLoss = Number.NaN)],
      ['numbered', (r) => (r.settings[0]!.runs[0]!.epochs[0]!.epoch = 2)],
      ['no runs', (r) => (r.settings[0]!.runs = [])],
    ];
    for (const [message, damage] of bad) {
      const r = clone(base());
      damage(r);
      expect(() => checkExperimentResults(r), message).toThrow(new RegExp(message));
    }
  });
});

describe('spreadOf', () => {
  it('computes mean, min, max and the sample standard deviation', () => {
    const s = spreadOf([1, 2, 3, 6]);
    expect(s).toMatchObject({ mean: 3, min: 1, max: 6, n: 4 });
    expect(s.std).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(spreadOf([5]).std).toBe(0);
    expect(() => spreadOf([])).toThrow();
  });
});

describe('npm run experiments -- --quick', () => {
  it('trains both widths on real data and writes a valid quick results file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prenda-exp-')), 'results.json');
    execFileSync('npx', ['tsx', 'scripts/experiments.ts', '--quick', '--out', out, '--data', fashionMnistDir()], {
      stdio: 'pipe',
      timeout: 280_000,
    });
    const r = checkExperimentResults(JSON.parse(readFileSync(out, 'utf8')));
    expect(r).toMatchObject({ quick: true, recipe: { epochs: 3, trainImages: 2000, testImages: 2000 } });
    expect(r.settings.map((s) => [s.hidden, s.runs.length])).toEqual([
      [128, 2],
      [500, 2],
    ]);
    // The fair train evaluation and the running mean are different measurements.
    const e = r.settings[0]!.runs[0]!.epochs[0]!;
    expect(e.trainAccuracy).not.toBe(e.runningAccuracy);
    expect(atEpoch(settingOf(r, 128), 3, 'testAccuracy').mean).toBeGreaterThan(0.6);
  }, 300_000); // ~15 s on an idle machine; generous for a busy CI runner
});
