import { errorText } from '../../core/errors';
import { t } from '../../app/i18n';
import { setError } from '../../app/state';
import { decodeImageFile } from '../../ui/decode-image';
import { classifyPhoto } from './photo';
import { PROBLEM_KEY } from './strings';

/** Long side photos are decoded to (the preprocessing works at 160 px). */
export const DECODE_SIDE = 320;

/** A photo that cannot be used; `message` is already in the interface language. */
export class PhotoFileError extends Error {
  override name = 'PhotoFileError';
}

/** Decodes an image file to upright RGBA pixels, at most `maxSide` a side; a clear error otherwise. */
export async function decodePhotoFile(file: Blob, maxSide = DECODE_SIDE): Promise<ImageData> {
  const decoded = await decodeImageFile(file, maxSide);
  if (decoded.ok) return decoded.image;
  const { problem, width: w, height: h } = decoded;
  if (problem === 'heic') throw new PhotoFileError(t('photo.heic'));
  if (problem === 'undecodable') throw new PhotoFileError(t('photo.undecodable'));
  throw new PhotoFileError(t(PROBLEM_KEY[problem], { w, h }));
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
