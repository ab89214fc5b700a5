// In-browser retraining through docs/ui-contract.md: teach a drawn cross as "Bag", keep it across
// a reload, go back to the shipped model, cancel, NaN guard, export/import, corrupt storage.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRAIN_DATA } from '../../src/core/retrain/replay-mix';
import { devPhotos } from '../helpers/photos';
import { launch, openApp, waitReady, type AppPage, type Browser, type Server } from '../../support/browser/harness';
import {
  addSamples,
  drawCross,
  percentile,
  recordFrames,
  setSettings,
  stopFrames,
  topClass,
  startRun,
  waitFinished,
} from '../../support/browser/retrain-drive';
import { useApp } from './fixture';

const require = createRequire(import.meta.url);
const BAG = 8;
const MODELS = resolve(import.meta.dirname, '../../public/models');
const DIST = resolve(import.meta.dirname, '../../dist');
let server: Server;
let browser: Browser;
let app: AppPage;
let page: Page;
let shippedTop: number;
const downloads = mkdtempSync(join(tmpdir(), 'prenda-export-'));

const count = async () => Number(await page.textContent('[data-testid=retrain-count]'));
const versionIds = () =>
  page.locator('[data-testid=version]').evaluateAll((l) => l.map((e) => (e as HTMLElement).dataset.id ?? ''));
const current = () =>
  page
    .locator('[data-testid=version-list] [data-current=true]')
    .evaluate((e) => (e as HTMLElement).dataset.id ?? 'shipped');
const errorText = () => page.textContent('[data-testid=error]');
const waitCurrent = (id: string) =>
  page.waitForFunction(
    (want) =>
      (document.querySelector('[data-testid=version-list] [data-current=true]') as HTMLElement | null)?.dataset.id ===
      (want === 'shipped' ? undefined : want),
    id,
  );

// The page's own backend (WebGL here); the worker picks its own (wasm on SwiftShader).
const e2e = useApp({ query: '?lang=en&model=mlp&backend=wasm', ready: true });

beforeAll(() => {
  ({ server, browser, app } = e2e);
  page = app.page;
});

afterAll(() => rmSync(downloads, { recursive: true, force: true }));

describe('retraining in Chromium', () => {
  it('serves the shipped replay and test data byte for byte (gzip kept, not unpacked in transit)', async () => {
    for (const name of [RETRAIN_DATA.replayImages, RETRAIN_DATA.replayLabels, RETRAIN_DATA.testImages]) {
      const res = await fetch(`${server.origin}/data/${name}`);
      expect(res.headers.get('content-encoding')).toBeNull();
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.subarray(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b]));
      expect(Buffer.from(bytes).equals(readFileSync(join(DIST, 'data', name)))).toBe(true); // toEqual is slow on MBs
    }
  });

  it('teaches a drawn cross as Bag in a worker while the page keeps drawing frames', async () => {
    await drawCross(page);
    shippedTop = await topClass(page);
    expect(shippedTop).not.toBe(BAG);
    expect(await addSamples(page, BAG, 10)).toBe(10);
    await recordFrames(page);
    await startRun(page);
    expect(await waitFinished(page)).toBe('done');
    const gaps = await stopFrames(page);
    expect(gaps.length).toBeGreaterThan(10);
    expect(percentile(gaps, 95)).toBeLessThan(200);
    expect(await page.getAttribute('[data-testid=retrain-backend]', 'data-where')).toBe('worker');
    const result = await page
      .locator('[data-testid=retrain-result]')
      .evaluate((e) => ({ ...(e as HTMLElement).dataset }));
    expect(Number(result.userAfter)).toBe(1); // both held-out crosses
    expect(Number(result.testAfter)).toBeGreaterThan(0.75); // Fashion-MNIST is not forgotten
    expect(await page.getAttribute('[data-testid=retrain-chart]', 'data-epochs')).toBe('5');
    const [id] = await versionIds();
    expect(await current()).toBe(id);
    await drawCross(page);
    expect(await topClass(page)).toBe(BAG);
  });

  it('has no accessibility violations in the retraining panel with samples, chart and versions', async () => {
    // Through the DevTools protocol: the app's CSP blocks an inline <script> (see app.test.ts).
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      const violations = await page.evaluate(async () => {
        type Axe = { run: (c: string) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        return (await axe.run('.retrain')).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect({ colorScheme, violations }).toEqual({ colorScheme, violations: [] });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('adds a photo as a sample, with a thumbnail of the photo, and deletes it', async () => {
    await page.setInputFiles('[data-testid=photo-input]', devPhotos('pants', 1)[0]!);
    await page.waitForSelector('[data-testid=photo-steps]');
    expect(await addSamples(page, BAG, 1)).toBe(11);
    const last = page.locator('[data-testid=retrain-sample]').last();
    expect(await last.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).width)).toBe(48);
    await last.locator('[data-testid=sample-delete]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=retrain-sample]').length === 10);
  });

  it('keeps the retrained model and its version across a reload', async () => {
    const [id] = await versionIds();
    await page.reload();
    await waitReady(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=version]').length === 1);
    expect(await current()).toBe(id);
    expect(await count()).toBe(10);
    await drawCross(page);
    expect(await topClass(page)).toBe(BAG);
  });

  it('model-reset brings back the shipped model and keeps the samples', async () => {
    await page.click('[data-testid=model-reset]');
    await waitCurrent('shipped');
    await waitReady(page);
    await drawCross(page);
    expect(await topClass(page)).toBe(shippedTop);
    expect(await count()).toBe(10);
    expect(await versionIds()).toHaveLength(1);
  });

  it('cancel mid-run leaves the previous model in use', async () => {
    await setSettings(page, 50, '0.001');
    await startRun(page);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=retrain-progress]')?.getAttribute('value')) > 0,
    );
    await page.click('[data-testid=retrain-cancel]');
    expect(await waitFinished(page)).toBe('cancelled');
    expect(await current()).toBe('shipped');
    expect(await versionIds()).toHaveLength(1);
    expect(await topClass(page)).toBe(shippedTop);
  });

  it('catches a NaN loss (learning rate 1e30), discards the run and says why', async () => {
    await setSettings(page, 5, '1e30');
    await startRun(page);
    expect(await waitFinished(page)).toBe('error');
    expect(await errorText()).toMatch(/NaN/);
    expect(await current()).toBe('shipped');
    expect(await versionIds()).toHaveLength(1);
    expect(await topClass(page)).toBe(shippedTop);
    await setSettings(page, 5, '0.001');
  });

  it('exports a version with its samples and imports it back', async () => {
    const [id] = await versionIds();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=version-export]')]);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.zip$/);
    await page.click('[data-testid=version-delete]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=version]').length === 0);
    while ((await count()) > 0) await page.click('[data-testid=sample-delete] >> nth=0');
    await page.setInputFiles('[data-testid=version-import]', file);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=version]').length === 1);
    expect(await versionIds()).toEqual([id]);
    await waitCurrent(id!);
    await waitReady(page);
    expect(await count()).toBe(10);
    await drawCross(page);
    expect(await topClass(page)).toBe(BAG);
  });

  it('imports a plain tfjs layers model (model.json + weights) and rejects one that does not fit', async () => {
    await page.setInputFiles('[data-testid=version-import]', [
      join(MODELS, 'mlp/model.json'),
      join(MODELS, 'mlp/group1-shard1of1.bin'),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=version]').length === 2);
    await page.waitForSelector('[data-testid=import-done]');
    await waitReady(page);
    await drawCross(page);
    expect(await topClass(page)).toBe(shippedTop);
    const tiny = {
      format: 'layers-model',
      modelTopology: {
        class_name: 'Sequential',
        config: {
          name: 'tiny',
          layers: [
            {
              class_name: 'Dense',
              config: { units: 3, batch_input_shape: [null, 5], name: 'd', activation: 'softmax' },
            },
          ],
        },
      },
      weightsManifest: [
        {
          paths: ['tiny.bin'],
          weights: [
            { name: 'd/kernel', shape: [5, 3], dtype: 'float32' },
            { name: 'd/bias', shape: [3], dtype: 'float32' },
          ],
        },
      ],
    };
    await page.setInputFiles('[data-testid=version-import]', [
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny)) },
      { name: 'tiny.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(18 * 4) },
    ]);
    await page.waitForFunction(() =>
      /does not fit/.test(document.querySelector('[data-testid=error]')?.textContent ?? ''),
    );
    expect(await errorText()).toMatch(/input is 5/);
    expect(await versionIds()).toHaveLength(2);
  });

  it('skips a corrupt stored model at start-up with a message', async () => {
    const id = await current();
    await page.evaluate(
      (version) =>
        new Promise<void>((res, rej) => {
          const open = indexedDB.open('prenda-retrain');
          open.onerror = () => rej(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('weights', 'readwrite').objectStore('weights');
            const get = store.get(version);
            get.onsuccess = () => {
              const put = store.put({ ...get.result, weightData: new ArrayBuffer(16) });
              put.onsuccess = () => res();
              put.onerror = () => rej(put.error);
            };
          };
        }),
      id,
    );
    await page.reload();
    await waitReady(page);
    await page.waitForFunction(() => /skipped/.test(document.querySelector('[data-testid=error]')?.textContent ?? ''));
    expect(await current()).toBe('shipped');
    expect(await count()).toBe(10);
  });

  it('falls back to training on the page (?retrain=main) with the same result', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.goto(`${server.origin}/?lang=en&model=mlp&backend=wasm&retrain=main`);
      await waitReady(tab);
      await startRun(tab);
      expect(await waitFinished(tab)).toBe('done');
      expect(await tab.getAttribute('[data-testid=retrain-backend]', 'data-where')).toBe('main');
      await drawCross(tab);
      expect(await topClass(tab)).toBe(BAG);
    } finally {
      await tab.close();
    }
  });

  it('asks the browser to keep its storage once, when the first sample is stored, not at load', async () => {
    const fresh = await launch();
    try {
      // Count the requests (Chromium grants or refuses persist() silently, by its own heuristics).
      await fresh.context.addInitScript(() => {
        const w = window as unknown as { __persistCalls: number };
        w.__persistCalls = 0;
        navigator.storage.persist = async () => (w.__persistCalls++, true);
        navigator.storage.persisted = async () => false;
      });
      const { page: tab } = await openApp(fresh, server.origin, '?lang=en&model=mlp&backend=wasm');
      await waitReady(tab);
      const calls = () => tab.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls);
      expect(await calls()).toBe(0);
      await drawCross(tab);
      expect(await addSamples(tab, BAG, 2)).toBe(2);
      expect(await calls()).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('keeps working in memory when IndexedDB is unavailable (private mode), and says so', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
      await tab.goto(`${server.origin}/?lang=en&model=mlp&backend=wasm`);
      await waitReady(tab);
      await tab.waitForFunction(() =>
        /store your samples/.test(document.querySelector('[data-testid=error]')?.textContent ?? ''),
      );
      await drawCross(tab);
      expect(await addSamples(tab, BAG, 2)).toBe(2);
    } finally {
      await tab.close();
    }
  });

  it('refuses a sample storage cannot keep (QuotaExceededError), says so and keeps the others', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.addInitScript(() => {
        IDBObjectStore.prototype.put = () => {
          throw new DOMException('full', 'QuotaExceededError');
        };
      });
      await tab.goto(`${server.origin}/?lang=en&model=mlp&backend=wasm`);
      await waitReady(tab);
      await drawCross(tab);
      await tab.click('[data-testid=retrain-add]');
      await tab.waitForFunction(() =>
        /Storage is full, so that sample was not added/.test(
          document.querySelector('[data-testid=error]')?.textContent ?? '',
        ),
      );
      expect(Number(await tab.textContent('[data-testid=retrain-count]'))).toBe(10);
    } finally {
      await tab.close();
    }
    await page.reload();
    await waitReady(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=retrain-sample]').length === 10);
  });

  it('retrains offline from the precache (worker, replay and test data included)', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((res) => navigator.serviceWorker.addEventListener('controllerchange', res, { once: true }));
      }
    });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    for (const name of [RETRAIN_DATA.replayImages, RETRAIN_DATA.replayLabels, RETRAIN_DATA.testImages]) {
      expect(cached).toContain(`/data/${name}`);
    }
    expect(cached.some((u) => /\/assets\/retrain\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    await browser.context.setOffline(true);
    try {
      await page.reload();
      await waitReady(page);
      await startRun(page);
      expect(await waitFinished(page)).toBe('done');
      await drawCross(page);
      expect(await topClass(page)).toBe(BAG);
      expect(app.requests.filter((u) => !u.startsWith(server.origin))).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('teaches the cross to the cnn by training only its last layers (the default), in a fresh profile', async () => {
    const fresh = await launch();
    try {
      const { page: cnn } = await openApp(fresh, server.origin, '?lang=en&model=cnn&backend=wasm');
      await waitReady(cnn);
      await drawCross(cnn);
      expect(await topClass(cnn)).not.toBe(BAG);
      expect(await addSamples(cnn, BAG, 10)).toBe(10);
      expect(await cnn.inputValue('[data-testid=retrain-layers]')).toBe('head');
      await startRun(cnn);
      expect(await waitFinished(cnn)).toBe('done');
      const result = await cnn
        .locator('[data-testid=retrain-result]')
        .evaluate((e) => ({ ...(e as HTMLElement).dataset }));
      expect(Number(result.userAfter)).toBe(1);
      // The convolutions are kept, so general accuracy moves little (the shipped cnn: ≈ 0.93 here).
      expect(Number(result.testAfter)).toBeGreaterThan(Number(result.testBefore) - 0.03);
      await drawCross(cnn);
      expect(await topClass(cnn)).toBe(BAG);
      // A first photo moves to the photo model, except when the user's own version is in use.
      const mine = await cnn.locator('[data-testid=version][data-current=true]').getAttribute('data-id');
      await cnn.setInputFiles('[data-testid=photo-input]', devPhotos('pants', 1)[0]!);
      await cnn.locator('[data-testid=photo-verdict]').waitFor();
      expect(await cnn.inputValue('[data-testid=model-select]')).toBe('cnn');
      expect(await cnn.locator('[data-testid=version][data-current=true]').getAttribute('data-id')).toBe(mine);
    } finally {
      await fresh.close();
    }
  });
});
