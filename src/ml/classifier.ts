import * as tf from '@tensorflow/tfjs-core';
import {
  loadLayersModel,
  model as functionalModel,
  type LayersModel,
  type SymbolicTensor,
} from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS } from '../core/classes';
import { softmax } from '../core/softmax';

/** A model's last Dense layer with softmax, taken apart: the model up to it, and its weights. */
interface SoftmaxHead {
  /** The same layers up to the head's input (shared, not copied). */
  body: LayersModel;
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | undefined;
}

/**
 * Splits off a last `Dense(activation: 'softmax')` layer, or null for any other model (which is
 * then run whole). See {@link Classifier.predict} for why.
 */
function softmaxHead(model: LayersModel): SoftmaxHead | null {
  const last = model.layers[model.layers.length - 1];
  if (!last || last.getClassName() !== 'Dense' || last.getConfig().activation !== 'softmax') return null;
  if (last.inboundNodes.length !== 1 || !last.weights[0]) return null;
  const body = functionalModel({ inputs: model.inputs, outputs: last.input as SymbolicTensor });
  return { body, kernel: last.weights[0], bias: last.weights[1] };
}

/** A loaded, warmed-up Fashion-MNIST model that turns one 28×28 input into class probabilities (10, or more with user classes). */
export class Classifier {
  private readonly shape: number[];
  private readonly head: SoftmaxHead | null;

  /** Wraps an already built model (its input must hold 784 values). */
  constructor(readonly model: LayersModel) {
    const inputShape = model.inputs[0]?.shape.slice(1) ?? [];
    if (inputShape.reduce<number>((a, b) => a * (b ?? 0), 1) !== IMAGE_PIXELS) {
      throw new Error(`Model input ${JSON.stringify(inputShape)} does not hold ${IMAGE_PIXELS} pixels`);
    }
    this.shape = [1, ...(inputShape as number[])];
    this.head = softmaxHead(model);
  }

  /** Number of classes the model answers with (its outputs). */
  get classes(): number {
    return (this.model.outputs[0]?.shape[1] as number | null) ?? 0;
  }

  /** Loads a tfjs layers model (model.json + weights) and runs one warm-up prediction. */
  static async load(url: string): Promise<Classifier> {
    const classifier = new Classifier(await loadLayersModel(url));
    await classifier.warmUp();
    return classifier;
  }

  /** Wraps an already loaded model (e.g. a retrained version) and warms it up. */
  static async fromModel(model: LayersModel): Promise<Classifier> {
    const classifier = new Classifier(model);
    await classifier.warmUp();
    return classifier;
  }

  /** Runs one prediction on zeros, so shader compilation is not paid by the first drawing. */
  async warmUp(): Promise<void> {
    await this.predict(new Float32Array(IMAGE_PIXELS));
  }

  /**
   * Class probabilities for one 28×28 input (values 0..1, 1 = garment). Runs the layers directly
   * (`apply`, not `predict`, which slices the batch first: 1.5 ms more per call on WebGL) and
   * reads the values back synchronously where the backend allows: for one tiny output, a sync read
   * is the GPU's finishing time, while the async one polls and adds ~3 ms. WebGPU has no sync read.
   * A softmax head's ten logits are read instead and the softmax is done here: on WebGL that is
   * five programs fewer per answer (one fused matMul in place of matMul, add, max, sub, exp, sum,
   * div), ≈ 1.3 ms of SwiftShader's 9 per answer (100 answers in headless Chromium, faster in 6 of 7 runs).
   */
  async predict(input: Float32Array): Promise<Float32Array> {
    if (input.length !== IMAGE_PIXELS) throw new RangeError(`Expected ${IMAGE_PIXELS} values, got ${input.length}`);
    const head = this.head;
    const output = tf.tidy(() => {
      const x = tf.tensor(input, this.shape, 'float32');
      if (!head) return tf.reshape(this.model.apply(x, { training: false }) as tf.Tensor, [-1]);
      const h = head.body.apply(x, { training: false }) as tf.Tensor2D;
      const bias = head.bias?.read();
      const logits = tf.fused.matMul({ a: h, b: head.kernel.read() as tf.Tensor2D, ...(bias ? { bias } : {}) });
      return tf.reshape(logits, [-1]);
    });
    try {
      const values = tf.getBackend() === 'webgpu' ? await output.data() : output.dataSync();
      return head ? softmax(values) : Float32Array.from(values);
    } finally {
      output.dispose();
    }
  }

  /** Frees the model's weights. */
  dispose(): void {
    this.model.dispose();
  }
}
