import * as v from 'valibot';
import { IMAGE_PIXELS } from '../classes';
import { MAX_PHOTO_VARIANTS, THUMB_SIDE } from './samples';
import { isClassList, MAX_CLASS_NAME } from './classes';

const finite = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const share = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)));
const accuracies = v.object({ user: share, test: share });
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** meta.json of a bundle, and a version's record in storage (unknown keys are dropped). */
export const versionMetaSchema = v.object({
  id: name,
  createdAt: nonNegative,
  source: v.picklist(['retrain', 'import']),
  baseModelId: v.string(),
  samples: count,
  heldOut: count,
  epochs: count,
  learningRate: nonNegative,
  backend: v.string(),
  seconds: nonNegative,
  before: accuracies,
  after: accuracies,
  name: v.optional(v.string()),
  classes: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CLASS_NAME * 2))),
      v.check(
        (list: string[]) => isClassList(list),
        'must name distinct classes, none a built-in one, at most 30 in all',
      ),
    ),
  ),
});

const quantization = v.variant('dtype', [
  v.object({
    dtype: v.picklist(['uint8', 'uint16']),
    scale: finite,
    min: finite,
    original_dtype: v.optional(v.string()),
  }),
  v.object({
    dtype: v.literal('float16'),
    scale: v.optional(finite),
    min: v.optional(finite),
    original_dtype: v.optional(v.string()),
  }),
]);

/** One weight of a tfjs weights manifest (strings and complex numbers are not model weights Prenda reads). */
export const weightSpecSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  shape: v.array(count),
  dtype: v.picklist(['float32', 'int32', 'bool']),
  group: v.optional(v.string()),
  quantization: v.optional(quantization),
});

/** A weight spec after validation. */
export type WeightSpec = v.InferOutput<typeof weightSpecSchema>;

const kerasModel = v.looseObject({ class_name: v.string(), config: v.looseObject({}) });

/** A tfjs layers model.json: topology plus weights manifest (other keys are kept as they are). */
export const modelJsonSchema = v.looseObject({
  format: v.optional(v.string()),
  modelTopology: v.union([kerasModel, v.looseObject({ model_config: kerasModel })]),
  weightsManifest: v.array(
    v.object({
      paths: v.array(v.pipe(v.string(), v.minLength(1))),
      weights: v.array(weightSpecSchema),
    }),
  ),
});

const fromBase64 = (text: string): Uint8Array | null => {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
};

/** Base64 text decoding to exactly `length` bytes. */
/** Byte-length check: exactly `length`, or with `multiple` any whole number of `length`-byte images up to `length × most`. */
const lengthProblem = (bytes: number, length: number, most: number): string | null =>
  most === 1
    ? bytes === length
      ? null
      : `must hold ${length} bytes, holds ${bytes}`
    : bytes % length === 0 && bytes <= length * most
      ? null
      : `must hold a multiple of ${length} bytes up to ${length * most}, holds ${bytes}`;

const base64Bytes = (length: number, most = 1) =>
  v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const bytes = fromBase64(dataset.value);
      if (!bytes) {
        addIssue({ message: 'is not base64 text' });
        return NEVER;
      }
      const problem = lengthProblem(bytes.length, length, most);
      if (problem) {
        addIssue({ message: problem });
        return NEVER;
      }
      return bytes;
    }),
  );

const label = (classes: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(classes - 1));
const uniqueIds = <T extends { id: string }>(list: T[]): boolean => new Set(list.map((s) => s.id)).size === list.length;

/** samples.json of a bundle: pixels and thumbnails as base64, labels below `classes`, ids unique. */
export const samplesFileSchema = (classes: number) =>
  v.object({
    version: v.literal(1),
    samples: v.pipe(
      v.array(
        v.object({
          id: name,
          label: label(classes),
          createdAt: nonNegative,
          pixels: base64Bytes(IMAGE_PIXELS),
          thumb: v.nullable(base64Bytes(THUMB_SIDE * THUMB_SIDE)),
          variants: v.optional(base64Bytes(IMAGE_PIXELS, MAX_PHOTO_VARIANTS)),
        }),
      ),
      v.check((list) => uniqueIds(list), 'must not name a sample id twice'),
    ),
  });

const bytesOf = (length: number, most = 1) =>
  v.pipe(
    v.instance(Uint8Array),
    v.check(
      (b) => lengthProblem(b.length, length, most) === null,
      most === 1 ? `must hold ${length} bytes` : `must hold a multiple of ${length} bytes up to ${length * most}`,
    ),
  );

/** A sample as IndexedDB stores it. */
export const storedSampleSchema = (classes: number) =>
  v.object({
    id: name,
    label: label(classes),
    createdAt: nonNegative,
    pixels: bytesOf(IMAGE_PIXELS),
    thumb: v.nullable(bytesOf(THUMB_SIDE * THUMB_SIDE)),
    variants: v.optional(bytesOf(IMAGE_PIXELS, MAX_PHOTO_VARIANTS)),
  });

/** A version's weights record as IndexedDB stores it (the byte length is checked against the specs apart). */
export const storedWeightsSchema = v.object({
  id: name,
  topology: v.looseObject({}),
  weightSpecs: v.array(weightSpecSchema),
  weightData: v.instance(ArrayBuffer),
});
