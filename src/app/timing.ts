// The contract's timing marks (prenda:predict, prenda:input-to-bars, …), kept bounded.

/**
 * Measures kept per name. Chromium keeps every User Timing measure until it is cleared, ≈ 130 bytes
 * each on the page's heap, traced by every major GC (200,000 measures: 26 MB here); drawing makes two
 * per answer and the live camera three per frame, so an hour's demo would keep hundreds of thousands.
 */
export const KEPT_MEASURES = 10_000;

/** Measures recorded per name since the count was last checked against the timeline. */
const recorded = new Map<string, number>();

/**
 * `performance.measure(name, options)`, and once a name has {@link KEPT_MEASURES} measures in the
 * timeline, that name's measures are cleared first (there is no way to drop only the oldest). The
 * timeline is only counted when this page's own tally reaches the limit, so measures cleared by
 * someone else (a test, DevTools) are never cleared twice, and reading them costs nothing per answer.
 */
export function measure(name: string, options: PerformanceMeasureOptions, keep = KEPT_MEASURES): void {
  const tally = (recorded.get(name) ?? 0) + 1;
  if (tally < keep) {
    recorded.set(name, tally);
  } else {
    const inTimeline = performance.getEntriesByName(name, 'measure').length;
    if (inTimeline >= keep) performance.clearMeasures(name);
    recorded.set(name, inTimeline >= keep ? 1 : inTimeline + 1);
  }
  performance.measure(name, options);
}
