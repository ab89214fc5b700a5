// Photo samples train with augmented variants of the photo (issue 14, the real-photo proof).
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { preprocessPhoto } from '../../src/core/photo/pipeline';
import { seededRandom } from '../../src/core/random';
import { storedSampleSchema } from '../../src/core/retrain/bundle-schema';
import { readBundle } from '../../src/core/retrain/read-bundle';
import { encodeBundle } from '../../src/core/retrain/bundle';
import { photoVariants, PHOTO_VARIANTS } from '../../src/core/retrain/photo-variants';
import { isSample, MAX_PHOTO_VARIANTS, toImageSet, toTrainingSet, type Sample } from '../../src/core/retrain/samples';
import { decodeImageFile } from '../../scripts/lib/decode-image';
import { devPhotos } from '../helpers/photos';
import { mlpSlot } from '../helpers/bundles';

const sample = (id: string, label: number, variants?: number): Sample => ({
  id,
  label,
  pixels: new Uint8Array(IMAGE_PIXELS).fill(label),
  thumb: null,
  createdAt: 0,
  ...(variants !== undefined && { variants: new Uint8Array(variants * IMAGE_PIXELS).fill(100 + label) }),
});

/** Share of the 784 pixels where two inputs differ by more than 0.1 of the range. */
const changed = (a: Uint8Array, b: Uint8Array): number =>
  a.filter((x, i) => Math.abs(x - b[i]!) > 25).length / a.length;

describe('photo variants of a sample', () => {
  it('runs augmented copies of a real photo through the photo pipeline: garment found, each one different', async () => {
    const { photo, input } = preprocessPhoto(await decodeImageFile(devPhotos('skirt')[0]!));
    const clean = Uint8Array.from(input!, (x) => Math.round(x * 255));
    const variants = photoVariants(photo, PHOTO_VARIANTS, seededRandom(1));
    expect(variants.length).toBe(PHOTO_VARIANTS * IMAGE_PIXELS);
    const images = [...Array(PHOTO_VARIANTS).keys()].map((k) =>
      variants.subarray(k * IMAGE_PIXELS, (k + 1) * IMAGE_PIXELS),
    );
    for (const [k, image] of images.entries()) {
      const lit = image.filter((x) => x > 25).length / IMAGE_PIXELS;
      expect(lit).toBeGreaterThan(0.1); // a garment, not an empty frame
      expect(changed(image, clean)).toBeGreaterThan(0.01); // not the clean input again
      if (k > 0) expect(changed(image, images[k - 1]!)).toBeGreaterThan(0.01);
    }
    expect(photoVariants(photo, 2, seededRandom(1))).toEqual(variants.subarray(0, 2 * IMAGE_PIXELS)); // seeded
  });

  it('leaves out variants in which no garment is found', () => {
    const blank = { data: new Uint8ClampedArray(40 * 30 * 4).fill(255), width: 40, height: 30 };
    expect(photoVariants(blank, 3, seededRandom(1)).length).toBe(0);
  });

  it('trains on each sample and its variants with its label; measures without them', () => {
    const samples = [sample('a', 10, 2), sample('b', 3), sample('c', 11, 1)];
    const set = toTrainingSet(samples);
    expect(set.count).toBe(3 + 1 + 2);
    expect([...set.labels]).toEqual([10, 10, 10, 3, 11, 11]);
    const firstPixel = [...Array(set.count).keys()].map((i) => set.images[i * IMAGE_PIXELS]);
    expect(firstPixel).toEqual([10, 110, 110, 3, 11, 111]);
    expect(toImageSet(samples).count).toBe(3);
  });

  it('stores and exports the variants; refuses ragged or too many', () => {
    expect(isSample(sample('a', 10, 2))).toBe(true);
    expect(isSample({ ...sample('a', 10), variants: new Uint8Array(IMAGE_PIXELS + 1) })).toBe(false);
    expect(isSample(sample('a', 10, MAX_PHOTO_VARIANTS + 1))).toBe(false);
    const schema = storedSampleSchema(30);
    expect(v.parse(schema, sample('a', 10, 2)).variants?.length).toBe(2 * IMAGE_PIXELS);
    expect('variants' in v.parse(schema, sample('b', 3))).toBe(false);
    expect(v.safeParse(schema, { ...sample('a', 10), variants: new Uint8Array(100) }).success).toBe(false);
    const slot = mlpSlot();
    const back = readBundle(encodeBundle(slot, [sample('a', 2, 3), sample('b', 3)]));
    expect(back.samples[0]!.variants).toEqual(sample('a', 2, 3).variants);
    expect(back.samples[1]!.variants).toBeUndefined();
  });
});
