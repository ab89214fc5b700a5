import type { LabImage } from './colour';
import { boxBlur, type Mask } from './raster';

const BINS = 8;

/** Histogram bin of a Lab colour (8×8×8 bins over L 0..100, a and b −64..64). */
function binOf(lab: LabImage, i: number): number {
  const q = (v: number, lo: number, hi: number) =>
    Math.min(BINS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * BINS)));
  return (q(lab.L[i]!, 0, 100.01) * BINS + q(lab.a[i]!, -64, 64)) * BINS + q(lab.b[i]!, -64, 64);
}

/**
 * One GrabCut-like pass: colour histograms of the rough garment and of the background (the
 * border counts double) give each pixel a garment probability, smoothed spatially and blended
 * with the rough mask, so garment colours cut off by the threshold come back and stray
 * background colours drop out.
 */
export function refineByColour(lab: LabImage, rough: Mask, border: Int32Array, iterations = 2): Mask {
  const n = rough.data.length;
  const bins = new Int32Array(n);
  for (let i = 0; i < n; i++) bins[i] = binOf(lab, i);
  let mask = rough;
  for (let it = 0; it < iterations; it++) {
    const fg = new Float64Array(BINS ** 3).fill(1);
    const bg = new Float64Array(BINS ** 3).fill(1);
    let nf = BINS ** 3;
    let nb = BINS ** 3;
    for (let i = 0; i < n; i++) {
      if (mask.data[i]) {
        fg[bins[i]!]!++;
        nf++;
      } else {
        bg[bins[i]!]!++;
        nb++;
      }
    }
    for (const i of border) bg[bins[i]!]!++;
    nb += border.length;
    const p = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const f = fg[bins[i]!]! / nf;
      const b = bg[bins[i]!]! / nb;
      p[i] = f / (f + b);
    }
    const smooth = boxBlur({ data: p, width: rough.width, height: rough.height }, 2).data;
    const data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = 0.65 * smooth[i]! + 0.35 * rough.data[i]! > 0.5 ? 1 : 0;
    mask = { ...rough, data };
  }
  return mask;
}
