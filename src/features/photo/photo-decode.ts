import { sniffImage } from '../../core/photo/image-header';
import { fitInside } from '../../core/photo/raster';
import { errorText } from '../../core/errors';
import { t } from '../../app/i18n';
import { setError } from '../../app/state';
import { classifyPhoto } from './photo';
import { PROBLEM_KEY } from './strings';

/** Long side photos are decoded to (the preprocessing works at 160 px). */
export const DECODE_SIDE = 320;

/** A photo that cannot be used; `message` is already in the interface language. */
export class PhotoFileError extends Error {
  override name = 'PhotoFileError';
}

/**
 * Decodes an image file to upright RGBA pixels, at most `maxSide` a side. Checks the header
 * first (empty, not an image, cut off, too large → clear message), then lets the browser
 * apply EXIF orientation and shrink while decoding, so a 48 MP photo is never drawn full size.
 */
export async function decodePhotoFile(file: Blob, maxSide = DECODE_SIDE): Promise<ImageData> {
  const header = sniffImage(new Uint8Array(await file.arrayBuffer()));
  if (header.problem) throw new PhotoFileError(t(PROBLEM_KEY[header.problem], { w: header.width, h: header.height }));
  const size = header.width && header.height ? fitInside(header.width, header.height, maxSide) : null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      ...(size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' } : {}),
    });
  } catch {
    throw new PhotoFileError(t(header.format === 'heic' ? 'photo.heic' : 'photo.undecodable'));
  }
  try {
    const { width, height } = fitInside(bitmap.width, bitmap.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new PhotoFileError(t('photo.undecodable'));
    ctx.drawImage(bitmap, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

/**
 * Decodes and classifies an image file (`before` runs once it decoded, e.g. to clear the
 * drawing); a file that cannot be used becomes the `error` message.
 */
export async function classifyPhotoFile(file: Blob, before?: () => void): Promise<void> {
  try {
    const image = await decodePhotoFile(file);
    before?.();
    await classifyPhoto(() => image, performance.now());
  } catch (err) {
    setError({ key: 'photo.photoError', params: { detail: errorText(err) } });
  }
}
