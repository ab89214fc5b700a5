// Quantized weights in the tfjs layers format: each float32 weight of weightsManifest may carry
// `quantization: {dtype: 'float16'}` or `{dtype: 'uint8', scale, min}`, and stock tfjs decodes it
// on load (tfjs-core io_utils decodeWeight: float16 by table, uint8 as `q * scale + min`).

import type { WeightDtype } from '../../src/core/manifest';

/** A weightsManifest entry of the tfjs layers format. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: 'float16' | 'uint8' | 'uint16'; scale?: number; min?: number };
}

/** Bytes per stored value. */
export const BYTES_PER_VALUE: Record<WeightDtype, number> = { float32: 4, float16: 2, uint8: 1 };

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half-precision bits of `value`, rounded to nearest even (subnormals kept, overflow to ±inf). */
export function float16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  let shift = 13;
  let half: number;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000; // the implicit leading 1 becomes explicit in a subnormal
    shift = 14 - e;
    half = mantissa >>> shift;
  } else {
    half = (e << 10) | (mantissa >>> 13);
  }
  const rest = mantissa & ((1 << shift) - 1);
  const halfway = 1 << (shift - 1);
  // A carry out of the mantissa correctly bumps the exponent (and reaches inf at the top).
  if (rest > halfway || (rest === halfway && half & 1)) half++;
  return sign | half;
}

/**
 * One tensor as tfjs-converter's affine uint8 quantization does it: the range [min, max] split in
 * 255 steps, min nudged onto the grid so that 0 is exactly representable.
 */
export function quantizeUint8(values: Float32Array): { bytes: Uint8Array; scale: number; min: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const bytes = new Uint8Array(values.length);
  if (!(hi > lo)) return { bytes, scale: 1, min: values.length ? lo : 0 };
  const scale = (hi - lo) / 255;
  const min = Math.round(lo / scale) * scale;
  for (let i = 0; i < values.length; i++) {
    bytes[i] = Math.max(0, Math.min(255, Math.round((values[i]! - min) / scale)));
  }
  return { bytes, scale, min };
}

const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Re-encodes float32 weights (specs + data, in spec order) as `dtype`; other dtypes pass through. */
export function quantizeWeights(
  specs: readonly WeightSpec[],
  data: ArrayBuffer,
  dtype: WeightDtype,
): { specs: WeightSpec[]; data: Uint8Array } {
  const parts: Uint8Array[] = [];
  const out: WeightSpec[] = [];
  let offset = 0;
  for (const spec of specs) {
    if (spec.quantization) throw new Error(`weight ${spec.name} is already quantized (${spec.quantization.dtype})`);
    const size = sizeOf(spec.shape);
    const bytes = size * 4;
    if (spec.dtype !== 'float32' || dtype === 'float32') {
      parts.push(new Uint8Array(data, offset, bytes));
      out.push({ ...spec });
    } else {
      const values = new Float32Array(data.slice(offset, offset + bytes));
      if (dtype === 'float16') {
        parts.push(new Uint8Array(Uint16Array.from(values, float16Bits).buffer));
        out.push({ ...spec, quantization: { dtype: 'float16' } });
      } else {
        const q = quantizeUint8(values);
        parts.push(q.bytes);
        out.push({ ...spec, quantization: { dtype: 'uint8', scale: q.scale, min: q.min } });
      }
    }
    offset += bytes;
  }
  if (offset !== data.byteLength) throw new Error(`weights hold ${data.byteLength} bytes, the specs ${offset}`);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  return { specs: out, data: joined };
}

/** The dtype the specs are stored in, or null when they mix encodings. */
export function storedDtype(specs: readonly WeightSpec[]): WeightDtype | null {
  const kinds = new Set(specs.map((s) => s.quantization?.dtype ?? 'float32'));
  const [only] = kinds;
  return kinds.size === 1 && (only === 'float32' || only === 'float16' || only === 'uint8') ? only : null;
}
