import { Unzip, UnzipInflate } from 'fflate';
import { ImportError } from './import-error';

/** Hard caps on what a zip may inflate to, counted on the real output, never on its headers. */
export interface ZipLimits {
  /** Entries in the archive, wanted or not. */
  maxEntries: number;
  /** Inflated bytes of one wanted entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all wanted entries together. */
  maxTotalBytes: number;
}

/** Limits for a Prenda bundle: the shipped models' weights are 0.3–0.4 MB, samples 4 KB each. */
export const BUNDLE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 16,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
};

/** Input is fed in slices this small so that an over-limit entry stops early (deflate inflates ≤ 1032× a slice). */
const SLICE = 16 * 1024;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Inflates the entries of `zip` whose name `wanted` accepts, counting the bytes really produced
 * and stopping as soon as a limit is passed (a zip bomb or a faked size header is refused, not
 * inflated). Pure and synchronous: run it in a worker for large files. Throws {@link ImportError}.
 */
export function unzipCapped(
  zip: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = BUNDLE_ZIP_LIMITS,
): Map<string, Uint8Array> {
  if (!ZIP_MAGIC.every((b, i) => zip[i] === b)) throw new ImportError('not-zip', null, 'the file is not a zip archive');
  const files = new Map<string, Uint8Array>();
  const unfinished = new Set<string>();
  let entries = 0;
  let total = 0;
  const state: { failure: ImportError | null } = { failure: null };
  const fail = (error: ImportError) => void (state.failure ??= error);

  const unzip = new Unzip((file) => {
    if (state.failure) return;
    if (++entries > limits.maxEntries)
      return fail(new ImportError('too-large', null, `the zip holds more than ${limits.maxEntries} files`));
    if (!wanted(file.name)) return; // never started: never inflated
    if (files.has(file.name) || unfinished.has(file.name))
      return fail(new ImportError('invalid', file.name, 'appears twice in the zip'));
    const declared = file.originalSize;
    const chunks: Uint8Array[] = [];
    let size = 0;
    unfinished.add(file.name);
    file.ondata = (err, chunk, final) => {
      if (state.failure) return;
      if (err) return fail(new ImportError('not-zip', file.name, `is damaged in the zip (${err.message})`));
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes)
        return fail(new ImportError('too-large', file.name, `inflates to more than ${MB(limits.maxEntryBytes)}`));
      if (total > limits.maxTotalBytes)
        return fail(new ImportError('too-large', null, `the zip inflates to more than ${MB(limits.maxTotalBytes)}`));
      if (declared !== undefined && size > declared)
        return fail(
          new ImportError('not-zip', file.name, `holds more than the ${declared} bytes its zip header declares`),
        );
      chunks.push(chunk);
      if (!final) return;
      if (declared !== undefined && size !== declared)
        return fail(new ImportError('not-zip', file.name, `holds ${size} bytes, its zip header declares ${declared}`));
      files.set(file.name, join(chunks, size));
      unfinished.delete(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !state.failure; at += SLICE)
      unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
  } catch (err) {
    fail(new ImportError('not-zip', null, `the zip is damaged (${err instanceof Error ? err.message : String(err)})`));
  }
  if (state.failure) throw state.failure;
  if (unfinished.size > 0) throw new ImportError('not-zip', [...unfinished][0]!, 'is cut short: the zip is truncated');
  return files;
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
