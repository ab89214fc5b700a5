import type { TensorInfo } from '@tensorflow/tfjs-core';
import { kernelOf, pair, replaceKernel, samePadding, Scratch, type TypedKernel } from './kernel-utils';

/**
 * Conv2DBackpropInput for stride-1 NHWC convolutions as one forward Conv2D (the wasm backend's
 * own is a naive loop, several times slower than its XNNPACK Conv2D): pad dy by
 * (filter − 1 − forward padding) and convolve with the filter rotated 180° and its in/out
 * channels swapped. Other cases go to `fallback`, the backend's original kernel.
 */
export function conv2dBackpropInputVia(backendName: string, fallback: TypedKernel): TypedKernel {
  const [transpose, conv2d, padV2, reverse] = ['Transpose', 'Conv2D', 'PadV2', 'Reverse'].map((k) =>
    kernelOf(k, backendName),
  ) as [TypedKernel, TypedKernel, TypedKernel, TypedKernel];
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const {
      strides,
      pad,
      dataFormat,
      dilations = 1,
    } = attrs as {
      strides: number | [number, number];
      pad: unknown;
      dataFormat: string;
      dilations?: number | [number, number];
    };
    const unsupported = [...pair(strides), ...pair(dilations)].some((s) => s !== 1);
    if (unsupported || dataFormat !== 'NHWC' || (pad !== 'same' && pad !== 'valid')) return fallback(args);
    const [filterH, filterW] = filter.shape as [number, number, number, number];
    const [rows, cols] =
      pad === 'same'
        ? samePadding(filterH, filterW)
        : [
            [0, 0],
            [0, 0],
          ];
    const paddings = [
      [0, 0],
      [filterH - 1 - rows[0]!, filterH - 1 - rows[1]!],
      [filterW - 1 - cols[0]!, filterW - 1 - cols[1]!],
      [0, 0],
    ];
    const scratch = new Scratch(backend);
    const paddedDy = scratch.run(padV2, { x: dy }, { paddings, constantValue: 0 });
    const rotated = scratch.run(reverse, { x: filter }, { dims: [0, 1] });
    const swapped = scratch.run(transpose, { x: rotated }, { perm: [0, 1, 3, 2] });
    const valid = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] };
    const dx = conv2d({ inputs: { x: paddedDy, filter: swapped }, backend, attrs: valid });
    scratch.done();
    return dx;
  };
}

/** Replaces `backendName`'s Conv2DBackpropInput with {@link conv2dBackpropInputVia} (idempotent). */
export function useFastConv2dBackpropInput(backendName = 'wasm'): void {
  replaceKernel('Conv2DBackpropInput', backendName, (original) => conv2dBackpropInputVia(backendName, original!));
}
