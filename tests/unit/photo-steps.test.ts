import { describe, expect, it } from 'vitest';
import { backgroundClusters, backgroundDistance, borderIndices } from '../../src/core/photo/background';
import { toLab } from '../../src/core/photo/colour';
import { maskBox, sharpen, toFashionMnist, whiteBackgroundCrop } from '../../src/core/photo/to-28x28';
import { close, fillHoles, mainComponent, open } from '../../src/core/photo/morphology';
import { otsuThreshold } from '../../src/core/photo/otsu';
import { downscaleOverWhite, type Mask } from '../../src/core/photo/raster';
import { segmentGarment } from '../../src/core/photo/segment';
import type { RgbaImage } from '../../src/core/preprocess';

/** A w×h image of `bg` with a `fg` rectangle, plus deterministic texture noise of ±`noise`. */
function scene(w: number, h: number, bg: number[], fg: number[], rect: number[], noise = 0): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = x >= rect[0]! && y >= rect[1]! && x < rect[2]! && y < rect[3]!;
      const c = inside ? fg : bg;
      const n = noise ? (((x * 31 + y * 17) % 7) - 3) * (noise / 3) : 0;
      data.set([c[0]! + n, c[1]! + n, c[2]! + n, 255], (y * w + x) * 4);
    }
  }
  return { data, width: w, height: h };
}

const maskOf = (rows: string[]): Mask => ({
  data: Uint8Array.from(rows.join(''), (c) => (c === '#' ? 1 : 0)),
  width: rows[0]!.length,
  height: rows.length,
});
const rowsOf = (m: Mask): string[] =>
  Array.from({ length: m.height }, (_, y) =>
    [...m.data.subarray(y * m.width, (y + 1) * m.width)].map((v) => (v ? '#' : '.')).join(''),
  );

describe('photo preprocessing steps', () => {
  it('downscales by area to the working size and composites transparency over white', () => {
    const img = scene(400, 300, [0, 0, 0], [0, 0, 0], [0, 0, 0, 0]);
    for (let i = 0; i < 400 * 10 * 4; i += 4) img.data[i + 3] = 0; // top 10 rows transparent
    const small = downscaleOverWhite(img, 160);
    expect([small.width, small.height]).toEqual([160, 120]);
    expect(small.data[0]).toBe(255); // transparent black → white
    expect(small.data[(60 * 160 + 80) * 4]).toBe(0);
    expect(() => downscaleOverWhite({ data: new Uint8Array(3), width: 1, height: 1 }, 10)).toThrow(/expected 4/);
  });

  it('Otsu splits a bimodal histogram between its modes', () => {
    const values = [...Array(500).fill(0.2), ...Array(300).fill(0.8)];
    const t = otsuThreshold(values);
    expect(t).toBeGreaterThan(0.2);
    expect(t).toBeLessThan(0.8);
  });

  it('border clusters ignore a garment reaching the top and bottom; distance is 0 on background', () => {
    const img = scene(100, 100, [200, 60, 60], [30, 30, 160], [35, 0, 65, 100]);
    const lab = toLab(img);
    const clusters = backgroundClusters(lab, borderIndices(100, 100, 3), 3);
    expect(clusters).toHaveLength(1);
    const d = backgroundDistance(lab, clusters);
    expect(d[5 * 100 + 5]).toBeLessThan(0.5);
    expect(d[50 * 100 + 50]).toBeGreaterThan(5);
  });

  it('morphology: closing bridges gaps, opening removes specks, holes are filled, one component kept', () => {
    const m = maskOf(['..........', '..##.###..', '..##.###..', '..##.###..', '..........', '........#.']);
    expect(rowsOf(close(m, 1))[2]).toBe('..######..');
    expect(open(m, 1).data[5 * 10 + 8]).toBe(0);
    const ring = maskOf(['.....', '.###.', '.#.#.', '.###.', '.....']);
    expect(rowsOf(fillHoles(ring))[2]).toBe('.###.');
    const two = maskOf(['##.......', '##..####.', '....####.', '....####.']);
    expect(rowsOf(mainComponent(two))).toEqual(['.........', '....####.', '....####.', '....####.']);
  });

  it('segments a dark garment on a textured floor', () => {
    const img = scene(160, 120, [180, 150, 110], [40, 40, 60], [50, 20, 110, 100], 24);
    const { mask, quality } = segmentGarment(img);
    const box = maskBox(mask)!;
    [box.x0 - 50, box.y0 - 20, box.x1 - 110, box.y1 - 100].forEach((d) => expect(Math.abs(d)).toBeLessThanOrEqual(2));
    expect(quality.area).toBeGreaterThan((60 * 80) / (160 * 120));
    expect(quality.area).toBeLessThan((64 * 84) / (160 * 120));
    expect(quality.contrast).toBeGreaterThan(0.3);
  });

  it('crops onto white, then resizes, sharpens, pads, centres and negates like Xiao et al.', () => {
    const img = scene(100, 100, [255, 255, 255], [0, 0, 0], [30, 10, 70, 90]);
    const mask = { data: new Uint8Array(100 * 100), width: 100, height: 100 };
    for (let y = 10; y < 90; y++) mask.data.fill(1, y * 100 + 30, y * 100 + 70);
    const crop = whiteBackgroundCrop(img, mask, maskBox(mask)!);
    expect([crop.width, crop.height]).toEqual([40, 80]);
    const x = toFashionMnist(crop, { sharpen: 1, stretch: false });
    expect(x).toHaveLength(784);
    expect(x[14 * 28 + 14]).toBe(1); // black garment → white
    expect(x[14 * 28 + 2]).toBe(0); // padding → black
    const lit = [...Array(28).keys()].filter((c) => x[14 * 28 + c]! > 0.5);
    expect(lit[0]).toBe(7); // 14 columns wide, centred
    expect(lit.at(-1)).toBe(20);
    expect([...x].every((v) => Math.abs(v * 255 - Math.round(v * 255)) < 1e-4)).toBe(true); // 8-bit values
  });

  it('sharpening keeps flat areas and steepens edges', () => {
    const plane = { data: Float32Array.from({ length: 25 }, (_, i) => (i % 5 < 2 ? 0.2 : 0.8)), width: 5, height: 5 };
    const s = sharpen(plane, 1);
    expect(s.data[12]).toBeCloseTo(0.8 + (0.8 - (0.2 * 0.274 + 0.8 * 0.726)), 1);
    expect(s.data[14]).toBeCloseTo(0.8, 5);
  });
});
