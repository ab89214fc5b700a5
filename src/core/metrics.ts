import { NUM_CLASSES } from './classes';

/** Index of the largest value. */
export function argmax(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  let best = offset;
  for (let i = offset + 1; i < offset + length; i++) if (values[i]! > values[best]!) best = i;
  return best - offset;
}

/** 10×10 confusion matrix: rows are true classes, columns predicted classes. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>): number[][] {
  const matrix = Array.from({ length: NUM_CLASSES }, () => new Array<number>(NUM_CLASSES).fill(0));
  for (let i = 0; i < truth.length; i++) matrix[truth[i]!]![predicted[i]!]!++;
  return matrix;
}

/** Overall accuracy from a confusion matrix. */
export function accuracyOf(matrix: readonly (readonly number[])[]): number {
  let right = 0;
  let all = 0;
  matrix.forEach((row, i) => row.forEach((n, j) => ((all += n), i === j && (right += n))));
  return all === 0 ? 0 : right / all;
}

/** Per-class recall (share of each true class predicted right). */
export function perClassAccuracy(matrix: readonly (readonly number[])[]): number[] {
  return matrix.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? 0 : row[i]! / total;
  });
}

/** Confused pairs (true → predicted, off-diagonal) sorted by count, largest first. */
export function mostConfusedPairs(
  matrix: readonly (readonly number[])[],
): { truth: number; predicted: number; count: number }[] {
  const pairs: { truth: number; predicted: number; count: number }[] = [];
  matrix.forEach((row, truth) =>
    row.forEach((count, predicted) => truth !== predicted && count > 0 && pairs.push({ truth, predicted, count })),
  );
  return pairs.sort((a, b) => b.count - a.count);
}
