import * as tf from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { kernelOf, pair, replaceKernel, samePadding, Scratch, type TypedKernel } from './kernel-utils';

/**
 * Conv2DBackpropFilter for a backend that lacks it (wasm), built from the backend's own PadV2,
 * Transpose and Conv2D kernels. For a stride-1 convolution the filter gradient is a valid
 * convolution of the (padded) input with dy, batch and channel axes swapped:
 * dW = transpose(conv2d(transpose(x, [3,1,2,0]), transpose(dy, [1,2,0,3])), [1,2,0,3]).
 */
export function conv2dBackpropFilterVia(backendName: string): TypedKernel {
  const [transpose, conv2d, padV2] = ['Transpose', 'Conv2D', 'PadV2'].map((k) => kernelOf(k, backendName)) as [
    TypedKernel,
    TypedKernel,
    TypedKernel,
  ];
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, filterShape } = attrs as {
      strides: number | [number, number];
      pad: unknown;
      dataFormat: string;
      filterShape: [number, number, number, number];
    };
    if (pair(strides).some((s) => s !== 1) || dataFormat !== 'NHWC' || (pad !== 'same' && pad !== 'valid')) {
      throw new Error('Conv2DBackpropFilter (Prenda): only stride-1 NHWC convolutions with valid/same padding');
    }
    const scratch = new Scratch(backend);
    const [rows, cols] = samePadding(filterShape[0], filterShape[1]);
    const padded =
      pad === 'same' ? scratch.run(padV2, { x }, { paddings: [[0, 0], rows, cols, [0, 0]], constantValue: 0 }) : x;
    const xT = scratch.run(transpose, { x: padded }, { perm: [3, 1, 2, 0] });
    const dyT = scratch.run(transpose, { x: dy }, { perm: [1, 2, 0, 3] });
    const valid = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] };
    const conv = scratch.run(conv2d, { x: xT, filter: dyT }, valid);
    const dW = transpose({ inputs: { x: conv }, backend, attrs: { perm: [1, 2, 0, 3] } });
    scratch.done();
    return dW;
  };
}

/** Registers Conv2DBackpropFilter for `backendName` when the backend has none (wasm). */
export function ensureConv2dBackpropFilter(backendName = 'wasm'): void {
  if (tf.getKernel('Conv2DBackpropFilter', backendName)) return;
  replaceKernel('Conv2DBackpropFilter', backendName, () => conv2dBackpropFilterVia(backendName));
}
