import { IMAGE_PIXELS } from '../classes';
import { augmentPhoto } from '../photo/augment-photo';
import { preprocessPhoto } from '../photo/pipeline';
import type { RgbaImage } from '../preprocess';
import { toSamplePixels } from './samples';

/**
 * Augmented variants stored with a photo sample. Each is another plausible shot of the same
 * garment through the whole photo pipeline (segmentation, crop, 28×28), which the 28×28 shifts
 * of training cannot imitate: a new class learnt from 16 photos needs them (README "Your own classes").
 */
export const PHOTO_VARIANTS = 8;

/**
 * `count` model inputs (k×784 bytes, 255 = garment) of randomly augmented copies of `photo` (the
 * photo at working resolution), each run through the photo pipeline; variants in which no
 * garment is found are left out, so the result may be shorter.
 */
export function photoVariants(photo: RgbaImage, count: number, random: () => number): Uint8Array {
  const out = new Uint8Array(count * IMAGE_PIXELS);
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const { input } = preprocessPhoto(augmentPhoto(photo, random));
    if (!input) continue;
    out.set(toSamplePixels(input), kept * IMAGE_PIXELS);
    kept++;
  }
  return out.slice(0, kept * IMAGE_PIXELS);
}
