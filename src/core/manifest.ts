/** One epoch of training history. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  seconds: number;
}

/** How a model's shipped weight values are stored (tfjs layers format quantization). */
export type WeightDtype = 'float32' | 'float16' | 'uint8';

/** One weight encoding measured on the 10,000 test images. */
export interface WeightEncoding {
  dtype: WeightDtype;
  /** Weight file bytes. */
  bytes: number;
  testAccuracy: number;
}

/** A trained model as recorded in public/models/manifest.json. */
export interface ModelEntry {
  id: string;
  names: { es: string; en: string };
  /** model.json path relative to public/models. */
  file: string;
  /** Input shape without the batch axis, e.g. [28, 28]. */
  inputShape: number[];
  parameters: number;
  /** Sum of the shipped weight files' sizes in bytes. */
  bytes: number;
  /** Of the shipped weights (the scores below too). */
  testAccuracy: number;
  testLoss: number;
  perClassAccuracy: number[];
  /** 10×10, rows true class, columns predicted class, on the 10,000 test images. */
  confusionMatrix: number[][];
  history: EpochRecord[];
  training: {
    kind: string;
    epochs: number;
    batchSize: number;
    hidden?: number;
    dropout?: number;
    optimizer: string;
    learningRate: number | string;
    /** Learning-rate schedules of successive phases when a run was resumed (--resume). */
    phases?: (number | string)[];
    augmentation: string;
    seed: number;
    trainImages: number;
    backend: string;
    secondsPerEpoch: number;
  };
  dataset: { name: string; sha256: Record<string, string> };
  date: string;
  /**
   * How the shipped weights are stored, chosen by `npm run quantize` (absent: float32 as trained):
   * the smallest encoding within 0.1 point of the float32 weights' test accuracy.
   */
  weights?: { dtype: WeightDtype; float32: WeightEncoding & { testLoss: number }; tried: WeightEncoding[] };
}

/** public/models/manifest.json. */
export interface Manifest {
  version: 1;
  models: ModelEntry[];
}

/** Validates the shape of a parsed manifest; throws a message naming the first problem. */
export function checkManifest(value: unknown): Manifest {
  const m = value as Manifest;
  if (!m || m.version !== 1 || !Array.isArray(m.models))
    throw new Error('manifest.json: expected { version: 1, models: [...] }');
  for (const e of m.models) {
    if (typeof e.id !== 'string' || typeof e.file !== 'string')
      throw new Error('manifest.json: a model lacks id or file');
    if (e.confusionMatrix?.length !== 10 || e.perClassAccuracy?.length !== 10) {
      throw new Error(`manifest.json: model ${e.id} lacks a 10×10 confusion matrix or per-class accuracy`);
    }
  }
  return m;
}

/** The most accurate model of the manifest (the app's default). */
export function mostAccurate(m: Manifest): ModelEntry | undefined {
  return [...m.models].sort((a, b) => b.testAccuracy - a.testAccuracy)[0];
}
