import type { RgbaImage } from '../preprocess';

/** A one-channel float image, row-major. */
export interface Plane {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** A binary image (1 = garment), row-major. */
export interface Mask {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Size of a `width`×`height` image scaled so its long side is at most `maxSide` (never enlarged). */
export function fitInside(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Throws a clear error unless `image` is a non-empty RGBA raster whose buffer matches its size. */
export function checkRgba(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`Image size ${width}×${height} is empty or invalid`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(
      `Image data holds ${data.length} bytes, expected ${width * height * 4} for ${width}×${height} RGBA`,
    );
  }
}

/**
 * Shrinks an RGBA image by area averaging so its long side is at most `maxSide`, compositing
 * transparency over white (the Fashion-MNIST product-photo background). Returns opaque pixels.
 */
export function downscaleOverWhite(image: RgbaImage, maxSide: number): RgbaImage {
  checkRgba(image);
  const { width: sw, height: sh, data } = image;
  const { width, height } = fitInside(sw, sh, maxSide);
  const sums = new Float64Array(width * height * 4);
  const fx = width / sw;
  const fy = height / sh;
  for (let y = 0; y < sh; y++) {
    const oy = Math.min(height - 1, Math.floor(y * fy));
    for (let x = 0; x < sw; x++) {
      const ox = Math.min(width - 1, Math.floor(x * fx));
      const p = (y * sw + x) * 4;
      const a = data[p + 3]! / 255;
      const o = (oy * width + ox) * 4;
      sums[o]! += data[p]! * a + 255 * (1 - a);
      sums[o + 1]! += data[p + 1]! * a + 255 * (1 - a);
      sums[o + 2]! += data[p + 2]! * a + 255 * (1 - a);
      sums[o + 3]! += 1;
    }
  }
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const n = sums[i * 4 + 3]! || 1;
    out[i * 4] = sums[i * 4]! / n;
    out[i * 4 + 1] = sums[i * 4 + 1]! / n;
    out[i * 4 + 2] = sums[i * 4 + 2]! / n;
    out[i * 4 + 3] = 255;
  }
  return { data: out, width, height };
}

/** Box blur of radius `r` (a (2r+1)² mean, edges clamped), separable, O(pixels). */
export function boxBlur(plane: Plane, r: number): Plane {
  const { width: w, height: h, data } = plane;
  if (r < 1) return plane;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += data[y * w + Math.min(w - 1, Math.max(0, k))]!;
    for (let x = 0; x < w; x++) {
      tmp[y * w + x] = sum / n;
      sum += data[y * w + Math.min(w - 1, x + r + 1)]! - data[y * w + Math.max(0, x - r)]!;
    }
  }
  for (let x = 0; x < w; x++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += tmp[Math.min(h - 1, Math.max(0, k)) * w + x]!;
    for (let y = 0; y < h; y++) {
      out[y * w + x] = sum / n;
      sum += tmp[Math.min(h - 1, y + r + 1) * w + x]! - tmp[Math.max(0, y - r) * w + x]!;
    }
  }
  return { data: out, width: w, height: h };
}

/** Renders a mask as opaque RGBA, garment white on black. */
export function maskToRgba(mask: Mask): RgbaImage {
  const out = new Uint8ClampedArray(mask.data.length * 4);
  for (let i = 0; i < mask.data.length; i++) {
    const v = mask.data[i] ? 255 : 0;
    out.fill(v, i * 4, i * 4 + 3);
    out[i * 4 + 3] = 255;
  }
  return { data: out, width: mask.width, height: mask.height };
}
