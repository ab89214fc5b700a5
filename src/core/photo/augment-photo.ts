import type { RgbaImage } from '../preprocess';

/** Uniform random number in [lo, hi). */
const between = (random: () => number, lo: number, hi: number): number => lo + (hi - lo) * random();

/**
 * A random variant of a photo, as another phone shot of the same garment might look: rotation
 * ±12°, zoom 0.85–1.15, shift ±6 %, optional mirror, brightness, contrast and white-balance
 * jitter. Pixels beyond the edge repeat the edge (so the background stays background).
 */
export function augmentPhoto(image: RgbaImage, random: () => number): RgbaImage {
  const { width: w, height: h, data } = image;
  const angle = between(random, -12, 12) * (Math.PI / 180);
  const zoom = between(random, 0.85, 1.15);
  const flip = random() < 0.5 ? -1 : 1;
  const tx = between(random, -0.06, 0.06) * w;
  const ty = between(random, -0.06, 0.06) * h;
  const gain = between(random, 0.8, 1.2);
  const contrast = between(random, 0.8, 1.2);
  const tint = [0, 1, 2].map(() => between(random, 0.92, 1.08));
  const cos = Math.cos(angle) / zoom;
  const sin = Math.sin(angle) / zoom;
  const out = new Uint8ClampedArray(w * h * 4);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = (x - cx - tx) * flip;
      const dy = y - cy - ty;
      const sx = Math.min(w - 1.001, Math.max(0, cx + cos * dx - sin * dy));
      const sy = Math.min(h - 1.001, Math.max(0, cy + sin * dx + cos * dy));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const p = (y0 * w + x0) * 4 + c;
        const v =
          (data[p]! * (1 - fx) + data[p + 4]! * fx) * (1 - fy) +
          (data[p + w * 4]! * (1 - fx) + data[p + w * 4 + 4]! * fx) * fy;
        out[(y * w + x) * 4 + c] = ((v * gain * tint[c]! - 128) * contrast + 128) | 0;
      }
      out[(y * w + x) * 4 + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}
