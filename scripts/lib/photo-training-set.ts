import { IMAGE_PIXELS } from '../../src/core/classes';
import type { LabelledImages } from '../../src/core/dataset';
import { PHOTO_FOLDERS } from '../../src/core/photo/folders';
import { permutation } from '../../src/core/random';
import { UNIFORM_LABEL } from '../../src/ml/losses';
import { augmentPhoto } from './photo-augment';
import { listPhotoFolder, photoInputs, type PhotoInputs } from './photo-set';

/** The training photos of known folders, preprocessed once clean and `variants` times augmented. */
export async function trainingPhotos(dir: string, variants: number): Promise<PhotoInputs[]> {
  const items = listPhotoFolder(dir).filter((i) => PHOTO_FOLDERS[i.folder]);
  const sets = [await photoInputs(items)];
  for (let v = 1; v <= variants; v++) {
    console.log(`Augmented photo variant ${v}/${variants}`);
    sets.push(await photoInputs(items, {}, { name: 'augmentPhoto', seed: v, apply: augmentPhoto }));
  }
  return sets;
}

/**
 * A photo's training label: its folder's class; for shoes the footwear class `shoeLabel` picks;
 * for hat, shorts and skirt {@link UNIFORM_LABEL} (taught to be unsure: none of the ten).
 */
export function photoLabel(folder: string, shoeLabel: () => number): number {
  const accepted = PHOTO_FOLDERS[folder]!.accepted;
  if (accepted.length === 0) return UNIFORM_LABEL;
  return accepted.length === 1 ? accepted[0]! : shoeLabel();
}

/**
 * The footwear class for a shoe photo from a Fashion-MNIST-only model's probabilities: ankle boot
 * when that model gives boots at least half of the footwear probability, else sneaker. The photos
 * show sneakers, shoes and boots, hardly any sandals, though such a model often says sandal.
 */
export function footwearLabel(p: ArrayLike<number>): number {
  return p[9]! >= 0.5 * (p[5]! + p[7]! + p[9]!) ? 9 : 7;
}

/**
 * Fashion-MNIST (or `fmnistCount` random images of it) plus every preprocessed photo variant
 * repeated `repeat` times, as one labelled set (photos without a garment found are left out).
 */
export function mixTrainingSet(
  fmnist: LabelledImages,
  fmnistCount: number,
  photos: PhotoInputs[],
  labels: Uint8Array,
  repeat: number,
  random: () => number,
): LabelledImages {
  const chosen = permutation(fmnist.count, random).subarray(0, Math.min(fmnistCount, fmnist.count));
  const usable = photos.flatMap((set, s) => [...set.found].flatMap((f, i) => (f ? [[s, i] as const] : [])));
  const count = chosen.length + usable.length * repeat;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const out = new Uint8Array(count);
  chosen.forEach((src, k) => {
    images.set(fmnist.images.subarray(src * IMAGE_PIXELS, (src + 1) * IMAGE_PIXELS), k * IMAGE_PIXELS);
    out[k] = fmnist.labels[src]!;
  });
  let k = chosen.length;
  for (let r = 0; r < repeat; r++) {
    for (const [s, i] of usable) {
      images.set(photos[s]!.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), k * IMAGE_PIXELS);
      out[k++] = labels[i]!;
    }
  }
  return { images, labels: out, count };
}
