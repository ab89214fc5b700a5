// Messages between the page and the classification worker (worker.ts). Inputs and outputs are
// typed arrays, transferred where the sender no longer needs them.
import type { InkUpdate } from '../../core/ink-mirror';
import type { PhotoSteps } from '../../core/photo/pipeline';
import type { RgbaImage } from '../../core/preprocess';
import type { BackendName } from '../../core/url-params';
import type { SkippedBackend } from '../backend';
import type { ModelParts } from '../retrain/model-artifacts';

/** Where the worker gets its model: the manifest's files, or a stored version's parts. */
export type ModelSource = { kind: 'url'; url: string } | { kind: 'parts'; parts: ModelParts };

/** Page → worker. `id` pairs a request with its answer. */
export type ToClassifyWorker =
  /** Starts the first backend that works of the chain from `backend`. */
  | { type: 'start'; id: number; backend: BackendName }
  /** Loads (and warms up) a model; `fallbackUrl` is used when `source` cannot be. */
  | { type: 'load'; id: number; source: ModelSource; fallbackUrl: string }
  /** Probabilities for one 28×28 input (values 0..1). */
  | { type: 'predict'; id: number; input: Float32Array }
  /**
   * Brings the worker's copy of the drawing up to date (what changed, transferred), preprocesses
   * its ink box and classifies it: the lean per-input path, nothing but a small read left on the page.
   */
  | { type: 'predictInk'; id: number; update: InkUpdate }
  /**
   * Preprocesses a camera frame (core/photo/pipeline: mask, crop, 28×28) and classifies it: the
   * lean camera path, nothing but grabbing the frame's pixels left on the page.
   */
  | { type: 'predictPhoto'; id: number; image: RgbaImage }
  /** Probabilities (count × 10) for `count` images: uint8 0..255 or float 0..1. */
  | { type: 'predictMany'; id: number; images: Uint8Array | Float32Array; count: number; batchSize: number }
  /** The loaded model's topology and weights (for retraining it). */
  | { type: 'parts'; id: number };

/** What a `load` reports: the measured batch speed, and why a stored version was not used. */
export interface Loaded {
  /** Milliseconds per image of a warm batch of {@link PROBE_BATCH} (to pick a backend for batch work). */
  msPerImage: number;
  /** Number of classes the model answers with (10, more with user classes). */
  outputs: number;
  /** Set when `source` failed and the fallback model was loaded instead. */
  sourceError?: string;
}

/** A drawing's model input (28×28, 0..1) and the model's probabilities for it. */
export interface InkAnswer {
  input: Float32Array;
  probs: Float32Array;
}

/** A camera frame's preprocessing steps and the probabilities for its input (null: no garment found). */
export interface PhotoAnswer {
  steps: PhotoSteps;
  probs: Float32Array | null;
  /** Milliseconds the photo pipeline took, where it ran. */
  preprocessMs: number;
}

/** Images in the batch each worker times after loading a model. */
export const PROBE_BATCH = 64;

/** Worker → page. */
export type FromClassifyWorker =
  | { type: 'started'; id: number; name: BackendName; skipped: SkippedBackend[] }
  | { type: 'loaded'; id: number; loaded: Loaded }
  | { type: 'probs'; id: number; probs: Float32Array }
  /** The answer to `predictInk`: the 28×28 input and its probabilities; both null for no ink. */
  | { type: 'inked'; id: number; input: Float32Array | null; probs: Float32Array | null }
  | { type: 'photoed'; id: number; answer: PhotoAnswer }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'parts'; id: number; parts: ModelParts }
  | { type: 'failed'; id: number; message: string }
  /** The GPU behind the worker's backend went away; nothing it has loaded can run any more. */
  | { type: 'lost'; name: BackendName; reason: string };
