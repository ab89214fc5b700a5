// The measured numbers behind the lab's five answers, taken from results.json, the manifest and a
// model.json topology. Values only: the lab feature words and formats them (features/lab).
import { atEpoch, bestTestLossEpoch, settingOf, type Spread } from './experiment-stats';
import type { ExperimentResults } from './experiments';
import type { LayerInfo } from './layer-params';
import type { ModelEntry } from '../manifest';
import { mostConfusedPairs } from '../metrics';

/** How a measured number is written: percentage, percentage points, loss, count, seconds, ratio. */
export type ValueKind = 'pct' | 'pp' | 'loss' | 'int' | 'sec' | 'ratio';

/** A number shown in an answer; `spread` over seeds when it is a mean. */
export interface Measured {
  kind: ValueKind;
  value: number;
  spread?: Spread;
}

/** A class name (`index`) or a confusion "true → predicted", written in the reader's language. */
export type ClassRef = { kind: 'class'; index: number } | { kind: 'pair'; truth: number; predicted: number };

/**
 * Measurements the answer puts into words: how `a` compares with `b` ("higher than"), how a
 * quantity moved from `before` to `after` ("grows", or "rises" for `verbs: 'rises'`), whether
 * the runs show overfitting, or which layer is meant (1-based `index`).
 */
export type WordedValue =
  | { kind: 'compare'; a: Spread; b: Spread }
  | { kind: 'trend'; after: Spread; before: Spread; verbs: 'grows' | 'rises' }
  | { kind: 'overfitting'; lossPeakedEarly: boolean; gapAfter: Spread; gapBefore: Spread }
  | { kind: 'layer'; index: number; layerKind: string };

/** One placeholder's content. */
export type AnswerValue = Measured | ClassRef | WordedValue;

/** Placeholder name → content, per question 1–5. */
export type AnswerValues = Record<1 | 2 | 3 | 4 | 5, Record<string, AnswerValue>>;

const mean = (kind: ValueKind, spread: Spread): Measured => ({ kind, value: spread.mean, spread });
const num = (kind: ValueKind, value: number): Measured => ({ kind, value });
const compare = (a: Spread, b: Spread): WordedValue => ({ kind: 'compare', a, b });
const trend = (after: Spread, before: Spread, verbs: 'grows' | 'rises' = 'grows'): WordedValue => ({
  kind: 'trend',
  after,
  before,
  verbs,
});
/** Train/test accuracy, loss and gap of a width after `epoch`, as placeholders suffixed `_<h>_<label>`. */
function widthValues(
  results: ExperimentResults,
  hidden: number,
  epoch: number,
  label: string,
): Record<string, AnswerValue> {
  const s = settingOf(results, hidden);
  const at = (q: Parameters<typeof atEpoch>[2]) => atEpoch(s, epoch, q);
  const k = `_${hidden}_${label}`;
  return {
    [`train${k}`]: mean('pct', at('trainAccuracy')),
    [`test${k}`]: mean('pct', at('testAccuracy')),
    [`gap${k}`]: mean('pp', at('accuracyGap')),
    [`trainLoss${k}`]: mean('loss', at('trainLoss')),
    [`testLoss${k}`]: mean('loss', at('testLoss')),
    [`running${k}`]: mean('pct', at('runningAccuracy')),
  };
}

const UPPER_BODY = [0, 2, 3, 4, 6]; // T-shirt/top, Pullover, Dress, Coat, Shirt
const FOOTWEAR = [5, 7, 9]; // Sandal, Sneaker, Ankle boot

/** Share of all off-diagonal mistakes whose true and predicted class both lie in `group`. */
export function mistakesWithin(matrix: readonly (readonly number[])[], group: readonly number[]): number {
  const pairs = mostConfusedPairs(matrix);
  const all = pairs.reduce((a, p) => a + p.count, 0);
  const inside = pairs.filter((p) => group.includes(p.truth) && group.includes(p.predicted));
  return all === 0 ? 0 : inside.reduce((a, p) => a + p.count, 0) / all;
}

/** Every placeholder value of the five answers. `model` is the workshop model, `layers` its topology. */
export function answerValues(
  results: ExperimentResults,
  model: ModelEntry,
  layers: readonly LayerInfo[],
): AnswerValues {
  const last = results.recipe.epochs;
  const mid = Math.min(10, last);
  const [h1, h2] = [settingOf(results, 128), settingOf(results, 500)];
  const w = (h: number, e: number, label = 'mid') => widthValues(results, h, e, label);
  const epochs = { epochs_mid: num('int', mid), epochs_last: num('int', last) };
  const images = {
    trainImages: num('int', results.recipe.trainImages),
    testImages: num('int', results.recipe.testImages),
  };
  const pairs = mostConfusedPairs(model.confusionMatrix);
  const worst = model.perClassAccuracy.indexOf(Math.min(...model.perClassAccuracy));
  const pairValues = Object.fromEntries(
    pairs.slice(0, 3).flatMap((p, i) => [
      [`pair${i + 1}`, { kind: 'pair', truth: p.truth, predicted: p.predicted } satisfies ClassRef],
      [`count${i + 1}`, num('int', p.count)],
    ]),
  );
  const total = layers.reduce((a, l) => a + l.parameters, 0);
  const biggest = layers.reduce((a, l) => (l.parameters > a.parameters ? l : a));
  const at = layers.indexOf(biggest) + 1;
  return {
    1: {
      ...w(128, mid),
      ...epochs,
      ...images,
      params_128: num('int', h1.parameters),
      seeds: num('int', h1.runs.length),
    },
    2: {
      worstClass: { kind: 'class', index: worst },
      worstAcc: num('pct', model.perClassAccuracy[worst]!),
      modelAcc: num('pct', model.testAccuracy),
      upperShare: num('pct', mistakesWithin(model.confusionMatrix, UPPER_BODY)),
      footShare: num('pct', mistakesWithin(model.confusionMatrix, FOOTWEAR)),
      ...pairValues,
    },
    3: {
      ...w(128, mid),
      ...w(500, mid),
      ...epochs,
      params_128: num('int', h1.parameters),
      params_500: num('int', h2.parameters),
      // Dense layers do one multiply-add per weight per image, so this is also the ratio of work.
      paramRatio: num('ratio', h2.parameters / h1.parameters),
      cmpTest: compare(atEpoch(h2, mid, 'testAccuracy'), atEpoch(h1, mid, 'testAccuracy')),
      cmpGap: compare(atEpoch(h2, mid, 'accuracyGap'), atEpoch(h1, mid, 'accuracyGap')),
      ...w(128, last, 'last'),
      ...w(500, last, 'last'),
      cmpTestLast: compare(atEpoch(h2, last, 'testAccuracy'), atEpoch(h1, last, 'testAccuracy')),
    },
    4: {
      ...w(128, mid),
      ...w(128, last, 'last'),
      ...w(500, mid),
      ...w(500, last, 'last'),
      ...epochs,
      best_128: num('int', bestTestLossEpoch(h1)),
      best_500: num('int', bestTestLossEpoch(h2)),
      testTrend_128: trend(atEpoch(h1, last, 'testAccuracy'), atEpoch(h1, mid, 'testAccuracy'), 'rises'),
      testTrend_500: trend(atEpoch(h2, last, 'testAccuracy'), atEpoch(h2, mid, 'testAccuracy'), 'rises'),
      trend_128: trend(atEpoch(h1, last, 'accuracyGap'), atEpoch(h1, mid, 'accuracyGap')),
      trend_500: trend(atEpoch(h2, last, 'accuracyGap'), atEpoch(h2, mid, 'accuracyGap')),
      verdict: {
        kind: 'overfitting',
        lossPeakedEarly: bestTestLossEpoch(h1) < last,
        gapAfter: atEpoch(h1, last, 'accuracyGap'),
        gapBefore: atEpoch(h1, mid, 'accuracyGap'),
      },
    },
    5: {
      layerCount: num('int', layers.length),
      total: num('int', total),
      manifestParams: num('int', model.parameters),
      biggest: { kind: 'layer', index: at, layerKind: biggest.kind },
      biggestParams: num('int', biggest.parameters),
      biggestShare: num('pct', total === 0 ? 0 : biggest.parameters / total),
    },
  };
}
