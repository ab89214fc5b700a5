import { IMAGE_PIXELS } from '../classes';

/** Value a deleted pixel takes, and an inserted-into image starts from: 0 = background. */
export const DELETED_PIXEL = 0;

/** Pixels removed (or inserted) between two points of a curve, by default: 784 / 16 = 49 steps. */
export const CURVE_STEP = 16;

/** Pixel counts at which a curve is sampled: 0, step, 2·step, …, all pixels. */
export function curveCounts(pixels = IMAGE_PIXELS, step = CURVE_STEP): number[] {
  const counts: number[] = [];
  for (let k = 0; k < pixels; k += step) counts.push(k);
  counts.push(pixels);
  return counts;
}

/**
 * The images of a deletion curve, row after row: `image` with its first `counts[i]` pixels of
 * `order` set to {@link DELETED_PIXEL}.
 */
export function deletionImages(image: Float32Array, order: Int32Array, counts: readonly number[]): Float32Array {
  const out = new Float32Array(counts.length * image.length);
  const current = Float32Array.from(image);
  let done = 0;
  counts.forEach((count, row) => {
    for (; done < count; done++) current[order[done]!] = DELETED_PIXEL;
    out.set(current, row * image.length);
  });
  return out;
}

/**
 * The images of an insertion curve, row after row: a blank image holding only the first
 * `counts[i]` pixels of `order` from `image`.
 */
export function insertionImages(image: Float32Array, order: Int32Array, counts: readonly number[]): Float32Array {
  const out = new Float32Array(counts.length * image.length);
  const current = new Float32Array(image.length).fill(DELETED_PIXEL);
  let done = 0;
  counts.forEach((count, row) => {
    for (; done < count; done++) current[order[done]!] = image[order[done]!]!;
    out.set(current, row * image.length);
  });
  return out;
}

/** Area under a curve sampled at `counts` of `total` pixels, with x scaled to 0–1 (trapezoids). */
export function areaUnderCurve(values: ArrayLike<number>, counts: readonly number[], total = IMAGE_PIXELS): number {
  if (values.length !== counts.length) throw new RangeError(`${values.length} values for ${counts.length} points`);
  let area = 0;
  for (let i = 1; i < counts.length; i++) {
    area += ((counts[i]! - counts[i - 1]!) / total) * ((values[i]! + values[i - 1]!) / 2);
  }
  return area;
}
