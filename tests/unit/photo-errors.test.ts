import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { VERDICT_THRESHOLDS } from '../../src/core/photo/verdict';
import { coarseErrorLines, coarseErrors, saveInputMontage } from '../../scripts/lib/photo-errors';
import { pairedWins, signTestP } from '../../scripts/lib/photo-paired';

/** Probabilities with `p` on class `top` and the rest spread evenly. */
const peaked = (top: number, p: number) => Array.from({ length: 10 }, (_, c) => (c === top ? p : (1 - p) / 9));
const quality = { area: 0.4, contrast: 0.5, borderTouch: 0 };

describe('coarse errors out of fold', () => {
  const folders = ['pants', 'pants', 'pants', 'shoes', 'hat', 't-shirt'];
  const probs = Float32Array.from([
    ...peaked(7, 0.95), // pants → Sneaker, sure
    ...peaked(7, 0.3), // pants → Sneaker, not sure
    ...peaked(1, 0.9), // pants → Trouser: right
    ...peaked(5, 0.9), // shoes → Sandal: same group, not a coarse error
    ...peaked(3, 0.9), // hat: out of scope, never counted
    ...peaked(6, 0.9), // t-shirt → Shirt: strictly wrong, coarsely right
  ]);
  const photos = { folders, found: [1, 1, 1, 1, 1, 1], quality: folders.map(() => quality) };

  it('counts only mapped photos whose top class is in another group, with how many were "sure"', () => {
    const { kinds, byFolder } = coarseErrors(photos, probs, VERDICT_THRESHOLDS);
    expect(kinds).toEqual([{ folder: 'pants', top: 7, count: 2, sure: 1 }]);
    expect([...byFolder.entries()]).toEqual([['pants', [0, 1]]]);
    expect(coarseErrorLines(kinds)).toEqual(['   2 (1 sure)  pants → Sneaker']);
  });

  it('writes the chosen inputs as one PNG, dark on light, scaled', async () => {
    const images = new Uint8Array(3 * IMAGE_PIXELS);
    images.fill(255, IMAGE_PIXELS, 2 * IMAGE_PIXELS); // photo 1: all garment
    const file = join(mkdtempSync(join(tmpdir(), 'errors-')), 'm.png');
    await saveInputMontage(file, images, [1, 0], 2, 2);
    const { data, info } = await sharp(readFileSync(file)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([112, 56]);
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect(at(10, 10)).toBe(0); // photo 1 first: garment shown black
    expect(at(66, 10)).toBe(255); // photo 0: background shown white
  });
});

describe('paired comparison of two recipes', () => {
  it('counts the photos only one recipe gets right, strictly and coarsely, skipping out-of-scope ones', () => {
    const folders = ['pants', 'shoes', 'dress', 'hat', 't-shirt'];
    const a = Float32Array.from([
      ...peaked(1, 0.9),
      ...peaked(5, 0.9),
      ...peaked(0, 0.9),
      ...peaked(1, 0.9),
      ...peaked(6, 0.9),
    ]);
    const b = Float32Array.from([
      ...peaked(7, 0.9),
      ...peaked(7, 0.9),
      ...peaked(3, 0.9),
      ...peaked(3, 0.9),
      ...peaked(0, 0.9),
    ]);
    // pants: A right; shoes: both right; dress: B right; hat: not scored; t-shirt: B strictly, both coarsely.
    expect(pairedWins(folders, a, b)).toEqual({ strict: { a: 1, b: 2 }, coarse: { a: 1, b: 1 } });
  });

  it('gives the exact two-sided sign test', () => {
    expect(signTestP({ a: 0, b: 0 })).toBe(1);
    expect(signTestP({ a: 5, b: 5 })).toBe(1);
    expect(signTestP({ a: 0, b: 5 })).toBeCloseTo(2 / 32, 10);
    expect(signTestP({ a: 1, b: 9 })).toBeCloseTo((2 * 11) / 1024, 10);
  });
});
