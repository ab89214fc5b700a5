import type { Mask } from './raster';

/** Counts set pixels in the (2r+1)² square around each pixel (outside counts as `outside`). */
function squareCounts(mask: Mask, r: number, outside: 0 | 1): Int32Array {
  const { width: w, height: h, data } = mask;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? outside : data[y * w + x]!);
  const rows = new Int32Array(w * h);
  for (let y = 0; y < h; y++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += at(k, y);
    for (let x = 0; x < w; x++) {
      rows[y * w + x] = sum;
      sum += at(x + r + 1, y) - at(x - r, y);
    }
  }
  const rowAt = (x: number, y: number): number => (y < 0 || y >= h ? outside * (2 * r + 1) : rows[y * w + x]!);
  const out = new Int32Array(w * h);
  for (let x = 0; x < w; x++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += rowAt(x, k);
    for (let y = 0; y < h; y++) {
      out[y * w + x] = sum;
      sum += rowAt(x, y + r + 1) - rowAt(x, y - r);
    }
  }
  return out;
}

/** Binary dilation by a (2r+1)² square. */
export function dilate(mask: Mask, r: number): Mask {
  const counts = squareCounts(mask, r, 0);
  const data = new Uint8Array(counts.length);
  for (let i = 0; i < counts.length; i++) data[i] = counts[i]! > 0 ? 1 : 0;
  return { ...mask, data };
}

/** Binary erosion by a (2r+1)² square (the image border counts as set, so edge garments survive). */
export function erode(mask: Mask, r: number): Mask {
  const full = (2 * r + 1) ** 2;
  const counts = squareCounts(mask, r, 1);
  const data = new Uint8Array(counts.length);
  for (let i = 0; i < counts.length; i++) data[i] = counts[i] === full ? 1 : 0;
  return { ...mask, data };
}

/** Closing (dilate then erode): bridges gaps narrower than 2r. */
export const close = (mask: Mask, r: number): Mask => erode(dilate(mask, r), r);

/** Opening (erode then dilate): removes specks and threads thinner than 2r. */
export const open = (mask: Mask, r: number): Mask => dilate(erode(mask, r), r);

/** Labels 4-connected components of set pixels; returns labels (0 = none) and each one's pixels. */
export function components(mask: Mask): { labels: Int32Array; sizes: number[] } {
  const { width: w, data } = mask;
  const labels = new Int32Array(data.length);
  const sizes = [0];
  const stack: number[] = [];
  let label = 0;
  const visit = (j: number): void => {
    if (data[j] && !labels[j]) {
      labels[j] = label;
      stack.push(j);
    }
  };
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || labels[start]) continue;
    label = sizes.length;
    let size = 0;
    labels[start] = label;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      const x = i % w;
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (i >= w) visit(i - w);
      if (i + w < data.length) visit(i + w);
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

/**
 * Keeps the one component most likely to be the garment: the largest, each pixel weighted by
 * closeness to the image centre (photos frame the garment). Empty mask in, empty mask out.
 */
export function mainComponent(mask: Mask): Mask {
  const { width: w, height: h } = mask;
  const { labels, sizes } = components(mask);
  const score = new Float64Array(sizes.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (!l) continue;
    const dx = ((i % w) + 0.5) / w - 0.5;
    const dy = (Math.floor(i / w) + 0.5) / h - 0.5;
    score[l]! += 1 - 1.2 * (dx * dx + dy * dy);
  }
  let best = 0;
  for (let l = 1; l < sizes.length; l++) if (score[l]! > score[best]!) best = l;
  const data = new Uint8Array(labels.length);
  if (best) for (let i = 0; i < labels.length; i++) data[i] = labels[i] === best ? 1 : 0;
  return { ...mask, data };
}

/** Fills holes: every unset region not connected to the image border becomes set. */
export function fillHoles(mask: Mask): Mask {
  const { width: w, height: h, data } = mask;
  const outside = new Uint8Array(data.length);
  const stack: number[] = [];
  const seed = (i: number): void => {
    if (!data[i] && !outside[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) {
    seed(x);
    seed((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    seed(y * w);
    seed(y * w + w - 1);
  }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    if (x > 0) seed(i - 1);
    if (x < w - 1) seed(i + 1);
    if (i >= w) seed(i - w);
    if (i + w < data.length) seed(i + w);
  }
  for (let i = 0; i < outside.length; i++) outside[i] = outside[i] ? 0 : 1;
  return { ...mask, data: outside };
}
