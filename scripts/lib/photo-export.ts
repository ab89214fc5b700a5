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
  lr: number;
  seed: number;
  trainImages: number;
  fmnistSha: Record<string, string>;
  history: EpochMetrics[];
  base: string;
  fmnistCount: number;
}

/**
 * Saves `model` (float32) as shipped model `r.id`, records its manifest entry with its
 * Fashion-MNIST test scores, then quantizes it as `npm run quantize` does (the smallest encoding
 * within 0.1 point of float32's test accuracy).
 */
export async function exportPhotoModel(model: tf.LayersModel, test: LabelledImages, r: PhotoRecipe): Promise<void> {
  const score = await testSetScore(model, test);
  const bytes = await saveModelAtomically(model, join(r.out, r.id));
  const history: EpochRecord[] = r.history.map((h) => ({
    ...h,
    testLoss: score.testLoss,
    testAccuracy: score.testAccuracy,
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
      batchSize: 64,
      optimizer: 'adam',
      learningRate:
        `constant ${r.lr}; the shipped ${r.base} model's convolutions kept, its dense head fine-tuned ` +
        `(recipe and epochs chosen by 4-fold CV on train/, npm run cv:photos)`,
      augmentation:
        `every train/ photo in six test-time views (as is, mirrored, zoom 0.9 and 1.1, and mirrored so; ` +
        `shoes never mirrored), hat/shorts/skirt photos trained towards the uniform distribution ` +
        `(outlier exposure), mixed with ${r.fmnistCount} Fashion-MNIST training images`,
      seed: r.seed,
      trainImages: r.trainImages,
      backend: 'wasm',
      secondsPerEpoch: r.history.reduce((s, h) => s + h.seconds, 0) / Math.max(1, r.history.length),
    },
    dataset: { name: 'Fashion-MNIST + clothing-dataset-small train photos (CC0)', sha256: r.fmnistSha },
    date: new Date().toISOString(),
  };
  upsertManifestEntry(r.out, entry);
  await quantizeShippedModel(r.out, r.id, test, (line) => console.log(line));
  console.log(`Saved ${r.id}: Fashion-MNIST test ${score.testAccuracy.toFixed(4)} (float32)`);
}
