// Issue 12, problems 1–5, on the built app with fault injection: a bundle with a minimal meta.json
// and corrupt records written straight into IndexedDB; full storage through the DevTools quota
// override; model files with missing, empty or too many weight bytes and a model that scores badly;
// two tabs on one browser context; a model.json that is not JSON. `PRENDA_DIST=<folder>` serves
// another build (e.g. one of main, to see these tests fail there).
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEntries, mlpSlot, sample, shippedMlp, shippedMlpFiles, zipOf } from '../helpers/bundles';
import { CHROMIUM, openApp, waitReady, type Browser, type Server } from '../../support/browser/harness';
import {
  addSamples,
  drawCross,
  setSettings,
  topClass,
  startRun,
  waitFinished,
} from '../../support/browser/retrain-drive';
import { useApp } from './fixture';

const DIST = process.env.PRENDA_DIST ? resolve(process.env.PRENDA_DIST) : undefined;
const QUERY = '?lang=en&model=mlp&backend=wasm';
const BAG = 8;
const e2e = useApp({ serve: DIST ? { outDir: DIST } : undefined });
let server: Server;
let browser: Browser;

beforeAll(() => {
  ({ server, browser } = e2e);
});

const file = (name: string, bytes: Uint8Array | string, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(bytes),
});
const count = (page: Page) => page.textContent('[data-testid=retrain-count]').then(Number);
const versionIds = (page: Page) =>
  page.locator('[data-testid=version]').evaluateAll((l) => l.map((e) => (e as HTMLElement).dataset.id ?? ''));
const inUse = (page: Page) =>
  page.locator('[data-testid=version-list] [data-current=true]').evaluateAll((l) => l.map((e) => e.dataset.testid));
const errorText = async (page: Page) => (await page.textContent('[data-testid=error]').catch(() => '')) ?? '';
const waitError = (page: Page, pattern: RegExp, timeout = 30_000) =>
  page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid=error]')?.textContent ?? ''),
    pattern.source,
    { timeout },
  );
const waitCount = (page: Page, n: number, timeout = 1_000) =>
  page.waitForFunction(
    (want) => Number(document.querySelector('[data-testid=retrain-count]')?.textContent) === want,
    n,
    { timeout },
  );
/** Waits until the import ends (the `import-status` data-state); returns that state. */
const importEnds = async (page: Page, timeout = 60_000) => {
  await page.waitForFunction(
    () =>
      ['done', 'failed', 'cancelled', 'asking'].includes(
        document.querySelector('[data-testid=import-status]')?.getAttribute('data-state') ?? '',
      ),
    undefined,
    { timeout },
  );
  return page.getAttribute('[data-testid=import-status]', 'data-state');
};

/** Waits until an import shows its outcome (a message in `error`, `import-done`, or a final `import-status`). */
const importOutcome = (page: Page, timeout = 60_000) =>
  page.waitForFunction(
    () =>
      (document.querySelector('[data-testid=error]')?.textContent ?? '') !== '' ||
      document.querySelector('[data-testid=import-done]') !== null ||
      ['done', 'failed', 'cancelled', 'asking'].includes(
        document.querySelector('[data-testid=import-status]')?.getAttribute('data-state') ?? '',
      ),
    undefined,
    { timeout },
  );

/** Keys of an IndexedDB store of prenda-retrain, and the 'current' pointer, read straight from IndexedDB. */
function stored(page: Page): Promise<{ samples: string[]; versions: string[]; weights: string[]; current: unknown }> {
  return page.evaluate(
    () =>
      new Promise((res, rej) => {
        const open = indexedDB.open('prenda-retrain');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['samples', 'versions', 'weights', 'settings']);
          const keys = (name: string) =>
            new Promise<string[]>((ok) => {
              const r = tx.objectStore(name).getAllKeys();
              r.onsuccess = () => ok(r.result.map(String));
            });
          const cur = tx.objectStore('settings').get('current');
          void Promise.all([keys('samples'), keys('versions'), keys('weights')]).then(
            ([samples, versions, weights]) => {
              res({ samples, versions, weights, current: cur.result ?? null });
              open.result.close();
            },
          );
        };
      }),
  );
}

/** Writes records straight into prenda-retrain (store name → records; settings as [key, value]). */
function writeRaw(page: Page, records: { store: string; value: unknown; key?: string }[]): Promise<void> {
  return page.evaluate(
    (list) =>
      new Promise<void>((res, rej) => {
        const open = indexedDB.open('prenda-retrain');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['samples', 'versions', 'weights', 'settings'], 'readwrite');
          for (const r of list) tx.objectStore(r.store).put(r.value, r.key);
          tx.oncomplete = () => (open.result.close(), res());
          tx.onerror = () => rej(tx.error);
        };
      }),
    records,
  );
}

/** The shipped mlp as model.json + float32 weights with its values shuffled: valid, finite, and wrong. */
function scrambledMlp(): { json: string; weights: Uint8Array } {
  const { json, weights } = shippedMlp();
  const values = new Float32Array(weights.slice().buffer);
  let seed = 12345;
  for (let i = values.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return { json, weights: new Uint8Array(values.buffer) };
}

async function freshTab(query = QUERY): Promise<Page> {
  const { page } = await openApp(browser, server.origin, query);
  await waitReady(page);
  return page;
}

const clearSite = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((res) => {
        const r = indexedDB.deleteDatabase('prenda-retrain');
        r.onsuccess = r.onerror = r.onblocked = () => res();
      }),
  );

describe('nothing lost, nothing broken (issue 12)', () => {
  it('1: refuses a bundle with a minimal meta.json, and start-up survives corrupt stored records', async () => {
    const page = await freshTab();
    await clearSite(page);
    await page.reload();
    await waitReady(page);
    const entries = bundleEntries(mlpSlot('v-minimal'), [sample('s-minimal')]);
    const minimal = zipOf({ ...entries, 'meta.json': JSON.stringify({ id: 'v-minimal', createdAt: 1 }) });
    await page.setInputFiles('[data-testid=version-import]', file('minimal.zip', minimal, 'application/zip'));
    await waitError(page, /meta\.json/);
    expect(await errorText(page)).not.toMatch(/Cannot read properties/);
    expect(await versionIds(page)).toEqual([]);
    expect(await inUse(page)).toEqual(['version-shipped']);
    expect(await stored(page)).toEqual({ samples: [], versions: [], weights: [], current: null });

    // Two good samples, then records no app would write, straight into IndexedDB, the broken one in use.
    await drawCross(page);
    expect(await addSamples(page, BAG, 2)).toBe(2);
    await writeRaw(page, [
      { store: 'versions', value: { id: 'v-bad', createdAt: 1 } },
      { store: 'weights', value: { id: 'v-bad', topology: {}, weightSpecs: [], weightData: new ArrayBuffer(0) } },
      { store: 'samples', value: { id: 's-bad', label: 'Bag', pixels: 'none' } },
      { store: 'settings', key: 'current', value: 'v-bad' },
    ]);
    await page.reload();
    await waitReady(page); // throws if the backend ends in `error`
    await page.waitForSelector('[data-testid=storage-fault]', { timeout: 10_000 });
    expect(await page.locator('[data-testid=storage-fault]').count()).toBeGreaterThanOrEqual(2);
    expect(await inUse(page)).toEqual(['version-shipped']);
    expect(await count(page)).toBe(2);
    await page.click('[data-testid=storage-repair]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=storage-fault]').length === 0);
    const after = await stored(page);
    expect({ ...after, samples: after.samples.length }).toEqual({
      samples: 2,
      versions: [],
      weights: [],
      current: null,
    });

    // A safe start with a corrupt version in use: the shipped model, the samples kept.
    await writeRaw(page, [
      { store: 'versions', value: { ...mlpSlot('v-bad2').meta } },
      { store: 'weights', value: { id: 'v-bad2', topology: {}, weightSpecs: [], weightData: new ArrayBuffer(8) } },
      { store: 'settings', key: 'current', value: 'v-bad2' },
    ]);
    await page.goto(`${server.origin}/${QUERY}&safe=1`);
    await waitReady(page);
    await page.waitForSelector('[data-testid=storage-fault]', { timeout: 10_000 });
    expect(await inUse(page)).toEqual(['version-shipped']);
    expect(await count(page)).toBe(2);

    // A page closed while an import is being saved: afterwards all of it (version and samples) or none.
    const many = Array.from({ length: 40 }, (_, i) => sample(`s-close-${i}`));
    await page.goto(`${server.origin}/${QUERY}`);
    await waitReady(page);
    await page.setInputFiles(
      '[data-testid=version-import]',
      file('close.zip', zipOf(bundleEntries(mlpSlot('v-close'), many)), 'application/zip'),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid=import-status]')?.getAttribute('data-state') === 'saving',
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    await page.close();
    const again = await freshTab();
    const left = await stored(again);
    const closeSamples = left.samples.filter((id) => id.startsWith('s-close-')).length;
    expect([
      [0, false],
      [40, true],
    ]).toContainEqual([closeSamples, left.versions.includes('v-close')]);
    await again.close();
  });

  it('2: full storage (DevTools quota) ends "trained but not saved", keeps the model for the session and offers its export', async () => {
    // An in-memory context (the override works only there, before first use), no service worker (its
    // precache would use the quota too).
    const own = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    try {
      const context = await own.newContext({ serviceWorkers: 'block', locale: 'en-US', acceptDownloads: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      // Room for samples (a few KB each), not for a version (the mlp's 400 KB of weights).
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: 250_000 });
      await page.goto(`${server.origin}/${QUERY}`);
      await waitReady(page);
      await drawCross(page);
      expect(await addSamples(page, BAG, 6)).toBe(6);
      await setSettings(page, 1, '0.001');
      await startRun(page);
      expect(await waitFinished(page)).toBe('done');
      await page.waitForSelector('[data-testid=retrain-unsaved]', { state: 'visible', timeout: 5_000 });
      expect(await page.getAttribute('[data-testid=retrain-status]', 'data-saved')).toBe('false');
      expect(await inUse(page)).toEqual(['version-unsaved']);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=retrain-export-unsaved]'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      await page.waitForTimeout(1_500); // the message does not just flash
      expect(await page.isVisible('[data-testid=retrain-unsaved]')).toBe(true);
      await page.reload();
      await waitReady(page);
      await page.waitForFunction(() => document.querySelector('[data-testid=retrain-count]')?.textContent === '6');
      expect(await versionIds(page)).toEqual([]);
      expect((await stored(page)).samples).toHaveLength(6);
    } finally {
      await own.close();
    }

    // A sample storage refuses is refused on screen too, with a message; the others stay.
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'samples' && (window as unknown as { __full?: boolean }).__full)
          throw new DOMException('full', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.goto(`${server.origin}/${QUERY}`);
    await waitReady(page);
    await clearSite(page);
    await page.reload();
    await waitReady(page);
    await drawCross(page);
    expect(await addSamples(page, BAG, 2)).toBe(2);
    await page.evaluate(() => ((window as unknown as { __full?: boolean }).__full = true));
    await page.click('[data-testid=retrain-add]');
    await waitError(page, /full/i);
    await page.waitForTimeout(500);
    expect(await count(page)).toBe(2);
    await page.reload();
    await waitReady(page);
    await waitCount(page, 2, 5_000);
    await page.close();
  });

  it('3: a model.json without its weights, zero weights and 4 KB too many are refused; a bad score asks first', async () => {
    const page = await freshTab();
    await clearSite(page);
    await page.reload();
    await waitReady(page);
    await drawCross(page);
    const shippedTop = await topClass(page);
    const mlp = shippedMlp();
    const name = JSON.parse(mlp.json).weightsManifest[0].paths[0] as string;
    const nothingStored = async () => {
      expect(await versionIds(page)).toEqual([]);
      expect(await inUse(page)).toEqual(['version-shipped']);
      expect((await stored(page)).versions).toEqual([]);
    };

    // Zero weights first, while no message is shown: the outcome is whatever the page shows first.
    const zeros = zipOf({ ...bundleEntries(mlpSlot('v-zero')), 'weights.bin': new Uint8Array(mlp.weights.length) });
    await page.setInputFiles('[data-testid=version-import]', file('zeros.zip', zeros, 'application/zip'));
    await importOutcome(page);
    expect(await errorText(page)).toMatch(/same answer/);
    await nothingStored();
    expect(await importEnds(page)).toBe('failed');

    await page.setInputFiles('[data-testid=version-import]', [file('model.json', shippedMlpFiles().json)]);
    expect(await importEnds(page)).toBe('failed');
    expect(await errorText(page)).toMatch(/missing/);
    await nothingStored();

    const long = new Uint8Array(mlp.weights.length + 4096);
    long.set(mlp.weights);
    await page.setInputFiles('[data-testid=version-import]', [file('model.json', mlp.json), file(name, long)]);
    expect(await importEnds(page)).toBe('failed');
    expect(await errorText(page)).toMatch(/bytes/);
    await nothingStored();

    const bad = scrambledMlp();
    const chooseBad = () =>
      page.setInputFiles('[data-testid=version-import]', [file('model.json', bad.json), file(name, bad.weights)]);
    await chooseBad();
    expect(await importEnds(page)).toBe('asking');
    const question = (await page.textContent('[data-testid=import-question]')) ?? '';
    expect(question).toMatch(/gets \d+ % of \d+ test images right/);
    expect(Number(await page.getAttribute('[data-testid=import-question]', 'data-accuracy'))).toBeLessThan(0.5);
    await page.click('[data-testid=import-cancel]');
    expect(await importEnds(page)).toBe('cancelled');
    await nothingStored();
    expect(await topClass(page)).toBe(shippedTop);

    await chooseBad();
    expect(await importEnds(page)).toBe('asking');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]', { timeout: 30_000 });
    const [id] = await versionIds(page);
    expect((await stored(page)).current).toBe(id);
    expect(await inUse(page)).toEqual(['version']);
    await page.close();
  });

  it('4: two tabs agree within a second; a deleted sample never comes back; one training at a time', async () => {
    const a = await freshTab();
    await clearSite(a);
    await a.reload();
    await waitReady(a);
    const b = await freshTab();
    await drawCross(a);
    expect(await addSamples(a, BAG, 7)).toBe(7);
    await waitCount(b, 7);
    for (let i = 0; i < 4; i++) await b.click('[data-testid=sample-delete] >> nth=0');
    await waitCount(b, 3);
    await waitCount(a, 3);
    expect((await stored(a)).samples).toHaveLength(3);

    // Deleted behind A's back (straight in IndexedDB, no announcement), then relabelled in A.
    const victim = (await stored(a)).samples[0]!;
    await b.evaluate(
      (key) =>
        new Promise<void>((res) => {
          const open = indexedDB.open('prenda-retrain');
          open.onsuccess = () => {
            const tx = open.result.transaction('samples', 'readwrite');
            tx.objectStore('samples').delete(key);
            tx.oncomplete = () => (open.result.close(), res());
          };
        }),
      victim,
    );
    const index = await a
      .locator('[data-testid=retrain-sample]')
      .evaluateAll((l, key) => l.findIndex((e) => (e as HTMLElement).dataset.id === key), victim);
    expect(index).toBeGreaterThanOrEqual(0);
    await a.selectOption(`[data-testid=sample-label] >> nth=${index}`, '3');
    await waitError(a, /deleted/);
    await waitCount(a, 2);
    expect((await stored(a)).samples).not.toContain(victim);
    expect((await stored(a)).samples).toHaveLength(2);

    await setSettings(a, 50, '0.001');
    await startRun(a);
    await a.waitForFunction(
      () => document.querySelector('[data-testid=retrain-status]')?.getAttribute('data-state') === 'training',
    );
    await b.waitForSelector('[data-testid=retrain-elsewhere]', { timeout: 1_000 });
    expect(await b.isDisabled('[data-testid=retrain-start]')).toBe(true);
    await a.click('[data-testid=retrain-cancel]');
    expect(await waitFinished(a)).toBe('cancelled');
    await b.waitForSelector('[data-testid=retrain-elsewhere]', { state: 'detached', timeout: 2_000 });
    await a.close();
    await b.close();
  });

  it('5: a model.json that is not JSON ends the import with a message, nothing stored', async () => {
    const page = await freshTab();
    await clearSite(page);
    await page.reload();
    await waitReady(page);
    await page.setInputFiles('[data-testid=version-import]', [
      file('model.json', '<html>not json</html>', 'application/json'),
      file('group1-shard1of1.bin', new Uint8Array(16)),
    ]);
    await importOutcome(page, 10_000);
    expect(await errorText(page)).toMatch(/model\.json.*JSON/);
    expect(await importEnds(page, 1_000)).toBe('failed');
    expect(await versionIds(page)).toEqual([]);
    expect((await stored(page)).versions).toEqual([]);
    expect(await page.getAttribute('[data-testid=backend]', 'data-state')).toBe('ready');
    await page.close();
  });
});
