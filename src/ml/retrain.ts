import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { LabelledImages } from '../core/dataset';
import { seededRandom } from '../core/random';
import { mixEpoch } from '../core/replay-mix';
import type { Accuracies } from '../core/retrain-store';
import type { RetrainSettings } from '../core/retrain-settings';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { modelToParts, partsToModel, type ModelParts } from './model-artifacts';
import { constantRate } from './schedule';

/** Everything a run needs, as plain data (it crosses into a worker). */
export interface RetrainJob {
  model: ModelParts;
  /** The user's samples to learn from. */
  train: LabelledImages;
  /** The user's samples to measure on (held out, or all when too few). */
  measure: LabelledImages;
  replay: LabelledImages;
  /** The shipped Fashion-MNIST test subset. */
  test: LabelledImages;
  settings: RetrainSettings;
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
}

/** Accuracy on the user's measured samples, and on the test subset unless `withTest` is false. */
async function measure(model: LayersModel, job: RetrainJob, withTest = true): Promise<Accuracies> {
  return {
    user: job.measure.count ? (await evaluate(model, job.measure)).accuracy : null,
    test: withTest && job.test.count ? (await evaluate(model, job.test)).accuracy : null,
  };
}

/**
 * Fine-tunes the job's model on the current backend: each epoch mixes fresh replay images with
 * augmented copies of the user's samples. Throws NonFiniteLossError on NaN/∞ and the signal's
 * reason when aborted; the caller's model is never touched (this one is built from parts).
 */
export async function retrain(job: RetrainJob, hooks: RetrainHooks = {}): Promise<RetrainOutcome> {
  const started = performance.now();
  const { settings } = job;
  const model = await partsToModel(job.model);
  const optimizer = tf.train.adam(settings.learningRate);
  const random = seededRandom(settings.seed);
  try {
    const before = await measure(model, job);
    hooks.onBefore?.(before);
    const history: RetrainEpoch[] = [];
    let after = before;
    let done = 0;
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const set = mixEpoch(job.train, job.replay, { replayPerEpoch: settings.replayPerEpoch, random });
      const [metrics] = await fit(model, optimizer, set, {
        epochs: 1,
        batchSize: settings.batchSize,
        schedule: constantRate(settings.learningRate),
        random,
        yieldEvery: 4,
        signal: hooks.signal,
        onBatch: (batch, batches) => hooks.onProgress?.(done + batch, batches * settings.epochs),
      });
      done += Math.ceil(set.count / settings.batchSize);
      // The test subset costs as much as a fifth of an epoch: measured before and after only.
      after = await measure(model, job, epoch === settings.epochs);
      const seconds = (performance.now() - started) / 1000;
      const record = { epoch, loss: metrics!.trainLoss, accuracy: metrics!.trainAccuracy, ...after, seconds };
      history.push(record);
      hooks.onEpoch?.(record);
    }
    return { model: await modelToParts(model), before, after, history, seconds: (performance.now() - started) / 1000 };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}
