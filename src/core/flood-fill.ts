import type { RgbaImage } from './preprocess';

/** An opaque colour as [r, g, b] bytes. */
export type Rgb = readonly [number, number, number];

function luminance(data: RgbaImage['data'], p: number): number {
  const a = data[p + 3]! / 255;
  const lum = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
  return lum * a + 255 * (1 - a);
}

/**
 * Flood-fills, in place, the region around (x, y) whose brightness is within `tolerance` of the
 * seed pixel, then paints its one-pixel rim too so no anti-aliased halo is left against the
 * outline. Returns the number of pixels filled (0 when the seed is outside the image).
 */
export function floodFill(image: RgbaImage, x: number, y: number, color: Rgb, tolerance = 96): number {
  const { data, width, height } = image;
  x = Math.floor(x);
  y = Math.floor(y);
  if (x < 0 || y < 0 || x >= width || y >= height) return 0;
  const seed = luminance(data, (y * width + x) * 4);
  const inside = (i: number): boolean => Math.abs(luminance(data, i * 4) - seed) <= tolerance;
  const mask = new Uint8Array(width * height);
  const stack: number[] = [y * width + x];
  let filled = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const row = Math.floor(i / width) * width;
    let left = i;
    while (left > row && !mask[left - 1] && inside(left - 1)) left--;
    let right = i;
    while (right < row + width - 1 && !mask[right + 1] && inside(right + 1)) right++;
    for (let j = left; j <= right; j++) {
      if (mask[j]) continue;
      mask[j] = 1;
      filled++;
      const up = j - width;
      const down = j + width;
      if (up >= 0 && !mask[up] && inside(up)) stack.push(up);
      if (down < mask.length && !mask[down] && inside(down)) stack.push(down);
    }
  }
  const paint = (i: number): void => {
    data[i * 4] = color[0];
    data[i * 4 + 1] = color[1];
    data[i * 4 + 2] = color[2];
    data[i * 4 + 3] = 255;
  };
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    paint(i);
    const col = i % width;
    if (col > 0 && !mask[i - 1]) paint(i - 1);
    if (col < width - 1 && !mask[i + 1]) paint(i + 1);
    if (i >= width && !mask[i - width]) paint(i - width);
    if (i + width < mask.length && !mask[i + width]) paint(i + width);
  }
  return filled;
}
