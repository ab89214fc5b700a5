import type * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { LabelledImages } from '../../src/core/dataset';
import type { EpochRecord, ModelEntry } from '../../src/core/manifest';
import type { EpochMetrics } from '../../src/ml/fit';
import { upsertManifestEntry } from './manifest-model';
import { saveModelAtomically } from './model-files';
import { quantizeShippedModel } from './quantize-model';
import { testSetScore } from './test-set-score';

/** How the exported photo model was trained (for its manifest entry). */
export interface PhotoRecipe {
  out: string;
  id: string;
  epochs: number;
  batchSize: number;
  /** The learning rate and how it was chosen, as the manifest states it. */
  learningRate: string;
  /** What the training images were and how they were augmented, as the manifest states it. */
  augmentation: string;
  seed: number;
  trainImages: number;
  backend: string;
  fmnistSha: Record<string, string>;
  /** Per epoch; epochs without their own test scores get the final model's. */
  history: (EpochMetrics & Partial<Pick<EpochRecord, 'testLoss' | 'testAccuracy'>>)[];
  /** Quantize as `npm run quantize` does (default true). */
  quantize?: boolean;
}

/**
 * Saves `model` (float32) as shipped model `r.id`, records its manifest entry with its
 * Fashion-MNIST test scores, then (unless `r.quantize` is false) quantizes it as `npm run quantize`
 * does (the smallest encoding within 0.1 point of float32's test accuracy). Returns the entry.
 */
export async function exportPhotoModel(
  model: tf.LayersModel,
  test: LabelledImages,
  r: PhotoRecipe,
): Promise<ModelEntry> {
  const score = await testSetScore(model, test);
  const bytes = await saveModelAtomically(model, join(r.out, r.id));
  const history: EpochRecord[] = r.history.map((h) => ({
    testLoss: score.testLoss,
    testAccuracy: score.testAccuracy,
    ...h,
  }));
  const entry: ModelEntry = {
    id: r.id,
    names: { es: 'Red para fotos (Fashion-MNIST + fotos reales)', en: 'Photo network (Fashion-MNIST + real photos)' },
    file: `${r.id}/model.json`,
    inputShape: [28, 28],
    bytes,
    ...score,
    history,
    training: {
      kind: 'cnn',
      epochs: r.epochs,
      batchSize: r.batchSize,
      optimizer: 'adam',
      learningRate: r.learningRate,
      augmentation: r.augmentation,
      seed: r.seed,
      trainImages: r.trainImages,
      backend: r.backend,
      secondsPerEpoch: r.history.reduce((s, h) => s + h.seconds, 0) / Math.max(1, r.history.length),
    },
    dataset: { name: 'Fashion-MNIST + clothing-dataset-small train photos (CC0)', sha256: r.fmnistSha },
    date: new Date().toISOString(),
  };
  upsertManifestEntry(r.out, entry);
  if (r.quantize !== false) await quantizeShippedModel(r.out, r.id, test, (line) => console.log(line));
  console.log(`Saved ${r.id}: Fashion-MNIST test ${score.testAccuracy.toFixed(4)} (float32)`);
  return entry;
}
