import { rankPixels } from '../../core/explain/pixel-order';
import { areaUnderCurve, curveCounts, deletionImages, insertionImages } from '../../core/explain/perturbation-curve';
import { batchedOutputs, type BatchOptions } from './batched-outputs';
import type { ExplainableModel } from './explainable';
import { targetOf, type Target } from './target';

/** A perturbation curve: the target's value after each step, and the area under it. */
export interface Curve {
  counts: number[];
  values: Float32Array;
  area: number;
}

/** Deletion and insertion curves of one map. */
export interface Faithfulness {
  deletion: Curve;
  insertion: Curve;
}

/**
 * How faithful `map` is to the model on `image`: the deletion curve (pixels set to background,
 * most positive first; the faster the target falls, the lower the area, the more faithful) and
 * the insertion curve (pixels restored onto a blank image in that order; higher is better).
 */
export async function faithfulness(
  net: ExplainableModel,
  image: Float32Array,
  map: Float32Array,
  target: Target,
  options: BatchOptions & { step?: number } = {},
): Promise<Faithfulness> {
  const order = rankPixels(map);
  const counts = curveCounts(image.length, options.step);
  const both = new Float32Array(2 * counts.length * image.length);
  both.set(deletionImages(image, order, counts));
  both.set(insertionImages(image, order, counts), counts.length * image.length);
  const rows = await batchedOutputs(net, both, target.space, { ...options, batchSize: options.batchSize ?? 256 });
  const width = rows.length / (2 * counts.length);
  const curve = (from: number): Curve => {
    const values = Float32Array.from(counts, (_, i) =>
      targetOf(rows.subarray((from + i) * width, (from + i + 1) * width), target),
    );
    return { counts, values, area: areaUnderCurve(values, counts, image.length) };
  };
  return { deletion: curve(0), insertion: curve(counts.length) };
}
