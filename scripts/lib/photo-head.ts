import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../src/core/classes';
import { GROUPS } from '../../src/core/photo/folders';
import { trainLoop, type BatchSource, type EpochMetrics } from '../../src/ml/fit';
import { constantRate } from '../../src/ml/schedule';

/**
 * Photo fine-tuning of the shipped cnn that fits a loaded 2-core box: the convolutions stay as
 * Fashion-MNIST trained them (their flattened output is computed once per photo and view), and
 * only the dense head (dropout → dense 32 → dense 10) is trained on photos plus Fashion-MNIST.
 */
export interface SplitCnn {
  /** Input → flattened convolution features. */
  features: tf.LayersModel;
  /** Width of the feature vector. */
  width: number;
  /** The base model's dense layers, whose weights a trained head replaces. */
  dense: tf.layers.Layer[];
  dropout: number;
}

/** Splits a (loaded) cnn at its Flatten layer. */
export function splitCnn(model: tf.LayersModel): SplitCnn {
  const flatten = model.layers.find((l) => l.getClassName() === 'Flatten');
  const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
  const drop = model.layers.find((l) => l.getClassName() === 'Dropout');
  if (!flatten || dense.length !== 2) throw new Error('expected a cnn with a Flatten layer and two Dense layers');
  const features = tf.model({ inputs: model.inputs, outputs: flatten.output as tf.SymbolicTensor });
  const width = (flatten.outputShape as number[])[1]!;
  const dropout = (drop?.getConfig().rate as number | undefined) ?? 0.2;
  return { features, width, dense, dropout };
}

/** Convolution features (n × width) of `inputs` (n × 784, 0–1), in batches. */
export async function featuresOf(split: SplitCnn, inputs: Float32Array, batch = 256): Promise<Float32Array> {
  const n = inputs.length / IMAGE_PIXELS;
  const out = new Float32Array(n * split.width);
  for (let start = 0; start < n; start += batch) {
    const m = Math.min(batch, n - start);
    const y = tf.tidy(
      () =>
        split.features.predict(
          tf.tensor3d(inputs.subarray(start * IMAGE_PIXELS, (start + m) * IMAGE_PIXELS), [m, IMAGE_SIDE, IMAGE_SIDE]),
        ) as tf.Tensor,
    );
    out.set(await y.data(), start * split.width);
    y.dispose();
  }
  return out;
}

/** A fresh head initialised with the base model's dense weights (fine-tuning starts from them). */
export function headOf(split: SplitCnn, seed: number): tf.Sequential {
  const head = tf.sequential({
    layers: [
      tf.layers.dropout({ rate: split.dropout, seed, inputShape: [split.width] }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  head.layers[1]!.setWeights(split.dense[0]!.getWeights().map((w) => w.clone()));
  head.layers[2]!.setWeights(split.dense[1]!.getWeights().map((w) => w.clone()));
  return head;
}

/**
 * Label of a photo whose target is "any footwear class" (sandal, sneaker or ankle boot): trained
 * with a coarse-aware loss, −log(p5 + p7 + p9), when {@link trainHead}'s `footwearSum` is on.
 */
export const FOOTWEAR_LABEL = 10;

/** Labelled feature vectors (labels may be UNIFORM_LABEL, or FOOTWEAR_LABEL). */
export interface FeatureSet {
  features: Float32Array;
  labels: Uint8Array;
  width: number;
}

/** Trains `head` on `set` with Adam at a constant rate; `onEpoch` may predict held-out photos. */
export async function trainHead(
  head: tf.Sequential,
  set: FeatureSet,
  options: {
    epochs: number;
    lr: number;
    random: () => number;
    /** Score FOOTWEAR_LABEL rows against the summed footwear probability (else they are invalid). */
    footwearSum?: boolean;
    onEpoch?: (m: EpochMetrics) => void | Promise<void>;
  },
): Promise<EpochMetrics[]> {
  const { width } = set;
  const source: BatchSource = {
    count: set.labels.length,
    shape: [width],
    fill(order, from, n, xs, ys) {
      for (let i = 0; i < n; i++) {
        const k = order[from + i]!;
        xs.set(set.features.subarray(k * width, (k + 1) * width), i * width);
        ys[i] = set.labels[k]!;
      }
    },
  };
  const optimizer = tf.train.adam(options.lr);
  try {
    return await trainLoop(
      {
        // With footwearSum an 11th column p5 + p7 + p9 is appended, so the shared sparse
        // cross-entropy scores label 10 as −log(p5 + p7 + p9): a shoe photo may land on any
        // footwear class. Uniform rows then spread 1/11 over the 11 columns (barely different).
        forward: (x) => {
          const p = head.apply(x, { training: true }) as tf.Tensor2D;
          if (!options.footwearSum) return p;
          const footwear = tf.addN(GROUPS.footwear.map((c) => tf.slice(p, [0, c], [-1, 1])));
          return tf.concat([p, footwear], 1);
        },
        variables: head.trainableWeights.map((w) => w.read() as tf.Variable),
      },
      optimizer,
      source,
      {
        epochs: options.epochs,
        batchSize: 64,
        schedule: constantRate(options.lr),
        random: options.random,
        onEpoch: options.onEpoch,
      },
    );
  } finally {
    optimizer.dispose();
  }
}

/** Probabilities (n × 10) of feature vectors through `head` (inference: dropout off). */
export async function headProbs(head: tf.Sequential, features: Float32Array, width: number): Promise<Float32Array> {
  const n = features.length / width;
  const y = tf.tidy(() => head.predict(tf.tensor2d(features, [n, width])) as tf.Tensor);
  const out = (await y.data()) as Float32Array;
  y.dispose();
  return out;
}

/** Copies a trained head's dense weights into the base cnn (which then is the photo model). */
export function installHead(split: SplitCnn, head: tf.Sequential): void {
  split.dense[0]!.setWeights(head.layers[1]!.getWeights());
  split.dense[1]!.setWeights(head.layers[2]!.getWeights());
}
