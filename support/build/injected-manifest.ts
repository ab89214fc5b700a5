// Reads (and, for the update test, edits) the precache manifest workbox-build injected into
// dist/sw.js: a JSON array of entries with stable key order (bytes, group, revision, url).
import type { AssetEntry } from '../../src/sw/protocol';

const ENTRY = /\{[^{}]*"url":"[^"]+"[^{}]*\}/g;

/** The entries injected into a built service worker's source. */
export function injectedManifest(swSource: string): AssetEntry[] {
  const entries = [...swSource.matchAll(ENTRY)].map((m) => JSON.parse(m[0]) as AssetEntry);
  if (!entries.length) throw new Error('no injected precache manifest found in the service worker');
  return entries;
}

/** The service worker source with `url`'s revision replaced (throws when the entry is missing). */
export function withRevision(swSource: string, url: string, revision: string): string {
  let found = false;
  const next = swSource.replace(ENTRY, (text) => {
    const entry = JSON.parse(text) as AssetEntry;
    if (entry.url !== url) return text;
    found = true;
    return JSON.stringify({ ...entry, revision });
  });
  if (!found) throw new Error(`no precache entry for ${url}`);
  return next;
}
