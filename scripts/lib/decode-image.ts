import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { MAX_PIXELS, PROBLEM_TEXT, sniffImage, type ImageHeader } from '../../src/core/photo/image-header';
import type { RgbaImage } from '../../src/core/preprocess';

/** Long side photos are decoded to: enough for the 160 px working copy, cheap for 48 MP originals. */
export const DECODE_SIDE = 320;

/** An image file decoded to RGBA, upright (EXIF orientation applied) and shrunk while decoding. */
export interface DecodedImage extends RgbaImage {
  header: ImageHeader;
}

/**
 * Reads JPEG, PNG, WebP, GIF, AVIF or TIFF with sharp (libvips): checks the header first for a
 * clear message on empty, non-image, damaged or oversized files, then applies EXIF orientation
 * and shrinks to at most `maxSide` pixels a side (JPEG shrink-on-load: never the full 48 MP).
 */
export async function decodeImageFile(path: string, maxSide = DECODE_SIDE): Promise<DecodedImage> {
  const bytes = new Uint8Array(readFileSync(path));
  const header = sniffImage(bytes);
  if (header.problem === 'tooLarge') {
    throw new Error(
      `${PROBLEM_TEXT.tooLarge} (${header.width} × ${header.height} pixels, over ${MAX_PIXELS.other / 1e6} MP)`,
    );
  }
  if (header.problem) throw new Error(PROBLEM_TEXT[header.problem]);
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: 40_000 * 40_000 })
      .rotate()
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      header,
    };
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const message =
      header.format === 'heic'
        ? 'cannot decode this HEIC photo (no HEVC decoder here); convert it to JPEG'
        : `cannot decode this ${header.format.toUpperCase()} (${detail}); the file may be damaged`;
    throw new Error(message, { cause: err });
  }
}
