import * as tf from '@tensorflow/tfjs-core';
import type { ExplainableModel } from './explainable';

/** Which output a map explains: a probability or a pre-softmax score. */
export type OutputSpace = 'probability' | 'logit';

/** The class explained, and the class it is set against ("why c and not d") when given. */
export interface ClassPair {
  cls: number;
  versus?: number;
}

/** The scalar explained: class `cls`'s output, minus class `versus`'s when given. */
export interface Target extends ClassPair {
  space: OutputSpace;
}

/** The ten outputs of `x` ([n, ...inputShape]) in `space`: [n, 10]. */
export function outputs(net: ExplainableModel, x: tf.Tensor, space: OutputSpace): tf.Tensor2D {
  const logits = net.logits(net.features(x));
  return space === 'logit' ? logits : tf.softmax(logits);
}

/** The target's value for each row of `x`: [n]. */
export function targetValues(net: ExplainableModel, x: tf.Tensor, target: Target): tf.Tensor1D {
  const out = outputs(net, x, target.space);
  const column = (k: number) => tf.reshape(tf.slice(out, [0, k], [-1, 1]), [-1]) as tf.Tensor1D;
  return target.versus === undefined ? column(target.cls) : tf.sub(column(target.cls), column(target.versus));
}

/** The target's value from one row of ten outputs already read back. */
export function targetOf(row: ArrayLike<number>, target: ClassPair): number {
  return row[target.cls]! - (target.versus === undefined ? 0 : row[target.versus]!);
}
