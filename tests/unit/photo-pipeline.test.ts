import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_FOLDERS, judgePhoto } from '../../src/core/photo/folders';
import { photoReport } from '../../src/core/photo/photo-metrics';
import { preprocessPhoto, WORK_SIDE } from '../../src/core/photo/pipeline';
import { verdictOf } from '../../src/core/photo/verdict';
import { decodeImageFile } from '../../scripts/lib/decode-image';
import { devPhotos } from '../helpers/photos';

/** Extent (first and last lit index) of a 28×28 input's rows or columns. */
function extent(x: Float32Array, axis: 'rows' | 'cols'): [number, number] {
  const lit = [...Array(28).keys()].filter((i) =>
    [...Array(28).keys()].some((j) => (axis === 'rows' ? x[i * 28 + j]! : x[j * 28 + i]!) > 0.05),
  );
  return [lit[0]!, lit.at(-1)!];
}

describe('photo preprocessing on real phone photos', () => {
  for (const folder of ['t-shirt', 'pants', 'shoes', 'dress']) {
    it(`${folder}: garment mask, crop and a centred 28×28 with the long side fitted`, async () => {
      const image = await decodeImageFile(devPhotos(folder)[0]!);
      const steps = preprocessPhoto(image);
      expect(Math.max(steps.photo.width, steps.photo.height)).toBe(WORK_SIDE);
      expect(steps.quality.area).toBeGreaterThan(0.08);
      expect(steps.quality.area).toBeLessThan(0.9);
      expect(steps.quality.contrast).toBeGreaterThan(0.2);
      const box = steps.box!;
      expect([steps.crop!.width, steps.crop!.height]).toEqual([box.x1 - box.x0, box.y1 - box.y0]);
      const x = steps.input!;
      expect(x).toHaveLength(784);
      expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...x)).toBeLessThanOrEqual(1);
      const [r0, r1] = extent(x, 'rows');
      const [c0, c1] = extent(x, 'cols');
      expect(Math.max(r1 - r0, c1 - c0)).toBeGreaterThanOrEqual(25); // long side fills the frame
      expect(Math.abs((r0 + r1) / 2 - 13.5)).toBeLessThanOrEqual(1.5); // centred
      expect(Math.abs((c0 + c1) / 2 - 13.5)).toBeLessThanOrEqual(1.5);
      expect(preprocessPhoto(image).input).toEqual(x); // deterministic
    });
  }

  it('decodes with EXIF orientation applied and shrinks while decoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prenda-exif-'));
    try {
      const file = join(dir, 'rotated.jpg');
      const big = await sharp(devPhotos('pants')[0]!)
        .resize(1600, 1200, { fit: 'fill' })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer();
      writeFileSync(file, big);
      const image = await decodeImageFile(file);
      expect([image.width, image.height]).toEqual([240, 320]);
      expect(image.header).toMatchObject({ width: 1200, height: 1600, orientation: 6 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('judges strict and coarse answers by the README mapping', () => {
    expect(judgePhoto('shoes', 9)).toEqual({ strict: true, coarse: true });
    expect(judgePhoto('longsleeve', 6)).toEqual({ strict: false, coarse: true });
    expect(judgePhoto('pants', 3)).toEqual({ strict: false, coarse: false });
    expect(judgePhoto('skirt', 3)).toBeNull();
    expect(Object.keys(PHOTO_FOLDERS)).toHaveLength(10);
    const r = photoReport([
      { folder: 'shoes', top: 7, sure: true },
      { folder: 'shirt', top: 0, sure: false },
      { folder: 'hat', top: 8, sure: false },
    ]);
    expect(r.mapped).toMatchObject({ count: 2, strict: 0.5, coarse: 1, notSure: 0.5, strictWhenSure: 1 });
    expect(r.outOfScope).toMatchObject({ count: 1, strict: null, notSure: 1 });
  });

  it('says "not sure" for flat probabilities and for a frame with no clear object', () => {
    const flat = new Array(10).fill(0.1);
    const q = { area: 0.4, contrast: 0.5, borderTouch: 0 };
    expect(verdictOf(flat, q)).toMatchObject({ sure: false, reason: 'lowConfidence' });
    const peaked = [0.01, 0.91, ...new Array(8).fill(0.01)];
    expect(verdictOf(peaked, q)).toMatchObject({ top: 1, sure: true, reason: 'ok' });
    expect(verdictOf(peaked, { ...q, contrast: 0.01 })).toMatchObject({ sure: false, reason: 'noGarment' });
    expect(verdictOf(peaked, null).reason).toBe('noGarment');
  });
});
