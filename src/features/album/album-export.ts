// The album's results as files: one row (CSV) or object (JSON) per photo with the file name, the
// class index and name, the ten probabilities and whether Prenda is sure.
import { NUM_CLASSES } from '../../core/classes';
import type { AlbumItem } from './album';

/** One photo's result as exported. */
export interface AlbumRecord {
  file: string;
  /** Top class index, or null when the photo could not be classified. */
  class: number | null;
  name: string;
  probabilities: number[] | null;
  sure: boolean;
  /** The class the user corrected it to, or null. */
  corrected: number | null;
  /** Why there is no class, in the interface language, or null. */
  problem: string | null;
}

/** The records of `items`; `name` gives a class's name, `problem` an item's message. */
export function albumRecords(
  items: readonly AlbumItem[],
  name: (index: number) => string,
  problem: (item: AlbumItem) => string | null,
): AlbumRecord[] {
  return items.map((item) => {
    const classified = item.probs !== null;
    return {
      file: item.file,
      class: classified ? item.top : null,
      name: classified ? name(item.top) : '',
      probabilities: item.probs ? [...item.probs] : null,
      sure: classified && item.sure,
      corrected: item.corrected,
      problem: problem(item),
    };
  });
}

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The records as CSV: header `file,class,name,p0…p9 (…pN with user classes),sure,corrected,problem`, numbers unlocalised. */
export function albumCsv(records: readonly AlbumRecord[]): string {
  // One column per output: ten for the shipped models, more with the user's classes.
  const width = Math.max(NUM_CLASSES, ...records.map((r) => r.probabilities?.length ?? 0));
  const probs = Array.from({ length: width }, (_, i) => `p${i}`);
  const lines = [['file', 'class', 'name', ...probs, 'sure', 'corrected', 'problem'].join(',')];
  for (const r of records) {
    lines.push(
      [
        field(r.file),
        r.class === null ? '' : String(r.class),
        field(r.name),
        ...(r.probabilities ?? probs.map(() => null)).map((p) => (p === null ? '' : String(p))),
        String(r.sure),
        r.corrected === null ? '' : String(r.corrected),
        field(r.problem ?? ''),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** The records as pretty-printed JSON. */
export const albumJson = (records: readonly AlbumRecord[]): string => JSON.stringify(records, null, 2) + '\n';

/** Saves `text` as a download named `name`. */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
