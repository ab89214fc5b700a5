import { IMAGE_PIXELS, IMAGE_SIDE } from '../classes';
import { resizeArea, type Box, type RgbaImage } from '../preprocess';
import { luma } from './colour';
import { boxBlur, type Mask, type Plane } from './raster';

/** Options of {@link toFashionMnist}. */
export interface FashionMnistOptions {
  /** Unsharp-mask amount of the σ = 1 Gaussian sharpening (Xiao et al. sharpen once; 0 = off). */
  sharpen?: number;
  /** Stretch the garment's ink so its brightest 2 % reach 1 (evens out dim phone photos). */
  stretch?: boolean;
}

/** Bounding box of the set pixels of a mask, or null when it is empty. */
export function maskBox(mask: Mask): Box | null {
  let x0 = mask.width;
  let y0 = mask.height;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < mask.data.length; i++) {
    if (!mask.data[i]) continue;
    const x = i % mask.width;
    const y = (i - x) / mask.width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * The garment as a Fashion-MNIST source image: grayscale crop of its bounding box with every
 * background pixel turned white (edges feathered by one pixel, as a product shot on white).
 */
export function whiteBackgroundCrop(image: RgbaImage, mask: Mask, box: Box): Plane {
  const gray = luma(image).data;
  const alpha = boxBlur({ data: Float32Array.from(mask.data), width: mask.width, height: mask.height }, 1).data;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (box.y0 + y) * image.width + box.x0 + x;
      const a = mask.data[i] ? Math.max(0.5, alpha[i]!) : alpha[i]! * 0.5;
      out[y * w + x] = a * gray[i]! + (1 - a);
    }
  }
  return { data: out, width: w, height: h };
}

const G = [Math.exp(-0.5), 1, Math.exp(-0.5)].map((v, _, a) => v / (a[0]! + a[1]! + a[2]!));

/** Unsharp mask with a 3×3 σ = 1 Gaussian: x + amount · (x − blur(x)), clamped to 0..1. */
export function sharpen(plane: Plane, amount: number): Plane {
  const { width: w, height: h, data } = plane;
  const at = (x: number, y: number) => data[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let blur = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) blur += G[dy + 1]! * G[dx + 1]! * at(x + dx, y + dy);
      out[y * w + x] = Math.min(1, Math.max(0, at(x, y) + amount * (at(x, y) - blur)));
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Xiao et al. (2017) from a white-background crop: long side resized to 28, sharpened,
 * short side padded to 28 and centred, negated, quantised to 8 bits. 1 = garment, 0 = background.
 */
export function toFashionMnist(crop: Plane, options: FashionMnistOptions = {}): Float32Array {
  const { width: cw, height: ch } = crop;
  const scale = IMAGE_SIDE / Math.max(cw, ch);
  const w = Math.max(1, Math.min(IMAGE_SIDE, Math.round(cw * scale)));
  const h = Math.max(1, Math.min(IMAGE_SIDE, Math.round(ch * scale)));
  let small: Plane = { data: resizeArea(crop.data, cw, { x0: 0, y0: 0, x1: cw, y1: ch }, w, h), width: w, height: h };
  if (options.sharpen ?? 1) small = sharpen(small, options.sharpen ?? 1);
  const ink = Float32Array.from(small.data, (v) => 1 - v);
  if (options.stretch) {
    const sorted = Float32Array.from(ink).sort();
    const top = sorted[Math.floor(0.98 * (sorted.length - 1))]!;
    if (top > 0.05) for (let i = 0; i < ink.length; i++) ink[i] = Math.min(1, ink[i]! / top);
  }
  const out = new Float32Array(IMAGE_PIXELS);
  const left = Math.floor((IMAGE_SIDE - w) / 2);
  const top = Math.floor((IMAGE_SIDE - h) / 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[(top + y) * IMAGE_SIDE + left + x] = Math.round(ink[y * w + x]! * 255) / 255;
  }
  return out;
}
