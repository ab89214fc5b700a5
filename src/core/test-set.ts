import { NUM_CLASSES } from './classes';

/** The Fashion-MNIST test set shipped in public/data/ (official gzip bytes; see scripts/export-test-set.ts). */
export const TEST_SET_FILES = {
  images: 't10k-images-idx3-ubyte-gz.bin',
  labels: 't10k-labels-idx1-ubyte-gz.bin',
  count: 10_000,
} as const;

/** Indices of the images whose true class is `truth` and predicted class `predicted`, in set order. */
export function cellIndices(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  truth: number,
  predictedClass: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === truth && predicted[i] === predictedClass) out.push(i);
  return out;
}

/** Predicted class of each of `count` rows of 10 probabilities. */
export function argmaxRows(probs: Float32Array, count = probs.length / NUM_CLASSES): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < NUM_CLASSES; k++) if (probs[i * NUM_CLASSES + k]! > probs[i * NUM_CLASSES + best]!) best = k;
    out[i] = best;
  }
  return out;
}

/** The items of page `page` (0-based) of `size`, and the number of pages (at least 1). */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, (p + 1) * size), pages };
}
