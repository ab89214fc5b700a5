// A first visit fetches and renders only what the first prediction needs (issue 11): the panels,
// the examples and the GPU warm-up come after the first answer (on phones too, so every test id of
// the contract exists without scrolling), the service worker's install after them, and the photo
// stage that phones open on keeps its place.
import { describe, expect, it } from 'vitest';
import { launchPhone, openApp, waitReady } from '../../support/browser/harness';
import { useApp } from './fixture';

const e2e = useApp();

/** Waits until the badge first says ready (wasm may answer while a GPU backend warms up). */
const firstReady = (page: import('playwright-core').Page) =>
  page.waitForFunction(
    () => document.querySelector('[data-testid=backend]')?.getAttribute('data-state') === 'ready',
    undefined,
    { timeout: 90_000 },
  );

/** Chunks of the deferred features (Vite names a lazy chunk after its entry). */
const DEFERRED = /\/assets\/(album|explain|retrain)-[\w-]+\.js$|\/examples\/examples\.(json|png)$/;

describe('first visit light', () => {
  it('on a desktop: nothing deferred before the first answer, the panels once it is in', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en');
    try {
      await firstReady(app.page);
      const before = [...app.requests];
      expect(before.filter((u) => DEFERRED.test(u))).toEqual([]);
      // The retraining database does not exist on a first visit: its code was not needed.
      expect(before.filter((u) => /\/assets\/retrain-/.test(u))).toEqual([]);
      await waitReady(app.page);
      // Then every panel renders without any scrolling (idle after the first answer).
      await app.page.locator('[data-testid=album-input]').waitFor({ state: 'attached' });
      await app.page.locator('[data-testid=explain]').waitFor({ state: 'attached' });
      await app.page
        .getByRole('button', { name: /^Example:/ })
        .first()
        .waitFor();
      expect(app.requests.filter((u) => DEFERRED.test(u)).length).toBeGreaterThanOrEqual(4);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.page.close();
    }
  });

  it('on a phone: Photo mode first without a layout shift; the panels below come after the first answer, unscrolled', async () => {
    const browser = await launchPhone();
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Which panels exist when the service worker registers (its install downloads ≈ 1.3 MB).
        const panels = window as unknown as { __panelsAtRegister?: string[]; __panelsAtGpu?: string[] };
        const present = (): string[] =>
          ['explain', 'album', 'retrain-start', 'retrain-new-class-name'].filter((id) =>
            document.querySelector(`[data-testid=${id}]`),
          );
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
          panels.__panelsAtRegister = present();
          return register.apply(this, args);
        };
        // Which panels exist when the GPU warm-up worker (the second classification worker) starts.
        const NativeWorker = window.Worker;
        let workers = 0;
        window.Worker = class extends NativeWorker {
          constructor(...args: ConstructorParameters<typeof Worker>) {
            super(...args);
            if (++workers === 2) panels.__panelsAtGpu = present();
          }
        };
        // The largest contentful paints, with whether each was inside the service worker's toast.
        const lcp = window as unknown as { __lcpInToast: boolean[] };
        lcp.__lcpInToast = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { element: Element | null })[])
            lcp.__lcpInToast.push(!!e.element?.closest('[data-testid=sw-toast]'));
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`${e2e.server.origin}/?lang=en`);
      await waitReady(page);
      await page.locator('[data-testid=photo-take]').waitFor({ state: 'attached' });
      await page.waitForTimeout(1000); // idle callbacks have run
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
      // No scrolling: outside checks drive the album and retraining by their test ids on phones too.
      expect(await page.evaluate(() => scrollY)).toBe(0);
      await page.locator('[data-testid=album]').waitFor({ state: 'attached' });
      await page.locator('[data-testid=explain]').waitFor({ state: 'attached' });
      // The service worker's first install waits until every panel has rendered.
      const atRegister = await page.waitForFunction(
        () => (window as unknown as { __panelsAtRegister?: string[] }).__panelsAtRegister,
        undefined,
        { timeout: 30_000 },
      );
      const PANELS = ['explain', 'album', 'retrain-start', 'retrain-new-class-name'];
      expect(await atRegister.jsonValue()).toEqual(PANELS);
      // So does the GPU warm-up (its shader compilation competed with the panels' renders).
      const atGpu = await page.waitForFunction(() => (window as unknown as { __panelsAtGpu?: string[] }).__panelsAtGpu);
      expect(await atGpu.jsonValue()).toEqual(PANELS);
      // The "ready to work offline" toast comes seconds after load: it must not become the page's
      // largest contentful paint (it did, as three narrow lines beside its buttons).
      await page.locator('[data-testid=sw-toast]').waitFor();
      await page.waitForTimeout(500);
      const lcp = await page.evaluate(() => (window as unknown as { __lcpInToast: boolean[] }).__lcpInToast);
      expect(lcp.length).toBeGreaterThan(0);
      expect(lcp).not.toContain(true);
    } finally {
      await browser.close();
    }
  });

  it('a stroke in progress postpones the panels (even past the idle timeout); they render once the pad is quiet', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en');
    const { page } = app;
    try {
      // The stroke starts before the first answer and goes on well past it (idle callbacks' timeout is 1.5 s).
      const box = (await page.locator('[data-testid=draw-canvas]').boundingBox())!;
      const at = (k: number): [number, number] => [
        box.x + box.width * (0.3 + 0.4 * Math.abs(Math.sin(k / 20))),
        box.y + box.height * (0.2 + 0.6 * ((k % 80) / 80)),
      ];
      await page.mouse.move(...at(0));
      await page.mouse.down();
      let k = 1;
      const move = async (): Promise<void> => {
        await page.mouse.move(...at(k++));
        await page.waitForTimeout(30);
      };
      const ready = firstReady(page);
      let isReady = false;
      void ready.then(() => (isReady = true));
      while (!isReady) await move();
      const readyAt = Date.now();
      while (Date.now() - readyAt < 3000) await move();
      const rendered = () =>
        page.evaluate(() => ['explain', 'album'].filter((id) => document.querySelector(`[data-testid=${id}]`)));
      expect(await rendered()).toEqual([]);
      // The bars answered the stroke meanwhile.
      expect(await page.getAttribute('[data-testid=top-class]', 'data-class')).toMatch(/^\d+$/);
      // A pause with the button still down is still a stroke in progress.
      await page.waitForTimeout(2000);
      expect(await rendered()).toEqual([]);
      await page.mouse.up();
      const upAt = Date.now();
      await page.locator('[data-testid=explain]').waitFor({ state: 'attached' });
      // Not before the pad has been quiet for a second.
      expect(Date.now() - upAt).toBeGreaterThanOrEqual(900);
      await page.locator('[data-testid=album]').waitFor({ state: 'attached' });
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
