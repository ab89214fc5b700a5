/**
 * Pixel indices from the most positive map value to the most negative; equal values keep index
 * order, so a ranking never depends on the sort implementation.
 */
export function rankPixels(map: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: map.length }, (_, i) => i);
  return order.sort((a, b) => map[b]! - map[a]! || a - b);
}
