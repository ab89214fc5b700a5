// The trainable head of a run that adds classes, with two ways of keeping the ten:
// - each Dense weight W is trained as W0 + r ⊙ D (D starts at zero): Adam moves every entry of D
//   by about the learning rate per step whatever its gradient's scale, so r is a per-entry rate
//   factor (a scaled gradient would not do: Adam normalises the scale away). The new output
//   columns (and the hidden units a widened layer gained) get r = 1, the old columns and the
//   other hidden units r = `keepRate`;
// - distillation (Hinton et al. 2015, as in Learning without Forgetting): on the replayed photos
//   the old outputs are pulled towards the base model's probabilities (temperature 2), beside the
//   cross-entropy against the labels.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { sparseCrossEntropy } from '../losses';
import type { Trainable } from '../fit';
import { applyLayers, type Features } from './head-training';

type Layer = LayersModel['layers'][number];

/** Temperature of the distillation term. */
const TEMPERATURE = 2;
const EPSILON = 1e-7;

const ACTIVATIONS: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  softmax: (x) => tf.softmax(x),
};

/** How the head of a class-adding run trains. */
export interface KeepOptions {
  /** Rate factor of the old output columns and the hidden layers (1: as the new columns). */
  keepRate: number;
  /** Weight of the distillation term (0: none). */
  distill: number;
  /** Which outputs are old classes (true) and which are new (false). */
  old: readonly boolean[];
  /**
   * Units of the last hidden layer from this index on are new (head-resize widenHidden): they
   * train at rate 1 like the new output columns. Absent: every hidden unit is old.
   */
  newUnitsFrom?: number;
}

/**
 * The [outputs, old outputs] 0/1 matrix that picks the old outputs' columns (a product, not a
 * gather: the wasm backend has no gradient for gather).
 */
function selection(old: readonly boolean[]): tf.Tensor2D {
  const columns = old.flatMap((o, j) => (o ? [j] : []));
  const values = new Float32Array(old.length * columns.length);
  columns.forEach((j, k) => (values[j * columns.length + k] = 1));
  return tf.tensor2d(values, [old.length, columns.length]);
}

/** True when a head can be trained by {@link keepingHead}: Dense layers with known activations, and dropout. */
export function keepable(head: readonly Layer[]): boolean {
  return head.every((layer) => {
    const name = layer.getClassName();
    if (name === 'Dropout') return true;
    const config = layer.getConfig() as { activation?: string; useBias?: boolean };
    return name === 'Dense' && config.useBias !== false && (config.activation ?? 'linear') in ACTIVATIONS;
  });
}

/**
 * Feature rows with, after each, the base model's log-probabilities of the old classes and a 1
 * where the row is distilled, else 0: the loss finds its targets in the batch itself.
 */
export function withTeacher(
  features: Features,
  teacher: Float32Array,
  oldCount: number,
  replayed: (row: number) => boolean,
): Features {
  const width = features.width + oldCount + 1;
  const values = new Float32Array(features.count * width);
  for (let i = 0; i < features.count; i++) {
    values.set(features.values.subarray(i * features.width, (i + 1) * features.width), i * width);
    values.set(teacher.subarray(i * oldCount, (i + 1) * oldCount), i * width + features.width);
    values[i * width + width - 1] = replayed(i) ? 1 : 0;
  }
  return { values, width, count: features.count };
}

/** Log-probabilities of the old outputs (renormalised among themselves) of `head` on `features`, in inference mode. */
export async function teacherLogProbs(
  head: readonly Layer[],
  features: Features,
  old: readonly boolean[],
): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const probs = applyLayers([...head], tf.tensor2d(features.values, [features.count, features.width]), false);
    return tf.logSoftmax(tf.log(tf.clipByValue(tf.matMul(probs as tf.Tensor2D, selection(old)), EPSILON, 1)));
  });
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

/** A head being trained the keeping way: its {@link Trainable} and how to write the result back. */
export interface KeepingHead {
  net: Trainable;
  /** Writes the current W0 + r ⊙ D into the layers (before measuring them). */
  sync: () => void;
  /** Frees the run's tensors. */
  dispose: () => void;
}

/**
 * The head's Trainable with per-entry rates and, when `options.distill` > 0, the distillation
 * term: its input rows are `featureWidth` features followed by the {@link withTeacher} columns.
 */
export function keepingHead(head: readonly Layer[], featureWidth: number, options: KeepOptions): KeepingHead {
  const dense = head.filter((layer) => layer.getClassName() === 'Dense');
  const last = dense.at(-1)!;
  const oldCount = options.old.filter(Boolean).length;
  const parts = dense.map((layer) => {
    const [w0, b0] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const units = w0.shape[1];
    const from = layer === dense.at(-2) ? (options.newUnitsFrom ?? units) : units;
    const rate =
      layer === last
        ? tf.tensor1d(options.old.map((o) => (o ? options.keepRate : 1)))
        : tf.tensor1d(Array.from({ length: units }, (_, j) => (j < from ? options.keepRate : 1)));
    return {
      layer,
      w0: tf.keep(w0.clone()),
      b0: tf.keep(b0.clone()),
      dw: tf.variable(tf.zerosLike(w0)),
      db: tf.variable(tf.zerosLike(b0)),
      rate: rate as tf.Tensor1D,
      activation: ACTIVATIONS[(layer.getConfig() as { activation?: string }).activation ?? 'linear']!,
    };
  });
  const weights = (p: (typeof parts)[number]) =>
    [tf.add(p.w0, tf.mul(p.dw, p.rate)), tf.add(p.b0, tf.mul(p.db, p.rate))] as [tf.Tensor2D, tf.Tensor1D];
  const forward = (x: tf.Tensor): tf.Tensor2D => {
    let h = x.shape[1] === featureWidth ? x : tf.slice(x, [0, 0], [-1, featureWidth]);
    for (const layer of head) {
      const p = parts.find((q) => q.layer === layer);
      if (!p) {
        h = layer.apply(h, { training: true }) as tf.Tensor;
        continue;
      }
      const [w, b] = weights(p);
      h = p.activation(tf.add(tf.matMul(h as tf.Tensor2D, w), b));
    }
    return h as tf.Tensor2D;
  };
  const pick = selection(options.old);
  const loss = (x: tf.Tensor, labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar => {
    const ce = sparseCrossEntropy(labels, probs);
    if (options.distill <= 0 || x.shape[1] === featureWidth) return ce;
    const teacher = tf.slice(x, [0, featureWidth], [-1, oldCount]);
    const mask = tf.reshape(tf.slice(x, [0, featureWidth + oldCount], [-1, 1]), [-1]);
    const soft = tf.softmax(tf.div(teacher, TEMPERATURE));
    const student = tf.logSoftmax(tf.div(tf.log(tf.clipByValue(tf.matMul(probs, pick), EPSILON, 1)), TEMPERATURE));
    const kl = tf.sum(tf.mul(soft, tf.sub(tf.log(tf.clipByValue(soft, EPSILON, 1)), student)), 1);
    const distilled = tf.div(tf.sum(tf.mul(kl, mask)), tf.maximum(tf.sum(mask), 1));
    return tf.add(ce, tf.mul(distilled, options.distill * TEMPERATURE ** 2)) as tf.Scalar;
  };
  const dispose = () => {
    for (const p of parts) tf.dispose([p.w0, p.b0, p.dw, p.db, p.rate]);
    pick.dispose();
  };
  return {
    net: { forward, variables: parts.flatMap((p) => [p.dw, p.db]), loss },
    sync: () => {
      for (const p of parts) {
        const [w, b] = tf.tidy(() => weights(p));
        p.layer.setWeights([w, b]);
        tf.dispose([w, b]);
      }
    },
    dispose,
  };
}
