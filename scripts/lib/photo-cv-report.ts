import { PHOTO_FOLDERS } from '../../src/core/photo/folders';
import { photoReport } from '../../src/core/photo/photo-metrics';
import { averageProbs } from '../../src/core/photo/tta';
import { VERDICT_THRESHOLDS, verdictOf, type VerdictThresholds } from '../../src/core/photo/verdict';
import type { SegmentQuality } from '../../src/core/photo/segment';

/** The goals on photos (figures as shares). */
export const PHOTO_GOALS = { strict: 0.85, coarse: 0.96, shareSure: 0.85, strictSure: 0.92, outOfScopeNotSure: 0.9 };

/** Every goal's figure for one set of answers. */
export interface GoalFigures {
  strict: number;
  coarse: number;
  /** Share of mapped photos answered "sure". */
  shareSure: number;
  /** Strict accuracy among the mapped photos answered "sure". */
  strictSure: number;
  /** Share of hat/shorts/skirt photos answered "not sure". */
  outOfScopeNotSure: number;
  /** The same per out-of-scope folder. */
  notSureByFolder: Record<string, number>;
}

/** Photos with their segmentation results, as the verdict needs them. */
export interface ScoredPhotos {
  folders: readonly string[];
  found: ArrayLike<number>;
  quality: readonly SegmentQuality[];
}

/** The goals' figures of `probs` (n × 10) under thresholds `t`. */
export function goalFigures(
  photos: ScoredPhotos,
  probs: Float32Array,
  t: VerdictThresholds = VERDICT_THRESHOLDS,
): GoalFigures {
  const rows = photos.folders.map((folder, i) => {
    const v = verdictOf(probs.subarray(i * 10, i * 10 + 10), photos.found[i] ? photos.quality[i]! : null, t);
    return { folder, top: v.top, sure: v.sure };
  });
  const r = photoReport(rows);
  const notSureByFolder = Object.fromEntries(
    r.folders.filter((f) => PHOTO_FOLDERS[f.folder]?.group === null).map((f) => [f.folder, f.notSure]),
  );
  return {
    strict: r.mapped.strict ?? 0,
    coarse: r.mapped.coarse ?? 0,
    shareSure: 1 - r.mapped.notSure,
    strictSure: r.mapped.strictWhenSure ?? 0,
    outOfScopeNotSure: r.outOfScope.notSure,
    notSureByFolder,
  };
}

/** Mean probabilities over the chosen views (`views[v]` is n × 10). */
export function combineViews(views: readonly Float32Array[]): Float32Array {
  if (views.length === 1) return views[0]!;
  const n = views[0]!.length / 10;
  const out = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) out.set(averageProbs(views.map((p) => p.subarray(i * 10, i * 10 + 10))), i * 10);
  return out;
}

/** The threshold grid searched: top probability, normalised entropy and top-two margin. */
export function thresholdGrid(): VerdictThresholds[] {
  const grid: VerdictThresholds[] = [];
  for (let c = 30; c <= 80; c += 10)
    for (let e = 25; e <= 80; e += 5)
      for (const minMargin of [0, 0.15, 0.3])
        grid.push({ ...VERDICT_THRESHOLDS, minConfidence: c / 100, maxEntropy: e / 100, minMargin });
  return grid;
}

/** A setting's figures and whether it meets the two "sure" goals that thresholds trade off. */
export interface ThresholdChoice {
  t: VerdictThresholds;
  figures: GoalFigures;
}

/**
 * The thresholds that answer the most mapped photos "sure" while keeping strict-among-sure and the
 * out-of-scope not-sure rate at their goals; when none can, the one with the most out-of-scope
 * photos "not sure" among those with strict-among-sure at its goal, else the best balance.
 */
export function chooseThresholds(photos: ScoredPhotos, probs: Float32Array): ThresholdChoice & { meets: boolean } {
  const all = thresholdGrid().map((t) => ({ t, figures: goalFigures(photos, probs, t) }));
  const meets = (c: ThresholdChoice) =>
    c.figures.strictSure >= PHOTO_GOALS.strictSure && c.figures.outOfScopeNotSure >= PHOTO_GOALS.outOfScopeNotSure;
  const ok = all.filter(meets);
  if (ok.length) {
    const best = ok.reduce((a, b) => (b.figures.shareSure > a.figures.shareSure ? b : a));
    return { ...best, meets: true };
  }
  const slack = (c: ThresholdChoice) =>
    Math.min(0, c.figures.strictSure - PHOTO_GOALS.strictSure) +
    Math.min(0, c.figures.outOfScopeNotSure - PHOTO_GOALS.outOfScopeNotSure) +
    Math.min(0, c.figures.shareSure - PHOTO_GOALS.shareSure);
  const best = all.reduce((a, b) => (slack(b) > slack(a) ? b : a));
  return { ...best, meets: false };
}

const pct = (v: number) => (v * 100).toFixed(1).padStart(5);

/** One line of figures: strict, coarse, share sure, strict|sure, out-of-scope not sure (%). */
export function figuresLine(f: GoalFigures): string {
  const folders = Object.entries(f.notSureByFolder)
    .map(([k, v]) => `${k} ${pct(v)}`)
    .join(' ');
  return `${pct(f.strict)} ${pct(f.coarse)}  ${pct(f.shareSure)} ${pct(f.strictSure)}  ${pct(f.outOfScopeNotSure)} (${folders})`;
}

/** Header matching {@link figuresLine}. */
export const FIGURES_HEADER = 'strict coarse   sure s|sure  oos-notSure (per folder)';
