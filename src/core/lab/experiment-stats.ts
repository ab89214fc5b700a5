import type { ExperimentEpoch, ExperimentResults, ExperimentSetting } from './experiments';

/** Mean and spread of one quantity over the seeds of a setting. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
  /** Sample standard deviation (n − 1); 0 for a single run. */
  std: number;
  n: number;
}

/** A per-epoch quantity of one run, e.g. the train–test accuracy gap. */
export type EpochQuantity = (e: ExperimentEpoch) => number;

/** The quantities the lab talks about. Gaps use the fair train evaluation, not running means. */
export const QUANTITIES = {
  trainAccuracy: (e) => e.trainAccuracy,
  testAccuracy: (e) => e.testAccuracy,
  trainLoss: (e) => e.trainLoss,
  testLoss: (e) => e.testLoss,
  runningAccuracy: (e) => e.runningAccuracy,
  accuracyGap: (e) => e.trainAccuracy - e.testAccuracy,
  lossGap: (e) => e.testLoss - e.trainLoss,
  runningGap: (e) => e.runningAccuracy - e.testAccuracy,
  seconds: (e) => e.seconds,
} satisfies Record<string, EpochQuantity>;

/** Name of a quantity of {@link QUANTITIES}. */
export type QuantityName = keyof typeof QUANTITIES;

/** Mean, min, max and standard deviation of `values` (at least one). */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spreadOf needs at least one value');
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, min: Math.min(...values), max: Math.max(...values), std: Math.sqrt(variance), n };
}

/** The setting with `hidden` units; throws when the file lacks it. */
export function settingOf(results: ExperimentResults, hidden: number): ExperimentSetting {
  const s = results.settings.find((x) => x.hidden === hidden);
  if (!s) throw new Error(`results.json has no runs with ${hidden} hidden units`);
  return s;
}

/** A quantity after `epoch` (1-based) over the seeds of a setting. */
export function atEpoch(setting: ExperimentSetting, epoch: number, quantity: QuantityName): Spread {
  return spreadOf(
    setting.runs.map((r) => {
      const e = r.epochs[epoch - 1];
      if (!e) throw new RangeError(`hidden ${setting.hidden}, seed ${r.seed}: no epoch ${epoch}`);
      return QUANTITIES[quantity](e);
    }),
  );
}

/** A quantity's spread for every epoch 1..N of a setting (the curves of the charts). */
export function curve(setting: ExperimentSetting, quantity: QuantityName): Spread[] {
  const epochs = Math.min(...setting.runs.map((r) => r.epochs.length));
  return Array.from({ length: epochs }, (_, i) => atEpoch(setting, i + 1, quantity));
}

/** The epoch (1-based) where the mean test loss is lowest. */
export function bestTestLossEpoch(setting: ExperimentSetting): number {
  const means = curve(setting, 'testLoss').map((s) => s.mean);
  return means.indexOf(Math.min(...means)) + 1;
}
