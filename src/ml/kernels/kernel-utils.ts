import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

/** The arguments every kernel function receives, with the backend typed. */
export interface KernelArgs {
  inputs: Record<string, TensorInfo>;
  backend: tf.KernelBackend;
  attrs: Record<string, unknown>;
}

/** A kernel function typed with {@link KernelArgs}. */
export type TypedKernel = (args: KernelArgs) => TensorInfo;

/** The kernel function `name` of `backendName`, or a clear error. */
export function kernelOf(name: string, backendName: string): TypedKernel {
  const kernel = tf.getKernel(name, backendName);
  if (!kernel) throw new Error(`Backend ${backendName} has no ${name} kernel`);
  return kernel.kernelFunc as unknown as TypedKernel;
}

/** Runs kernels and disposes every intermediate result at `done()`. */
export class Scratch {
  private readonly temps: TensorInfo[] = [];
  constructor(private readonly backend: tf.KernelBackend) {}

  /** Calls `kernel` and remembers its output for disposal. */
  run(kernel: TypedKernel, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown> = {}): TensorInfo {
    const out = kernel({ inputs, backend: this.backend, attrs });
    this.temps.push(out);
    return out;
  }

  /** Disposes the intermediates (reference-counted: views of a kept result stay valid). */
  done(): void {
    for (const t of this.temps) this.backend.disposeData(t.dataId);
  }
}

/**
 * Registers `make(original)` in place of kernel `name` for `backendName` (or as a new kernel when
 * the backend has none). Idempotent: a kernel registered here is not wrapped twice.
 */
export function replaceKernel(name: string, backendName: string, make: (original?: TypedKernel) => TypedKernel): void {
  const current = tf.getKernel(name, backendName);
  if ((current?.kernelFunc as { prenda?: boolean } | undefined)?.prenda) return;
  const replacement = make(current?.kernelFunc as unknown as TypedKernel | undefined) as TypedKernel & {
    prenda?: boolean;
  };
  replacement.prenda = true;
  if (current) tf.unregisterKernel(name, backendName);
  tf.registerKernel({ ...current, kernelName: name, backendName, kernelFunc: replacement as unknown as KernelFunc });
}

/** True when kernel `name` of `backendName` is one of Prenda's replacements. */
export function isReplaced(name: string, backendName: string): boolean {
  return Boolean((tf.getKernel(name, backendName)?.kernelFunc as { prenda?: boolean } | undefined)?.prenda);
}

/** A stride or size attribute as a pair. */
export function pair(v: number | [number, number] | number[]): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0]!, v[1]!];
}

/** 'same' padding of a stride-1 convolution as tfjs computes it: [before, after] per axis. */
export function samePadding(filterH: number, filterW: number): [[number, number], [number, number]] {
  const top = Math.floor((filterH - 1) / 2);
  const left = Math.floor((filterW - 1) / 2);
  return [
    [top, filterH - 1 - top],
    [left, filterW - 1 - left],
  ];
}
