/** A learning rate as a function of the optimisation step (0-based) out of `total` steps. */
export type LearningRateSchedule = (step: number, total: number) => number;

/** A constant learning rate. */
export const constantRate =
  (rate: number): LearningRateSchedule =>
  () =>
    rate;

/**
 * One-cycle schedule (Smith 2018): linear warm-up from max/25 to max over the first 30 % of
 * steps, then cosine annealing down to max/2500. Lets a small net train fast and end settled.
 */
export function oneCycle(maxRate: number, warmupShare = 0.3): LearningRateSchedule {
  return (step, total) => {
    const warm = Math.max(1, Math.floor(total * warmupShare));
    if (step < warm) return maxRate / 25 + ((maxRate - maxRate / 25) * step) / warm;
    const t = (step - warm) / Math.max(1, total - warm);
    const low = maxRate / 2500;
    return low + ((maxRate - low) * (1 + Math.cos(Math.PI * Math.min(1, t)))) / 2;
  };
}
