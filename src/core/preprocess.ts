import { IMAGE_PIXELS, IMAGE_SIDE } from './classes';

/** A plain RGBA raster, as from canvas getImageData or an image decoder in Node. */
export interface RgbaImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Default ink level (0..1) above which a pixel counts as part of the drawing. */
export const INK_THRESHOLD = 0.1;

/** Tuning for {@link preprocess}. */
export interface PreprocessOptions {
  /** Ink level (0..1) above which a pixel counts as part of the drawing. */
  threshold?: number;
  /** Stretch the result so the strongest ink becomes 1 (helps faint photos). */
  normalize?: boolean;
  /**
   * Only this part of the image can hold ink (the rest is blank paper): a drawing pad's copy is
   * read in place, where copying out its ink box first cost as much as preprocessing it.
   */
  within?: Box;
}

/** A rectangle in pixel coordinates, right and bottom exclusive. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Ink of the RGBA pixel at byte offset `p`: its grayscale over white, inverted (0..1). */
function inkAt(data: Uint8ClampedArray | Uint8Array, p: number): number {
  const lum = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
  const alpha = data[p + 3]! / 255;
  return 1 - (lum * alpha + 255 * (1 - alpha)) / 255;
}

/**
 * Ink per pixel (0 = background, 1 = full ink) of `box` (default: the whole image), row by row:
 * the plain definition {@link resizeInk} computes without this plane.
 */
export function inkLevels(
  image: RgbaImage,
  box: Box = { x0: 0, y0: 0, x1: image.width, y1: image.height },
): Float32Array {
  const w = box.x1 - box.x0;
  const ink = new Float32Array(w * (box.y1 - box.y0));
  for (let y = box.y0, i = 0; y < box.y1; y++) {
    for (let x = box.x0, p = (y * image.width + x) * 4; x < box.x1; x++, p += 4) ink[i++] = inkAt(image.data, p);
  }
  return ink;
}

/** The image's pixels as 32-bit words, for telling opaque white (0xffffffff) at once; null when unaligned. */
function words(image: RgbaImage): Uint32Array | null {
  const { data, width, height } = image;
  return data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, width * height) : null;
}

/**
 * Bounding box of the pixels whose ink exceeds `threshold` (looking only `within` a box when
 * given), or null when there are none. Reads the RGBA bytes directly, without an ink array for
 * the whole image: opaque white pixels (most of a drawing pad) are recognised as one 32-bit word
 * and skipped.
 */
export function inkBox(image: RgbaImage, threshold: number, within?: Box): Box | null {
  const { data, width, height } = image;
  const white = words(image);
  const left = Math.max(0, within?.x0 ?? 0);
  const right = Math.min(width, within?.x1 ?? width);
  const top = Math.max(0, within?.y0 ?? 0);
  const bottom = Math.min(height, within?.y1 ?? height);
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = top; y < bottom; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = left; x < right; x++) {
      if (white !== null && white[row + x] === 0xffffffff) continue;
      if (inkAt(data, (row + x) * 4) > threshold) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y < y0) y0 = y;
    y1 = y;
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Area-averaging (box filter) weights mapping `src` samples onto `dst` samples along one axis. */
function axisWeights(src: number, dst: number): { start: Int32Array; weights: Float32Array[] } {
  const scale = src / dst;
  const start = new Int32Array(dst);
  const weights: Float32Array[] = [];
  for (let o = 0; o < dst; o++) {
    const a = o * scale;
    const b = a + scale;
    const first = Math.floor(a);
    const last = Math.min(src, Math.ceil(b));
    const w = new Float32Array(last - first);
    for (let s = first; s < last; s++) w[s - first] = (Math.min(b, s + 1) - Math.max(a, s)) / scale;
    start[o] = first;
    weights.push(w);
  }
  return { start, weights };
}

/** Resizes a crop of a one-channel image to `outW`×`outH` by area averaging. */
export function resizeArea(src: Float32Array, srcWidth: number, box: Box, outW: number, outH: number): Float32Array {
  const cw = box.x1 - box.x0;
  const ch = box.y1 - box.y0;
  const hx = axisWeights(cw, outW);
  const rows = new Float32Array(ch * outW);
  for (let y = 0; y < ch; y++) {
    const srcRow = (box.y0 + y) * srcWidth + box.x0;
    for (let o = 0; o < outW; o++) {
      const w = hx.weights[o]!;
      let sum = 0;
      for (let k = 0, s = srcRow + hx.start[o]!; k < w.length; k++, s++) sum += src[s]! * w[k]!;
      rows[y * outW + o] = sum;
    }
  }
  return resizeColumns(rows, ch, outW, outH);
}

/**
 * The ink of `box` in `image` resized to `outW`×`outH` by area averaging: bit for bit
 * `resizeArea(inkLevels(image, box), …)`, without that plane of the whole box (per drawing
 * update, the allocation and the pass that cost most) and without computing the ink of opaque
 * white pixels, whose ink is exactly 0 and adds nothing to a sum.
 */
export function resizeInk(image: RgbaImage, box: Box, outW: number, outH: number): Float32Array {
  const { data, width } = image;
  const white = words(image);
  const cw = box.x1 - box.x0;
  const ch = box.y1 - box.y0;
  const hx = axisWeights(cw, outW);
  const rows = new Float32Array(ch * outW);
  for (let y = 0; y < ch; y++) {
    const srcRow = (box.y0 + y) * width + box.x0;
    for (let o = 0; o < outW; o++) {
      const w = hx.weights[o]!;
      let sum = 0;
      for (let k = 0, s = srcRow + hx.start[o]!; k < w.length; k++, s++) {
        if (white !== null && white[s] === 0xffffffff) continue;
        // Rounded to float32 as inkLevels stores it, so the sums match it exactly.
        sum += Math.fround(inkAt(data, s * 4)) * w[k]!;
      }
      rows[y * outW + o] = sum;
    }
  }
  return resizeColumns(rows, ch, outW, outH);
}

/** The vertical half of an area resize: `ch` rows of `outW` values down to `outH` rows. */
function resizeColumns(rows: Float32Array, ch: number, outW: number, outH: number): Float32Array {
  const hy = axisWeights(ch, outH);
  const out = new Float32Array(outW * outH);
  for (let o = 0; o < outH; o++) {
    const w = hy.weights[o]!;
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (let k = 0; k < w.length; k++) sum += rows[(hy.start[o]! + k) * outW + x]! * w[k]!;
      out[o * outW + x] = sum;
    }
  }
  return out;
}

/**
 * Turns a drawing or photo (dark garment on a light background) into the model's input:
 * a 28×28 Float32Array, 1 = garment, 0 = background, the garment's long side fitted to 28 and
 * centred, as in Fashion-MNIST. Returns null when nothing is drawn.
 */
export function preprocess(image: RgbaImage, options: PreprocessOptions = {}): Float32Array | null {
  const threshold = options.threshold ?? INK_THRESHOLD;
  const box = inkBox(image, threshold, options.within);
  if (!box) return null;
  const cw = box.x1 - box.x0;
  const ch = box.y1 - box.y0;
  const scale = IMAGE_SIDE / Math.max(cw, ch);
  const outW = Math.max(1, Math.min(IMAGE_SIDE, Math.round(cw * scale)));
  const outH = Math.max(1, Math.min(IMAGE_SIDE, Math.round(ch * scale)));
  const small = resizeInk(image, box, outW, outH);
  let max = 0;
  for (const v of small) if (v > max) max = v;
  const gain = options.normalize && max > 0 ? 1 / max : 1;
  const out = new Float32Array(IMAGE_PIXELS);
  const left = Math.floor((IMAGE_SIDE - outW) / 2);
  const top = Math.floor((IMAGE_SIDE - outH) / 2);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      out[(top + y) * IMAGE_SIDE + left + x] = Math.min(1, Math.max(0, small[y * outW + x]! * gain));
    }
  }
  return out;
}

/**
 * Renders a 28×28 input (1 = white garment) as opaque RGBA pixels, as the model sees it; into
 * `rgba` when given (4 bytes per value), so a preview redrawn per input allocates nothing.
 */
export function inputToRgba(
  input: Float32Array,
  rgba: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(input.length * 4),
): Uint8ClampedArray<ArrayBuffer> {
  for (let i = 0; i < input.length; i++) {
    const v = Math.round(input[i]! * 255);
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
