import type { WeightSpec } from './bundle-schema';
import { ImportError } from './import-error';

const BYTES_PER_VALUE = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 } as const;

/** Bytes one weight takes in a weights file (its quantized size when quantized). */
export function weightBytes(spec: WeightSpec): number {
  const values = spec.shape.reduce((a, b) => a * b, 1);
  return values * BYTES_PER_VALUE[spec.quantization?.dtype ?? spec.dtype];
}

/** Bytes a list of weights takes, laid end to end as tfjs writes them. */
export function totalWeightBytes(specs: readonly WeightSpec[]): number {
  return specs.reduce((sum, s) => sum + weightBytes(s), 0);
}

/** Number of values (parameters) of a list of weights. */
export function parameterCount(specs: readonly WeightSpec[]): number {
  return specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** Index of the first NaN or infinite value of one weight's bytes, or -1. */
function firstNonFinite(bytes: Uint8Array, spec: WeightSpec): number {
  const kind = spec.quantization?.dtype ?? spec.dtype;
  if (kind !== 'float32' && kind !== 'float16') return -1; // integers are always finite
  const copy = bytes.slice(); // aligned, whatever the offset in the file
  if (kind === 'float32') return new Float32Array(copy.buffer).findIndex((x) => !Number.isFinite(x));
  // float16: an all-ones exponent is an infinity or a NaN.
  return new Uint16Array(copy.buffer).findIndex((h) => (h & 0x7c00) === 0x7c00);
}

/**
 * Checks that `data` holds exactly the weights `specs` describe (a byte too many or too few is
 * refused) and that every float value is finite; `file` names the data in messages.
 */
export function checkWeightData(specs: readonly WeightSpec[], data: Uint8Array, file: string): void {
  const need = totalWeightBytes(specs);
  if (data.length !== need) {
    const gap =
      data.length > need
        ? `${grouped(data.length - need)} bytes too long`
        : `${grouped(need - data.length)} bytes too short`;
    throw new ImportError(
      'weights',
      file,
      `${gap}: the weights need ${grouped(need)} bytes, the file has ${grouped(data.length)}`,
    );
  }
  let offset = 0;
  for (const spec of specs) {
    const size = weightBytes(spec);
    const bad = firstNonFinite(data.subarray(offset, offset + size), spec);
    if (bad >= 0)
      throw new ImportError('weights', file, `weight ${spec.name} holds a NaN or infinite value (at index ${bad})`);
    offset += size;
  }
}
