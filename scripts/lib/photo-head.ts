import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../src/core/classes';
import { GROUPS } from '../../src/core/photo/folders';
import { trainLoop, type BatchSource, type EpochMetrics } from '../../src/ml/fit';
import { sparseCrossEntropy } from '../../src/ml/losses';
import { constantRate } from '../../src/ml/schedule';

/**
 * Where the base cnn is cut: after its Flatten (only the dense head is trained) or before its last
 * convolution (that convolution and the dense head are trained).
 */
export type SplitAt = 'flatten' | 'last-conv';

/**
 * Photo fine-tuning of the shipped cnn that fits a loaded 2-core box: the layers before the cut
 * stay as Fashion-MNIST trained them (their output is computed once per photo and view), and only
 * the layers after it ([last conv →] dropout → dense → dense 10) are trained on photos plus
 * Fashion-MNIST.
 */
export interface SplitCnn {
  /** Input → activations at the cut. */
  features: tf.LayersModel;
  /** Shape of one item's activations at the cut (e.g. [1600], or [7, 7, 32] before the last conv). */
  shape: number[];
  /** Values per item (the shape multiplied out). */
  width: number;
  /** The base model's last convolution when the cut is before it (its weights a head replaces). */
  conv?: tf.layers.Layer;
  /** The base model's dense layers, whose weights a trained head replaces. */
  dense: tf.layers.Layer[];
  dropout: number;
}

/** Splits a (loaded) cnn at its Flatten layer, or before its last convolution. */
export function splitCnn(model: tf.LayersModel, at: SplitAt = 'flatten'): SplitCnn {
  const flatten = model.layers.find((l) => l.getClassName() === 'Flatten');
  const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
  const drop = model.layers.find((l) => l.getClassName() === 'Dropout');
  if (!flatten || dense.length !== 2) throw new Error('expected a cnn with a Flatten layer and two Dense layers');
  const dropout = (drop?.getConfig().rate as number | undefined) ?? 0.2;
  if (at === 'flatten') {
    const features = tf.model({ inputs: model.inputs, outputs: flatten.output as tf.SymbolicTensor });
    const width = (flatten.outputShape as number[])[1]!;
    return { features, shape: [width], width, dense, dropout };
  }
  const conv = model.layers.filter((l) => l.getClassName() === 'Conv2D').at(-1);
  if (!conv || model.layers.indexOf(conv) !== model.layers.indexOf(flatten) - 1)
    throw new Error('expected the last convolution right before Flatten');
  const features = tf.model({ inputs: model.inputs, outputs: conv.input as tf.SymbolicTensor });
  const shape = (conv.input as tf.SymbolicTensor).shape.slice(1) as number[];
  return { features, shape, width: shape.reduce((a, b) => a * b, 1), conv, dense, dropout };
}

/** Activations at the cut (n × width) of `inputs` (n × 784, 0–1), in batches. */
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

/** How a head differs from the base model's (default: the same layers). */
export interface HeadOptions {
  /** Units of the hidden dense layer; extra units beyond the base's start small (default: the base's). */
  hidden?: number;
}

/** Units of the base model's hidden dense layer. */
const baseHidden = (split: SplitCnn) => split.dense[0]!.getWeights()[1]!.shape[0]!;

/** The head's layers of one class name (its convolution, or its two dense layers). */
const layersOf = (head: tf.Sequential, className: string) => head.layers.filter((l) => l.getClassName() === className);

/**
 * A fresh head initialised with the base model's weights after the cut (fine-tuning starts from
 * them). With a wider hidden layer the extra units get small random weights in and out, so the
 * head starts out answering as the base does.
 */
export function headOf(split: SplitCnn, seed: number, options: HeadOptions = {}): tf.Sequential {
  const hidden = options.hidden ?? baseHidden(split);
  const layers: tf.layers.Layer[] = [];
  if (split.conv) {
    const c = split.conv.getConfig();
    layers.push(
      tf.layers.conv2d({
        filters: c.filters as number,
        kernelSize: c.kernelSize as number[],
        padding: c.padding as 'valid' | 'same',
        activation: c.activation as 'relu',
        inputShape: split.shape,
      }),
      tf.layers.flatten(),
    );
  }
  layers.push(
    tf.layers.dropout({ rate: split.dropout, seed, ...(split.conv ? {} : { inputShape: split.shape }) }),
    tf.layers.dense({ units: hidden, activation: 'relu' }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  );
  const head = tf.sequential({ layers });
  if (split.conv) layersOf(head, 'Conv2D')[0]!.setWeights(split.conv.getWeights().map((w) => w.clone()));
  const [d0, d1] = layersOf(head, 'Dense');
  const extra = hidden - baseHidden(split);
  if (extra < 0) throw new Error(`a head cannot be narrower than the base (${hidden} < ${baseHidden(split)})`);
  const [k0, b0] = split.dense[0]!.getWeights();
  const [k1, b1] = split.dense[1]!.getWeights();
  tf.tidy(() => {
    const small = (shape: number[], s: number) => tf.randomNormal(shape, 0, 0.01, 'float32', s);
    d0!.setWeights(
      extra
        ? [tf.concat([k0!, small([k0!.shape[0]!, extra], seed)], 1), tf.concat([b0!, tf.zeros([extra])])]
        : [k0!, b0!],
    );
    d1!.setWeights(extra ? [tf.concat([k1!, small([extra, 10], seed + 1)], 0), b1!] : [k1!, b1!]);
  });
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
  /** Shape of one item (default [width]). */
  shape?: number[];
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
    /** Label smoothing ε: the loss is (1 − ε)·cross-entropy + ε·cross-entropy against uniform. */
    smooth?: number;
    onEpoch?: (m: EpochMetrics) => void | Promise<void>;
  },
): Promise<EpochMetrics[]> {
  const { width } = set;
  const source: BatchSource = {
    count: set.labels.length,
    shape: set.shape ?? [width],
    fill(order, from, n, xs, ys) {
      for (let i = 0; i < n; i++) {
        const k = order[from + i]!;
        xs.set(set.features.subarray(k * width, (k + 1) * width), i * width);
        ys[i] = set.labels[k]!;
      }
    },
  };
  const smooth = options.smooth ?? 0;
  // The last forward pass's logits, for the smoothed loss computed right after it.
  let logits: tf.Tensor2D | undefined;
  const optimizer = tf.train.adam(options.lr);
  try {
    return await trainLoop(
      {
        // With footwearSum an 11th column p5 + p7 + p9 is appended, so the shared sparse
        // cross-entropy scores label 10 as −log(p5 + p7 + p9): a shoe photo may land on any
        // footwear class. Uniform rows then spread 1/11 over the 11 columns (barely different).
        forward: (x) => {
          logits = headLogits(head, x);
          const p = tf.softmax(logits);
          if (!options.footwearSum) return p;
          const footwear = tf.addN(GROUPS.footwear.map((c) => tf.slice(p, [0, c], [-1, 1])));
          return tf.concat([p, footwear], 1);
        },
        variables: head.trainableWeights.map((w) => w.read() as tf.Variable),
        ...(smooth > 0 && {
          // The uniform term is taken from the logits: through clipped probabilities its gradient
          // vanishes once a class falls under the clip (1e-7), and a run that overshoots early
          // then saturates at p = 1 despite the smoothing (1 run in 40 of the unit test did).
          loss: (_x: tf.Tensor, labels: tf.Tensor1D, probs: tf.Tensor2D) =>
            tf.tidy(() => {
              const uniform = tf.neg(tf.mean(tf.logSoftmax(logits!)));
              return tf.add(tf.mul(sparseCrossEntropy(labels, probs), 1 - smooth), tf.mul(uniform, smooth));
            }),
        }),
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

/** Logits of `head` in training mode: every layer but the last (a softmax Dense), then its kernel and bias. */
function headLogits(head: tf.Sequential, x: tf.Tensor): tf.Tensor2D {
  const hidden = head.layers.slice(0, -1).reduce((h, layer) => layer.apply(h, { training: true }) as tf.Tensor, x);
  const [kernel, bias] = head.layers.at(-1)!.trainableWeights.map((w) => w.read());
  return tf.add(tf.matMul(hidden as tf.Tensor2D, kernel!), bias!);
}

/** Probabilities (n × 10) of items (n × the product of `shape`) through `head` (inference: dropout off). */
export async function headProbs(
  head: tf.Sequential,
  features: Float32Array,
  shape: number | number[],
  batch = 1024,
): Promise<Float32Array> {
  const dims = typeof shape === 'number' ? [shape] : shape;
  const width = dims.reduce((a, b) => a * b, 1);
  const n = features.length / width;
  const out = new Float32Array(n * 10);
  for (let start = 0; start < n; start += batch) {
    const m = Math.min(batch, n - start);
    const y = tf.tidy(
      () => head.predict(tf.tensor(features.subarray(start * width, (start + m) * width), [m, ...dims])) as tf.Tensor,
    );
    out.set((await y.data()) as Float32Array, start * 10);
    y.dispose();
  }
  return out;
}

/**
 * Copies a trained head's weights into the base cnn (which then is the photo model). Only a head
 * of the base's own layer sizes fits.
 */
export function installHead(split: SplitCnn, head: tf.Sequential): void {
  const [d0, d1] = layersOf(head, 'Dense');
  if (d0!.getWeights()[1]!.shape[0] !== baseHidden(split))
    throw new Error('a wider head does not fit the base model; build a new model for it');
  if (split.conv) split.conv.setWeights(layersOf(head, 'Conv2D')[0]!.getWeights());
  split.dense[0]!.setWeights(d0!.getWeights());
  split.dense[1]!.setWeights(d1!.getWeights());
}

/**
 * The photo model: `base` with the trained head in place of its layers after the cut. A head of the
 * base's sizes is installed into `base` itself; a wider one gets a new model of the same layers
 * with the wider hidden layer (still a plain layers model whose last Dense layer is the output).
 */
export async function photoModelOf(
  base: tf.LayersModel,
  split: SplitCnn,
  head: tf.Sequential,
): Promise<tf.LayersModel> {
  const [d0, d1] = layersOf(head, 'Dense');
  const hidden = d0!.getWeights()[1]!.shape[0]!;
  if (hidden === baseHidden(split)) {
    installHead(split, head);
    return base;
  }
  const topology = base.toJSON(null, false) as { config: { layers: { config: { name: string; units?: number } }[] } };
  const hiddenName = split.dense[0]!.name;
  for (const l of topology.config.layers) if (l.config.name === hiddenName) l.config.units = hidden;
  const model = await tf.models.modelFromJSON({
    modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'],
  });
  // Layers match one to one (same topology); those after the cut take the head's weights.
  const fromHead = new Map<string, tf.layers.Layer>([
    [split.dense[0]!.name, d0!],
    [split.dense[1]!.name, d1!],
    ...(split.conv ? [[split.conv.name, layersOf(head, 'Conv2D')[0]!] as const] : []),
  ]);
  model.layers.forEach((l, i) => {
    const source = fromHead.get(base.layers[i]!.name) ?? base.layers[i]!;
    if (source.getWeights().length) l.setWeights(source.getWeights());
  });
  return model;
}
