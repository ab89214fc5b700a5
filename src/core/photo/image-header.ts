import { readJpegHeader } from './jpeg-header';

/** Image formats recognised by their first bytes. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'avif' | 'heic' | 'tiff' | 'unknown';

/** Why an image file cannot be used (before any decoding). */
export type ImageProblem = 'empty' | 'notImage' | 'damaged' | 'tooLarge';

/** What a file's header says: format, upright size (0 when not parsed), EXIF orientation, problem. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  orientation: number;
  problem: ImageProblem | null;
}

/** Largest image (pixels) decoded: above this a phone may run out of memory (JPEG shrinks while decoding). */
export const MAX_PIXELS = { jpeg: 120e6, other: 40e6 };

/** English text for each problem, for the command line (the app translates the problem key). */
export const PROBLEM_TEXT: Record<ImageProblem, string> = {
  empty: 'the file is empty (0 bytes)',
  notImage: 'this is not an image file (JPEG, PNG, WebP, GIF, AVIF or HEIC expected)',
  damaged: 'the image file is damaged or incomplete',
  tooLarge: 'the image is too large to read safely',
};

const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const le24 = (b: Uint8Array, at: number) => le16(b, at) | (b[at + 2]! << 16);
const le32 = (b: Uint8Array, at: number) => le24(b, at) | (b[at + 3]! << 24);
const be32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function header(format: ImageFormat, width = 0, height = 0, orientation = 1, damaged = false): ImageHeader {
  const limit = format === 'jpeg' ? MAX_PIXELS.jpeg : MAX_PIXELS.other;
  const problem = damaged ? 'damaged' : width * height > limit ? 'tooLarge' : null;
  const swap = orientation >= 5;
  return { format, width: swap ? height : width, height: swap ? width : height, orientation, problem };
}

/** Size of a WebP from its first chunk (lossy VP8, lossless VP8L or extended VP8X). */
function webpSize(b: Uint8Array): [number, number] {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8 ' && b.length >= 30) return [le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff];
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = le32(b, 21);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X' && b.length >= 30) return [le24(b, 24) + 1, le24(b, 27) + 1];
  return [0, 0];
}

/** Recognises an image file from its bytes, reading size and EXIF orientation where cheap. */
export function sniffImage(b: Uint8Array): ImageHeader {
  if (b.length === 0) return { ...header('unknown'), problem: 'empty' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const jpeg = readJpegHeader(b);
    if (!jpeg) return header('jpeg', 0, 0, 1, true);
    return header('jpeg', jpeg.width, jpeg.height, jpeg.orientation, jpeg.truncated);
  }
  if (b.length >= 24 && be32(b, 0) === 0x89504e47 && ascii(b, 12, 16) === 'IHDR') {
    const complete = ascii(b, Math.max(0, b.length - 12), b.length).includes('IEND');
    return header('png', be32(b, 16), be32(b, 20), 1, !complete);
  }
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') {
    const [w, h] = webpSize(b);
    return header('webp', w, h, 1, le16(b, 4) + (le16(b, 6) << 16) + 8 > b.length);
  }
  if (b.length >= 10 && ascii(b, 0, 4) === 'GIF8') return header('gif', le16(b, 6), le16(b, 8));
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') return header('bmp', le32(b, 18), Math.abs(le32(b, 22)));
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brands = ascii(b, 8, Math.min(b.length, 8 + Math.max(8, be32(b, 0) - 8)));
    if (/avif|avis/.test(brands)) return header('avif');
    if (/hei[cxms]|hev[cx]|mif1|msf1/.test(brands)) return header('heic');
  }
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') return header('tiff');
  return { ...header('unknown'), problem: 'notImage' };
}
