import { NUM_CLASSES } from '../classes';
import { judgePhoto, PHOTO_FOLDERS } from './folders';

/** Scores of one folder (or of all mapped folders). */
export interface FolderScore {
  folder: string;
  count: number;
  /** Share whose top class is accepted (null for out-of-scope folders). */
  strict: number | null;
  coarse: number | null;
  /** Share answered "not sure". */
  notSure: number;
  /** Strict accuracy among the answers given with confidence (null when none or out of scope). */
  strictWhenSure: number | null;
}

/** Strict/coarse accuracy, not-sure rates and a folder × predicted-class matrix. */
export interface PhotoReport {
  mapped: FolderScore;
  outOfScope: FolderScore;
  folders: FolderScore[];
  /** Rows: folders in {@link PhotoReport.folders} order; columns: predicted class 0–9 (and up, with user classes). */
  matrix: number[][];
}

function score(folder: string, rows: { folder: string; top: number; sure: boolean }[]): FolderScore {
  const judged = rows.map((r) => judgePhoto(r.folder, r.top));
  const inScope = judged.filter((j) => j !== null);
  const share = (n: number, of: number) => (of ? n / of : 0);
  const sureJudged = rows.map((r, i) => (r.sure ? judged[i] : null)).filter((j) => j !== null && j !== undefined);
  return {
    folder,
    count: rows.length,
    strict: inScope.length ? share(inScope.filter((j) => j.strict).length, inScope.length) : null,
    coarse: inScope.length ? share(inScope.filter((j) => j.coarse).length, inScope.length) : null,
    notSure: share(rows.filter((r) => !r.sure).length, rows.length),
    strictWhenSure: sureJudged.length ? share(sureJudged.filter((j) => j!.strict).length, sureJudged.length) : null,
  };
}

/** Scores predictions (`top` class and whether the answer was sure) of photos from named folders. */
export function photoReport(rows: { folder: string; top: number; sure: boolean }[]): PhotoReport {
  const names = [...new Set(rows.map((r) => r.folder))].sort();
  const inScope = (f: string) => PHOTO_FOLDERS[f]?.group != null;
  // Wider than the ten when a model with user classes predicted one of them.
  const width = rows.reduce((w, r) => Math.max(w, r.top + 1), NUM_CLASSES);
  const matrix = names.map((f) => {
    const row = new Array<number>(width).fill(0);
    for (const r of rows) if (r.folder === f) row[r.top]!++;
    return row;
  });
  return {
    mapped: score(
      'mapped folders',
      rows.filter((r) => inScope(r.folder)),
    ),
    outOfScope: score(
      'out of scope',
      rows.filter((r) => PHOTO_FOLDERS[r.folder]?.group === null),
    ),
    folders: names.map((f) =>
      score(
        f,
        rows.filter((r) => r.folder === f),
      ),
    ),
    matrix,
  };
}
