import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS } from '../core/classes';
import type { LabelledImages } from '../core/dataset';
import { augmentImage, type AugmentOptions } from '../core/augment';
import { permutation } from '../core/random';
import { countCorrect, sparseCrossEntropy } from './losses';
import type { LearningRateSchedule } from './schedule';

/** Training metrics of one finished epoch. */
export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  seconds: number;
}

/** Options of {@link fitImages}. */
export interface FitOptions {
  epochs: number;
  batchSize: number;
  schedule: LearningRateSchedule;
  random: () => number;
  augment?: AugmentOptions;
  /** Called after each epoch; may evaluate the model. Awaited before the next epoch. */
  onEpoch?: (metrics: EpochMetrics) => void | Promise<void>;
  /** Called every `yieldEvery` batches (browser: give the event loop a turn, report progress). */
  onBatch?: (batch: number, batchesPerEpoch: number) => void | Promise<void>;
  yieldEvery?: number;
  signal?: AbortSignal;
}

/** Thrown when the loss stops being finite; the caller should discard the run. */
export class NonFiniteLossError extends Error {
  constructor(epoch: number) {
    super(`Loss became NaN or infinite in epoch ${epoch}; training stopped`);
    this.name = 'NonFiniteLossError';
  }
}

const noFlip = (augment: AugmentOptions): AugmentOptions => ({ ...augment, flipProbability: 0 });

/** Where a training loop gets its batches from: `count` labelled items of shape `shape`. */
export interface BatchSource {
  count: number;
  /** Shape of one item (its values are `shape` multiplied out). */
  shape: number[];
  /** Writes items `order[from..from+n]` into `xs` (item after item) and their labels into `ys`. */
  fill(order: Int32Array, from: number, n: number, xs: Float32Array, ys: Int32Array): void;
}

/** A trainable function: probabilities for a batch, and the variables that produce them. */
export interface Trainable {
  /** Class probabilities [n, 10] in training mode (dropout on). */
  forward: (x: tf.Tensor) => tf.Tensor2D;
  variables: tf.Variable[];
  /** Loss of a batch from its probabilities; default: sparse cross-entropy against the labels. */
  loss?: (x: tf.Tensor, labels: tf.Tensor1D, probs: tf.Tensor2D) => tf.Scalar;
}

/** uint8 images (0–1 floats once filled), augmented when `options.augment` says so. */
export function imageSource(
  set: LabelledImages,
  shape: number[],
  options: Pick<FitOptions, 'augment' | 'random'>,
): BatchSource {
  const scratch = new Float32Array(IMAGE_PIXELS);
  return {
    count: set.count,
    shape,
    fill(order, from, n, xs, ys) {
      for (let i = 0; i < n; i++) {
        const index = order[from + i]!;
        const src = set.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
        ys[i] = set.labels[index]!;
        if (options.augment) {
          for (let p = 0; p < IMAGE_PIXELS; p++) scratch[p] = src[p]! / 255;
          const unflipped = options.augment.keepOrientation?.includes(ys[i]!);
          augmentImage(
            scratch,
            xs,
            i * IMAGE_PIXELS,
            options.random,
            unflipped ? noFlip(options.augment) : options.augment,
          );
        } else {
          for (let p = 0; p < IMAGE_PIXELS; p++) xs[i * IMAGE_PIXELS + p] = src[p]! / 255;
        }
      }
    },
  };
}

/**
 * Mini-batch training of `net` with an Adam `optimizer` on batches from `source`: shuffles each
 * epoch, follows the learning-rate schedule per step, keeps loss/accuracy sums on the device (one
 * read per epoch, no per-batch sync) and stops with {@link NonFiniteLossError} on NaN/∞.
 */
export async function trainLoop(
  net: Trainable,
  optimizer: tf.AdamOptimizer,
  source: BatchSource,
  options: FitOptions,
): Promise<EpochMetrics[]> {
  const { epochs, batchSize } = options;
  const width = source.shape.reduce((a, b) => a * b, 1);
  const batches = Math.ceil(source.count / batchSize);
  const total = epochs * batches;
  const xs = new Float32Array(batchSize * width);
  const ys = new Int32Array(batchSize);
  const history: EpochMetrics[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = performance.now();
    const order = permutation(source.count, options.random);
    let lossSum = tf.scalar(0);
    let correctSum = tf.scalar(0);
    try {
      for (let b = 0; b < batches; b++) {
        if (options.signal?.aborted)
          throw options.signal.reason ?? new DOMException('Training cancelled', 'AbortError');
        const n = Math.min(batchSize, source.count - b * batchSize);
        source.fill(order, b * batchSize, n, xs, ys);
        // tfjs reads learningRate on every applyGradients, so a schedule can set it per step.
        (optimizer as unknown as { learningRate: number }).learningRate = options.schedule(
          (epoch - 1) * batches + b,
          total,
        );
        const x = tf.tensor(xs.subarray(0, n * width), [n, ...source.shape]);
        const y = tf.tensor1d(ys.subarray(0, n), 'int32');
        let correct: tf.Scalar | undefined;
        const loss = optimizer.minimize(
          () => {
            const probs = net.forward(x);
            correct = tf.keep(countCorrect(y, probs));
            return net.loss ? net.loss(x, y, probs) : sparseCrossEntropy(y, probs);
          },
          true,
          net.variables,
        )!;
        const [nextLoss, nextCorrect] = tf.tidy(() => [tf.add(lossSum, tf.mul(loss, n)), tf.add(correctSum, correct!)]);
        tf.dispose([x, y, loss, correct!, lossSum, correctSum]);
        lossSum = nextLoss as tf.Scalar;
        correctSum = nextCorrect as tf.Scalar;
        if (options.onBatch && options.yieldEvery && (b + 1) % options.yieldEvery === 0) {
          const partial = (await lossSum.data())[0]!;
          if (!Number.isFinite(partial)) throw new NonFiniteLossError(epoch);
          await options.onBatch(b + 1, batches);
        }
      }
    } catch (err) {
      tf.dispose([lossSum, correctSum]);
      throw err;
    }
    const trainLoss = (await lossSum.data())[0]! / source.count;
    const trainAccuracy = (await correctSum.data())[0]! / source.count;
    tf.dispose([lossSum, correctSum]);
    if (!Number.isFinite(trainLoss)) throw new NonFiniteLossError(epoch);
    const metrics = { epoch, trainLoss, trainAccuracy, seconds: (performance.now() - started) / 1000 };
    history.push(metrics);
    await options.onEpoch?.(metrics);
  }
  return history;
}

/** {@link trainLoop} over all of `model`'s trainable weights on uint8 images (28×28 or 28×28×1). */
export async function fitImages(
  model: tfl.LayersModel,
  optimizer: tf.AdamOptimizer,
  set: LabelledImages,
  options: FitOptions,
): Promise<EpochMetrics[]> {
  // 28×28 or 28×28×1 models alike (an imported model may want the channel axis).
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const net: Trainable = {
    forward: (x) => model.apply(x, { training: true }) as tf.Tensor2D,
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
  };
  return trainLoop(net, optimizer, imageSource(set, shape, options), options);
}
