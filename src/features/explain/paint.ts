import { IMAGE_PIXELS, IMAGE_SIDE } from '../../core/classes';
import { divergingRgba } from '../../core/explain/diverging-colour';

/**
 * The map drawn over the input: the garment as light grey on white (so the colours read), each
 * pixel blended towards red or blue by the map's strength there.
 */
export function overlayRgba(input: Float32Array, map: Float32Array): Uint8ClampedArray<ArrayBuffer> {
  const colour = divergingRgba(map);
  const out = new Uint8ClampedArray(IMAGE_PIXELS * 4);
  for (let i = 0; i < IMAGE_PIXELS; i++) {
    const grey = 255 - Math.round((input[i] ?? 0) * 110);
    const a = colour[i * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(grey * (1 - a) + colour[i * 4 + c]! * a);
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** A replay image (0–255, 255 = garment) as the Evaluation gallery draws test images: dark on white. */
export function garmentRgba(pixels: Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(IMAGE_PIXELS * 4);
  for (let i = 0; i < IMAGE_PIXELS; i++) {
    const v = 255 - (pixels[i] ?? 0);
    out.set([v, v, v, 255], i * 4);
  }
  return out;
}

/** Puts 28×28 RGBA pixels on `canvas`. */
export function paint(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray<ArrayBuffer>): void {
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, IMAGE_SIDE, IMAGE_SIDE), 0, 0);
}

/** The map's values as the `data-values` test hook carries them: 784 numbers, 4 significant digits. */
export function mapValuesText(map: Float32Array): string {
  return Array.from(map, (v) => (v === 0 ? '0' : v.toPrecision(4))).join(',');
}
