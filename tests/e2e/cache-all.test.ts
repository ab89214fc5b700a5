// "Make everything available offline": the service worker caches every asset beyond the core on
// CACHE_ALL, with progress; offline afterwards, the Lab and Evaluation views and the test set load.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AssetGroup, CacheCounts, GroupStatus } from '../../src/sw/protocol';
import { openApp, waitReady } from '../../support/browser/harness';
import { loadModule } from '../../support/browser/page-module';
import { useApp } from './fixture';

const e2e = useApp();
const TEST_IMAGES = 'data/t10k-images-idx3-ubyte-gz.bin';
const testImagesBytes = readFileSync(resolve(import.meta.dirname, '../../dist', TEST_IMAGES)).length;

declare const PrendaOffline: typeof import('../../src/sw/offline');

async function status(page: Page): Promise<Record<AssetGroup, GroupStatus>> {
  await loadModule(page, 'src/sw/offline.ts', 'PrendaOffline');
  return page.evaluate(() => PrendaOffline.offlineStatus());
}

describe('make everything available offline', () => {
  it('caches the rest with progress; offline, the Lab, Evaluation and test set then work', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm');
    await waitReady(app.page);
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });

    const before = await status(app.page);
    expect(before.core.cached).toBe(before.core.files);
    expect(before['test-set']).toMatchObject({ files: 2, cached: 0 });
    expect(before.replay.cached).toBe(0);
    expect(before.lazy.cached).toBeLessThan(before.lazy.files);

    const { progress, result } = await app.page.evaluate(async () => {
      const progress: CacheCounts[] = [];
      const result = await PrendaOffline.cacheEverything((p) => progress.push({ ...p }));
      return { progress, result };
    });
    expect(result.failed).toEqual([]);
    expect(result.done).toBe(result.total);
    expect(result.bytes).toBe(result.totalBytes);
    expect(result.totalBytes).toBeGreaterThan(testImagesBytes);
    const missing = before.models.files + before['test-set'].files + before.replay.files + before.lazy.files;
    expect(result.total).toBe(missing);
    // One report at the start and one per file fetched, counting up to the final one.
    expect(progress.length).toBe(1 + result.total - progress[0]!.done);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.done).toBe(progress[i - 1]!.done + 1);
      expect(progress[i]!.bytes).toBeGreaterThanOrEqual(progress[i - 1]!.bytes);
    }
    expect(progress.at(-1)).toMatchObject({
      done: result.done,
      total: result.total,
      bytes: result.bytes,
      totalBytes: result.totalBytes,
    });

    const after = await status(app.page);
    for (const [group, s] of Object.entries(after)) expect(s.cached, group).toBe(s.files);

    await e2e.browser.context.setOffline(true);
    try {
      const lab = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm&view=lab');
      await lab.page.waitForSelector('[data-testid=lab-chart-accuracy] canvas');
      const testSet = await lab.page.evaluate(async (url) => {
        const response = await fetch(url);
        return { ok: response.ok, bytes: (await response.arrayBuffer()).byteLength };
      }, TEST_IMAGES);
      expect(testSet).toEqual({ ok: true, bytes: testImagesBytes });

      const evaluation = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm&view=eval&model=mlp');
      const accuracy = evaluation.page.locator('[data-testid=eval-accuracy][data-model=mlp]');
      await accuracy.waitFor({ timeout: 120_000 });
      const expected = Number(await evaluation.page.getAttribute('[data-testid=eval-manifest-accuracy]', 'data-value'));
      expect(Math.abs(Number(await accuracy.getAttribute('data-value')) - expected)).toBeLessThan(0.002);
      expect([...lab.consoleErrors, ...evaluation.consoleErrors]).toEqual([]);
    } finally {
      await e2e.browser.context.setOffline(false);
    }
  });
});
