import { photoReport } from '../../src/core/photo/photo-metrics';
import { VERDICT_THRESHOLDS, verdictOf } from '../../src/core/photo/verdict';
import type { PhotoInputs, PhotoItem } from './photo-set';

/**
 * Prints, for a grid of confidence and entropy thresholds, how often mapped photos are answered
 * (and how accurately) against how often out-of-scope photos (hat, shorts, skirt) get "not sure".
 */
export function calibrate(items: PhotoItem[], probs: Float32Array, set: PhotoInputs): void {
  // Choosing thresholds on the photos being scored makes their figures optimistic: cv:photos does it on train/.
  console.log('\nFor inspection only: the shipped thresholds are chosen by npm run cv:photos on train/ photos.');
  console.log('minConf maxEnt  mapped: answered strict|sure coarse|sure   out-of-scope: not sure');
  for (const minConfidence of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    for (const maxEntropy of [0.4, 0.5, 0.6, 0.8, 1]) {
      const t = { ...VERDICT_THRESHOLDS, minConfidence, maxEntropy };
      const rows = items.map((item, i) => {
        const v = verdictOf(probs.subarray(i * 10, i * 10 + 10), set.found[i] ? set.quality[i]! : null, t);
        return { folder: item.folder, top: v.top, sure: v.sure };
      });
      const sureMapped = rows.filter((r) => r.sure);
      const r = photoReport(rows);
      const coarseSure = photoReport(sureMapped).mapped.coarse;
      const pct = (v: number | null) => (v === null ? '  –' : (v * 100).toFixed(1).padStart(5));
      console.log(
        `${minConfidence.toFixed(2).padStart(7)} ${maxEntropy.toFixed(2).padStart(6)}  ${pct(1 - r.mapped.notSure)}` +
          `   ${pct(r.mapped.strictWhenSure)}   ${pct(coarseSure)}            ${pct(r.outOfScope.notSure)}`,
      );
    }
  }
}
