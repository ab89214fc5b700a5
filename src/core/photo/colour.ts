import type { RgbaImage } from '../preprocess';
import type { Plane } from './raster';

/** CIELAB planes of an image: L in 0..100, a and b roughly −100..100. */
export interface LabImage {
  readonly L: Float32Array;
  readonly a: Float32Array;
  readonly b: Float32Array;
  readonly width: number;
  readonly height: number;
}

const LINEAR = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);

/** Converts opaque sRGB pixels (D65) to CIELAB. */
export function toLab(image: RgbaImage): LabImage {
  const n = image.width * image.height;
  const L = new Float32Array(n);
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  const d = image.data;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const r = LINEAR[d[p]!]!;
    const g = LINEAR[d[p + 1]!]!;
    const bl = LINEAR[d[p + 2]!]!;
    const fx = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const fy = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const fz = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    L[i] = 116 * fy - 16;
    a[i] = 500 * (fx - fy);
    b[i] = 200 * (fy - fz);
  }
  return { L, a, b, width: image.width, height: image.height };
}

/** Luma (Rec. 601) of opaque RGBA pixels, 0 = black, 1 = white. */
export function luma(image: RgbaImage): Plane {
  const n = image.width * image.height;
  const out = new Float32Array(n);
  const d = image.data;
  for (let i = 0, p = 0; i < n; i++, p += 4) out[i] = (0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!) / 255;
  return { data: out, width: image.width, height: image.height };
}

/** Sobel gradient magnitude of a plane (edges clamped). */
export function gradientMagnitude(plane: Plane): Plane {
  const { width: w, height: h, data } = plane;
  const out = new Float32Array(w * h);
  const at = (x: number, y: number): number =>
    data[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const gx =
        at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy =
        at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      out[y * w + x] = Math.hypot(gx, gy) / 8;
    }
  }
  return { data: out, width: w, height: h };
}
