import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_PIXELS } from '../../core/classes';
import type { BatchOptions } from './batched-outputs';
import { checkpoint } from './cancel';
import type { ExplainableModel } from './explainable';
import { targetValues, type ClassPair, type OutputSpace, type Target } from './target';

/** Choices of integrated gradients (defaults: the measured best, see docs/explanations.md). */
export interface IntegratedGradientsOptions extends BatchOptions {
  /** Points on the straight path from the black image to the input (midpoint rule). */
  steps?: number;
  space?: OutputSpace;
}

/** Defaults of {@link integratedGradients}. */
export const INTEGRATED_GRADIENTS_DEFAULTS = { steps: 32, space: 'probability', batchSize: 16 } as const;

/** Sum over the rows of ∂target/∂x at the images `alphas[i] · image`. */
function gradientSum(net: ExplainableModel, image: Float32Array, alphas: number[], target: Target): tf.Tensor {
  return tf.tidy(() => {
    const path = tf.mul(tf.tensor2d(alphas, [alphas.length, 1]), tf.tensor2d(image, [1, IMAGE_PIXELS]));
    const x = tf.reshape(path, [alphas.length, ...net.inputShape]);
    const gradient = tf.grad((input: tf.Tensor) => tf.sum(targetValues(net, input, target)))(x);
    return tf.sum(tf.reshape(gradient, [alphas.length, IMAGE_PIXELS]), 0);
  });
}

/**
 * Integrated gradients (Sundararajan et al. 2017) from the black image (0 = background): the
 * input times the mean gradient of the target along the path, so the map sums to about
 * target(input) − target(black) and is 0 wherever the input is background.
 */
export async function integratedGradients(
  net: ExplainableModel,
  image: Float32Array,
  target: ClassPair,
  options: IntegratedGradientsOptions = {},
): Promise<Float32Array> {
  const D = INTEGRATED_GRADIENTS_DEFAULTS;
  const { steps = D.steps, space = D.space, batchSize = D.batchSize, signal } = options;
  const alphas = Array.from({ length: steps }, (_, k) => (k + 0.5) / steps);
  const total = new Float32Array(IMAGE_PIXELS);
  for (let start = 0; start < steps; start += batchSize) {
    await checkpoint(signal);
    const sum = gradientSum(net, image, alphas.slice(start, start + batchSize), { ...target, space });
    try {
      const values = await sum.data();
      for (let i = 0; i < IMAGE_PIXELS; i++) total[i]! += values[i]!;
    } finally {
      sum.dispose();
    }
  }
  return total.map((g, i) => (g / steps) * image[i]!);
}

/** The plain gradient of the target at the input (saliency): the cheap baseline. */
export async function plainGradient(
  net: ExplainableModel,
  image: Float32Array,
  target: ClassPair,
  space: OutputSpace = 'probability',
): Promise<Float32Array> {
  const sum = gradientSum(net, image, [1], { ...target, space });
  try {
    return Float32Array.from(await sum.data());
  } finally {
    sum.dispose();
  }
}
