// The storage modules in real Chromium and real IndexedDB (served as source by a Vite dev server):
// one transaction is all or nothing, a full disk is a typed error with nothing written, a page
// closed mid-save leaves all or nothing, corrupt records are found and removed.
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { launchEphemeral, type Browser } from '../../support/browser/harness';

const ROOT = resolve(import.meta.dirname, '../..');
let server: ViteDevServer;
let origin: string;
let browser: Browser;

/** A blank page of the dev server's origin with the store modules loaded as `window.m`. */
async function storePage(on: Browser = browser): Promise<Page> {
  const page = await on.context.newPage();
  await page.route(`${origin}/blank.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>store</title>' }),
  );
  await page.goto(`${origin}/blank.html`);
  // A string, not a function: the test runner would rewrite a dynamic import() in a function body.
  const paths = [
    '/src/ml/retrain/idb-store.ts',
    '/src/core/retrain/storage-check.ts',
    '/src/core/retrain/storage-errors.ts',
  ];
  await page.evaluate(
    `Promise.all(${JSON.stringify(paths)}.map((p) => import(p))).then((ms) => { window.m = Object.assign({}, ...ms); })`,
  );
  return page;
}

/** Runs `body` in the page with the opened store; errors come back as `{ error: name }`. */
function inStore<T>(page: Page, body: string): Promise<T | { error: string; message: string }> {
  return page.evaluate(async (code) => {
    const m = (window as unknown as { m: Record<string, (...a: unknown[]) => unknown> }).m;
    const store = await m.openIdbStore!();
    const sample = (id: string, extra: object = {}) => ({
      id,
      label: 3,
      pixels: new Uint8Array(784),
      thumb: null,
      createdAt: 1,
      ...extra,
    });
    const none = { user: null, test: null };
    const slot = (id: string, bytes: number) => ({
      id,
      topology: { class_name: 'Sequential', config: {} },
      weightSpecs: [{ name: 'w', shape: [bytes / 4], dtype: 'float32' }],
      weightData: new ArrayBuffer(bytes),
      meta: {
        ...{ id, createdAt: 1, source: 'retrain', baseModelId: 'mlp', samples: 0, heldOut: 0, epochs: 1 },
        ...{ learningRate: 0.001, backend: 'wasm', seconds: 1, before: none, after: none },
      },
    });
    const run = new Function('m', 'store', 'sample', 'slot', `return (async () => { ${code} })()`);
    try {
      return (await run(m, store, sample, slot)) as T;
    } catch (err) {
      const e = err as Error;
      return { error: e.name, message: e.message };
    }
  }, body);
}

const clear = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((res, rej) => {
        const request = indexedDB.deleteDatabase('prenda-retrain');
        request.onsuccess = () => res();
        request.onerror = () => rej(request.error);
      }),
  );

beforeAll(async () => {
  server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
    optimizeDeps: { noDiscovery: true, include: ['idb', 'valibot'] },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('no dev server address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchEphemeral(); // the quota override works only in such a context
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('IndexedDB store in Chromium', () => {
  it('commits samples, a version and the pointer in one transaction: a write that fails leaves none of them', async () => {
    const page = await storePage();
    await clear(page);
    const failed = await inStore(
      page,
      `await store.commit({ putSamples: [sample('a'), sample('b', { thumb: () => 0 })], putSlot: slot('v1', 64), current: 'v1' });`,
    );
    expect(failed).toMatchObject({ error: 'StorageUnavailableError', message: /DataCloneError/ });
    const after = await inStore<[number, number, unknown]>(
      page,
      `return [(await store.samples()).length, (await store.versions()).length, await store.getCurrent()];`,
    );
    expect(after).toEqual([0, 0, null]);
    const ok = await inStore<[string[], string[], unknown]>(
      page,
      `await store.commit({ putSamples: [sample('a'), sample('b')], putSlot: slot('v1', 64), current: 'v1' });
       return [(await store.samples()).map((s) => s.id), (await store.versions()).map((v) => v.id), await store.getCurrent()];`,
    );
    expect(ok).toEqual([['a', 'b'], ['v1'], 'v1']);
    await page.close();
  });

  it('reports a full disk (quota set through the DevTools protocol) as StorageFullError, with nothing written', async () => {
    // A context of its own: the override must come before the origin first uses storage there.
    const fresh = await launchEphemeral();
    const page = await storePage(fresh);
    const cdp: CDPSession = await fresh.context.newCDPSession(page);
    try {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2_000_000 });
      await inStore(page, `await store.commit({ putSamples: [sample('kept')] });`);
      // Chromium enforces the overridden quota on writes but its estimate() does not show it (156):
      // the room check is exercised with the real estimate, the write error with the override.
      const estimated = await inStore(
        page,
        `const { quota } = await navigator.storage.estimate(); await m.ensureRoom(quota); return 'fits';`,
      );
      expect(estimated).toMatchObject({
        error: 'StorageFullError',
        message: /^storage is full: .* MB needed, .* MB free$/,
      });
      const written = await inStore(
        page,
        `await store.commit({ putSamples: [sample('new')], putSlot: slot('big', 4_000_000), current: 'big' });`,
      );
      expect(written).toMatchObject({ error: 'StorageFullError' });
      const after = await inStore(
        page,
        `return [(await store.samples()).map((s) => s.id), (await store.versions()).length, await store.getCurrent()];`,
      );
      expect(after).toEqual([['kept'], 0, null]);
    } finally {
      await fresh.close();
    }
  });

  it('leaves all or nothing when the page closes in the middle of a save', async () => {
    const page = await storePage();
    await clear(page);
    await page.evaluate(() => {
      const m = (window as unknown as { m: Record<string, () => Promise<{ commit(c: unknown): Promise<void> }>> }).m;
      void m.openIdbStore!().then((store) => {
        const samples = Array.from({ length: 50 }, (_, i) => ({
          id: `s${i}`,
          label: 1,
          pixels: new Uint8Array(784),
          thumb: null,
          createdAt: i,
        }));
        const none = { user: null, test: null };
        const meta = { id: 'v', createdAt: 1, source: 'retrain', baseModelId: 'mlp', samples: 50, heldOut: 0 };
        void store.commit({
          putSamples: samples,
          putSlot: {
            id: 'v',
            topology: {},
            weightSpecs: [],
            weightData: new ArrayBuffer(8_000_000),
            meta: { ...meta, epochs: 1, learningRate: 0.001, backend: 'wasm', seconds: 1, before: none, after: none },
          },
          current: 'v',
        });
      });
    });
    await page.close();
    const again = await storePage();
    const state = await inStore<[number, number, unknown]>(
      again,
      `return [(await store.samples()).length, (await store.versions()).length, await store.getCurrent()];`,
    );
    expect([
      [0, 0, null],
      [50, 1, 'v'],
    ]).toContainEqual(state);
    await again.close();
  });

  it('never brings back a sample another tab deleted when relabelling it', async () => {
    const [a, b] = [await storePage(), await storePage()];
    await clear(a);
    await inStore(a, `await store.putSample(sample('s1'));`);
    await inStore(b, `await store.deleteSample('s1');`);
    expect(await inStore(a, `return store.relabelSample('s1', 7);`)).toBe(false);
    expect(await inStore(b, `return (await store.samples()).length;`)).toBe(0);
    await Promise.all([a.close(), b.close()]);
  });

  it('finds corrupt records written straight into IndexedDB and removes only them', async () => {
    const page = await storePage();
    await clear(page);
    await inStore(page, `await store.commit({ putSamples: [sample('good')], putSlot: slot('v-good', 16) });`);
    await page.evaluate(
      () =>
        new Promise<void>((res, rej) => {
          const open = indexedDB.open('prenda-retrain');
          open.onsuccess = () => {
            const tx = open.result.transaction(['samples', 'versions', 'settings'], 'readwrite');
            tx.objectStore('samples').put({ id: 'broken', label: 'seven' });
            tx.objectStore('versions').put({ id: 'v-minimal', createdAt: 5 });
            tx.objectStore('settings').put('v-minimal', 'current');
            tx.oncomplete = () => (open.result.close(), res());
            tx.onerror = () => rej(tx.error);
          };
          open.onerror = () => rej(open.error);
        }),
    );
    const faults = await inStore<string[]>(
      page,
      `return (await m.findStorageFaults(store)).map((f) => f.store + ':' + f.label + ': ' + f.problem);`,
    );
    expect(faults).toEqual([
      'samples:broken: label must be a number (got "seven")',
      'versions:v-minimal: source is missing',
      'settings:current: the version in use (v-minimal) is missing or unusable',
    ]);
    const after = await inStore(
      page,
      `await m.repairStorage(store, await m.findStorageFaults(store));
       return [(await store.samples()).map((s) => s.id), (await store.versions()).map((v) => v.id), await store.getCurrent()];`,
    );
    expect(after).toEqual([['good'], ['v-good'], null]);
    await page.close();
  });
});
