// Sizes of the built service worker's asset groups: files, bytes on disk, and bytes downloaded
// (text files gzip-compressed as hosts serve them, binaries as they are).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ASSET_GROUPS, type AssetGroup } from '../../src/sw/protocol';
import { injectedManifest } from './injected-manifest';

/** Files a static host compresses on the wire. */
const COMPRESSED = /\.(js|css|html|json|webmanifest|svg|ico)$/;

/** One group's totals. */
export interface GroupSize {
  files: string[];
  bytes: number;
  download: number;
}

/** Per-group sizes of the assets listed in `dist`/sw.js. */
export function precacheSizes(dist: string): Record<AssetGroup, GroupSize> {
  const empty = (): GroupSize => ({ files: [], bytes: 0, download: 0 });
  const sizes = Object.fromEntries(ASSET_GROUPS.map((g) => [g, empty()])) as Record<AssetGroup, GroupSize>;
  for (const entry of injectedManifest(readFileSync(join(dist, 'sw.js'), 'utf8'))) {
    const size = sizes[entry.group ?? 'core'];
    const data = readFileSync(join(dist, entry.url));
    size.files.push(entry.url);
    size.bytes += data.length;
    size.download += COMPRESSED.test(entry.url) ? gzipSync(data).length : data.length;
  }
  return sizes;
}
