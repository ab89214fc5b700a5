import { IMAGE_SIDE } from '../classes';

/** A square patch of the image, by its top-left corner. */
export interface Window {
  row: number;
  col: number;
}

/** Offsets 0, stride, 2·stride, … of a patch along one side, plus the last one so the edge is covered. */
function origins(side: number, patch: number, stride: number): number[] {
  const out: number[] = [];
  for (let at = 0; at + patch <= side; at += stride) out.push(at);
  if (out.at(-1) !== side - patch) out.push(side - patch);
  return out;
}

/** Every patch of `patch`×`patch` pixels at `stride`, covering all pixels of a `side`×`side` image. */
export function occlusionWindows(patch: number, stride: number, side = IMAGE_SIDE): Window[] {
  if (!(patch >= 1 && patch <= side && stride >= 1)) throw new RangeError(`Bad patch ${patch} / stride ${stride}`);
  const along = origins(side, patch, stride);
  return along.flatMap((row) => along.map((col) => ({ row, col })));
}

/** The images with one window each painted `baseline`, row after row. */
export function occludedImages(
  image: Float32Array,
  windows: readonly Window[],
  patch: number,
  baseline: number,
  side = IMAGE_SIDE,
): Float32Array {
  const out = new Float32Array(windows.length * image.length);
  windows.forEach(({ row, col }, w) => {
    const at = w * image.length;
    out.set(image, at);
    for (let r = row; r < row + patch; r++) out.fill(baseline, at + r * side + col, at + r * side + col + patch);
  });
  return out;
}

/** Per-pixel mean of `drops[w]` (score lost when window w is hidden) over the windows covering it. */
export function spreadDrops(
  drops: ArrayLike<number>,
  windows: readonly Window[],
  patch: number,
  side = IMAGE_SIDE,
): Float32Array {
  const sum = new Float32Array(side * side);
  const covered = new Uint16Array(side * side);
  windows.forEach(({ row, col }, w) => {
    for (let r = row; r < row + patch; r++) {
      for (let c = col; c < col + patch; c++) {
        sum[r * side + c]! += drops[w]!;
        covered[r * side + c]!++;
      }
    }
  });
  return sum.map((v, i) => v / covered[i]!);
}
