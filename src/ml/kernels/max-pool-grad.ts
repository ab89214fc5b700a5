import type { TensorInfo } from '@tensorflow/tfjs-core';
import { replaceKernel, type TypedKernel } from './kernel-utils';

interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
}

const isTwo = (v: number | [number, number]) => (typeof v === 'number' ? v === 2 : v[0] === 2 && v[1] === 2);

/**
 * MaxPoolGrad for 2×2, stride-2, valid pooling as one typed-array pass (the wasm backend's own
 * is a slow generic loop and was the costliest kernel of a CNN step). Like tfjs, the gradient
 * goes to the first maximum of each window; a dropped odd row/column gets 0.
 */
export function maxPoolGrad2x2(fallback: TypedKernel): TypedKernel {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad } = attrs as unknown as MaxPoolGradAttrs;
    if (!isTwo(filterSize) || !isTwo(strides) || pad !== 'valid' || input.shape.length !== 4) return fallback(args);
    const [b, h, w, c] = input.shape as [number, number, number, number];
    const oh = Math.floor(h / 2);
    const ow = Math.floor(w / 2);
    const x = backend.readSync(input.dataId) as Float32Array;
    const g = backend.readSync(dy.dataId) as Float32Array;
    const dx = new Float32Array(x.length);
    const row = w * c;
    for (let n = 0; n < b; n++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const base = n * h * row + 2 * i * row + 2 * j * c;
          const gBase = ((n * oh + i) * ow + j) * c;
          for (let k = 0; k < c; k++) {
            const a = base + k;
            let best = a;
            if (x[a + c]! > x[best]!) best = a + c;
            if (x[a + row]! > x[best]!) best = a + row;
            if (x[a + row + c]! > x[best]!) best = a + row + c;
            dx[best] = g[gBase + k]!;
          }
        }
      }
    }
    const shape = [b, h, w, c];
    return { dataId: backend.write(dx, shape, 'float32'), shape, dtype: 'float32' };
  };
}

/** Replaces `backendName`'s MaxPoolGrad with {@link maxPoolGrad2x2} (idempotent). */
export function useFastMaxPoolGrad(backendName = 'wasm'): void {
  replaceKernel('MaxPoolGrad', backendName, (original) => maxPoolGrad2x2(original!));
}
