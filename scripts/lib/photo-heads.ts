/** Seed of head `h` (0-based) of fold `f`; head 0's is the single-head recipe's, so `--heads 1` is that recipe. */
export const headSeed = (seed: number, f: number, h: number): number => seed * 1000 + f + h * 100;

/**
 * The settings of the single-head run that an H-head run's first heads repeat: the same settings
 * without `heads` (key order kept, so they hash to that run's cache key).
 */
export function singleHeadSettings<T extends { heads?: number }>(settings: T): Omit<T, 'heads'> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => key !== 'heads')) as Omit<T, 'heads'>;
}

/** Adds head number `count + 1`'s probabilities `p` to `mean`, the average of the first `count` heads, in place. */
export function addHead(mean: Float32Array, count: number, p: Float32Array): void {
  if (p.length !== mean.length) throw new Error(`addHead: ${p.length} probabilities for ${mean.length}`);
  for (let j = 0; j < p.length; j++) mean[j] = (mean[j]! * count + p[j]!) / (count + 1);
}
