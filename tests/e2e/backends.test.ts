import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawShirt, launch, openApp, readConfidences, waitReady, type Browser } from '../../support/browser/harness';
import { useApp } from './fixture';

// Each test launches its own Chromium (with or without WebGPU); the server is shared.
const e2e = useApp({ browser: false });

const sumsToOne = (p: number[]): boolean => p.length === 10 && Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 0.001;

/** Opens the app at `query`, expects it ready on `backend`, and checks a drawing's probabilities. */
async function openAndClassify(browser: Browser, query: string, backend: string) {
  const app = await openApp(browser, e2e.server.origin, query);
  expect(await waitReady(app.page)).toBe(backend);
  await drawShirt(app.page);
  expect(sumsToOne((await readConfidences(app.page)).p)).toBe(true);
  return app;
}

/** After a GPU loss: the app switches to `backend`, says `status`, and classifies a new drawing. */
async function expectRecoveredOn(page: Page, backend: string, status: RegExp): Promise<void> {
  await page.waitForFunction((b) => document.querySelector('[data-testid=backend]')?.textContent === b, backend);
  expect(await waitReady(page)).toBe(backend);
  expect(await page.getByRole('status').first().textContent()).toMatch(status);
  await page.click('[data-testid=clear]');
  await drawShirt(page);
  expect(sumsToOne((await readConfidences(page)).p)).toBe(true);
}

describe('backend selection', () => {
  it('?backend=wasm and ?backend=cpu start there and classify; ?backend=webgpu without WebGPU says so', async () => {
    const browser = await launch();
    try {
      for (const name of ['wasm', 'cpu']) {
        const app = await openAndClassify(browser, `?backend=${name}&lang=en`, name);
        expect(app.consoleErrors).toEqual([]);
        await app.page.close();
      }
      const app = await openApp(browser, e2e.server.origin, '?backend=webgpu&lang=en');
      expect(await waitReady(app.page)).toBe('webgl');
      expect(await app.page.getByRole('status').first().textContent()).toMatch(
        /webgpu is not available here, using webgl/,
      );
    } finally {
      await browser.close();
    }
  });

  it('falls back to wasm when the WebGL context is lost, and keeps classifying (worker and page)', async () => {
    const browser = await launch();
    try {
      // Keep a handle on every WebGL context of the page so the test can lose them like a GPU reset would.
      await browser.context.addInitScript(() => {
        const contexts: WebGLRenderingContext[] = [];
        (window as unknown as { __glContexts: WebGLRenderingContext[] }).__glContexts = contexts;
        // tfjs draws on an OffscreenCanvas where it exists.
        for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype]) {
          const original = proto.getContext as (...a: unknown[]) => unknown;
          (proto as { getContext: unknown }).getContext = function (this: unknown, ...args: unknown[]) {
            const ctx = original.apply(this, args);
            if (ctx && String(args[0]).startsWith('webgl')) contexts.push(ctx as WebGLRenderingContext);
            return ctx;
          };
        }
      });
      for (const query of ['?lang=en', '?lang=en&worker=0']) {
        const app = await openApp(browser, e2e.server.origin, query);
        expect(await waitReady(app.page)).toBe('webgl');
        await drawShirt(app.page);
        await readConfidences(app.page);
        await app.page.evaluate(() => {
          for (const gl of (window as unknown as { __glContexts: WebGLRenderingContext[] }).__glContexts) {
            gl.getExtension('WEBGL_lose_context')?.loseContext();
          }
        });
        // In a classification worker, tfjs's global engine holds the context (init scripts do not run there).
        for (const worker of app.page.workers()) {
          await worker.evaluate(() => {
            type Engine = { backendName?: string; backend?: { gpgpu?: { gl?: WebGLRenderingContext } } };
            const engine = (globalThis as unknown as { _tfengine?: Engine })._tfengine;
            if (engine?.backendName === 'webgl')
              engine.backend?.gpgpu?.gl?.getExtension('WEBGL_lose_context')?.loseContext();
          });
        }
        await expectRecoveredOn(app.page, 'wasm', /switched to wasm/);
        await app.page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('uses webgpu when Chromium exposes it; falls back to webgl when the device is lost, and keeps classifying', async () => {
    const browser = await launch({ webgpu: true });
    try {
      const app = await openAndClassify(browser, '?lang=en', 'webgpu');
      expect(app.consoleErrors).toEqual([]);
      // Crash the GPU process, as a driver reset would: the device is lost with reason 'unknown',
      // not 'destroyed'. This is what chrome://gpucrash does, but headless Chromium aborts
      // navigations to debug URLs, so ask through the DevTools protocol instead.
      const cdp = await browser.context.newCDPSession(app.page);
      await cdp.send('Browser.crashGpuProcess');
      await expectRecoveredOn(app.page, 'webgl', /WebGPU device lost.*switched to webgl/);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
