import type { LabImage } from './colour';

/** One colour cluster of the photo's border: mean, spread (per channel) and share of the border. */
export interface BackgroundCluster {
  mean: [number, number, number];
  sigma: [number, number, number];
  weight: number;
}

/** Indices of the pixels in a band `band` pixels wide along the image border. */
export function borderIndices(width: number, height: number, band: number): Int32Array {
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x < band || y < band || x >= width - band || y >= height - band) out.push(y * width + x);
    }
  }
  return Int32Array.from(out);
}

const MIN_SIGMA = [4, 3, 3];

/** Index of the mean (flat [L, a, b, …]) nearest to sample `i` of `px` (flat [L, a, b, …]). */
function nearest(px: Float32Array, i: number, means: number[]): number {
  let best = 0;
  let bestD = Infinity;
  for (let j = 0; j < means.length; j += 3) {
    const d = (px[i]! - means[j]!) ** 2 + (px[i + 1]! - means[j + 1]!) ** 2 + (px[i + 2]! - means[j + 2]!) ** 2;
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return best;
}

/** Which sides (bit 0 top, 1 bottom, 2 left, 3 right) border pixel `p` of a w×h image lies on. */
function sidesOf(p: number, w: number, h: number, band: number): number {
  const x = p % w;
  const y = (p - x) / w;
  return (y < band ? 1 : 0) | (y >= h - band ? 2 : 0) | (x < band ? 4 : 0) | (x >= w - band ? 8 : 0);
}

/**
 * Clusters the border colours (k-means, deterministic farthest-point start) into at most `k`
 * background colours (`border` is the band `band` pixels wide). A cluster counts as background when it covers at least 15 % of three of
 * the four sides, or 40 % of the whole border: a garment touching the edge (trousers reaching
 * top and bottom, sleeves the sides) touches at most two sides broadly, the floor all four.
 */
export function backgroundClusters(lab: LabImage, border: Int32Array, band: number, k = 4): BackgroundCluster[] {
  const n = border.length;
  const px = new Float32Array(n * 3);
  border.forEach((p, i) => ((px[i * 3] = lab.L[p]!), (px[i * 3 + 1] = lab.a[p]!), (px[i * 3 + 2] = lab.b[p]!)));
  const means = [px[0]!, px[1]!, px[2]!];
  while (means.length < 3 * k) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < n; i += 5) {
      const j = nearest(px, i * 3, means);
      const d =
        (px[i * 3]! - means[j]!) ** 2 + (px[i * 3 + 1]! - means[j + 1]!) ** 2 + (px[i * 3 + 2]! - means[j + 2]!) ** 2;
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    means.push(px[far * 3]!, px[far * 3 + 1]!, px[far * 3 + 2]!);
  }
  const assign = new Int32Array(n);
  for (let iter = 0; iter < 8; iter++) {
    const sums = new Float64Array(4 * k);
    for (let i = 0; i < n; i++) {
      const j = nearest(px, i * 3, means) / 3;
      assign[i] = j;
      for (let c = 0; c < 3; c++) sums[j * 4 + c]! += px[i * 3 + c]!;
      sums[j * 4 + 3]!++;
    }
    for (let j = 0; j < k; j++) {
      const count = sums[j * 4 + 3]!;
      if (count) for (let c = 0; c < 3; c++) means[j * 3 + c] = sums[j * 4 + c]! / count;
    }
  }
  return summarise(lab, border, band, px, assign, means, k);
}

/** Means, spreads and border shares of the clusters; keeps those that look like background. */
function summarise(
  lab: LabImage,
  border: Int32Array,
  band: number,
  px: Float32Array,
  assign: Int32Array,
  means: number[],
  k: number,
): BackgroundCluster[] {
  const n = border.length;
  const sideTotal = new Float64Array(4);
  const sideCount = new Float64Array(4 * k);
  const clusters: BackgroundCluster[] = [];
  for (let j = 0; j < k; j++)
    clusters.push({ mean: [means[j * 3]!, means[j * 3 + 1]!, means[j * 3 + 2]!], sigma: [0, 0, 0], weight: 0 });
  for (let i = 0; i < n; i++) {
    const c = clusters[assign[i]!]!;
    c.weight++;
    for (let ch = 0; ch < 3; ch++) c.sigma[ch]! += (px[i * 3 + ch]! - c.mean[ch]!) ** 2;
    const sides = sidesOf(border[i]!, lab.width, lab.height, band);
    for (let s = 0; s < 4; s++) {
      if (!(sides & (1 << s))) continue;
      sideTotal[s]!++;
      sideCount[assign[i]! * 4 + s]!++;
    }
  }
  const broadSides = (j: number) => [0, 1, 2, 3].filter((s) => sideCount[j * 4 + s]! >= 0.15 * sideTotal[s]!).length;
  clusters.forEach((c) => {
    for (let ch = 0; ch < 3; ch++) c.sigma[ch] = Math.max(MIN_SIGMA[ch]!, Math.sqrt(c.sigma[ch]! / (c.weight || 1)));
    c.weight /= n;
  });
  const kept = clusters.filter((c, j) => broadSides(j) >= 3 || c.weight >= 0.4);
  return kept.length ? kept : [...clusters].sort((a, b) => b.weight - a.weight).slice(0, 1);
}

/** Per pixel, the normalised colour distance to the nearest background cluster (0 = background colour). */
export function backgroundDistance(lab: LabImage, clusters: readonly BackgroundCluster[]): Float32Array {
  const n = lab.width * lab.height;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (const c of clusters) {
      const d =
        ((lab.L[i]! - c.mean[0]) / c.sigma[0]) ** 2 +
        ((lab.a[i]! - c.mean[1]) / c.sigma[1]) ** 2 +
        ((lab.b[i]! - c.mean[2]) / c.sigma[2]) ** 2;
      if (d < best) best = d;
    }
    out[i] = Math.sqrt(best);
  }
  return out;
}
