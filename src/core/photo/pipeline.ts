import type { Box, RgbaImage } from '../preprocess';
import { maskBox, toFashionMnist, whiteBackgroundCrop, type FashionMnistOptions } from './to-28x28';
import { downscaleOverWhite, type Mask, type Plane } from './raster';
import { segmentGarment, type SegmentQuality } from './segment';

/** Long side, in pixels, at which photos are segmented (plenty for a 28×28 result, and fast). */
export const WORK_SIDE = 160;

/** Options of {@link preprocessPhoto}. */
export interface PhotoOptions extends FashionMnistOptions {
  /** Long side of the working copy (default {@link WORK_SIDE}). */
  workSide?: number;
}

/** Every step from photo to model input, for display and for tests. */
export interface PhotoSteps {
  /** The photo at working resolution, opaque (transparency composited over white). */
  photo: RgbaImage;
  /** Garment mask at working resolution (1 = garment). */
  mask: Mask;
  /** Bounding box of the mask in `photo`, or null when no garment was found. */
  box: Box | null;
  /** Grayscale garment crop on white (1 = white), or null. */
  crop: Plane | null;
  /** The 28×28 model input (1 = garment), or null when no garment was found. */
  input: Float32Array | null;
  quality: SegmentQuality;
}

/** Default tuning for photos, shared by the app, `npm run classify` and the photo trainer. */
export const PHOTO_DEFAULTS: Required<PhotoOptions> = { workSide: WORK_SIDE, sharpen: 1, stretch: true };

/**
 * Turns a photo of one garment (any background) into Fashion-MNIST's format, keeping the steps:
 * downscale, segment the garment from the background, crop it onto white, then Xiao et al.'s
 * resize, sharpen, pad, centre and negate.
 */
export function preprocessPhoto(image: RgbaImage, options: PhotoOptions = {}): PhotoSteps {
  const o = { ...PHOTO_DEFAULTS, ...options };
  const photo = downscaleOverWhite(image, o.workSide);
  const { mask, quality } = segmentGarment(photo);
  const box = maskBox(mask);
  const crop = box ? whiteBackgroundCrop(photo, mask, box) : null;
  const input = crop ? toFashionMnist(crop, o) : null;
  return { photo, mask, box, crop, input, quality };
}
