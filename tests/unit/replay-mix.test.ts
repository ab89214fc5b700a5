import { describe, expect, it } from 'vitest';
import { augmentAffine, augmentImage } from '../../src/core/augment';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../src/core/classes';
import type { LabelledImages } from '../../src/core/dataset';
import { seededRandom } from '../../src/core/random';
import { balancedSubset, mixEpoch, photoCopies, userCopies } from '../../src/core/retrain/replay-mix';

/** `count` images whose pixels all hold the image's index (mod 256), labels i % 10. */
function fakeSet(count: number, labelOf = (i: number) => i % 10): LabelledImages {
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    images.fill(i % 256, i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    labels[i] = labelOf(i);
  }
  return { images, labels, count };
}

/** A 28×28 image with a bright 4×4 square at (x, y). */
function square(x: number, y: number): Float32Array {
  const img = new Float32Array(IMAGE_PIXELS);
  for (let dy = 0; dy < 4; dy++) for (let dx = 0; dx < 4; dx++) img[(y + dy) * IMAGE_SIDE + x + dx] = 1;
  return img;
}

const mass = (img: ArrayLike<number>) => Array.from(img).reduce((a, b) => a + b, 0);

describe('affine augmentation of user samples', () => {
  it('is the identity with no jitter', () => {
    const src = square(10, 12);
    const out = new Float32Array(IMAGE_PIXELS);
    augmentAffine(src, out, 0, seededRandom(1), { maxShift: 0, maxRotation: 0, maxScale: 0 });
    for (let i = 0; i < IMAGE_PIXELS; i++) expect(out[i]).toBeCloseTo(src[i]!, 5);
  });

  it('shifts, rotates and scales a little, keeping the shape', () => {
    const src = square(12, 12);
    const random = seededRandom(3);
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const out = new Float32Array(IMAGE_PIXELS);
      augmentAffine(src, out, 0, random, { maxShift: 2, maxRotation: 12, maxScale: 0.1 });
      expect(mass(out)).toBeGreaterThan(16 * 0.7);
      expect(mass(out)).toBeLessThan(16 * 1.3);
      seen.add(out.join(','));
    }
    expect(seen.size).toBeGreaterThan(15);
  });

  it('writes bytes at an offset when given a Uint8Array', () => {
    const src = new Uint8Array(IMAGE_PIXELS).fill(200);
    const out = new Uint8Array(2 * IMAGE_PIXELS);
    augmentAffine(src, out, IMAGE_PIXELS, seededRandom(1), { maxShift: 0, maxRotation: 0, maxScale: 0 });
    expect(out[0]).toBe(0);
    expect(out[IMAGE_PIXELS + 14 * IMAGE_SIDE + 14]).toBe(200);
  });

  it('leaves augmentImage (shift and flip) as it was', () => {
    const out = new Float32Array(IMAGE_PIXELS);
    augmentImage(square(0, 0), out, 0, () => 0.5, { maxShift: 2, flipProbability: 0 });
    expect(mass(out)).toBe(16);
  });
});

describe('mixing replay images with the user samples', () => {
  it('oversamples a few samples without drowning the replay', () => {
    expect(userCopies(0, 1000)).toBe(0);
    expect(userCopies(1, 1000)).toBe(64);
    expect(userCopies(10, 1000)).toBe(200);
    expect(userCopies(50, 1000)).toBe(500);
    expect(userCopies(10, 100)).toBe(50);
  });

  it('draws distinct replay images each epoch and repeats every user sample equally', () => {
    const replay = fakeSet(250); // pixel values tell the images apart
    const user = fakeSet(10, () => 8);
    const random = seededRandom(7);
    const a = mixEpoch(user, replay, { replayPerEpoch: 100, random });
    expect(a.count).toBe(100 + userCopies(10, 100));
    const replayIds = Array.from({ length: 100 }, (_, i) => a.images[i * IMAGE_PIXELS]!);
    expect(new Set(replayIds).size).toBe(100); // without replacement
    for (let i = 0; i < 100; i++) expect(a.labels[i]).toBe(replayIds[i]! % 10);
    expect([...a.labels.subarray(100)].every((l) => l === 8)).toBe(true);
    const b = mixEpoch(user, replay, { replayPerEpoch: 100, random });
    expect(b.images.subarray(0, 100 * IMAGE_PIXELS)).not.toEqual(a.images.subarray(0, 100 * IMAGE_PIXELS));
  });

  it('works with no user samples and with fewer replay images than asked', () => {
    const mixed = mixEpoch(fakeSet(0), fakeSet(30), { replayPerEpoch: 100, random: seededRandom(1) });
    expect(mixed.count).toBe(30);
  });

  it('adds every replayed photo, at least as many copies as the user samples get', () => {
    expect(photoCopies(0, 500)).toBe(0);
    expect(photoCopies(280, 500)).toBe(500);
    expect(photoCopies(280, 64)).toBe(280);
    const user = fakeSet(10, () => 11);
    const photos = fakeSet(30, (i) => i % 7);
    const noJitter = { maxShift: 0, maxRotation: 0, maxScale: 0 };
    const mixed = mixEpoch(user, fakeSet(250), {
      replayPerEpoch: 100,
      random: seededRandom(2),
      jitter: noJitter,
      photoReplay: photos,
    });
    const copies = userCopies(10, 100);
    expect(mixed.count).toBe(100 + copies + 50);
    const start = 100 + copies;
    const seen = new Set<number>();
    for (let c = 0; c < 50; c++) {
      // Without jitter a copy keeps its photo's pixel value, which names the photo and its label.
      const id = mixed.images[(start + c) * IMAGE_PIXELS + 14 * IMAGE_SIDE + 14]!;
      expect(mixed.labels[start + c]).toBe(photos.labels[id]);
      seen.add(id);
    }
    expect(seen.size).toBe(30);
  });

  it('with balance, gives each replayed photo class as many copies as each user class', () => {
    // 3 user classes share 500 copies (≈ 167 each): 8 photo classes then get 1,334, not 500.
    expect(photoCopies(280, 500, { userClasses: 3, photoClasses: 8 })).toBe(1334);
    expect(photoCopies(280, 64, { userClasses: 3, photoClasses: 8 })).toBe(280); // never fewer than all photos
    expect(photoCopies(280, 500, { userClasses: 0, photoClasses: 8 })).toBe(500);
    const user = fakeSet(12, (i) => 10 + (i % 3));
    const photos = fakeSet(14, (i) => i % 7);
    const options = { replayPerEpoch: 100, random: seededRandom(3), photoReplay: photos };
    const copies = userCopies(12, 100);
    const plain = mixEpoch(user, fakeSet(250), options);
    expect(plain.count).toBe(100 + copies + copies);
    expect(plain.photosFrom).toBe(100 + copies); // replay images, the user's copies, then the photos
    const balanced = mixEpoch(user, fakeSet(250), { ...options, balance: true });
    expect(balanced.count).toBe(100 + copies + Math.ceil((copies / 3) * 7));
    const perClass = new Array(13).fill(0);
    for (const l of balanced.labels.subarray(100)) perClass[l]++;
    // Every class, user or replayed photo, gets about copies / 3 (photos round-robin: ± one per photo).
    for (const n of perClass.slice(0, 7)) expect(Math.abs(n - copies / 3)).toBeLessThanOrEqual(2);
    for (const n of perClass.slice(10)) expect(Math.abs(n - copies / 3)).toBeLessThanOrEqual(1);
  });

  it('takes a class-balanced, seeded subset of the training set', () => {
    const set = fakeSet(1000, (i) => (i * 7) % 10);
    const subset = balancedSubset(set, 20, seededRandom(5));
    expect(subset.count).toBe(200);
    const perClass = new Array(10).fill(0);
    for (const l of subset.labels) perClass[l]++;
    expect(perClass).toEqual(new Array(10).fill(20));
    expect(balancedSubset(set, 20, seededRandom(5)).images).toEqual(subset.images);
    for (let i = 0; i < subset.count; i++) expect(subset.labels[i]).toBe(i % 10); // interleaved
  });
});
