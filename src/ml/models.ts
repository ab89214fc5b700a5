import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, NUM_CLASSES } from '../core/classes';

/** Identifiers of the architectures Prenda can build. */
export type ModelKind = 'mlp' | 'cnn';

/** Options for building a model. */
export interface BuildOptions {
  /** Hidden units of the mlp (the workshop uses 128; question 3 asks about 500). */
  hidden?: number;
  seed?: number;
}

/**
 * The workshop's model, exactly: Flatten → Dense(hidden, relu) → Dense(10, softmax).
 * Input is a 28×28 image already scaled to 0–1 (pixels / 255).
 */
export function buildMlp({ hidden = 128, seed }: BuildOptions = {}): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed === undefined ? undefined : seed + s });
  return tf.sequential({
    name: `mlp_${hidden}`,
    layers: [
      tf.layers.flatten({ inputShape: [IMAGE_SIDE, IMAGE_SIDE] }),
      tf.layers.dense({ units: hidden, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax', kernelInitializer: init(2) }),
    ],
  });
}

/**
 * Prenda's small CNN (≈ 66K parameters, ≈ 1.3M multiply-adds per image so that an epoch trains
 * in about a minute on two CPU cores with the wasm backend): 3×3 convolutions with 16, 32 and 32
 * filters, max-pooling after the first two, then dropout, a 64-unit dense layer and softmax.
 */
export function buildCnn({ seed }: BuildOptions = {}): tf.Sequential {
  let n = 0;
  const init = () => tf.initializers.heNormal({ seed: seed === undefined ? undefined : seed + ++n });
  const conv = (filters: number, padding: 'same' | 'valid') =>
    tf.layers.conv2d({ filters, kernelSize: 3, padding, activation: 'relu', kernelInitializer: init() });
  return tf.sequential({
    name: 'cnn',
    layers: [
      tf.layers.reshape({ targetShape: [IMAGE_SIDE, IMAGE_SIDE, 1], inputShape: [IMAGE_SIDE, IMAGE_SIDE] }),
      conv(16, 'same'),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      conv(32, 'same'),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      conv(32, 'valid'),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.3, seed }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init() }),
      tf.layers.dropout({ rate: 0.3, seed }),
      tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax', kernelInitializer: init() }),
    ],
  });
}

/** Builds the architecture `kind`. */
export function buildModel(kind: ModelKind, options: BuildOptions = {}): tf.Sequential {
  return kind === 'mlp' ? buildMlp(options) : buildCnn(options);
}
