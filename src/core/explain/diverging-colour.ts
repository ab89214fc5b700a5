/** Colour of the strongest push towards the class (ColorBrewer RdBu's dark red). */
export const TOWARDS_RGB = [178, 24, 43] as const;
/** Colour of the strongest push against it (RdBu's dark blue). */
export const AGAINST_RGB = [33, 102, 172] as const;

/**
 * The value drawn at full strength: the `quantile` of the map's absolute values, so one extreme
 * pixel does not wash out the rest (0 for an all-zero map).
 */
export function mapScale(map: ArrayLike<number>, quantile = 0.99): number {
  const magnitudes = Float32Array.from(map, Math.abs).sort();
  if (magnitudes.length === 0) return 0;
  return magnitudes[Math.min(magnitudes.length - 1, Math.floor(quantile * magnitudes.length))]!;
}

/**
 * RGBA pixels (ImageData layout) that draw a signed map over the input: red where a pixel pushed
 * towards the class, blue where against, opacity growing with |value| / `scale`, clear at 0.
 */
export function divergingRgba(map: ArrayLike<number>, scale = mapScale(map)): Uint8ClampedArray {
  const out = new Uint8ClampedArray(map.length * 4);
  if (!(scale > 0)) return out;
  for (let i = 0; i < map.length; i++) {
    const t = Math.max(-1, Math.min(1, map[i]! / scale));
    out.set(t >= 0 ? TOWARDS_RGB : AGAINST_RGB, i * 4);
    out[i * 4 + 3] = Math.round(Math.abs(t) * 255);
  }
  return out;
}
