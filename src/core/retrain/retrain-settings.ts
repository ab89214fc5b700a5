/** Which layers a run trains: those after the image features ('head'), or all of them. */
export type TrainedLayers = 'head' | 'all';

/** Settings of a retraining run. */
export interface RetrainSettings {
  /** 'head' leaves convolutions as they are (fast, keeps general features); models without any train whole. */
  layers: TrainedLayers;
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** Fashion-MNIST training images replayed per epoch beside the user's samples. */
  replayPerEpoch: number;
  /**
   * Photo replay copies balanced per class against the user's classes (core/retrain/replay-mix):
   * on train/ photos it kept the seven mapped folders 5 points higher (README "Your own classes").
   */
  balance: boolean;
  /**
   * Runs that add classes, last layers only: rate factor of the ten's output rows and the hidden
   * layers against the new rows (ml/retrain/head-net; 1: all alike).
   */
  keepRate: number;
  /**
   * Runs that add classes, last layers only: weight of distilling the base's outputs on the
   * replayed photos (0: none). On train/ photos 0.5 kept the mapped folders 9 points higher at
   * the same score on the new classes (README "Your own classes").
   */
  distill: number;
  /**
   * Runs that add classes: the hidden layer before the outputs is first widened to at least this
   * many units (ml/retrain/head-resize widenHidden; 0: as it is).
   */
  hiddenUnits: number;
  seed: number;
}

/** Defaults: the layers after the features, five short epochs of Adam at 1e-3, batches of 32, 1,000 replay images per epoch, balanced photo replay distilled at 0.5. */
export const RETRAIN_DEFAULTS: RetrainSettings = {
  layers: 'head',
  epochs: 5,
  learningRate: 1e-3,
  batchSize: 32,
  replayPerEpoch: 1000,
  balance: true,
  keepRate: 1,
  distill: 0.5,
  hiddenUnits: 0,
  seed: 1,
};

/** Most epochs the interface allows (a phone should finish in minutes). */
export const MAX_EPOCHS = 50;

/** A whole number of epochs 1–{@link MAX_EPOCHS}, or null when `text` is not one. */
export function parseEpochs(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= MAX_EPOCHS ? n : null;
}

/**
 * A positive, finite learning rate, or null. Absurd rates (1e30) are accepted on purpose: the
 * run then diverges, and the NaN guard discards it and says why.
 */
export function parseLearningRate(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}
