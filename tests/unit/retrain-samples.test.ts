import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import {
  grayThumbnail,
  isSample,
  MIN_FOR_HOLD_OUT,
  splitSamples,
  THUMB_SIDE,
  toImageSet,
  toSamplePixels,
  type Sample,
} from '../../src/core/retrain/samples';

const sample = (id: string, label: number, fill = label): Sample => ({
  id,
  label,
  pixels: new Uint8Array(IMAGE_PIXELS).fill(fill),
  thumb: null,
  createdAt: 0,
});

describe('user samples', () => {
  it('stores the model input as bytes 0–255, clamped and rounded', () => {
    const input = new Float32Array(IMAGE_PIXELS);
    input[0] = 1;
    input[1] = 0.5;
    input[2] = -0.2;
    input[3] = 1.7;
    const pixels = toSamplePixels(input);
    expect([...pixels.subarray(0, 4)]).toEqual([255, 128, 0, 255]);
    expect(() => toSamplePixels(new Float32Array(10))).toThrow(RangeError);
  });

  it('makes a grayscale thumbnail, aspect kept and centred on white', () => {
    // 4×2 image: left half black, right half white, fully opaque.
    const data = new Uint8ClampedArray(4 * 2 * 4).fill(255);
    for (const x of [0, 1]) for (const y of [0, 1]) data.fill(0, (y * 4 + x) * 4, (y * 4 + x) * 4 + 3);
    const thumb = grayThumbnail({ data, width: 4, height: 2 }, 8);
    expect(thumb).toHaveLength(64);
    expect(thumb[0]).toBe(255); // padding above the 8×4 picture
    expect(thumb[3 * 8 + 1]).toBe(0); // left: ink
    expect(thumb[3 * 8 + 6]).toBe(255); // right: paper
    expect(grayThumbnail({ data, width: 4, height: 2 })).toHaveLength(THUMB_SIDE * THUMB_SIDE);
  });

  it('recognises well-formed samples only', () => {
    expect(isSample(sample('a', 3))).toBe(true);
    expect(isSample({ ...sample('a', 3), label: 10 })).toBe(true); // a user class
    expect(isSample({ ...sample('a', 3), label: 30 })).toBe(false);
    expect(isSample({ ...sample('a', 3), pixels: new Uint8Array(5) })).toBe(false);
    expect(isSample({ ...sample('a', 3), thumb: new Uint8Array(3) })).toBe(false);
    expect(isSample(null)).toBe(false);
  });

  it('turns samples into a labelled image set in order', () => {
    const set = toImageSet([sample('a', 2), sample('b', 7)]);
    expect(set.count).toBe(2);
    expect([...set.labels]).toEqual([2, 7]);
    expect(set.images[IMAGE_PIXELS]).toBe(7);
  });
});

describe('holding samples out to measure a run', () => {
  const many = (n: number, label = 8) => Array.from({ length: n }, (_, i) => sample(`s-${i}`, label));

  it('holds out 20 % from 5 samples on, repeatably and regardless of order', () => {
    const list = many(10);
    const split = splitSamples(list);
    expect(split.hasHoldOut).toBe(true);
    expect(split.heldOut).toHaveLength(2);
    expect(split.train).toHaveLength(8);
    const again = splitSamples([...list].reverse());
    expect(again.heldOut.map((s) => s.id).sort()).toEqual(split.heldOut.map((s) => s.id).sort());
    expect(splitSamples(many(5)).heldOut).toHaveLength(1);
  });

  it('measures on all samples below 5', () => {
    const split = splitSamples(many(4));
    expect(split).toMatchObject({ hasHoldOut: false, heldOut: [] });
    expect(split.train).toHaveLength(4);
  });

  it("never holds out a class's last sample", () => {
    const list = [...many(3, 1), sample('x', 2), sample('y', 3), sample('z', 4)];
    const split = splitSamples(list);
    for (const label of [1, 2, 3, 4]) expect(split.train.some((s) => s.label === label)).toBe(true);
    const singles = [sample('a', 0), sample('b', 1), sample('c', 2), sample('d', 3), sample('e', 4)];
    expect(splitSamples(singles).hasHoldOut).toBe(false);
  });

  it('holds out 20 % of each class with 5 or more samples, none of smaller ones', () => {
    // Sizes as the photo validation taught them, plus small classes; ids interleaved by class.
    const sizes = new Map([
      [0, 4],
      [3, 5],
      [7, 9],
      [10, 20],
      [11, 24],
      [12, 13],
      [13, 1],
    ]);
    const list = [...sizes].flatMap(([label, n]) =>
      Array.from({ length: n }, (_, i) => sample(`c${label}-${i}`, label, 0)),
    );
    const split = splitSamples(list);
    expect(split.hasHoldOut).toBe(true);
    for (const [label, n] of sizes) {
      const held = split.heldOut.filter((s) => s.label === label).length;
      const trained = split.train.filter((s) => s.label === label).length;
      expect(held).toBe(n >= MIN_FOR_HOLD_OUT ? Math.max(1, Math.floor(0.2 * n)) : 0);
      expect(held + trained).toBe(n);
    }
    // Nothing lost or duplicated, order kept in both parts.
    const ids = [...split.train, ...split.heldOut].map((s) => s.id);
    expect(new Set(ids).size).toBe(list.length);
    expect(ids.sort()).toEqual(list.map((s) => s.id).sort());
    expect(split.train.map((s) => s.id)).toEqual(list.filter((s) => split.train.includes(s)).map((s) => s.id));
    // Repeatable and independent of order.
    const shuffled = [...list].sort((a, b) => (a.id.length % 3) - (b.id.length % 3) || b.id.localeCompare(a.id));
    const again = splitSamples(shuffled);
    expect(again.heldOut.map((s) => s.id).sort()).toEqual(split.heldOut.map((s) => s.id).sort());
    expect(splitSamples(list).heldOut.map((s) => s.id)).toEqual(split.heldOut.map((s) => s.id));
  });

  it('holds none out when every class is smaller than 5, however many samples in all', () => {
    const list = [0, 1, 2, 3, 4].flatMap((label) => many(4, label).map((s) => ({ ...s, id: `${label}-${s.id}` })));
    const split = splitSamples(list);
    expect(split).toMatchObject({ hasHoldOut: false, heldOut: [] });
    expect(split.train).toHaveLength(20);
  });

  it('keeps at least one training sample per class even with a large share', () => {
    const split = splitSamples(many(5), 0.99);
    expect(split.heldOut).toHaveLength(4);
    expect(split.train).toHaveLength(1);
  });
});
