import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { LabelledImages } from '../../core/dataset';
import { NUM_CLASSES } from '../../core/classes';
import { seededRandom } from '../../core/random';
import { isIdentity } from '../../core/retrain/classes';
import { mixEpoch } from '../../core/retrain/replay-mix';
import type { Accuracies } from '../../core/retrain/retrain-store';
import type { RetrainSettings } from '../../core/retrain/retrain-settings';
import { evaluate } from '../evaluate';
import { fitImages, trainLoop, type EpochMetrics, type Trainable } from '../fit';
import {
  applyLayers,
  extractFeatures,
  featureSource,
  headAccuracy,
  splitAtFeatures,
  type FeatureSplit,
} from './head-training';
import { growOutputs, hiddenUnits, outputCount, widenHidden } from './head-resize';
import { keepable, keepingHead, teacherLogProbs, withTeacher, type KeepingHead } from './head-net';
import { modelToParts, partsToModel, type ModelParts } from './model-artifacts';
import { constantRate } from '../schedule';

/** Everything a run needs, as plain data (it crosses into a worker). */
export interface RetrainJob {
  model: ModelParts;
  /** The user's samples to learn from. */
  train: LabelledImages;
  /** The user's samples to measure on (held out, or all when too few). */
  measure: LabelledImages;
  replay: LabelledImages;
  /** Replayed photos of the ten, mixed in when the base model is the photo model. */
  photoReplay?: LabelledImages;
  /** The shipped Fashion-MNIST test subset. */
  test: LabelledImages;
  settings: RetrainSettings;
  /**
   * Where each output of the trained model comes from in `model` (core/retrain/classes
   * outputRows: an old row, or null for a new class, imprinted from its samples). Absent: the
   * outputs stay as they are.
   */
  outputs?: (number | null)[];
}

/** How the trained model does on one user class's measured samples. */
export interface ClassScore {
  label: number;
  right: number;
  count: number;
}

/** Metrics after one epoch: training loss/accuracy and the two measured accuracies. */
export interface RetrainEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  user: number | null;
  /** Measured after the last epoch only (null before). */
  test: number | null;
  /** Seconds since the run started. */
  seconds: number;
}

/** Callbacks and cancellation of a run. */
export interface RetrainHooks {
  onBefore?: (before: Accuracies) => void;
  onEpoch?: (metrics: RetrainEpoch) => void;
  /** Batches done out of the run's total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A finished run: the new model's parts, accuracies before and after, per-epoch history. */
export interface RetrainOutcome {
  model: ModelParts;
  before: Accuracies;
  after: Accuracies;
  history: RetrainEpoch[];
  seconds: number;
  /** Per user class (label ≥ 10) with measured samples: right answers after the run. */
  classes?: ClassScore[];
}

/** Accuracy on the user's measured samples, and on the test subset unless `withTest` is false. */
async function measure(model: LayersModel, job: RetrainJob, withTest = true): Promise<Accuracies> {
  return {
    user: job.measure.count ? (await evaluate(model, job.measure)).accuracy : null,
    test: withTest && job.test.count ? (await evaluate(model, job.test)).accuracy : null,
  };
}

/** What a training strategy returns to {@link retrain}. */
interface Run {
  before: Accuracies;
  after: Accuracies;
  history: RetrainEpoch[];
}

/** Shared by both strategies: Adam, the seeded random stream and the run's clock. */
interface RunContext {
  job: RetrainJob;
  hooks: RetrainHooks;
  optimizer: tf.AdamOptimizer;
  random: () => number;
  started: number;
}

const mixOptions = (ctx: RunContext) => ({
  replayPerEpoch: ctx.job.settings.replayPerEpoch,
  random: ctx.random,
  photoReplay: ctx.job.photoReplay,
  balance: ctx.job.settings.balance,
});

const loopOptions = (ctx: RunContext, onBatch: (batch: number, batches: number) => void) => ({
  epochs: 1,
  batchSize: ctx.job.settings.batchSize,
  schedule: constantRate(ctx.job.settings.learningRate),
  random: ctx.random,
  yieldEvery: 4,
  signal: ctx.hooks.signal,
  onBatch,
});

/** Records an epoch's metrics and tells the hooks. */
function record(
  ctx: RunContext,
  history: RetrainEpoch[],
  epoch: number,
  metrics: EpochMetrics,
  after: Accuracies,
): void {
  const seconds = (performance.now() - ctx.started) / 1000;
  const entry = { epoch, loss: metrics.trainLoss, accuracy: metrics.trainAccuracy, ...after, seconds };
  history.push(entry);
  ctx.hooks.onEpoch?.(entry);
}

/** Fine-tunes every layer: each epoch mixes fresh replay images with new augmented user copies. */
async function trainAllLayers(model: LayersModel, ctx: RunContext): Promise<Run> {
  const { job, hooks } = ctx;
  const { settings } = job;
  const before = await measure(model, job);
  hooks.onBefore?.(before);
  const history: RetrainEpoch[] = [];
  let after = before;
  let done = 0;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const set = mixEpoch(job.train, job.replay, mixOptions(ctx));
    const [metrics] = await fitImages(
      model,
      ctx.optimizer,
      set,
      loopOptions(ctx, (batch, batches) => hooks.onProgress?.(done + batch, batches * settings.epochs)),
    );
    done += Math.ceil(set.count / settings.batchSize);
    // The test subset costs as much as a fifth of an epoch: measured before and after only.
    after = await measure(model, job, epoch === settings.epochs);
    record(ctx, history, epoch, metrics!, after);
  }
  return { before, after, history };
}

/** Which outputs are old classes (kept rows) when the run adds classes, else null. */
function oldOutputs(job: RetrainJob): boolean[] | null {
  const rows = job.outputs;
  return rows && rows.some((row) => row === null) ? rows.map((row) => row !== null) : null;
}

/**
 * Fine-tunes only the layers after the features (`split.head`), the convolutions stay as they
 * are: every image goes through them once, not three times per step (forward, two gradients).
 * One mix of replay images and augmented user copies serves all epochs, so its features are
 * computed once; before and after are measured on the same features. A run that adds classes
 * may keep the ten (settings.keepRate, settings.distill: ml/retrain/head-net).
 */
async function trainHead(model: LayersModel, split: FeatureSplit, ctx: RunContext): Promise<Run> {
  const { job, hooks } = ctx;
  const { settings } = job;
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const features = (set: LabelledImages) => extractFeatures(split.base, set, shape, hooks.signal);
  const [measured, test] = [await features(job.measure), await features(job.test)];
  const accuracies = async (withTest: boolean): Promise<Accuracies> => ({
    user: job.measure.count ? await headAccuracy(split.head, measured, job.measure.labels) : null,
    test: withTest && job.test.count ? await headAccuracy(split.head, test, job.test.labels) : null,
  });
  const before = await accuracies(true);
  hooks.onBefore?.(before);
  const set = mixEpoch(job.train, job.replay, mixOptions(ctx));
  const mixed = await features(set);
  const old = oldOutputs(job);
  // Distillation needs replayed photos (the only rows it applies to).
  const distill = job.photoReplay?.count ? settings.distill : 0;
  const keeps = old !== null && (settings.keepRate !== 1 || distill > 0) && keepable(split.head);
  let keeping: KeepingHead | null = null;
  let source = featureSource(mixed, set.labels);
  let net: Trainable = {
    forward: (x) => applyLayers(split.head, x, true) as tf.Tensor2D,
    variables: split.head.flatMap((layer) => layer.trainableWeights.map((w) => w.read() as tf.Variable)),
  };
  if (keeps) {
    const options = { keepRate: settings.keepRate, distill, old, newUnitsFrom: hiddenUnits(job.model) ?? undefined };
    keeping = keepingHead(split.head, mixed.width, options);
    net = keeping.net;
    if (distill > 0) {
      // Only the replayed photos are distilled: on train/ photos distilling the Fashion-MNIST
      // images too cost 2 points on the 1,000 test images and kept the mapped photos no better (README).
      const teacher = await teacherLogProbs(split.head, mixed, old);
      const rows = withTeacher(mixed, teacher, old.filter(Boolean).length, (i) => i >= set.photosFrom);
      source = featureSource(rows, set.labels);
    }
  }
  const batches = Math.ceil(set.count / settings.batchSize);
  const history: RetrainEpoch[] = [];
  let after = before;
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const done = (epoch - 1) * batches;
      const [metrics] = await trainLoop(
        net,
        ctx.optimizer,
        source,
        loopOptions(ctx, (batch) => hooks.onProgress?.(done + batch, batches * settings.epochs)),
      );
      keeping?.sync();
      after = await accuracies(epoch === settings.epochs);
      record(ctx, history, epoch, metrics!, after);
    }
  } finally {
    keeping?.dispose();
  }
  return { before, after, history };
}

/** Accuracies of the job's model as it is (before its output layer grows). */
async function measureOriginal(job: RetrainJob): Promise<Accuracies> {
  const model = await partsToModel(job.model);
  try {
    return await measure(model, job);
  } finally {
    model.dispose();
  }
}

/** Right answers per user class (label ≥ 10) among `set`. */
async function userClassScores(model: LayersModel, set: LabelledImages): Promise<ClassScore[]> {
  if (!set.labels.some((l) => l >= NUM_CLASSES)) return [];
  const { predicted } = await evaluate(model, set);
  const scores = new Map<number, ClassScore>();
  set.labels.forEach((label, i) => {
    if (label < NUM_CLASSES) return;
    const score = scores.get(label) ?? { label, right: 0, count: 0 };
    score.count++;
    if (predicted[i] === label) score.right++;
    scores.set(label, score);
  });
  return [...scores.values()].sort((a, b) => a.label - b.label);
}

/**
 * Fine-tunes the job's model on the current backend, mixing replay images with augmented copies
 * of the user's samples: only the layers after the features when `settings.layers` is 'head' and
 * the model has such a cut, else every layer. With `job.outputs` the output layer is first grown
 * (or shrunk) to the new class list. Throws NonFiniteLossError on NaN/∞ and the
 * signal's reason when aborted; the caller's model is never touched (this one is built from parts).
 */
export async function retrain(job: RetrainJob, hooks: RetrainHooks = {}): Promise<RetrainOutcome> {
  const started = performance.now();
  const grows = job.outputs !== undefined && !isIdentity(job.outputs, outputCount(job.model));
  // "Before" is the model the user had, not the grown one: imprinted rows already take test images.
  const original = grows ? await measureOriginal(job) : null;
  const adds = job.outputs?.some((row) => row === null) ?? false;
  // Widened before the new rows are imprinted, so they imprint from every hidden unit.
  const units = hiddenUnits(job.model);
  const base =
    adds && units !== null && job.settings.hiddenGrowth > 0
      ? widenHidden(job.model, units + job.settings.hiddenGrowth, seededRandom(job.settings.seed + 1))
      : job.model;
  const start = grows ? await growOutputs(base, job.outputs!, job.train) : job.model;
  const model = await partsToModel(start);
  const ctx: RunContext = {
    job,
    hooks: original ? { ...hooks, onBefore: () => hooks.onBefore?.(original) } : hooks,
    optimizer: tf.train.adam(job.settings.learningRate),
    random: seededRandom(job.settings.seed),
    started,
  };
  try {
    const split = job.settings.layers === 'head' ? splitAtFeatures(model) : null;
    const trained = split ? await trainHead(model, split, ctx) : await trainAllLayers(model, ctx);
    const run = original ? { ...trained, before: original } : trained;
    const classes = await userClassScores(model, job.measure);
    return { model: await modelToParts(model), ...run, seconds: (performance.now() - started) / 1000, classes };
  } finally {
    ctx.optimizer.dispose();
    model.dispose();
  }
}
