// An app update as users get it: a new build is deployed while the old one is installed; the
// page says "new version — reload", the reload brings the new build, and the user's samples and
// retrained version (IndexedDB) are all still there. An asset cached on use (not precached) is
// dropped when its revision changes and cached again under the new one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitReady } from '../../support/browser/harness';
import {
  addSamples,
  drawCross,
  setSettings,
  topClass,
  startRun,
  waitFinished,
} from '../../support/browser/retrain-drive';
import { injectedManifest, withRevision } from '../../support/build/injected-manifest';
import { useApp } from './fixture';

const ROOT = resolve(import.meta.dirname, '../..');
const BAG = 8;
/** A non-core asset (cached on first use) whose revision build 2 changes. */
const RUNTIME_CACHED = 'experiments/results.json';
// A copy of dist/ that the test can redeploy; vite preview serves it like any static host.
const site = mkdtempSync(join(tmpdir(), 'prenda-site-'));

/** Deploys "build 2": a changed index.html and a service worker whose precache lists its new revision. */
function deployNewBuild(): void {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  writeFileSync(join(site, 'index.html'), html.replace('<head>', '<head><meta name="prenda-build" content="2">'));
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  const revisionOf = (url: string) => injectedManifest(sw).find((e) => e.url === url)!.revision!;
  let next = withRevision(sw, 'index.html', `${revisionOf('index.html')}-build2`);
  next = withRevision(next, RUNTIME_CACHED, `${revisionOf(RUNTIME_CACHED)}-build2`);
  writeFileSync(join(site, 'sw.js'), next);
}

/** Revisions under which the page's service worker holds `url` in its cache of non-core assets. */
function cachedRevisions(page: Page, url: string): Promise<string[]> {
  return page.evaluate(async (url) => {
    const found: string[] = [];
    for (const name of (await caches.keys()).filter((n) => n.startsWith('prenda-extras-'))) {
      for (const request of await (await caches.open(name)).keys()) {
        const key = new URL(request.url);
        if (key.pathname === `/${url}`) found.push(key.searchParams.get('__WB_REVISION__') ?? '');
      }
    }
    return found;
  }, url);
}

/** Fetches `url` from the page (through its service worker). */
const fetchFrom = (page: Page, url: string) => page.evaluate(async (url) => (await fetch(url)).ok, url);

// Before the fixture's hooks, so the copy exists when vite preview starts serving it.
beforeAll(() => cpSync(join(ROOT, 'dist'), site, { recursive: true }));
const e2e = useApp({ serve: { outDir: site } });

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('an app update', () => {
  it('offers "new version — reload", loads the new build and keeps samples and versions', async () => {
    const { page, consoleErrors } = await openApp(e2e.browser, e2e.server.origin, '?lang=en&model=mlp&backend=wasm');
    await waitReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });
    await drawCross(page);
    expect(await addSamples(page, BAG, 6)).toBe(6);
    await setSettings(page, 2, '0.001');
    await startRun(page);
    expect(await waitFinished(page)).toBe('done');
    const version = await page.locator('[data-testid=version][data-current=true]').getAttribute('data-id');
    expect(version).toBeTruthy();
    expect(await fetchFrom(page, RUNTIME_CACHED)).toBe(true);
    // The worker stores the response after answering: wait for it.
    await expect.poll(() => cachedRevisions(page, RUNTIME_CACHED)).toHaveLength(1);
    const [firstRevision] = await cachedRevisions(page, RUNTIME_CACHED);
    expect(firstRevision).toMatch(/^\w+$/);

    deployNewBuild();
    await page.reload(); // the old build, from the precache; the browser finds the new worker
    await waitReady(page);
    await page.locator('[data-testid=sw-toast][data-state=need-refresh]').waitFor({ timeout: 30_000 });
    expect(await page.locator('meta[name=prenda-build]').count()).toBe(0);
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=sw-reload]')]);
    await page.locator('meta[name=prenda-build]').waitFor({ state: 'attached' });
    await waitReady(page);
    // The new worker dropped the old revision of the runtime-cached asset; it caches the new one on use.
    await expect.poll(() => cachedRevisions(page, RUNTIME_CACHED)).toEqual([]);
    expect(await fetchFrom(page, RUNTIME_CACHED)).toBe(true);
    await expect.poll(() => cachedRevisions(page, RUNTIME_CACHED)).toEqual([`${firstRevision}-build2`]);
    // The samples come from IndexedDB after the panel renders: the count reaches 6, it does not start there.
    await expect.poll(async () => Number(await page.textContent('[data-testid=retrain-count]'))).toBe(6);
    await page.locator(`[data-testid=version][data-id="${version}"][data-current=true]`).waitFor();
    await drawCross(page);
    expect(await topClass(page)).toBe(BAG);
    expect(consoleErrors).toEqual([]);
  });
});
