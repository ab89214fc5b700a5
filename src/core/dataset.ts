import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from './classes';
import { parseIdx } from './idx';

/** Images (uint8, row-major 28×28 each) with their labels. */
export interface LabelledImages {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Builds a checked image set from the bytes of an images and a labels IDX file. */
export function decodeImageSet(
  imageBytes: Uint8Array,
  imageFile: string,
  labelBytes: Uint8Array,
  labelFile: string,
): LabelledImages {
  const images = parseIdx(imageBytes, imageFile, 3);
  const labels = parseIdx(labelBytes, labelFile, 1);
  const [count, rows, cols] = images.dims as [number, number, number];
  if (rows !== IMAGE_SIDE || cols !== IMAGE_SIDE) {
    throw new Error(`${imageFile}: images are ${rows}×${cols}, expected ${IMAGE_SIDE}×${IMAGE_SIDE}`);
  }
  if (labels.dims[0] !== count) {
    throw new Error(`${labelFile}: ${labels.dims[0]} labels for ${count} images in ${imageFile}`);
  }
  const bad = labels.data.findIndex((l) => l >= NUM_CLASSES);
  if (bad >= 0) throw new Error(`${labelFile}: label ${labels.data[bad]} at ${bad} is not a class 0–9`);
  return { images: images.data, labels: labels.data, count };
}

/** The first `n` items of a set (all of it when n ≥ count). */
export function takeFirst(set: LabelledImages, n: number): LabelledImages {
  const count = Math.min(n, set.count);
  return {
    images: set.images.subarray(0, count * IMAGE_PIXELS),
    labels: set.labels.subarray(0, count),
    count,
  };
}
