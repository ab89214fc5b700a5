import { describe, expect, it } from 'vitest';
import {
  inkBox,
  inkLevels,
  inputToRgba,
  preprocess,
  resizeArea,
  resizeInk,
  type RgbaImage,
} from '../../src/core/preprocess';
import { seededRandom } from '../../src/core/random';
import { floodFill } from '../../src/core/flood-fill';

/** A white W×H canvas with black rectangles painted on it. */
function canvas(width: number, height: number, rects: [number, number, number, number][] = []): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const [x0, y0, w, h] of rects) {
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height };
}

const at = (img: Float32Array, x: number, y: number): number => img[y * 28 + x]!;

describe('preprocess', () => {
  it('returns null for an empty canvas', () => {
    expect(preprocess(canvas(100, 100))).toBeNull();
  });

  it('ignores faint noise under the threshold', () => {
    const img = canvas(50, 50);
    img.data.fill(240, 0, 4 * 50);
    expect(preprocess(img)).toBeNull();
  });

  it('inverts: ink becomes 1, paper 0, values in 0..1', () => {
    const out = preprocess(canvas(200, 200, [[50, 50, 100, 100]]))!;
    expect(out).toHaveLength(784);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    // A filled square fills the whole frame: long side fitted to 28, not 20.
    expect(at(out, 0, 0)).toBeCloseTo(1, 5);
    expect(at(out, 27, 27)).toBeCloseTo(1, 5);
  });

  it('keeps the aspect ratio and centres a tall shape horizontally', () => {
    const out = preprocess(canvas(300, 300, [[100, 20, 70, 280]]))!; // 70×280 → 7×28
    const cols = Array.from({ length: 28 }, (_, x) => at(out, x, 14));
    const lit = cols.map((v, x) => (v > 0.5 ? x : -1)).filter((x) => x >= 0);
    expect(lit).toHaveLength(7);
    expect(lit[0]).toBe(10); // floor((28 - 7) / 2)
    expect(at(out, 14, 0)).toBeCloseTo(1, 5);
    expect(at(out, 14, 27)).toBeCloseTo(1, 5);
  });

  it('centres a wide shape vertically', () => {
    const out = preprocess(canvas(280, 280, [[0, 0, 280, 140]]))!; // 2:1 → 28×14
    expect(at(out, 14, 6)).toBe(0);
    expect(at(out, 14, 7)).toBeCloseTo(1, 5);
    expect(at(out, 14, 20)).toBeCloseTo(1, 5);
    expect(at(out, 14, 21)).toBe(0);
  });

  it('area-averages instead of sampling nearest pixels', () => {
    // A 56×56 checkerboard of single pixels averages to exactly 0.5 everywhere.
    const rects: [number, number, number, number][] = [];
    for (let y = 0; y < 56; y++) for (let x = 0; x < 56; x++) if ((x + y) % 2 === 0) rects.push([x, y, 1, 1]);
    const out = preprocess(canvas(56, 56, rects))!;
    for (const v of out) expect(v).toBeCloseTo(0.5, 5);
  });

  it('is translation invariant: the same shape anywhere gives the same input', () => {
    const a = preprocess(canvas(200, 200, [[10, 10, 60, 40]]))!;
    const b = preprocess(canvas(200, 200, [[120, 150, 60, 40]]))!;
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('treats transparent pixels as paper', () => {
    const img = canvas(40, 40, [[10, 10, 20, 20]]);
    for (let i = 3; i < img.data.length; i += 4) if (img.data[i - 1] === 255) img.data[i] = 0;
    const out = preprocess(img)!;
    expect(out.every((v) => Math.abs(v - 1) < 1e-5)).toBe(true);
  });

  it('normalize stretches faint ink to full strength', () => {
    const img = canvas(40, 40);
    for (let y = 10; y < 30; y++)
      for (let x = 10; x < 30; x++) img.data.fill(128, (y * 40 + x) * 4, (y * 40 + x) * 4 + 3);
    expect(Math.max(...preprocess(img)!)).toBeCloseTo(0.498, 2);
    expect(Math.max(...preprocess(img, { normalize: true })!)).toBeCloseTo(1, 5);
  });
});

describe('helpers', () => {
  it('inkLevels and inkBox find the drawn rectangle', () => {
    const img = canvas(30, 20, [[3, 4, 5, 6]]);
    expect(inkBox(img, 0.1)).toEqual({ x0: 3, y0: 4, x1: 8, y1: 10 });
    expect(inkLevels(img, { x0: 3, y0: 4, x1: 8, y1: 10 }).every((v) => v > 0.1)).toBe(true);
  });

  it('resizeArea preserves the mean', () => {
    const src = Float32Array.from({ length: 9 * 7 }, (_, i) => ((i * 37) % 11) / 10);
    const out = resizeArea(src, 9, { x0: 0, y0: 0, x1: 9, y1: 7 }, 4, 3);
    const mean = (a: Float32Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(out)).toBeCloseTo(mean(src), 5);
  });

  it('resizeInk is resizeArea of inkLevels bit for bit: gray, coloured, translucent, white; aligned or not', () => {
    const rand = seededRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const width = 20 + Math.floor(rand() * 60);
      const height = 20 + Math.floor(rand() * 60);
      // One spare byte in front when odd: a view whose pixels are not 32-bit aligned (no white words).
      const offset = trial % 2;
      const bytes = new Uint8ClampedArray(offset + width * height * 4).fill(255);
      const data = bytes.subarray(offset);
      for (let p = 0; p < data.length; p += 4) {
        const kind = rand();
        if (kind < 0.6) continue; // white paper
        const grey = Math.floor(rand() * 256);
        data[p] = kind < 0.8 ? grey : Math.floor(rand() * 256);
        data[p + 1] = kind < 0.8 ? grey : Math.floor(rand() * 256);
        data[p + 2] = grey;
        data[p + 3] = kind < 0.9 ? 255 : Math.floor(rand() * 256);
      }
      const image = { data, width, height };
      const box = { x0: Math.floor(rand() * 10), y0: Math.floor(rand() * 10), x1: width - 3, y1: height - 1 };
      const outW = 1 + Math.floor(rand() * 28);
      const outH = 1 + Math.floor(rand() * 28);
      const cw = box.x1 - box.x0;
      const plain = resizeArea(inkLevels(image, box), cw, { x0: 0, y0: 0, x1: cw, y1: box.y1 - box.y0 }, outW, outH);
      expect(Array.from(resizeInk(image, box, outW, outH)), `trial ${trial}`).toEqual(Array.from(plain));
    }
  });

  it('preprocess within a box reads only that box, in place, with the same result', () => {
    const img = canvas(120, 90, [
      [30, 20, 8, 40],
      [60, 25, 20, 6],
    ]);
    const within = { x0: 25, y0: 15, x1: 90, y1: 70 };
    expect(inkBox(img, 0.1, within)).toEqual(inkBox(img, 0.1));
    expect(Array.from(preprocess(img, { within })!)).toEqual(Array.from(preprocess(img)!));
    // What lies outside is taken for paper (the pad's box holds all of its ink).
    img.data.fill(0, 0, 4 * 10);
    expect(inkBox(img, 0.1, within)).toEqual({ x0: 30, y0: 20, x1: 80, y1: 60 });
    expect(preprocess(img, { within: { x0: 0, y0: 80, x1: 120, y1: 90 } })).toBeNull();
  });

  it('inputToRgba renders 1 as white and 0 as black', () => {
    const rgba = inputToRgba(Float32Array.from([1, 0]));
    expect(Array.from(rgba)).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
  });
});

describe('floodFill', () => {
  it('fills the inside of a closed outline and not the outside', () => {
    const img = canvas(20, 20, [
      [5, 5, 10, 1],
      [5, 14, 10, 1],
      [5, 5, 1, 10],
      [14, 5, 1, 10],
    ]);
    const filled = floodFill(img, 10, 10, [0, 0, 0]);
    expect(filled).toBe(8 * 8);
    const out = preprocess(img)!;
    expect(out.every((v) => v > 0.99)).toBe(true);
    expect(img.data[0]).toBe(255); // outside untouched
  });

  it('ignores seeds outside the image', () => {
    expect(floodFill(canvas(4, 4), -1, 2, [0, 0, 0])).toBe(0);
  });
});
