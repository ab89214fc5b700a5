// One album photo from file to model input, where it runs (the album's worker, or the page when no
// worker starts): header check, a decode that shrinks while decoding, the shared photo pipeline,
// a JPEG thumbnail of the 160 px working copy. No DOM: createImageBitmap and OffscreenCanvas only.
import { sniffImage, type ImageProblem } from '../../core/photo/image-header';
import { preprocessPhoto } from '../../core/photo/pipeline';
import { fitInside } from '../../core/photo/raster';
import type { SegmentQuality } from '../../core/photo/segment';
import type { RgbaImage } from '../../core/preprocess';

/** Long side photos are decoded to, as in the photo view (the pipeline works at 160 px). */
export const ALBUM_DECODE_SIDE = 320;

/** Why a file gave no model input: the header's problems, or a decode failure. */
export type AlbumProblem = ImageProblem | 'heic' | 'undecodable';

/** A decoded album photo: its 28×28 input (null: no garment stands out) and what the page shows. */
export interface AlbumDecoded {
  ok: true;
  input: Float32Array | null;
  quality: SegmentQuality;
  /** The working copy (long side 160 px): the album's thumbnail and a retraining sample's. */
  photo: RgbaImage;
}

/** A file that cannot be used, and why. */
export interface AlbumFailure {
  ok: false;
  problem: AlbumProblem;
  width: number;
  height: number;
}

/** The outcome for one file. */
export type AlbumDecodeResult = AlbumDecoded | AlbumFailure;

/** Decodes `file` (at most {@link ALBUM_DECODE_SIDE} a side) and runs the photo pipeline on it. */
export async function decodeForAlbum(file: Blob): Promise<AlbumDecodeResult> {
  const header = sniffImage(new Uint8Array(await file.arrayBuffer()));
  const fail = (problem: AlbumProblem): AlbumFailure => ({
    ok: false,
    problem,
    width: header.width,
    height: header.height,
  });
  if (header.problem) return fail(header.problem);
  // Shrinking inside createImageBitmap means a 12 MP photo is never held at full size.
  const size = header.width && header.height ? fitInside(header.width, header.height, ALBUM_DECODE_SIDE) : null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      ...(size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' } : {}),
    });
  } catch {
    return fail(header.format === 'heic' ? 'heic' : 'undecodable');
  }
  let image: ImageData;
  try {
    const { width, height } = fitInside(bitmap.width, bitmap.height, ALBUM_DECODE_SIDE);
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) return fail('undecodable');
    ctx.drawImage(bitmap, 0, 0, width, height);
    image = ctx.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
  const steps = preprocessPhoto(image);
  return {
    ok: true,
    input: steps.input,
    quality: steps.quality,
    photo: steps.photo,
  };
}
