import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerText, fillAnswers, fillTemplate, formatNumber } from '../../src/features/lab/answer-format';
import { ANSWER_TEXTS, QUESTIONS } from '../../src/features/lab/answer-texts';
import { answerValues, mistakesWithin, type Measured } from '../../src/core/lab/answer-values';
import { compare } from '../../src/features/lab/answer-words';
import { checkExperimentResults, type ExperimentEpoch } from '../../src/core/lab/experiments';
import { layerTable } from '../../src/core/lab/layer-params';
import { checkManifest } from '../../src/core/manifest';

// Everything is read from the committed files, so the test checks the numbers the app shows.
const results = checkExperimentResults(JSON.parse(readFileSync('public/experiments/results.json', 'utf8')));
const manifest = checkManifest(JSON.parse(readFileSync('public/models/manifest.json', 'utf8')));
const mlp = manifest.models.find((m) => m.id === 'mlp')!;
const layers = layerTable(JSON.parse(readFileSync(`public/models/${mlp.file}`, 'utf8')));
const values = answerValues(results, mlp, layers);

/** Mean over the seeds of `f` after `epoch`, computed here without the app's statistics code. */
function meanOf(hidden: number, epoch: number, f: (e: ExperimentEpoch) => number): number {
  const runs = results.settings.find((s) => s.hidden === hidden)!.runs;
  return runs.reduce((a, r) => a + f(r.epochs[epoch - 1]!), 0) / runs.length;
}
const measured = (q: 1 | 2 | 3 | 4 | 5, key: string) => (values[q][key] as Measured).value;
const LAST = results.recipe.epochs;
const MID = Math.min(10, LAST);

describe('the five answers, filled from results.json and the manifest', () => {
  it('take accuracy, loss and gap means over seeds straight from results.json', () => {
    for (const [h, e, label] of [
      [128, MID, 'mid'],
      [500, MID, 'mid'],
      [128, LAST, 'last'],
      [500, LAST, 'last'],
    ] as const) {
      const k = `_${h}_${label}`;
      expect(measured(4, `test${k}`)).toBeCloseTo(
        meanOf(h, e, (x) => x.testAccuracy),
        12,
      );
      expect(measured(4, `train${k}`)).toBeCloseTo(
        meanOf(h, e, (x) => x.trainAccuracy),
        12,
      );
      expect(measured(4, `gap${k}`)).toBeCloseTo(
        meanOf(h, e, (x) => x.trainAccuracy - x.testAccuracy),
        12,
      );
      expect(measured(4, `testLoss${k}`)).toBeCloseTo(
        meanOf(h, e, (x) => x.testLoss),
        12,
      );
    }
    expect(measured(1, 'running_128_mid')).toBeCloseTo(
      meanOf(128, MID, (x) => x.runningAccuracy),
      12,
    );
    const losses = Array.from({ length: LAST }, (_, i) => meanOf(128, i + 1, (x) => x.testLoss));
    expect(measured(4, 'best_128')).toBe(losses.indexOf(Math.min(...losses)) + 1);
    expect(measured(3, 'params_500')).toBe(results.settings.find((s) => s.hidden === 500)!.parameters);
  });

  it('show those numbers in the text, in each language’s format', () => {
    const en = fillAnswers(values, 'en').map(answerText);
    const es = fillAnswers(values, 'es').map(answerText);
    const test500 = meanOf(500, MID, (x) => x.testAccuracy) * 100;
    expect(en[2]).toContain(`${test500.toFixed(1)} %`);
    expect(es[2]).toContain(`${test500.toFixed(1).replace('.', ',')} %`);
    const gap128 = meanOf(128, LAST, (x) => x.trainAccuracy - x.testAccuracy) * 100;
    expect(en[3]).toContain(`→ ${gap128.toFixed(1)} [`);
    expect(en[1]).toContain(`${(Math.min(...mlp.perClassAccuracy) * 100).toFixed(1)} %`);
    expect(en[4]).toContain('101,770');
    expect(es[4]).toContain('101.770');
  });

  it('take question 2 from the manifest’s confusion matrix and question 5 from the topology', () => {
    const offDiagonal = mlp.confusionMatrix.flatMap((row, t) => row.filter((_, p) => p !== t));
    expect(measured(2, 'count1')).toBe(Math.max(...offDiagonal));
    expect(measured(2, 'worstAcc')).toBe(Math.min(...mlp.perClassAccuracy));
    expect(measured(2, 'modelAcc')).toBe(mlp.testAccuracy);
    expect(measured(5, 'total')).toBe(mlp.parameters);
    expect(measured(5, 'biggestParams')).toBe(784 * 128 + 128);
  });

  it('fill every placeholder of every template, with the same placeholders in both languages', () => {
    for (const q of QUESTIONS) {
      const keys = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(keys(ANSWER_TEXTS.es[q].answer)).toEqual(keys(ANSWER_TEXTS.en[q].answer));
      for (const lang of ['en', 'es'] as const) {
        const text = answerText(fillAnswers(values, lang)[q - 1]!);
        expect(text).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
    expect(() => fillTemplate('{nope}', {}, 'en')).toThrow(/nope/);
  });
});

describe('answer helpers', () => {
  const s = (min: number, max: number) => ({ mean: (min + max) / 2, min, max, std: 0, n: 3 });
  it('call a difference only when the seed ranges do not overlap', () => {
    expect(compare(s(0.88, 0.89), s(0.86, 0.87)).text.en).toBe('higher than');
    expect(compare(s(0.86, 0.87), s(0.88, 0.89)).text.es).toBe('menor que');
    expect(compare(s(0.86, 0.885), s(0.88, 0.89)).text.en).toBe('about the same as');
  });

  it('format numbers per language and measure within-group mistakes', () => {
    expect(formatNumber('pct', 0.8834, 'en')).toBe('88.3 %');
    expect(formatNumber('pct', 0.8834, 'es')).toBe('88,3 %');
    expect(formatNumber('int', 1290, 'es')).toBe('1.290');
    expect(formatNumber('pp', 0.0251, 'en')).toBe('2.5');
    const m = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    m[0]![6] = 3;
    m[5]![7] = 1;
    expect(mistakesWithin(m, [0, 6])).toBe(0.75);
  });
});
