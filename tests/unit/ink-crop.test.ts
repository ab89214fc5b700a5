// The lean drawing path (issue 11): the pad sends only the pixels of its running ink box, and
// preprocess of that crop must give exactly the 28×28 input preprocess of the whole pad gives.
import { describe, expect, it } from 'vitest';
import { inkBox, INK_THRESHOLD, preprocess, type Box, type RgbaImage } from '../../src/core/preprocess';
import { growBox } from '../../src/features/draw/ink-box';

const SIDE = 448;

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A white pad with round-capped lines painted by distance to each segment, with a one-pixel
 * antialiased rim (grey levels) like a canvas; returns the pad and the running box of its strokes.
 */
function drawPad(lines: [number, number, number, number][], width: number): { pad: RgbaImage; box: Box | null } {
  const data = new Uint8ClampedArray(SIDE * SIDE * 4).fill(255);
  let box: Box | null = null;
  for (const [ax, ay, bx, by] of lines) {
    box = growBox(box, [ax, ay], [bx, by], width, SIDE, SIDE);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    // Only near the line (a wider margin than growBox's, so the test does not assume it).
    const r = width / 2 + 4;
    const lo = (v: number): number => Math.max(0, Math.floor(v - r));
    const hi = (v: number): number => Math.min(SIDE, Math.ceil(v + r));
    for (let y = lo(Math.min(ay, by)); y < hi(Math.max(ay, by)); y++) {
      for (let x = lo(Math.min(ax, bx)); x < hi(Math.max(ax, bx)); x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
        const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
        const cover = Math.max(0, Math.min(1, width / 2 + 0.5 - d)); // the antialiased rim
        if (cover <= 0) continue;
        const p = (y * SIDE + x) * 4;
        const v = Math.round(255 - cover * (255 - 0x11));
        if (v < data[p]!) data.fill(v, p, p + 3);
      }
    }
  }
  return { pad: { data, width: SIDE, height: SIDE }, box };
}

/** The pixels of `box`, as getImageData(box) returns them. */
function crop(image: RgbaImage, box: Box): RgbaImage {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((box.y0 + y) * image.width + box.x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height };
}

/** True when `outer` holds every pixel of `inner`. */
const contains = (outer: Box, inner: Box): boolean =>
  outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1;

describe('the ink box crop', () => {
  it('gives the same 28×28 input as the whole pad, bit for bit, for random strokes', () => {
    const rand = random(11);
    for (let trial = 0; trial < 12; trial++) {
      const width = 4 + Math.floor(rand() * 40);
      const lines = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
        const a = [rand() * SIDE, rand() * SIDE];
        return [a[0]!, a[1]!, a[0]! + (rand() - 0.5) * 200, a[1]! + (rand() - 0.5) * 200] as [
          number,
          number,
          number,
          number,
        ];
      });
      const { pad, box } = drawPad(lines, width);
      const exact = inkBox(pad, INK_THRESHOLD)!;
      expect(box, `trial ${trial}`).not.toBeNull();
      expect(contains(box!, exact), `trial ${trial}: ${JSON.stringify({ box, exact })}`).toBe(true);
      const whole = preprocess(pad)!;
      const fromCrop = preprocess(crop(pad, box!))!;
      expect(Array.from(fromCrop), `trial ${trial}`).toEqual(Array.from(whole));
    }
  });

  it('any crop that holds the ink gives the same input; one that cuts it does not', () => {
    const { pad } = drawPad(
      [
        [140, 60, 300, 60],
        [300, 60, 330, 400],
        [140, 60, 110, 400],
      ],
      28,
    );
    const exact = inkBox(pad, INK_THRESHOLD)!;
    const whole = Array.from(preprocess(pad)!);
    for (const m of [0, 1, 7, 40]) {
      const box = {
        x0: Math.max(0, exact.x0 - m),
        y0: Math.max(0, exact.y0 - m),
        x1: Math.min(SIDE, exact.x1 + m),
        y1: Math.min(SIDE, exact.y1 + m),
      };
      expect(Array.from(preprocess(crop(pad, box))!), `margin ${m}`).toEqual(whole);
    }
    const cut = { ...exact, x1: exact.x1 - 10 };
    expect(Array.from(preprocess(crop(pad, cut))!)).not.toEqual(whole);
  });
});

describe('growBox', () => {
  it('holds a round-capped line with its half width and antialiasing, clamped to the pad', () => {
    expect(growBox(null, [100, 100], [100, 100], 10, SIDE, SIDE)).toEqual({ x0: 93, y0: 93, x1: 107, y1: 107 });
    expect(growBox(null, [2, 440], [20, 446], 28, SIDE, SIDE)).toEqual({ x0: 0, y0: 424, x1: 36, y1: SIDE });
  });

  it('grows an existing box and returns it unchanged when the line is inside', () => {
    const box = growBox(null, [100, 100], [200, 150], 10, SIDE, SIDE)!;
    expect(growBox(box, [120, 120], [130, 125], 10, SIDE, SIDE)).toBe(box);
    expect(growBox(box, [300, 50], [300, 50], 10, SIDE, SIDE)).toEqual({ x0: 93, y0: 43, x1: 307, y1: 157 });
  });

  it('ignores a line entirely off the pad (a captured pointer dragged outside)', () => {
    expect(growBox(null, [-100, 50], [-60, 80], 10, SIDE, SIDE)).toBeNull();
    const box = growBox(null, [10, 10], [20, 20], 4, SIDE, SIDE);
    expect(growBox(box, [600, 50], [700, 80], 10, SIDE, SIDE)).toBe(box);
  });
});
