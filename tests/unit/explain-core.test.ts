import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../src/core/classes';
import { AGAINST_RGB, divergingRgba, mapScale, TOWARDS_RGB } from '../../src/core/explain/diverging-colour';
import { makeFeatureIndex, nearestRows } from '../../src/core/explain/nearest';
import { occludedImages, occlusionWindows, spreadDrops } from '../../src/core/explain/occlusion-windows';
import {
  areaUnderCurve,
  curveCounts,
  deletionImages,
  DELETED_PIXEL,
  insertionImages,
} from '../../src/core/explain/perturbation-curve';
import { rankPixels } from '../../src/core/explain/pixel-order';
import { randomMap } from '../../src/core/explain/random-map';
import { versusMap } from '../../src/core/explain/versus';
import { readShippedSet } from '../../scripts/lib/shipped-data';

const test = readShippedSet('test');
/** Test image `i` scaled to 0–1. */
const image = (i: number) =>
  Float32Array.from(test.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), (v) => v / 255);

describe('pixel ranking', () => {
  it('orders pixels from the most positive value down, equal values by index', () => {
    expect(Array.from(rankPixels([0, 3, -1, 3, 0.5]))).toEqual([1, 3, 4, 0, 2]);
  });

  it('is a permutation of all pixels of a random map', () => {
    const order = rankPixels(randomMap(7));
    expect(new Set(order).size).toBe(IMAGE_PIXELS);
  });
});

describe('deletion and insertion curves', () => {
  const counts = curveCounts();

  it('sample every 16 pixels from none to all 784', () => {
    expect(counts[0]).toBe(0);
    expect(counts.at(-1)).toBe(IMAGE_PIXELS);
    expect(counts.slice(1).every((c, i) => c - counts[i]! > 0 && c - counts[i]! <= 16)).toBe(true);
  });

  it('delete exactly the first k ranked pixels, and insertion restores exactly those', () => {
    const img = image(0);
    const order = rankPixels(randomMap(3));
    const deleted = deletionImages(img, order, counts);
    const inserted = insertionImages(img, order, counts);
    counts.forEach((k, row) => {
      const d = deleted.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const ins = inserted.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const gone = new Set(order.subarray(0, k));
      for (let p = 0; p < IMAGE_PIXELS; p++) {
        expect(d[p]).toBe(gone.has(p) ? DELETED_PIXEL : img[p]);
        expect(ins[p]).toBe(gone.has(p) ? img[p] : DELETED_PIXEL);
      }
    });
  });

  it('measure area with x scaled to 0–1', () => {
    expect(
      areaUnderCurve(
        counts.map(() => 0.7),
        counts,
      ),
    ).toBeCloseTo(0.7, 6);
    expect(
      areaUnderCurve(
        counts.map((k) => 1 - k / IMAGE_PIXELS),
        counts,
      ),
    ).toBeCloseTo(0.5, 6);
    expect(() => areaUnderCurve([1, 2], counts)).toThrow(RangeError);
  });
});

describe('occlusion windows', () => {
  it.each([
    [1, 1, 28 * 28],
    [2, 1, 27 * 27],
    [4, 2, 13 * 13],
    [3, 2, 14 * 14],
    [6, 3, 9 * 9],
  ])('patch %i stride %i: %i windows covering every pixel', (patch, stride, count) => {
    const windows = occlusionWindows(patch, stride);
    expect(windows).toHaveLength(count);
    const covered = new Uint8Array(IMAGE_PIXELS);
    for (const { row, col } of windows) {
      for (let r = row; r < row + patch; r++) for (let c = col; c < col + patch; c++) covered[r * IMAGE_SIDE + c] = 1;
    }
    expect(covered.every((v) => v === 1)).toBe(true);
  });

  it('paint one patch per image and spread each drop back over its own pixels', () => {
    const img = image(1);
    const windows = occlusionWindows(4, 2);
    const occluded = occludedImages(img, windows, 4, 0.5);
    const w = 20;
    const { row, col } = windows[w]!;
    const within = (v: number, from: number) => v >= from && v < from + 4;
    const inPatch = (p: number) => within(Math.floor(p / IMAGE_SIDE), row) && within(p % IMAGE_SIDE, col);
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      expect(occluded[w * IMAGE_PIXELS + p]).toBe(inPatch(p) ? 0.5 : img[p]);
    }
    const drops = windows.map((_, i) => (i === w ? 1 : 0));
    const map = spreadDrops(drops, windows, 4);
    for (let p = 0; p < IMAGE_PIXELS; p++) expect(map[p]! > 0).toBe(inPatch(p));
  });

  it('refuse patches that do not fit', () => {
    expect(() => occlusionWindows(0, 1)).toThrow(RangeError);
    expect(() => occlusionWindows(29, 1)).toThrow(RangeError);
  });
});

describe('maps', () => {
  it('random maps repeat with their seed and differ between seeds', () => {
    expect(randomMap(5)).toEqual(randomMap(5));
    expect(randomMap(5)).not.toEqual(randomMap(6));
  });

  it('"versus" is the difference of the two maps', () => {
    const a = randomMap(1);
    const b = randomMap(2);
    const v = versusMap(a, b);
    for (let i = 0; i < IMAGE_PIXELS; i++) expect(v[i]).toBeCloseTo(a[i]! - b[i]!, 6);
  });

  it('draw red towards, blue against, clear at zero, opacity by strength', () => {
    const map = [1, -1, 0, 0.5, -4];
    const rgba = divergingRgba(map, 1);
    const px = (i: number) => Array.from(rgba.subarray(i * 4, i * 4 + 4));
    expect(px(0)).toEqual([...TOWARDS_RGB, 255]);
    expect(px(1)).toEqual([...AGAINST_RGB, 255]);
    expect(px(2)[3]).toBe(0);
    expect(px(3)).toEqual([...TOWARDS_RGB, 128]);
    expect(px(4)).toEqual([...AGAINST_RGB, 255]);
    expect(divergingRgba([0, 0]).every((v) => v === 0)).toBe(true);
  });

  it('scale to a high quantile of |value|, so one outlier does not wash out the rest', () => {
    const map = Float32Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1 : -1) * (i / 1000));
    map[0] = 100;
    expect(mapScale(map)).toBeLessThan(1);
    expect(mapScale(map)).toBeGreaterThan(0.98);
    expect(mapScale(map, 1)).toBe(100);
  });
});

describe('nearest rows', () => {
  const features = Float32Array.from([1, 0, 0, 1, 2, 2, 3, 0, 0, 0]);
  const labels = Uint8Array.from([0, 1, 2, 3, 4]);

  it('by cosine: direction counts, not length; closest first; ties by row', () => {
    const index = makeFeatureIndex(features, labels, 'cosine');
    const near = nearestRows(index, Float32Array.from([5, 0]), 3);
    expect(near.map((n) => n.index)).toEqual([0, 3, 2]);
    expect(near[0]!.distance).toBeCloseTo(0, 6);
    expect(near[1]!.distance).toBeCloseTo(0, 6);
  });

  it('by L2: straight-line distance', () => {
    const index = makeFeatureIndex(features, labels, 'l2');
    const near = nearestRows(index, Float32Array.from([2.6, 0]), 2);
    expect(near.map((n) => [n.index, n.label])).toEqual([
      [3, 3],
      [0, 0],
    ]);
    expect(near[0]!.distance).toBeCloseTo(0.4, 5);
  });

  it('return every row when k exceeds the index, and refuse queries of the wrong width', () => {
    const index = makeFeatureIndex(features, labels, 'cosine');
    expect(nearestRows(index, Float32Array.from([1, 1]), 9)).toHaveLength(5);
    expect(() => nearestRows(index, Float32Array.from([1, 1, 1]), 2)).toThrow(RangeError);
  });
});
