import * as tf from '@tensorflow/tfjs-core';

interface BatchNormAttrs {
  varianceEpsilon: number;
}

/**
 * Gradient of FusedBatchNorm without `tile`: tfjs's own tiles 1/√var to the full input shape
 * for dx, and the wasm Tile kernel made that a third of a CNN training step. Broadcasting
 * multiplication gives the same values.
 */
export function registerBroadcastBatchNormGradient(): void {
  tf.registerGradient({
    kernelName: 'FusedBatchNorm',
    inputsToSave: ['x', 'mean', 'variance', 'scale'],
    gradFunc: (dy, saved, attrs) => {
      const { varianceEpsilon } = attrs as unknown as BatchNormAttrs;
      const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | null];
      const dyT = dy as tf.Tensor;
      const scaleValue = scale ?? tf.scalar(1);
      const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
      const reduce = (t: tf.Tensor) => tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, mean.shape);
      const xMinusMean = tf.sub(x, mean);
      const dyTimesScale = tf.mul(dyT, scaleValue);
      const invStd = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
      const minusHalfInvStdCubed = tf.mul(tf.pow(invStd, 3), tf.scalar(-0.5));
      return {
        x: () => tf.mul(dyTimesScale, invStd),
        mean: () => reduce(tf.mul(tf.neg(invStd), dyTimesScale)),
        variance: () => reduce(tf.mul(tf.mul(minusHalfInvStdCubed, xMinusMean), dyTimesScale)),
        scale: () => reduce(tf.mul(dyT, tf.mul(xMinusMean, invStd))),
        offset: () => reduce(dyT),
      };
    },
  });
}
