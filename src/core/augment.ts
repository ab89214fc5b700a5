import { IMAGE_SIDE } from './classes';

/** Options for random image augmentation. */
export interface AugmentOptions {
  /** Largest shift in pixels along each axis (uniform integer in −max..max). */
  maxShift: number;
  /** Probability of a left–right mirror (garments are nearly symmetric). */
  flipProbability: number;
  /** Classes never mirrored: Fashion-MNIST's shoes all point left, so a flip would waste capacity. */
  keepOrientation?: readonly number[];
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

/** Options for {@link augmentAffine}: the random geometric jitter given to a user's few samples. */
export interface AffineOptions {
  /** Largest shift in pixels along each axis (uniform, sub-pixel). */
  maxShift: number;
  /** Largest rotation either way, in degrees. */
  maxRotation: number;
  /** Largest relative change of size (0.1 = 90 %–110 %). */
  maxScale: number;
}

/** Jitter that keeps a drawing recognisable: ±2 px, ±12°, ±10 % size. */
export const USER_SAMPLE_JITTER: AffineOptions = { maxShift: 2, maxRotation: 12, maxScale: 0.1 };

const CENTRE = (IMAGE_SIDE - 1) / 2;

/** Bilinear sample of a 28×28 image at (x, y); 0 outside. */
function sampleAt(src: ArrayLike<number>, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  let value = 0;
  for (let j = 0; j <= 1; j++) {
    for (let i = 0; i <= 1; i++) {
      const px = x0 + i;
      const py = y0 + j;
      if (px < 0 || py < 0 || px >= IMAGE_SIDE || py >= IMAGE_SIDE) continue;
      const weight = (i ? x - x0 : 1 - (x - x0)) * (j ? y - y0 : 1 - (y - y0));
      value += weight * src[py * IMAGE_SIDE + px]!;
    }
  }
  return value;
}

/**
 * Writes one randomly shifted, rotated and scaled copy of a 28×28 image into `out` at
 * `outOffset` (bilinear, black fill). Values keep their range (0–1 or 0–255).
 */
export function augmentAffine(
  src: ArrayLike<number>,
  out: Float32Array | Uint8Array,
  outOffset: number,
  random: () => number,
  { maxShift, maxRotation, maxScale }: AffineOptions,
): void {
  const angle = ((random() * 2 - 1) * maxRotation * Math.PI) / 180;
  const scale = 1 + (random() * 2 - 1) * maxScale;
  const dx = (random() * 2 - 1) * maxShift;
  const dy = (random() * 2 - 1) * maxShift;
  // Inverse mapping: for each output pixel, where in the source it comes from.
  const cos = Math.cos(angle) / scale;
  const sin = Math.sin(angle) / scale;
  for (let y = 0; y < IMAGE_SIDE; y++) {
    for (let x = 0; x < IMAGE_SIDE; x++) {
      const ox = x - CENTRE - dx;
      const oy = y - CENTRE - dy;
      const sx = cos * ox + sin * oy + CENTRE;
      const sy = -sin * ox + cos * oy + CENTRE;
      out[outOffset + y * IMAGE_SIDE + x] = sampleAt(src, sx, sy);
    }
  }
}
