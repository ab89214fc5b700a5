import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS } from '../core/classes';

/** A loaded, warmed-up Fashion-MNIST model that turns one 28×28 input into class probabilities (10, or more with user classes). */
export class Classifier {
  private readonly shape: number[];

  /** Wraps an already built model (its input must hold 784 values). */
  constructor(readonly model: LayersModel) {
    const inputShape = model.inputs[0]?.shape.slice(1) ?? [];
    if (inputShape.reduce<number>((a, b) => a * (b ?? 0), 1) !== IMAGE_PIXELS) {
      throw new Error(`Model input ${JSON.stringify(inputShape)} does not hold ${IMAGE_PIXELS} pixels`);
    }
    this.shape = [1, ...(inputShape as number[])];
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
   * reads the ten values back synchronously where the backend allows: for one tiny output, a
   * sync read is the GPU's finishing time, while the async one polls and adds ~3 ms. WebGPU
   * has no sync read.
   */
  async predict(input: Float32Array): Promise<Float32Array> {
    if (input.length !== IMAGE_PIXELS) throw new RangeError(`Expected ${IMAGE_PIXELS} values, got ${input.length}`);
    const output = tf.tidy(() => {
      const y = this.model.apply(tf.tensor(input, this.shape, 'float32'), { training: false }) as tf.Tensor;
      return tf.reshape(y, [-1]);
    });
    try {
      return Float32Array.from(tf.getBackend() === 'webgpu' ? await output.data() : output.dataSync());
    } finally {
      output.dispose();
    }
  }

  /** Frees the model's weights. */
  dispose(): void {
    this.model.dispose();
  }
}
