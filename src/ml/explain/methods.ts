import { randomMap } from '../../core/explain/random-map';
import type { BatchOptions } from './batched-outputs';
import type { ExplainableModel } from './explainable';
import { integratedGradients, plainGradient } from './integrated-gradients';
import { occlusionMaps } from './occlusion';
import type { ClassPair, OutputSpace } from './target';

/** A way to make a map, with its settings. */
export type MapMethod =
  | { kind: 'occlusion'; patch: number; stride: number; baseline: number; space: OutputSpace; foregroundOnly: boolean }
  | { kind: 'integrated-gradients'; steps: number; space: OutputSpace }
  | { kind: 'gradient'; space: OutputSpace }
  | { kind: 'gradient-input'; space: OutputSpace }
  | { kind: 'random'; seed: number };

/** A short name of a method and its settings, as the benchmark prints it. */
export function methodName(method: MapMethod): string {
  switch (method.kind) {
    case 'occlusion':
      return `occlusion ${method.patch}/${method.stride} b=${method.baseline} ${method.space}${method.foregroundOnly ? ' fg' : ''}`;
    case 'integrated-gradients':
      return `integrated-gradients ${method.steps} ${method.space}`;
    case 'gradient':
    case 'gradient-input':
      return `${method.kind} ${method.space}`;
    case 'random':
      return 'random';
  }
}

/** The signed 784-value map of `pair` on `image` (784 values, 0–1) by `method`; positive = towards `cls`. */
export async function explainMap(
  net: ExplainableModel,
  image: Float32Array,
  pair: ClassPair,
  method: MapMethod,
  options: BatchOptions = {},
): Promise<Float32Array> {
  switch (method.kind) {
    case 'occlusion': {
      const [map] = await occlusionMaps(net, image, [pair], { ...method, ...options });
      return map!;
    }
    case 'integrated-gradients':
      return integratedGradients(net, image, pair, { ...method, ...options });
    case 'gradient':
      return plainGradient(net, image, pair, method.space);
    case 'gradient-input':
      return (await plainGradient(net, image, pair, method.space)).map((g, i) => g * image[i]!);
    case 'random':
      return randomMap(method.seed, image.length);
  }
}

/** The maps of several class pairs on one image; occlusion makes them all from one set of forward passes. */
export async function explainMaps(
  net: ExplainableModel,
  image: Float32Array,
  pairs: readonly ClassPair[],
  method: MapMethod,
  options: BatchOptions = {},
): Promise<Float32Array[]> {
  if (method.kind === 'occlusion') return occlusionMaps(net, image, pairs, { ...method, ...options });
  const maps: Float32Array[] = [];
  for (const pair of pairs) maps.push(await explainMap(net, image, pair, method, options));
  return maps;
}
