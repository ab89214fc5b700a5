/** How neighbours are compared: angle (cosine similarity) or straight-line (L2) distance. */
export type FeatureMetric = 'cosine' | 'l2';

/** Feature rows of known images, ready to search (`cosine` rows are stored unit length). */
export interface FeatureIndex {
  readonly features: Float32Array;
  readonly dim: number;
  readonly count: number;
  readonly labels: Uint8Array;
  readonly metric: FeatureMetric;
}

/** One neighbour: its row in the index, its class and its distance (smaller = closer). */
export interface Neighbour {
  index: number;
  label: number;
  distance: number;
}

function normalised(row: Float32Array): Float32Array {
  const norm = Math.hypot(...row);
  return norm > 0 ? row.map((v) => v / norm) : row;
}

/** Builds a searchable index from `labels.length` rows of `dim` features. */
export function makeFeatureIndex(features: Float32Array, labels: Uint8Array, metric: FeatureMetric): FeatureIndex {
  const count = labels.length;
  const dim = count > 0 ? features.length / count : 0;
  if (!Number.isInteger(dim)) throw new RangeError(`${features.length} features do not split into ${count} rows`);
  const rows = Float32Array.from(features);
  if (metric === 'cosine') {
    for (let i = 0; i < count; i++) rows.set(normalised(rows.subarray(i * dim, (i + 1) * dim)), i * dim);
  }
  return { features: rows, dim, count, labels, metric };
}

function distance(index: FeatureIndex, row: number, query: Float32Array): number {
  const f = index.features;
  let sum = 0;
  if (index.metric === 'cosine') {
    for (let j = 0, at = row * index.dim; j < index.dim; j++) sum += f[at + j]! * query[j]!;
    return 1 - sum;
  }
  for (let j = 0, at = row * index.dim; j < index.dim; j++) sum += (f[at + j]! - query[j]!) ** 2;
  return Math.sqrt(sum);
}

/** The `k` rows of `index` closest to `query` (one row of features), closest first; ties by row. */
export function nearestRows(index: FeatureIndex, query: Float32Array, k: number): Neighbour[] {
  if (query.length !== index.dim) throw new RangeError(`Query of ${query.length} features, index has ${index.dim}`);
  const q = index.metric === 'cosine' ? normalised(Float32Array.from(query)) : query;
  const best: Neighbour[] = [];
  for (let row = 0; row < index.count; row++) {
    const d = distance(index, row, q);
    if (best.length === k && d >= best[k - 1]!.distance) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.distance > d) at--;
    best.splice(at, 0, { index: row, label: index.labels[row]!, distance: d });
    if (best.length > k) best.pop();
  }
  return best;
}
