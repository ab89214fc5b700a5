import { IMAGE_PIXELS, NUM_CLASSES } from '../classes';
import { MAX_CLASSES } from './classes';
import type { LabelledImages } from '../dataset';
import type { RgbaImage } from '../preprocess';

/** Side of a sample's thumbnail in pixels (grayscale). */
export const THUMB_SIDE = 48;

/** Most photo variants a sample may hold (storage and imports refuse more). */
export const MAX_PHOTO_VARIANTS = 16;

/** One of the user's own training examples. */
export interface Sample {
  id: string;
  /** Class index: 0–9 built-in, 10 and up the user's classes (see core/retrain/classes). */
  label: number;
  /** The 28×28 model input, 0–255 (255 = garment). */
  pixels: Uint8Array;
  /** The source drawing or photo, {@link THUMB_SIDE}² grayscale (255 = white), or null. */
  thumb: Uint8Array | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /**
   * Photo samples only: model inputs of augmented copies of the photo (k×784 bytes, see
   * core/retrain/photo-variants), trained on beside `pixels`. Absent for drawings and older samples.
   */
  variants?: Uint8Array;
}

/** A fresh unique id (`crypto.randomUUID` where available). */
export function newId(prefix: string): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return `${prefix}-${uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}`;
}

/** The model input (0–1 floats) as the bytes a sample stores. */
export function toSamplePixels(input: Float32Array): Uint8Array {
  if (input.length !== IMAGE_PIXELS) throw new RangeError(`Expected ${IMAGE_PIXELS} values, got ${input.length}`);
  const out = new Uint8Array(IMAGE_PIXELS);
  for (let i = 0; i < IMAGE_PIXELS; i++) out[i] = Math.round(Math.min(1, Math.max(0, input[i]!)) * 255);
  return out;
}

/** A {@link THUMB_SIDE}² grayscale thumbnail of an RGBA image (area average, aspect kept, white pad). */
export function grayThumbnail(image: RgbaImage, side = THUMB_SIDE): Uint8Array {
  const out = new Uint8Array(side * side).fill(255);
  const scale = Math.max(image.width, image.height) / side;
  const w = Math.max(1, Math.round(image.width / scale));
  const h = Math.max(1, Math.round(image.height / scale));
  const left = Math.floor((side - w) / 2);
  const top = Math.floor((side - h) / 2);
  for (let ty = 0; ty < h; ty++) {
    const y0 = Math.floor(ty * scale);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((ty + 1) * scale)));
    for (let tx = 0; tx < w; tx++) {
      const x0 = Math.floor(tx * scale);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((tx + 1) * scale)));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const p = (y * image.width + x) * 4;
          const a = image.data[p + 3]! / 255;
          const luma = 0.299 * image.data[p]! + 0.587 * image.data[p + 1]! + 0.114 * image.data[p + 2]!;
          sum += luma * a + 255 * (1 - a);
        }
      }
      out[(top + ty) * side + left + tx] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return out;
}

/** True when `value` is a well-formed sample (used on everything read from storage or a file). */
export function isSample(value: unknown): value is Sample {
  const s = value as Partial<Sample> | null;
  return (
    !!s &&
    typeof s.id === 'string' &&
    Number.isInteger(s.label) &&
    s.label! >= 0 &&
    s.label! < MAX_CLASSES &&
    s.pixels instanceof Uint8Array &&
    s.pixels.length === IMAGE_PIXELS &&
    (s.thumb === null || (s.thumb instanceof Uint8Array && s.thumb.length === THUMB_SIDE * THUMB_SIDE)) &&
    typeof s.createdAt === 'number' &&
    (s.variants === undefined ||
      (s.variants instanceof Uint8Array &&
        s.variants.length % IMAGE_PIXELS === 0 &&
        s.variants.length <= MAX_PHOTO_VARIANTS * IMAGE_PIXELS))
  );
}

/** Samples as a labelled image set (in the given order). */
export function toImageSet(samples: readonly Sample[]): LabelledImages {
  const images = new Uint8Array(samples.length * IMAGE_PIXELS);
  const labels = new Uint8Array(samples.length);
  samples.forEach((s, i) => {
    images.set(s.pixels, i * IMAGE_PIXELS);
    labels[i] = s.label;
  });
  return { images, labels, count: samples.length };
}

/** Number of images a sample trains with: its input and its photo variants. */
export const imagesOf = (s: Sample): number => 1 + (s.variants?.length ?? 0) / IMAGE_PIXELS;

/**
 * The samples as a training set: each sample's input followed by its photo variants, all with
 * the sample's label (held-out samples are measured with {@link toImageSet}, without variants).
 */
export function toTrainingSet(samples: readonly Sample[]): LabelledImages {
  const count = samples.reduce((n, s) => n + imagesOf(s), 0);
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const s of samples) {
    images.set(s.pixels, at * IMAGE_PIXELS);
    if (s.variants) images.set(s.variants, (at + 1) * IMAGE_PIXELS);
    labels.fill(s.label, at, at + imagesOf(s));
    at += imagesOf(s);
  }
  return { images, labels, count };
}

/** Small stable hash of a string (FNV-1a), so a sample's hold-out fate does not depend on list order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The user's samples split for a run: trained on, and held out to measure the result. */
export interface SampleSplit {
  train: Sample[];
  heldOut: Sample[];
  /** False when there were too few samples to hold any out: measure on all of them instead. */
  hasHoldOut: boolean;
}

/** Smallest number of samples a class needs before a share of it is held out. */
export const MIN_FOR_HOLD_OUT = 5;

/**
 * Holds out, per class, `share` (default 20 %) of that class's samples, rounded down but at
 * least one, from classes with at least {@link MIN_FOR_HOLD_OUT} samples; smaller classes hold
 * none, and a class never loses its last sample. Within a class the choice follows a hash of the
 * ids, so it is repeatable and independent of list order.
 */
export function splitSamples(samples: readonly Sample[], share = 0.2): SampleSplit {
  // Per class rather than overall: an overall 20 % can take a third of a small class the user
  // just taught (it did in the photo validation), leaving the run too few of its examples.
  const byClass = new Map<number, Sample[]>();
  for (const s of samples) {
    const list = byClass.get(s.label);
    if (list) list.push(s);
    else byClass.set(s.label, [s]);
  }
  const held = new Set<string>();
  for (const list of byClass.values()) {
    if (list.length < MIN_FOR_HOLD_OUT) continue;
    const n = Math.min(list.length - 1, Math.max(1, Math.floor(list.length * share)));
    const ranked = [...list].sort((a, b) => hash(a.id) - hash(b.id) || a.id.localeCompare(b.id));
    for (const s of ranked.slice(0, n)) held.add(s.id);
  }
  if (held.size === 0) return { train: [...samples], heldOut: [], hasHoldOut: false };
  return {
    train: samples.filter((s) => !held.has(s.id)),
    heldOut: samples.filter((s) => held.has(s.id)),
    hasHoldOut: true,
  };
}

/** Number of samples per class (at least the ten built-in ones, more when labels go beyond). */
export function countByClass(samples: readonly Sample[]): number[] {
  const classes = samples.reduce((n, s) => Math.max(n, s.label + 1), NUM_CLASSES);
  const counts = new Array<number>(classes).fill(0);
  for (const s of samples) counts[s.label]!++;
  return counts;
}
