import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { preprocessPhoto, type PhotoOptions } from '../../src/core/photo/pipeline';
import type { SegmentQuality } from '../../src/core/photo/segment';
import type { RgbaImage } from '../../src/core/preprocess';
import { seededRandom } from '../../src/core/random';
import { decodeImageFile } from './decode-image';

/** One photo of a folder-per-label collection. */
export interface PhotoItem {
  file: string;
  folder: string;
}

const IMAGE_FILE = /\.(jpe?g|png|webp|gif|avif|bmp|tiff?)$/i;

/** Photos of `dir`/<folder>/*, sorted by folder then name. */
export function listPhotoFolder(dir: string): PhotoItem[] {
  if (!existsSync(dir)) throw new Error(`Photo folder ${dir} does not exist`);
  const items: PhotoItem[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const sub = join(dir, folder);
    if (!statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub).sort()) if (IMAGE_FILE.test(f)) items.push({ file: join(sub, f), folder });
  }
  return items;
}

/** Preprocessed 28×28 inputs (uint8, 0 = background) of a list of photos; `found` = 0 when no garment. */
export interface PhotoInputs {
  items: PhotoItem[];
  images: Uint8Array;
  found: Uint8Array;
  /** Segmentation quality per photo: area, contrast, border touch. */
  quality: SegmentQuality[];
}

/** Splits the cache layout [images n×784 | found n | pad | quality n×3 float32] into its parts. */
function unpack(items: PhotoItem[], bytes: Uint8Array): PhotoInputs {
  const n = items.length;
  const qAt = Math.ceil((n * (IMAGE_PIXELS + 1)) / 4) * 4;
  const q = new Float32Array(bytes.buffer, bytes.byteOffset + qAt, n * 3);
  const quality = Array.from({ length: n }, (_, i) => ({
    area: q[i * 3]!,
    contrast: q[i * 3 + 1]!,
    borderTouch: q[i * 3 + 2]!,
  }));
  return {
    items,
    images: bytes.subarray(0, n * IMAGE_PIXELS),
    found: bytes.subarray(n * IMAGE_PIXELS, n * (IMAGE_PIXELS + 1)),
    quality,
  };
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Source text without comments, blanks and punctuation that formatting moves around. */
const codeOf = (path: string): string =>
  readFileSync(path, 'utf8')
    .replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')
    .replace(/[\s,;()]/g, '');

/** The code that shapes a photo's 28×28 input (verdict thresholds, scoring and headers do not). */
const PIPELINE_FILES = [
  'background',
  'colour',
  'to-28x28',
  'morphology',
  'otsu',
  'pipeline',
  'raster',
  'refine',
  'segment',
].map((f) => `src/core/photo/${f}.ts`);

/** Hash of the preprocessing code and options: cached inputs go stale when either changes. */
function pipelineKey(extra: unknown): string {
  const h = createHash('sha256');
  for (const f of [
    ...PIPELINE_FILES,
    'src/core/preprocess.ts',
    'scripts/lib/decode-image.ts',
    'src/core/photo/augment-photo.ts',
  ]) {
    h.update(codeOf(join(ROOT, f)));
  }
  return h.update(JSON.stringify(extra)).digest('hex').slice(0, 16);
}

/**
 * Decodes and preprocesses `items` (with `transform` applied to each decoded photo, e.g. a
 * random augmentation), caching the result in .cache/photo-inputs keyed by files and code.
 */
export async function photoInputs(
  items: PhotoItem[],
  options: PhotoOptions = {},
  transform?: { name: string; seed: number; apply: (img: RgbaImage, random: () => number) => RgbaImage },
): Promise<PhotoInputs> {
  const key = pipelineKey({
    files: items.map((i) => basename(i.file)),
    options,
    t: transform && [transform.name, transform.seed],
  });
  const cacheDir = join(ROOT, '.cache/photo-inputs');
  const cached = join(cacheDir, `${key}.bin`);
  const n = items.length;
  const qAt = Math.ceil((n * (IMAGE_PIXELS + 1)) / 4) * 4;
  if (existsSync(cached)) {
    const bytes = new Uint8Array(readFileSync(cached));
    if (bytes.length === qAt + n * 12) return unpack(items, bytes);
  }
  const bytes = new Uint8Array(qAt + n * 12);
  const q = new Float32Array(bytes.buffer, qAt, n * 3);
  const random = seededRandom(transform?.seed ?? 1);
  for (let i = 0; i < n; i++) {
    let image: RgbaImage = await decodeImageFile(items[i]!.file);
    if (transform) image = transform.apply(image, random);
    const { input, quality } = preprocessPhoto(image, options);
    q.set([quality.area, quality.contrast, quality.borderTouch], i * 3);
    if (input) for (let p = 0; p < IMAGE_PIXELS; p++) bytes[i * IMAGE_PIXELS + p] = Math.round(input[p]! * 255);
    bytes[n * IMAGE_PIXELS + i] = input ? 1 : 0;
    if ((i + 1) % 500 === 0) console.log(`  preprocessed ${i + 1}/${n} photos`);
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${cached}.part`, bytes);
  renameSync(`${cached}.part`, cached);
  return unpack(items, bytes);
}
