// Decoding a user's image file to pixels, shared by the photo view (page) and the album (worker).
import { sniffImage, type ImageProblem } from '../core/photo/image-header';
import { fitInside } from '../core/photo/raster';

/** Why a file gave no pixels: a problem its header shows, or a decode that failed. */
export type DecodeProblem = ImageProblem | 'heic' | 'undecodable';

/** Upright RGBA pixels of a file, or why there are none (with the size the header gave). */
export type DecodedImage =
  { ok: true; image: ImageData } | { ok: false; problem: DecodeProblem; width: number; height: number };

/** A 2D context of `width` × `height` for reading pixels back: offscreen where it exists (workers too). */
function readbackContext(
  width: number,
  height: number,
): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (typeof OffscreenCanvas !== 'undefined') {
    return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
}

/**
 * Decodes `file` to upright RGBA pixels, at most `maxSide` a side. Checks the header first (empty,
 * not an image, cut off, too large), then lets the browser apply the EXIF orientation and shrink
 * while decoding, so a 12–48 MP photo is never held at full size.
 */
export async function decodeImageFile(file: Blob, maxSide: number): Promise<DecodedImage> {
  const header = sniffImage(new Uint8Array(await file.arrayBuffer()));
  const fail = (problem: DecodeProblem): DecodedImage => ({
    ok: false,
    problem,
    width: header.width,
    height: header.height,
  });
  if (header.problem) return fail(header.problem);
  const size = header.width && header.height ? fitInside(header.width, header.height, maxSide) : null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      ...(size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' } : {}),
    });
  } catch {
    return fail(header.format === 'heic' ? 'heic' : 'undecodable');
  }
  try {
    // The header's size may disagree with the decoded one (EXIF rotation, unreadable header).
    const { width, height } = fitInside(bitmap.width, bitmap.height, maxSide);
    const ctx = readbackContext(width, height);
    if (!ctx) return fail('undecodable');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return { ok: true, image: ctx.getImageData(0, 0, width, height) };
  } finally {
    bitmap.close();
  }
}
