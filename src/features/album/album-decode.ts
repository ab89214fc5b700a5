// One album photo from file to model input, where it runs (the album's worker, or the page when no
// worker starts): header check, a decode that shrinks while decoding, the shared photo pipeline,
// a JPEG thumbnail of the 160 px working copy. No DOM: createImageBitmap and OffscreenCanvas only.
import { preprocessPhoto } from '../../core/photo/pipeline';
import type { SegmentQuality } from '../../core/photo/segment';
import type { RgbaImage } from '../../core/preprocess';
import { decodeImageFile, type DecodeProblem } from '../../ui/decode-image';

/** Long side photos are decoded to, as in the photo view (the pipeline works at 160 px). */
export const ALBUM_DECODE_SIDE = 320;

/** Why a file gave no model input: the header's problems, or a decode failure. */
export type AlbumProblem = DecodeProblem;

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
  const decoded = await decodeImageFile(file, ALBUM_DECODE_SIDE);
  if (!decoded.ok) return decoded;
  const steps = preprocessPhoto(decoded.image);
  return {
    ok: true,
    input: steps.input,
    quality: steps.quality,
    photo: steps.photo,
  };
}
