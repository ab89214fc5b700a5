import { gunzipSync } from 'fflate';

/** A decoded IDX file: its dimensions and unsigned-byte payload. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/** Raised when a file is not a well-formed unsigned-byte IDX file; names the file. */
export class IdxFormatError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'IdxFormatError';
  }
}

const UNSIGNED_BYTE = 0x08;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Parses an IDX file (raw or gzip-compressed) of unsigned bytes.
 * `file` is used only in error messages. `expectedRank` guards against swapping
 * the images and labels files.
 */
export function parseIdx(bytes: Uint8Array, file: string, expectedRank?: number): IdxArray {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes);
    } catch (err) {
      throw new IdxFormatError(file, `gzip data is corrupt or truncated (${String(err)})`);
    }
  }
  if (raw.length < 4) throw new IdxFormatError(file, `only ${raw.length} bytes, too short for an IDX header`);
  if (raw[0] !== 0 || raw[1] !== 0) {
    const magic = Array.from(raw.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    throw new IdxFormatError(file, `wrong magic number 0x${magic}: not an IDX file`);
  }
  if (raw[2] !== UNSIGNED_BYTE) {
    throw new IdxFormatError(file, `data type 0x${raw[2]!.toString(16)} is not unsigned byte (0x08)`);
  }
  const rank = raw[3]!;
  if (rank < 1 || rank > 4) throw new IdxFormatError(file, `rank ${rank} is out of range 1–4`);
  if (expectedRank !== undefined && rank !== expectedRank) {
    throw new IdxFormatError(file, `rank ${rank}, expected ${expectedRank}`);
  }
  const headerLength = 4 + 4 * rank;
  if (raw.length < headerLength) throw new IdxFormatError(file, 'truncated inside the header');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = raw.length - headerLength;
  if (actual < expected) {
    throw new IdxFormatError(
      file,
      `truncated: header ${dims.join('×')} needs ${expected} bytes of data, found ${actual}`,
    );
  }
  if (actual > expected) {
    throw new IdxFormatError(file, `${actual - expected} unexpected bytes after the ${dims.join('×')} data`);
  }
  return { dims, data: raw.subarray(headerLength) };
}

/** Encodes an unsigned-byte IDX file (used by tests and tools). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = UNSIGNED_BYTE;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}
