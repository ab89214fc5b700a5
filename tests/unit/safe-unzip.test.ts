// Zip entries are inflated with hard caps on the bytes really produced, never trusting the headers.
import { unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBundle } from '../../src/core/retrain/bundle';
import { ImportError } from '../../src/core/retrain/import-error';
import { readBundle } from '../../src/core/retrain/read-bundle';
import { BUNDLE_ZIP_LIMITS, unzipCapped } from '../../src/core/retrain/safe-unzip';
import { bundleEntries, mlpSlot, zipOf } from '../helpers/bundles';

const all = () => true;

/** A zip bomb: `mb` MiB of zeros deflated into one streamed entry (no sizes in its local header). */
function bomb(name: string, mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const file = new ZipDeflate(name, { level: 1 });
  zip.add(file);
  const zeros = new Uint8Array(1 << 20);
  for (let i = 0; i < mb; i++) file.push(zeros, i === mb - 1);
  zip.end();
  return Buffer.concat(parts);
}

/** Rewrites the uncompressed size in the local and central headers of a one-entry zip. */
function fakeSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true); // local file header
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, size, true); // central directory header
      break;
    }
  }
  return out;
}

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError');
}

describe('capped zip inflation', () => {
  it('inflates the wanted entries of a normal zip and leaves the others alone', () => {
    const zip = zipOf({ 'a.txt': 'hello', 'b.txt': 'world', '__MACOSX/._a.txt': 'x' });
    const files = unzipCapped(zip, (name) => !name.startsWith('__MACOSX/'));
    expect([...files.keys()].sort()).toEqual(['a.txt', 'b.txt']);
    expect(new TextDecoder().decode(files.get('b.txt'))).toBe('world');
  });

  it('refuses a zip bomb (70 MB of zeros in a 70 KB file) by counting what it really inflates', () => {
    const zip = bomb('weights.bin', 70);
    expect(zip.length).toBeLessThan(100_000);
    const error = refusal(() => unzipCapped(zip, all));
    expect(error.problem).toBe('too-large');
    expect(error.message).toBe('weights.bin: inflates to more than 64 MB');
    // The total is capped too (limits scaled down): two entries under the per-entry cap that add up over it.
    const zeros = () => new Uint8Array(5 << 19);
    const two = zipSync({ 'a.bin': zeros(), 'b.bin': zeros() });
    const limits = { maxEntries: 16, maxEntryBytes: 3 << 20, maxTotalBytes: 4 << 20 };
    expect(refusal(() => unzipCapped(two, all, limits)).message).toBe('the zip inflates to more than 4 MB');
  });

  it('refuses an entry whose size header is faked, instead of trusting it', () => {
    const honest = zipSync({ 'weights.bin': [new Uint8Array(2 << 20), { level: 6 }] });
    const faked = fakeSize(honest, 4);
    // What a check of the declared size alone sees: 4 bytes, well under any cap.
    let declared = -1;
    unzipSync(faked, { filter: (f) => ((declared = f.originalSize), false) });
    expect(declared).toBe(4);
    expect(refusal(() => unzipCapped(faked, all)).message).toBe(
      'weights.bin: holds more than the 4 bytes its zip header declares',
    );
    expect(unzipCapped(honest, all).get('weights.bin')!.length).toBe(2 << 20);
  });

  it('refuses too many entries, a truncated zip and a file that is no zip at all', () => {
    const many = zipOf(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`f${i}.txt`, 'x'])));
    expect(refusal(() => unzipCapped(many, all)).message).toBe('the zip holds more than 16 files');
    expect(BUNDLE_ZIP_LIMITS.maxEntries).toBe(16);
    const bundle = encodeBundle(mlpSlot(), []);
    const cut = refusal(() => unzipCapped(bundle.subarray(0, bundle.length >> 1), all));
    expect(cut.problem).toBe('not-zip');
    expect(cut.message).toMatch(/truncated|damaged/);
    expect(refusal(() => unzipCapped(new TextEncoder().encode('%PDF-1.7 not a zip'), all)).message).toBe(
      'the file is not a zip archive',
    );
  });

  it('lets a bundle re-zipped with extra entries through, reading only its own four files', () => {
    const back = readBundle(zipOf({ ...bundleEntries(), '__MACOSX/._meta.json': 'resource fork', 'notes.txt': 'hi' }));
    expect(back.meta.id).toBe('v-test');
  });
});
