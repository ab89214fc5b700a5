import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS } from '../../src/core/classes';
import type { LabelledImages } from '../../src/core/dataset';
import { PHOTO_FOLDERS } from '../../src/core/photo/folders';
import { permutation } from '../../src/core/random';
import { predictBatch } from './manifest-model';
import { footwearLabel } from './photo-training-set';
import { listPhotoFolder, photoInputs } from './photo-set';

/**
 * The photo replay set: `perFolder` preprocessed photos of each folder mapped to one of the ten
 * (never hat, shorts, skirt), picked by a seeded shuffle among those with a garment found,
 * labelled with the folder's class; a shoe photo gets the footwear class `labeller` (a
 * Fashion-MNIST-only model, as scripts/train-photo.ts labels them) prefers. Interleaved folder by
 * folder, so any prefix stays balanced.
 */
export async function photoReplaySet(
  trainDir: string,
  perFolder: number,
  labeller: tf.LayersModel,
  random: () => number,
): Promise<LabelledImages & { folders: string[] }> {
  const items = listPhotoFolder(trainDir).filter((i) => (PHOTO_FOLDERS[i.folder]?.accepted.length ?? 0) > 0);
  const inputs = await photoInputs(items);
  const byFolder = new Map<string, number[]>();
  for (const i of permutation(items.length, random)) {
    if (!inputs.found[i]) continue;
    const bucket = byFolder.get(items[i]!.folder) ?? [];
    if (bucket.length < perFolder) bucket.push(i);
    byFolder.set(items[i]!.folder, bucket);
  }
  const buckets = [...byFolder.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, b]) => b);
  const picked: number[] = [];
  for (let k = 0; k < perFolder; k++) for (const b of buckets) if (k < b.length) picked.push(b[k]!);
  const images = new Uint8Array(picked.length * IMAGE_PIXELS);
  picked.forEach((from, i) =>
    images.set(inputs.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS), i * IMAGE_PIXELS),
  );
  const probs = await predictBatch(
    labeller,
    Float32Array.from(images, (v) => v / 255),
  );
  const folders = picked.map((i) => items[i]!.folder);
  const labels = Uint8Array.from(folders, (folder, i) => {
    const accepted = PHOTO_FOLDERS[folder]!.accepted;
    return accepted.length === 1 ? accepted[0]! : footwearLabel(probs.subarray(i * 10, i * 10 + 10));
  });
  return { images, labels, count: picked.length, folders };
}
