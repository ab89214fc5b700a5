import { permutation } from '../../src/core/random';

/**
 * Fold (0..k-1) of each item for k-fold cross-validation, stratified by `groups` (e.g. photo
 * folders): each group's items are shuffled with `random` and dealt round-robin, so every fold
 * holds about 1/k of every group, folds are disjoint and together cover every item.
 */
export function stratifiedFolds(groups: readonly string[], k: number, random: () => number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new Error(`k must be an integer from 2 to 255, not ${k}`);
  const fold = new Uint8Array(groups.length);
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
  // Each group starts where the previous one stopped, so small groups do not all pile on fold 0.
  let next = 0;
  for (const g of [...byGroup.keys()].sort()) {
    const members = byGroup.get(g)!;
    for (const p of permutation(members.length, random)) {
      fold[members[p]!] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/** Indices of the items in fold `f` (held out) and of the rest (trained on). */
export function foldSplit(fold: Uint8Array, f: number): { train: number[]; held: number[] } {
  const train: number[] = [];
  const held: number[] = [];
  fold.forEach((v, i) => (v === f ? held : train).push(i));
  return { train, held };
}
