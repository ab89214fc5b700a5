import type { TensorInfo } from '@tensorflow/tfjs-core';
import { kernelOf, replaceKernel, type TypedKernel } from './kernel-utils';

/**
 * BatchMatMul that transposes operands explicitly before the product. The wasm backend's own
 * kernel handles transposeA/transposeB in a slow path (the dense-layer gradients of the workshop
 * mlp took 75 % of a training step); a transpose plus XNNPACK's plain product is much faster.
 */
export function batchMatMulPlainVia(backendName: string, original: TypedKernel): TypedKernel {
  const transpose = kernelOf('Transpose', backendName);
  return ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    const swapLast = (t: TensorInfo): TensorInfo => {
      const perm = t.shape.map((_, i) => i);
      perm.splice(-2, 2, perm.length - 1, perm.length - 2);
      return transpose({ inputs: { x: t }, backend, attrs: { perm } });
    };
    const at = transposeA ? swapLast(a) : a;
    const bt = transposeB ? swapLast(b) : b;
    const out = original({ inputs: { a: at, b: bt }, backend, attrs: { transposeA: false, transposeB: false } });
    if (at !== a) backend.disposeData(at.dataId);
    if (bt !== b) backend.disposeData(bt.dataId);
    return out;
  };
}

/** Replaces `backendName`'s BatchMatMul with {@link batchMatMulPlainVia} (idempotent). */
export function useFastBatchMatMul(backendName = 'wasm'): void {
  replaceKernel('BatchMatMul', backendName, (original) => batchMatMulPlainVia(backendName, original!));
}
