import type { InkSource } from '../core/ink-mirror';
import type { RgbaImage } from '../core/preprocess';
import type { InkAnswer, PhotoAnswer } from '../ml/classify/protocol';
import type { ModelParts } from '../ml/retrain/model-artifacts';

/** The model in use, wherever it runs (a worker or the page): what the app's callers may ask of it. */
export interface ActiveClassifier {
  /** Where it runs. */
  readonly where: 'worker' | 'main';
  /** The ten probabilities for one 28×28 input (values 0..1); the input is not modified. */
  predict(input: Float32Array): Promise<Float32Array>;
  /**
   * Reads a drawing (on the page: its ink box; a worker: what changed since it last read it),
   * preprocesses it where the model runs (core/preprocess) and classifies it: the 28×28 input and
   * its probabilities, or null when there is no ink.
   */
  predictInk(source: InkSource): Promise<InkAnswer | null>;
  /** Preprocesses a camera frame (core/photo/pipeline) where the model runs, and classifies it. */
  predictPhoto(image: RgbaImage): Promise<PhotoAnswer>;
  /** Probabilities (count × 10) of `count` images (uint8 0..255 or float 0..1), on the batch backend. */
  predictMany(
    images: Uint8Array | Float32Array,
    count: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Float32Array>;
  /** The backend batch work runs on: the fastest measured one (a software GPU loses to wasm). */
  batchBackend(): string;
  /** The model's topology and weights (to retrain it). */
  parts(): Promise<ModelParts>;
  /** Frees what it holds on the page (nothing for a worker's). */
  dispose(): void;
}
