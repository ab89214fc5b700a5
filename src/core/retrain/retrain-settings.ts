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
   * Runs that add classes, last layers only: rate factor of the old output rows and the old hidden
   * units against the new rows and the units {@link RetrainSettings.hiddenGrowth} added
   * (ml/retrain/head-net; 1: all alike). At 0 the old outputs' logits cannot move: on train/
   * photos, with 32 new units, the seven mapped folders lost 4 points instead of 11 at the same
   * score on the new classes (README "Your own classes").
   */
  keepRate: number;
  /**
   * Runs that add classes, last layers only: weight of distilling the base's outputs on the
   * replayed photos (0: none). It only acts when keepRate > 0 (at 0 the old outputs are fixed).
   */
  distill: number;
  /**
   * Runs that add classes: units the hidden layer before the outputs first gains (ml/retrain/
   * head-resize widenHidden; 0: none). Each such run adds its own, so the classes it adds have
   * fresh units to learn with even when keepRate 0 freezes the earlier ones.
   */
  hiddenGrowth: number;
  seed: number;
}

/**
 * Defaults: the layers after the features, five short epochs of Adam at 1e-3, batches of 32, 1,000
 * replay images per epoch, balanced photo replay; a run that adds classes gives the hidden layer 32
 * new units and trains only them and the new output rows (the old outputs stay exactly as they were).
 */
export const RETRAIN_DEFAULTS: RetrainSettings = {
  layers: 'head',
  epochs: 5,
  learningRate: 1e-3,
  batchSize: 32,
  replayPerEpoch: 1000,
  balance: true,
  keepRate: 0,
  distill: 0,
  hiddenGrowth: 32,
  seed: 1,
};

/**
 * Epochs the card proposes once the user adds a class (when the field still holds the default):
 * at 5 the new rows stay broad and take photos of the ten (train/ photos: the seven mapped
 * folders at 78 % after 5 epochs, 85 % after 20; README "Your own classes").
 */
export const CLASS_EPOCHS = 20;

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
