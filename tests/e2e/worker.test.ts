// Classification in a module worker (issue 11): the worker path and the page path (`?worker=0`)
// give the same answer, the page itself loads no tfjs on the worker path, a retrained version
// reaches the worker, and the Evaluation view completes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inputToRgba, preprocess } from '../../src/core/preprocess';
import { drawTrouser, openApp, readConfidences, waitReady } from '../../support/browser/harness';
import {
  addSamples,
  drawCross,
  setSettings,
  topClass,
  startRun,
  waitFinished,
} from '../../support/browser/retrain-drive';
import { useApp } from './fixture';

const TROUSER = 1;
const BAG = 8;
const DIST = resolve(import.meta.dirname, '../../dist');
const e2e = useApp();

/** Built JavaScript files that hold tfjs: its core (environment flags) or the WebGL backend. */
const tfjsFiles = readdirSync(join(DIST, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .filter((f) => /Cannot evaluate flag|WEBGL_VERSION/.test(readFileSync(join(DIST, 'assets', f), 'utf8')));

/** Every worker script and its static imports: Chromium lists them in the page's timeline too. */
const workerFiles = new Set(
  readdirSync(join(DIST, 'assets'))
    .filter((f) => /(^|\.)worker-[\w-]+\.js$/.test(f))
    .flatMap((worker) => [
      `/assets/${worker}`,
      ...[...readFileSync(join(DIST, 'assets', worker), 'utf8').matchAll(/\bfrom\s*"\.\/([\w.-]+\.js)"/g)].map(
        (m) => `/assets/${m[1]}`,
      ),
    ]),
);

/** The tfjs files the document itself fetched (its resource timeline; a worker's imports are the worker's). */
const tfjsFetchedByPage = async (page: Page): Promise<string[]> =>
  (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))).filter(
    (u) => tfjsFiles.some((f) => u.endsWith(`/${f}`)) && !workerFiles.has(u),
  );

const where = (page: Page) => page.getAttribute('[data-testid=backend]', 'data-where');

/** The RGBA bytes of a canvas test id (the pad, or the 28×28 preview). */
const canvasBytes = (page: Page, testId: string): Promise<number[]> =>
  page.evaluate((id) => {
    const c = document.querySelector<HTMLCanvasElement>(`[data-testid=${id}]`)!;
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  }, testId);

/** SHA-256 of the pad's RGBA bytes, computed in the page (800,000 numbers cost seconds through the protocol). */
const padDigest = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=draw-canvas]')!;
    const bytes = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(hash, (v) => v.toString(16).padStart(2, '0')).join('');
  });

/** Waits until the bars' data-p values equal `answer` (`same`) or differ from it. */
const barsBecome = (page: Page, answer: string[], same: boolean): Promise<unknown> =>
  page.waitForFunction(
    ([before, equal]) => {
      const now = [...document.querySelectorAll('[data-testid=confidence]')].map((li) => li.getAttribute('data-p'));
      return now.every((p, i) => p === before[i]) === equal;
    },
    [answer, same] as const,
  );

/** Opens the app at `query`, draws a trouser and returns its probabilities and 28×28 preview. */
async function classifyTrouser(query: string) {
  const app = await openApp(e2e.browser, e2e.server.origin, query);
  const backend = await waitReady(app.page);
  await drawTrouser(app.page);
  await app.page.waitForTimeout(300); // the last stroke's answer
  const { p, top } = await readConfidences(app.page);
  const preview = await canvasBytes(app.page, 'preview');
  // What the whole pad gives, preprocessed here: the page sent only its ink box's pixels.
  const pad = await app.page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=draw-canvas]')!;
    return { width: c.width, height: c.height };
  });
  const whole = preprocess({ data: Uint8ClampedArray.from(await canvasBytes(app.page, 'draw-canvas')), ...pad });
  return { app, backend, p, top: Number(top), preview, whole: Array.from(inputToRgba(whole!)) };
}

describe('classification in a worker', () => {
  it('the worker path and ?worker=0 classify a drawn trouser the same, with the same preview; the badge says where; only ?worker=0 loads tfjs on the page', async () => {
    const inWorker = await classifyTrouser('?lang=en');
    const onPage = await classifyTrouser('?lang=en&worker=0');
    try {
      expect(await where(inWorker.app.page)).toBe('worker');
      expect(await where(onPage.app.page)).toBe('main');
      expect(inWorker.backend).toBe(onPage.backend);
      expect(inWorker.top).toBe(TROUSER);
      expect(onPage.top).toBe(TROUSER);
      expect(inWorker.p).toHaveLength(10);
      for (let k = 0; k < 10; k++) expect(Math.abs(inWorker.p[k]! - onPage.p[k]!), `class ${k}`).toBeLessThan(1e-3);
      // Both paths show the same 28×28 input, and it is the whole pad's (the ink box crop loses nothing).
      expect(inWorker.preview).toHaveLength(28 * 28 * 4);
      expect(inWorker.preview.some((v, i) => i % 4 !== 3 && v > 0)).toBe(true);
      expect(inWorker.preview).toEqual(onPage.preview);
      expect(inWorker.preview).toEqual(inWorker.whole);
      expect(onPage.preview).toEqual(onPage.whole);
      // Every worker counts (classification, explanation, album decoding, retraining, bundles).
      expect(tfjsFiles.length).toBeGreaterThan(1);
      expect(workerFiles.size).toBeGreaterThan(2);
      expect(await tfjsFetchedByPage(inWorker.app.page)).toEqual([]);
      expect((await tfjsFetchedByPage(onPage.app.page)).length).toBeGreaterThan(0);
      expect(inWorker.app.consoleErrors).toEqual([]);
    } finally {
      await inWorker.app.page.close();
      await onPage.app.page.close();
    }
  });

  it('the Evaluation view completes, batch work on the fastest measured backend', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en&view=eval');
    const page = app.page;
    try {
      await waitReady(page);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=eval]')?.getAttribute('data-state') === 'done',
        undefined,
        {
          timeout: 120_000,
        },
      );
      const text = (await page.textContent('[data-testid=eval]')) ?? '';
      // SwiftShader is a software GPU: wasm measures faster for batches here.
      expect(text).toMatch(/wasm/);
      const accuracy = Number(await page.getAttribute('[data-testid=eval-accuracy]', 'data-value'));
      const shipped = Number(await page.getAttribute('[data-testid=eval-manifest-accuracy]', 'data-value'));
      expect(Math.abs(accuracy - shipped)).toBeLessThan(0.002);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // Last: the version it trains stays current in this browser's storage.
  it('a retrained version is used by the worker, without a reload', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en&model=mlp&backend=wasm');
    const page = app.page;
    try {
      await waitReady(page);
      expect(await where(page)).toBe('worker');
      await drawCross(page);
      expect(await topClass(page)).not.toBe(BAG);
      await addSamples(page, BAG, 10);
      await setSettings(page, 5, '0.003');
      await startRun(page);
      const finished = await waitFinished(page);
      expect(finished, (await page.textContent('[data-testid=retrain-status]')) ?? '').toBe('done');
      await waitReady(page);
      expect(await where(page)).toBe('worker');
      await drawCross(page);
      expect(await topClass(page)).toBe(BAG);
    } finally {
      await page.close();
    }
  });

  it('undo puts the pad back pixel for pixel from the ink box it saved, and the worker answers as before', async () => {
    // wasm: the answer is what is compared, on any backend; SwiftShader's WebGL only makes it slower.
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm');
    const page = app.page;
    const bars = (): Promise<string[]> =>
      page.$$eval('[data-testid=confidence]', (lis) => lis.map((li) => li.getAttribute('data-p') ?? ''));
    try {
      await waitReady(page);
      await drawTrouser(page);
      await page.waitForTimeout(300); // the last stroke's answer
      await readConfidences(page);
      const pad = await padDigest(page);
      const answer = await bars();
      // One more stroke across the legs, then one undo.
      const box = (await page.locator('[data-testid=draw-canvas]').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.7);
      await page.mouse.down();
      for (let i = 1; i <= 20; i++)
        await page.mouse.move(box.x + box.width * (0.15 + i * 0.035), box.y + box.height * 0.7);
      await page.mouse.up();
      await barsBecome(page, answer, false);
      expect(await padDigest(page)).not.toBe(pad);
      await page.getByRole('button', { name: 'Undo' }).click();
      await barsBecome(page, answer, true);
      expect(await padDigest(page)).toBe(pad);
      expect(await bars()).toEqual(answer);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the bars show exactly the probabilities the worker sent, written straight to their nodes', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en');
    try {
      // Listen to the classification worker's answers from the first script on.
      await app.page.addInitScript(() => {
        const w = window as unknown as { lastInked: number[] | null };
        w.lastInked = null;
        const Native = window.Worker;
        window.Worker = class extends Native {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            this.addEventListener('message', (e: MessageEvent<{ type?: string; probs?: Float32Array }>) => {
              if (e.data?.type === 'inked' && e.data.probs) w.lastInked = Array.from(e.data.probs);
            });
          }
        };
      });
      await app.page.reload();
      await waitReady(app.page);
      await drawTrouser(app.page);
      await app.page.waitForTimeout(500); // the last stroke's answer
      const { sent, bars } = await app.page.evaluate(() => ({
        sent: (window as unknown as { lastInked: number[] | null }).lastInked,
        bars: [...document.querySelectorAll<HTMLElement>('[data-testid=confidence]')].map((li) => ({
          p: li.getAttribute('data-p'),
          top: li.classList.contains('bar--top'),
          fill: li.querySelector<HTMLElement>('.bar__fill')!.style.transform,
          value: li.querySelector('.bar__value')!.textContent,
        })),
      }));
      expect(sent).toHaveLength(10);
      const top = sent!.indexOf(Math.max(...sent!));
      expect(top).toBe(TROUSER);
      bars.forEach((bar, k) => {
        expect(bar.p, `class ${k}`).toBe(String(sent![k]));
        // The fill moves in thousandths of the track (Confidences.tsx: FILL_STEPS): within half a step.
        const scale = Number(/^scaleX\((.+)\)$/.exec(bar.fill)?.[1]);
        expect(Math.abs(scale - sent![k]!), `class ${k}`).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(bar.top, `class ${k}`).toBe(k === top);
        expect(bar.value, `class ${k}`).toMatch(/^\d+(\.\d)? %$/);
      });
      expect(bars[top]!.value).toBe(`${(sent![top]! * 100).toFixed(sent![top]! >= 0.995 ? 0 : 1)} %`);
      await app.page.click('[data-testid=clear]');
      await app.page.waitForFunction(
        () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') === '',
      );
      const cleared = await app.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid=confidence]')].map(
          (li) => `${li.getAttribute('data-p')} ${li.querySelector('.bar__value')!.textContent} ${li.className}`,
        ),
      );
      expect(cleared).toEqual(Array.from({ length: 10 }, () => '0 – bar'));
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.page.close();
    }
  });
});
