// The assets not precached at install: cached on first use (cache-first), or all at once on
// request, each under a key carrying its precache revision so that an update replaces it.
import { CacheFirst } from 'workbox-strategies';
import type { AssetEntry, CacheCounts } from './protocol';

/** Cache key of an entry: its absolute URL, plus its revision when the name carries no hash. */
function keyOf(entry: AssetEntry, base: string): string {
  const url = new URL(entry.url, base);
  if (entry.revision) url.searchParams.set('__WB_REVISION__', entry.revision);
  return url.href;
}

/** The non-core assets of this build and their cache. */
export class ExtraAssets {
  readonly cacheName: string;
  readonly strategy: CacheFirst;
  private readonly byUrl = new Map<string, { entry: AssetEntry; key: string }>();

  constructor(
    entries: readonly AssetEntry[],
    private readonly scope: string,
  ) {
    // Per scope: two deployments on one origin must not delete each other's entries.
    this.cacheName = `prenda-extras-${scope}`;
    for (const entry of entries) {
      this.byUrl.set(new URL(entry.url, scope).href, { entry, key: keyOf(entry, scope) });
    }
    this.strategy = new CacheFirst({
      cacheName: this.cacheName,
      plugins: [{ cacheKeyWillBeUsed: async ({ request }) => this.byUrl.get(request.url)?.key ?? request.url }],
    });
  }

  /** Whether `url` (absolute, no query) is one of these assets. */
  has(url: URL): boolean {
    return this.byUrl.has(url.href);
  }

  /** The entries with whether each is cached. */
  async state(): Promise<{ entry: AssetEntry; cached: boolean }[]> {
    const cache = await caches.open(this.cacheName);
    const keys = new Set((await cache.keys()).map((r) => r.url));
    return [...this.byUrl.values()].map(({ entry, key }) => ({ entry, cached: keys.has(key) }));
  }

  /** Deletes cached entries of other builds (kept keys are this build's). */
  async deleteStale(): Promise<void> {
    const cache = await caches.open(this.cacheName);
    const wanted = new Set([...this.byUrl.values()].map((v) => v.key));
    await Promise.all((await cache.keys()).filter((r) => !wanted.has(r.url)).map((r) => cache.delete(r)));
  }

  /** Fetches every entry not cached yet, a few at a time, reporting after each file. */
  async cacheAll(
    event: ExtendableEvent,
    onProgress: (counts: CacheCounts) => void,
  ): Promise<CacheCounts & { failed: string[] }> {
    const all = await this.state();
    const size = (e: AssetEntry): number => e.bytes ?? 0;
    const counts: CacheCounts = {
      done: all.filter((a) => a.cached).length,
      total: all.length,
      bytes: all.filter((a) => a.cached).reduce((n, a) => n + size(a.entry), 0),
      totalBytes: all.reduce((n, a) => n + size(a.entry), 0),
    };
    const failed: string[] = [];
    const queue = all.filter((a) => !a.cached).map((a) => a.entry);
    onProgress({ ...counts });
    const fetchNext = async (): Promise<void> => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const request = new Request(new URL(entry.url, this.scope).href);
        try {
          const [response, done] = this.strategy.handleAll({ request, event });
          const ok = (await response).ok;
          await done;
          if (!ok) throw new Error('not ok');
          counts.done++;
          counts.bytes += size(entry);
        } catch {
          failed.push(entry.url);
        }
        onProgress({ ...counts });
      }
    };
    await Promise.all([fetchNext(), fetchNext(), fetchNext()]); // three downloads at a time
    return { ...counts, failed };
  }
}
