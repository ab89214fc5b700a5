import { augmentAffine, USER_SAMPLE_JITTER, type AffineOptions } from '../augment';
import { IMAGE_PIXELS } from '../classes';
import type { LabelledImages } from '../dataset';
import { permutation } from '../random';

/**
 * Shipped data for retraining, in public/data/ (gzip bytes named `-gz.bin` so no server unpacks
 * them in transit; see scripts/export-replay.ts). The test subset is the first images of the
 * full test set the Evaluation view ships (scripts/export-test-set.ts).
 */
export const RETRAIN_DATA = {
  replayImages: 'replay-images-idx3-ubyte-gz.bin',
  replayLabels: 'replay-labels-idx1-ubyte-gz.bin',
  /** Preprocessed train photos of the ten (scripts/export-replay.ts --photos), for the photo model. */
  photoReplayImages: 'replay-photo-images-idx3-ubyte-gz.bin',
  photoReplayLabels: 'replay-photo-labels-idx1-ubyte-gz.bin',
  testImages: 't10k-images-idx3-ubyte-gz.bin',
  testLabels: 't10k-labels-idx1-ubyte-gz.bin',
  testCount: 1000,
} as const;

/** How a retraining epoch mixes the user's samples with replayed Fashion-MNIST images. */
export interface MixOptions {
  /** Replay images drawn (without replacement) for each epoch. */
  replayPerEpoch: number;
  random: () => number;
  jitter?: AffineOptions;
  /**
   * Replayed photos of the ten (the `photo` model's runs): {@link photoCopies} augmented copies
   * per epoch, so photos of the ten weigh as much as the user's photos and "it is a photo" is no
   * cue for the user's classes.
   */
  photoReplay?: LabelledImages;
  /**
   * Class-balanced photo replay: as many copies per replayed class as the user's copies per
   * class ({@link photoCopies}), so a few new photo classes do not outweigh the photos of the ten.
   */
  balance?: boolean;
}

/** Number of distinct labels in `labels`. */
export const labelCount = (labels: Uint8Array): number => new Set(labels).size;

/**
 * Augmented copies of the photo replay set per epoch: all of its photos, at least as many as the
 * user's copies; with `perClass`, at least as many per replayed class as the user's copies per
 * user class (user copies ÷ user classes × replayed classes).
 */
export function photoCopies(
  photos: number,
  userCopyCount: number,
  perClass?: { userClasses: number; photoClasses: number },
): number {
  if (photos === 0) return 0;
  const balanced =
    perClass && perClass.userClasses > 0
      ? Math.ceil((userCopyCount / perClass.userClasses) * perClass.photoClasses)
      : userCopyCount;
  return Math.max(photos, balanced);
}

/**
 * Augmented copies of the user's samples per epoch: 20 per sample, at least 64, at most half the
 * replay images, so a few drawings weigh enough to be learnt without drowning the old classes.
 */
export function userCopies(samples: number, replayPerEpoch: number): number {
  if (samples === 0) return 0;
  const cap = Math.max(samples, Math.floor(replayPerEpoch / 2));
  return Math.min(Math.max(samples * 20, 64), cap);
}

/** One epoch's training set, and where its replayed photos start (`count` when there are none). */
export interface EpochMix extends LabelledImages {
  photosFrom: number;
}

/**
 * One epoch's training set: `replayPerEpoch` random replay images, then the user's samples
 * repeated round-robin as randomly shifted, rotated and scaled copies ({@link userCopies} of them),
 * then as many copies of the photo replay set, if any ({@link photoCopies}).
 */
export function mixEpoch(user: LabelledImages, replay: LabelledImages, options: MixOptions): EpochMix {
  const replayCount = Math.min(options.replayPerEpoch, replay.count);
  const copies = userCopies(user.count, options.replayPerEpoch);
  const photos = options.photoReplay;
  const perClass = options.balance &&
    photos && { userClasses: labelCount(user.labels), photoClasses: labelCount(photos.labels) };
  const photoCount = photos ? photoCopies(photos.count, copies, perClass || undefined) : 0;
  const count = replayCount + copies + photoCount;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  const order = permutation(replay.count, options.random);
  for (let i = 0; i < replayCount; i++) {
    const from = order[i]!;
    images.set(replay.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS), i * IMAGE_PIXELS);
    labels[i] = replay.labels[from]!;
  }
  for (let c = 0; c < copies; c++) {
    const from = c % user.count;
    const at = replayCount + c;
    const src = user.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS);
    augmentAffine(src, images, at * IMAGE_PIXELS, options.random, options.jitter ?? USER_SAMPLE_JITTER);
    labels[at] = user.labels[from]!;
  }
  if (photos) {
    const order = permutation(photos.count, options.random);
    for (let c = 0; c < photoCount; c++) {
      const from = order[c % photos.count]!;
      const at = replayCount + copies + c;
      const src = photos.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS);
      augmentAffine(src, images, at * IMAGE_PIXELS, options.random, options.jitter ?? USER_SAMPLE_JITTER);
      labels[at] = photos.labels[from]!;
    }
  }
  return { images, labels, count, photosFrom: replayCount + copies };
}

/**
 * A class-balanced subset of `set`: the first `perClass` images of each class after a seeded
 * shuffle, interleaved class by class (used by scripts/export-replay.ts).
 */
export function balancedSubset(set: LabelledImages, perClass: number, random: () => number): LabelledImages {
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (const i of permutation(set.count, random)) {
    const bucket = byClass[set.labels[i]!]!;
    if (bucket.length < perClass) bucket.push(i);
  }
  const picked: number[] = [];
  for (let k = 0; k < perClass; k++) for (const bucket of byClass) if (k < bucket.length) picked.push(bucket[k]!);
  const images = new Uint8Array(picked.length * IMAGE_PIXELS);
  const labels = new Uint8Array(picked.length);
  picked.forEach((from, i) => {
    images.set(set.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS), i * IMAGE_PIXELS);
    labels[i] = set.labels[from]!;
  });
  return { images, labels, count: picked.length };
}
