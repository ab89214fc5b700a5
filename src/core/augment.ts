import { IMAGE_SIDE } from './classes';

/** Options for random image augmentation. */
export interface AugmentOptions {
  /** Largest shift in pixels along each axis (uniform integer in −max..max). */
  maxShift: number;
  /** Probability of a left–right mirror (garments are nearly symmetric). */
  flipProbability: number;
}

/**
 * Writes one augmented copy of a 28×28 image (values 0–1) into `out`: a random integer shift
 * with black fill and an optional horizontal flip.
 */
export function augmentImage(
  src: ArrayLike<number>,
  out: Float32Array,
  outOffset: number,
  random: () => number,
  { maxShift, flipProbability }: AugmentOptions,
): void {
  const dx = Math.floor(random() * (2 * maxShift + 1)) - maxShift;
  const dy = Math.floor(random() * (2 * maxShift + 1)) - maxShift;
  const flip = random() < flipProbability;
  for (let y = 0; y < IMAGE_SIDE; y++) {
    const sy = y - dy;
    for (let x = 0; x < IMAGE_SIDE; x++) {
      const sxShifted = x - dx;
      const sx = flip ? IMAGE_SIDE - 1 - sxShifted : sxShifted;
      const inside = sy >= 0 && sy < IMAGE_SIDE && sx >= 0 && sx < IMAGE_SIDE;
      out[outOffset + y * IMAGE_SIDE + x] = inside ? src[sy * IMAGE_SIDE + sx]! : 0;
    }
  }
}
