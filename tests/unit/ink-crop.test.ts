// The lean drawing path (issue 11): the pad sends only the pixels of its running ink box, and
// preprocess of that crop must give exactly the 28×28 input preprocess of the whole pad gives.
import { describe, expect, it } from 'vitest';
import { inkBox, INK_THRESHOLD, preprocess, type Box, type RgbaImage } from '../../src/core/preprocess';
import { InkMirror } from '../../src/core/ink-mirror';
import { growBox } from '../../src/features/draw/ink-box';
import { InkTracker } from '../../src/features/draw/ink-tracker';

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

/** A blank (white) pad. */
const blank = (): RgbaImage => ({ data: new Uint8ClampedArray(SIDE * SIDE * 4).fill(255), width: SIDE, height: SIDE });

/**
 * Paints a round-capped line (ink #111, or paper when erasing) by distance to the segment, with
 * a one-pixel antialiased rim (grey levels) like a canvas.
 */
function paint(pad: RgbaImage, [ax, ay, bx, by]: Line, width: number, erase = false): void {
  const data = pad.data;
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
      if (erase) data.fill(Math.max(data[p]!, 255 - v + 0x11), p, p + 3);
      else if (v < data[p]!) data.fill(v, p, p + 3);
    }
  }
}

type Line = [number, number, number, number];

/** A pad with `lines` painted, and the running box of its strokes. */
function drawPad(lines: Line[], width: number): { pad: RgbaImage; box: Box | null } {
  const pad = blank();
  let box: Box | null = null;
  for (const line of lines) {
    box = growBox(box, [line[0], line[1]], [line[2], line[3]], width, SIDE, SIDE);
    paint(pad, line, width);
  }
  return { pad, box };
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

/** Writes `part` into `image` with its top left corner at (x, y). */
function paste(image: RgbaImage, part: RgbaImage, x: number, y: number): void {
  for (let row = 0; row < part.height; row++) {
    const from = row * part.width * 4;
    image.data.set(part.data.subarray(from, from + part.width * 4), ((y + row) * image.width + x) * 4);
  }
}

/** The first index where two byte arrays differ (or their lengths do), -1 when equal. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
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
        return [a[0]!, a[1]!, a[0]! + (rand() - 0.5) * 200, a[1]! + (rand() - 0.5) * 200] as Line;
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

describe("a worker's mirror of the pad (InkTracker updates applied to an InkMirror)", () => {
  it('stays exact through strokes, erasing, fill, undo, clear and a second reader', () => {
    const rand = random(5);
    const STEPS = 120;
    const pad = blank();
    const tracker = new InkTracker(SIDE, SIDE, (b) => crop(pad, b));
    const mirrors = [new InkMirror(), new InkMirror()];
    // Checkpoints as the pad keeps them (sketch.ts): the box holding the ink and its pixels only.
    const history: { box: Box | null; pixels: RgbaImage | null }[] = [];
    const checkpoint = (): void => {
      if (tracker.loose) tracker.tighten(pad); // the whole pad is read only after erasing
      const box = tracker.box;
      history.push({ box, pixels: box && crop(pad, box) });
    };
    let patches = 0;
    let fullBytes = 0;
    let patchBytes = 0;
    const point = (): [number, number] => [rand() * SIDE * 1.2 - 20, rand() * SIDE * 1.2 - 20];
    for (let step = 0; step < STEPS; step++) {
      const roll = rand();
      if (roll < 0.04) {
        checkpoint();
        pad.data.fill(255);
        tracker.replaced(null); // clear
      } else if (roll < 0.08 && history.length) {
        // Undo: blank paper, the saved box's pixels put back, the saved box restored.
        const last = history.pop()!;
        pad.data.fill(255);
        if (last.box && last.pixels) paste(pad, last.pixels, last.box.x0, last.box.y0);
        tracker.restored(last.box);
      } else if (roll < 0.1) {
        checkpoint();
        pad.data.fill(0x11, 0, SIDE * 40 * 4); // a fill: the top rows (alpha stays 255 below)
        for (let i = 3; i < SIDE * 40 * 4; i += 4) pad.data[i] = 255;
        tracker.replaced(pad);
      } else {
        if (roll < 0.15) {
          checkpoint(); // a stroke starts
        }
        const erase = roll > 0.85;
        const a = point();
        const b: [number, number] = [a[0] + (rand() - 0.5) * 60, a[1] + (rand() - 0.5) * 60];
        const width = 4 + Math.floor(rand() * 30);
        paint(pad, [...a, ...b], width, erase);
        tracker.painted(a, b, width, erase);
      }
      // Usually the active reader; now and then the other one (a warm GPU worker takes over).
      const mirror = mirrors[rand() < 0.9 ? 0 : 1]!;
      const update = tracker.update(mirror.seq);
      const whole = preprocess(pad);
      if (!update) {
        expect(whole, `step ${step}`).toBeNull();
        continue;
      }
      if (update.full) {
        fullBytes += update.pixels.data.length;
      } else {
        patches++;
        patchBytes += update.pixels.data.length;
      }
      mirror.apply(update);
      const view = mirror.view();
      expect(view, `step ${step}`).not.toBeNull();
      // Byte for byte, the whole copy (a first differing index, not a diff of 800,000 numbers).
      expect(firstDifference(view!.image.data, pad.data), `step ${step}`).toBe(-1);
      expect(view!.box, `step ${step}`).toEqual(update.box);
      // Read in place, as the worker does.
      const input = view && preprocess(view.image, { within: view.box });
      expect(input && Array.from(input), `step ${step}`).toEqual(whole && Array.from(whole));
    }
    // Most updates are patches, and far smaller than the ink box.
    expect(patches).toBeGreaterThan(STEPS / 2);
    expect(patchBytes / patches).toBeLessThan(fullBytes / (STEPS - patches) / 4);
  });

  it('refuses a patch that does not follow the latest update it applied', () => {
    const pad = blank();
    const tracker = new InkTracker(SIDE, SIDE, (b) => crop(pad, b));
    const mirror = new InkMirror();
    paint(pad, [50, 50, 90, 90], 10);
    tracker.painted([50, 50], [90, 90], 10, false);
    mirror.apply(tracker.update(mirror.seq)!);
    paint(pad, [90, 90, 120, 60], 10);
    tracker.painted([90, 90], [120, 60], 10, false);
    const first = tracker.update(mirror.seq)!;
    expect(first.full).toBe(false);
    tracker.painted([120, 60], [130, 60], 10, false);
    const second = tracker.update(first.seq)!; // the mirror never got `first`
    expect(() => mirror.apply(second)).toThrow(/does not follow/);
  });
});
