/** What the JPEG markers tell before decoding. */
export interface JpegInfo {
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 = upright, 5–8 swap width and height). */
  orientation: number;
  /** True when the file ends before its end-of-image marker (a cut-off download or copy). */
  truncated: boolean;
}

const u16 = (b: Uint8Array, at: number, little = false): number =>
  little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number, little: boolean): number =>
  little ? (u16(b, at + 2, true) << 16) + u16(b, at, true) : (u16(b, at) << 16) + u16(b, at + 2);

/** EXIF orientation from an APP1 payload starting at `at` ("Exif\0\0" + TIFF), 1 when absent. */
function exifOrientation(b: Uint8Array, at: number, end: number): number {
  if (String.fromCharCode(...b.subarray(at, at + 4)) !== 'Exif') return 1;
  const tiff = at + 6;
  if (tiff + 8 > end) return 1;
  const little = b[tiff] === 0x49;
  const ifd = tiff + u32(b, tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const entries = u16(b, ifd, little);
  for (let e = 0; e < entries; e++) {
    const entry = ifd + 2 + e * 12;
    if (entry + 12 > end) break;
    if (u16(b, entry, little) === 0x0112) {
      const v = u16(b, entry + 8, little);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Walks the marker segments of a JPEG up to its first scan; null when the headers are cut or broken. */
export function readJpegHeader(b: Uint8Array): JpegInfo | null {
  let at = 2;
  let width = 0;
  let height = 0;
  let orientation = 1;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = u16(b, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) return null;
    if (marker === 0xe1) orientation = exifOrientation(b, at + 4, end);
    if (isSof(marker) && end >= at + 9) {
      height = u16(b, at + 5);
      width = u16(b, at + 7);
    }
    if (marker === 0xda) {
      if (!width || !height) return null;
      return { width, height, orientation, truncated: !hasEndMarker(b, end) };
    }
    at = end;
  }
  return null;
}

/** True when an end-of-image marker (FF D9) follows the scan data starting at `from`. */
function hasEndMarker(b: Uint8Array, from: number): boolean {
  for (let i = b.indexOf(0xff, from); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    if (b[i + 1] === 0xd9) return true;
  }
  return false;
}
