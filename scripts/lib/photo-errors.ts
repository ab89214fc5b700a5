import sharp from 'sharp';
import { CLASS_NAMES, IMAGE_PIXELS, IMAGE_SIDE } from '../../src/core/classes';
import { groupOf, PHOTO_FOLDERS } from '../../src/core/photo/folders';
import { verdictOf, type VerdictThresholds } from '../../src/core/photo/verdict';
import type { ScoredPhotos } from './photo-cv-report';

/** One kind of coarse error: photos of `folder` whose top class `top` is in another group. */
export interface CoarseErrorKind {
  folder: string;
  top: number;
  /** How many of them, and how many of those were answered "sure". */
  count: number;
  sure: number;
}

/** The coarse errors of `probs` (n × 10): kinds, most frequent first, and the photos of each folder. */
export function coarseErrors(
  photos: ScoredPhotos,
  probs: Float32Array,
  t: VerdictThresholds,
): { kinds: CoarseErrorKind[]; byFolder: Map<string, number[]> } {
  const kinds = new Map<string, CoarseErrorKind>();
  const byFolder = new Map<string, number[]>();
  photos.folders.forEach((folder, i) => {
    const group = PHOTO_FOLDERS[folder]?.group;
    if (!group) return;
    const p = probs.subarray(i * 10, i * 10 + 10);
    const v = verdictOf(p, photos.found[i] ? photos.quality[i]! : null, t);
    if (groupOf(v.top) === group) return;
    const key = `${folder}/${v.top}`;
    const kind = kinds.get(key) ?? { folder, top: v.top, count: 0, sure: 0 };
    kind.count++;
    if (v.sure) kind.sure++;
    kinds.set(key, kind);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), i]);
  });
  return { kinds: [...kinds.values()].sort((a, b) => b.count - a.count), byFolder };
}

/** One line per error kind: count, sure count, folder → class name. */
export function coarseErrorLines(kinds: readonly CoarseErrorKind[]): string[] {
  return kinds.map((k) => `${String(k.count).padStart(4)} (${k.sure} sure)  ${k.folder} → ${CLASS_NAMES.en[k.top]}`);
}

/**
 * Writes the 28×28 inputs `indices` of `images` (n × 784, 0 = background) as one PNG, `cols` a
 * row, each scaled `scale` times and shown dark on light (as a garment on paper) for looking at.
 */
export async function saveInputMontage(
  file: string,
  images: Uint8Array,
  indices: readonly number[],
  cols = 8,
  scale = 3,
): Promise<void> {
  const rows = Math.max(1, Math.ceil(indices.length / cols));
  const width = cols * IMAGE_SIDE;
  const pixels = new Uint8Array(width * rows * IMAGE_SIDE).fill(128);
  indices.forEach((i, k) => {
    const ox = (k % cols) * IMAGE_SIDE;
    const oy = Math.floor(k / cols) * IMAGE_SIDE;
    for (let y = 0; y < IMAGE_SIDE; y++)
      for (let x = 0; x < IMAGE_SIDE; x++)
        pixels[(oy + y) * width + ox + x] = 255 - images[i * IMAGE_PIXELS + y * IMAGE_SIDE + x]!;
  });
  await sharp(Buffer.from(pixels), { raw: { width, height: rows * IMAGE_SIDE, channels: 1 } })
    .resize(width * scale, rows * IMAGE_SIDE * scale, { kernel: 'nearest' })
    .png()
    .toFile(file);
}
