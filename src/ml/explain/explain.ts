import type { FeatureIndex, Neighbour } from '../../core/explain/nearest';
import type { BatchOptions } from './batched-outputs';
import type { ExplainableModel } from './explainable';
import { explainMaps, type MapMethod } from './methods';
import { nearestImages } from './neighbours';
import { OCCLUSION_DEFAULTS } from './occlusion';

/** The method Prenda shows, chosen by measurement (docs/explanations.md, `npm run bench:explain`). */
export const EXPLAIN_METHOD: MapMethod = { kind: 'occlusion', ...OCCLUSION_DEFAULTS };

/** Neighbours shown under "It looks like these". */
export const NEIGHBOUR_COUNT = 6;

/** What the explanation panel shows for one input. */
export interface Explanation {
  cls: number;
  versus: number;
  /** Signed per-pixel push towards `cls` (784 values). */
  map: Float32Array;
  /** Signed per-pixel push towards `cls` rather than `versus` (784 values). */
  versusMap: Float32Array;
  /** The nearest indexed images, closest first (rows of the index, e.g. of the replay set). */
  neighbours: Neighbour[];
}

/**
 * Explains the answer `cls` for `image` (784 values, 0–1): its map, the "why not `versus`" map
 * and the nearest images of `index`. Cancel it with `options.signal` when the input changes.
 */
export async function explain(
  net: ExplainableModel,
  index: FeatureIndex,
  image: Float32Array,
  { cls, versus }: { cls: number; versus: number },
  options: BatchOptions & { method?: MapMethod } = {},
): Promise<Explanation> {
  const method = options.method ?? EXPLAIN_METHOD;
  const [map, versusMap] = await explainMaps(net, image, [{ cls }, { cls, versus }], method, options);
  options.signal?.throwIfAborted();
  const neighbours = await nearestImages(net, index, image, NEIGHBOUR_COUNT);
  return { cls, versus, map: map!, versusMap: versusMap!, neighbours };
}
