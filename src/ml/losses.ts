import * as tf from '@tensorflow/tfjs-core';

const EPSILON = 1e-7;

/**
 * Sparse categorical cross-entropy on probabilities (what Keras computes for a softmax output):
 * mean over the batch of −log p[label], with p clipped to [1e-7, 1 − 1e-7].
 */
export function sparseCrossEntropy(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(labels, probs.shape[1]);
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
