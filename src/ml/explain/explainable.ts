import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/** A classifier opened at its last layer: input → penultimate features → logits (pre-softmax). */
export interface ExplainableModel {
  readonly model: LayersModel;
  /** Shape of one input, e.g. [28, 28]. */
  readonly inputShape: number[];
  /** Features of the layer before the softmax layer: [n, dim]. */
  features(x: tf.Tensor): tf.Tensor2D;
  /** Class scores before the softmax: [n, 10]. */
  logits(features: tf.Tensor2D): tf.Tensor2D;
}

/**
 * Opens a Sequential model whose last layer is Dense with softmax (all of Prenda's). The weights
 * stay the model's own: nothing here needs disposing, and the model must outlive it.
 */
export function explainable(model: LayersModel): ExplainableModel {
  const last = model.layers.at(-1);
  const config = last?.getConfig() ?? {};
  if (model.getClassName() !== 'Sequential' || last?.getClassName() !== 'Dense' || config.activation !== 'softmax') {
    throw new Error('Explanations need a Sequential model ending in a softmax Dense layer');
  }
  const body = model.layers.slice(0, -1);
  const [kernel, bias] = last.getWeights();
  return {
    model,
    inputShape: model.inputs[0]!.shape.slice(1) as number[],
    features: (x) =>
      tf.reshape(
        body.reduce((h, layer) => layer.apply(h, { training: false }) as tf.Tensor, x),
        [x.shape[0]!, -1],
      ),
    logits: (features) => tf.add(tf.matMul(features, kernel!), bias!),
  };
}
