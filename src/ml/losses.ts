import * as tf from '@tensorflow/tfjs-core';

const EPSILON = 1e-7;

/**
 * Label of an example that is none of the classes (outlier exposure, Hendrycks et al. 2019):
 * its target is the uniform distribution, so the model learns to be unsure on such inputs.
 */
export const UNIFORM_LABEL = 255;

/**
 * Sparse categorical cross-entropy on probabilities (what Keras computes for a softmax output):
 * mean over the batch of −log p[label], with p clipped to [1e-7, 1 − 1e-7]; rows labelled
 * {@link UNIFORM_LABEL} are scored against the uniform distribution instead.
 */
export function sparseCrossEntropy(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const k = probs.shape[1];
    // oneHot leaves out-of-range labels all zero; the uniform rows get 1/k everywhere.
    const uniform = tf.expandDims(tf.cast(tf.equal(labels, UNIFORM_LABEL), 'float32'), 1);
    const oneHot = tf.add(tf.oneHot(labels, k), tf.mul(uniform, 1 / k));
    const logP = tf.log(tf.clipByValue(probs, EPSILON, 1 - EPSILON));
    const loss = tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logP), 1)));
    // Clipping turns NaN probabilities into 1e-7 and a finite loss; adding 0·Σp lets a NaN through
    // so that divergence is detected instead of silently training on garbage.
    return tf.add(loss, tf.mul(tf.sum(probs), 0));
  });
}

/** Number of rows whose arg-max equals the label, as a scalar tensor. */
export function countCorrect(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), labels), 'float32')));
}
