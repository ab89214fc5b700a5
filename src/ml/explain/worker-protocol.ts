import type { ModelParts } from '../retrain/model-artifacts';

/** Where the explanation worker gets the model in use: a shipped model.json URL or a stored version's parts. */
export type ModelSource = { key: string; url: string } | { key: string; parts: ModelParts };

/** Page → explanation worker. */
export type ToExplainWorker =
  | {
      type: 'explain';
      id: number;
      /** Absolute URL of the shipped data folder (…/data/), for the replay images. */
      dataUrl: string;
      /** Sent with the first request for a model; later requests name it by `key` only. */
      model: ModelSource | { key: string };
      /** 784 values, 0–1. */
      image: Float32Array;
      /** The classes to explain; when absent the worker takes the model's top two. */
      classes?: { cls: number; versus: number };
    }
  | { type: 'cancel'; id: number };

/** One of the six nearest replay images. */
export interface NeighbourImage {
  label: number;
  /** Cosine distance in the model's penultimate-layer space. */
  distance: number;
  /** 784 grey levels, 0–255, 255 = garment (the replay set's own bytes). */
  pixels: Uint8Array;
}

/** What the panel shows for one input. */
export interface ExplainResult {
  cls: number;
  versus: number;
  /** Name of the method that made the maps (docs/explanations.md). */
  method: string;
  map: Float32Array;
  versusMap: Float32Array;
  neighbours: NeighbourImage[];
  /** Time in the worker for this explanation, in ms (loading the model and its index excluded). */
  ms: number;
}

/** Explanation worker → page: the answer to request `id`, its cancellation, or why it failed. */
export type FromExplainWorker =
  | { type: 'done'; id: number; result: ExplainResult }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string; needsModel?: boolean };
