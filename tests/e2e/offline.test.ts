import { describe, expect, it } from 'vitest';
import { useApp } from './fixture';
import { drawShirt, openApp, readConfidences, waitReady } from '../../support/browser/harness';

const e2e = useApp();

describe('offline', () => {
  it('works offline once the service worker has precached the app', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en');
    await waitReady(app.page);
    // Installation finishes only after the whole precache list is cached; clientsClaim then
    // hands this page to the worker.
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((res) => navigator.serviceWorker.addEventListener('controllerchange', res, { once: true }));
      }
    });
    const cached = await app.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/models/manifest.json');
    expect(cached.some((u) => u.endsWith('.bin'))).toBe(true);
    expect(cached.some((u) => u.endsWith('.wasm'))).toBe(true);

    await e2e.browser.context.setOffline(true);
    try {
      await app.page.reload();
      expect(await waitReady(app.page)).toBe('webgl');
      await drawShirt(app.page);
      const { p } = await readConfidences(app.page);
      expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.001);

      const wasm = await openApp(e2e.browser, e2e.server.origin, '?backend=wasm&lang=en');
      expect(await waitReady(wasm.page)).toBe('wasm');
      await drawShirt(wasm.page);
      expect((await readConfidences(wasm.page)).p).toHaveLength(10);
      expect([...app.consoleErrors, ...wasm.consoleErrors]).toEqual([]);
      expect([...app.requests, ...wasm.requests].filter((u) => !u.startsWith(e2e.server.origin))).toEqual([]);
    } finally {
      await e2e.browser.context.setOffline(false);
    }
  });
});
