import { judgePhoto } from '../../src/core/photo/folders';

/** Photos only A gets right (`a`) and only B gets right (`b`); photos both or neither get right do not count. */
export interface PairedCounts {
  a: number;
  b: number;
}

/** Index of the highest of photo `i`'s ten probabilities. */
const topOf = (probs: Float32Array, i: number) => {
  let top = 0;
  for (let c = 1; c < 10; c++) if (probs[i * 10 + c]! > probs[i * 10 + top]!) top = c;
  return top;
};

/** Paired strict and coarse wins of two sets of answers (n × 10 each) on the same mapped photos. */
export function pairedWins(
  folders: readonly string[],
  probsA: Float32Array,
  probsB: Float32Array,
): { strict: PairedCounts; coarse: PairedCounts } {
  const out = { strict: { a: 0, b: 0 }, coarse: { a: 0, b: 0 } };
  folders.forEach((folder, i) => {
    const ja = judgePhoto(folder, topOf(probsA, i));
    const jb = judgePhoto(folder, topOf(probsB, i));
    if (!ja || !jb) return;
    for (const kind of ['strict', 'coarse'] as const) {
      if (ja[kind] && !jb[kind]) out[kind].a++;
      if (!ja[kind] && jb[kind]) out[kind].b++;
    }
  });
  return out;
}

/** Two-sided exact sign test: the chance of a split at least this uneven if A and B were equally good. */
export function signTestP({ a, b }: PairedCounts): number {
  const m = a + b;
  const k = Math.min(a, b);
  let tail = 0;
  let binomial = 1; // C(m, i)
  for (let i = 0; i <= k; i++) {
    tail += binomial;
    binomial = (binomial * (m - i)) / (i + 1);
  }
  return Math.min(1, (2 * tail) / 2 ** m);
}
