import type { RgbaImage } from '../preprocess';
import { backgroundClusters, backgroundDistance, borderIndices } from './background';
import { gradientMagnitude, toLab, type LabImage } from './colour';
import { close, fillHoles, mainComponent, open } from './morphology';
import { otsuThreshold } from './otsu';
import { boxBlur, type Mask, type Plane } from './raster';
import { refineByColour } from './refine';

/** How clearly one object stands out from the background. */
export interface SegmentQuality {
  /** Share of the image the garment covers (0..1). */
  area: number;
  /** Mean foreground score inside the mask minus outside it (0..~1.5); low = no clear object. */
  contrast: number;
  /** Share of the image border the garment touches (0..1). */
  borderTouch: number;
}

/** The garment mask, the per-pixel foreground score it was cut from, and its quality. */
export interface Segmentation {
  mask: Mask;
  score: Plane;
  quality: SegmentQuality;
}

const blurLab = (lab: LabImage): LabImage => {
  const one = (p: Float32Array) => boxBlur(boxBlur({ data: p, width: lab.width, height: lab.height }, 1), 1).data;
  return { ...lab, L: one(lab.L), a: one(lab.a), b: one(lab.b) };
};

/** Mean of `values` over the indices of `idx`. */
const meanAt = (values: Float32Array, idx: Int32Array): number => idx.reduce((s, i) => s + values[i]!, 0) / idx.length;

/**
 * Foreground score per pixel: colour distance from the border's background colours, plus edge
 * density above the border's own texture (so a white shirt on a white sheet still shows its seams).
 */
export function foregroundScore(lab: LabImage, border: Int32Array, band: number): Plane {
  const { width: w, height: h } = lab;
  const distance = backgroundDistance(lab, backgroundClusters(lab, border, band));
  const edges = boxBlur(gradientMagnitude({ data: lab.L, width: w, height: h }), 2).data;
  const borderEdges = meanAt(edges, border);
  const score = new Float32Array(w * h);
  for (let i = 0; i < score.length; i++) {
    const d = distance[i]!;
    const e = Math.max(0, edges[i]! - 1.5 * borderEdges - 0.5);
    score[i] = d / (d + 4) + 0.5 * (e / (e + 4));
  }
  return { data: score, width: w, height: h };
}

/**
 * Cuts the garment out of a photo (≤ a few hundred pixels a side): background colours from the
 * border, foreground score, Otsu threshold, colour-model refinement, closing and opening, the
 * central largest component, holes filled.
 */
export function segmentGarment(image: RgbaImage): Segmentation {
  const { width: w, height: h } = image;
  const lab = blurLab(toLab(image));
  const band = Math.max(2, Math.round(0.03 * Math.min(w, h)));
  const border = borderIndices(w, h, band);
  const score = foregroundScore(lab, border, band);
  const threshold = Math.max(0.3, otsuThreshold(score.data));
  const rough: Mask = { data: Uint8Array.from(score.data, (s) => (s > threshold ? 1 : 0)), width: w, height: h };
  const refined = refineByColour(lab, rough, border);
  const r = Math.max(1, Math.round(Math.min(w, h) / 80));
  const mask = fillHoles(mainComponent(open(close(refined, 2 * r), r)));
  return { mask, score, quality: qualityOf(mask, score, border) };
}

/** Area, contrast and border contact of a mask. */
export function qualityOf(mask: Mask, score: Plane, border: Int32Array): SegmentQuality {
  let inside = 0;
  let inSum = 0;
  let outSum = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (mask.data[i]) {
      inside++;
      inSum += score.data[i]!;
    } else outSum += score.data[i]!;
  }
  const outside = mask.data.length - inside;
  const touching = border.reduce((n, i) => n + mask.data[i]!, 0);
  return {
    area: inside / mask.data.length,
    contrast: inside && outside ? inSum / inside - outSum / outside : 0,
    borderTouch: touching / border.length,
  };
}
