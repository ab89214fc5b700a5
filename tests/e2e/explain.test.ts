// "Why?" (issue 15) through docs/ui-contract.md's explanation test ids: the map's values
// (`data-values` on explain-map), the neighbours' classes, cancellation (data-request, data-sent,
// data-cancelled on explain) and the live bars' prenda:input-to-bars measures while it computes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devPhotos } from '../helpers/photos';
import { openApp, readConfidences, waitReady } from '../../support/browser/harness';
import { useApp } from './fixture';

const require = createRequire(import.meta.url);
const e2e = useApp({ query: '?lang=en&backend=wasm', ready: true });

// The drawing view's panel (the gallery has its own).
const EXPLAIN = '[data-testid=explain]:not([data-testid=gallery] [data-testid=explain])';

/** Where a point given in percent of the pad lands on the page. */
async function padPoint(page: Page): Promise<(x: number, y: number) => [number, number]> {
  // Opening the panel may have scrolled the page; the pad sits at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await page.locator('[data-testid=draw-canvas]').boundingBox())!;
  return (x, y) => [box.x + (x / 100) * box.width, box.y + (y / 100) * box.height];
}

/** A pair of trousers: waistband and two legs, outlined with the mouse and filled. */
async function drawTrousers(page: Page): Promise<void> {
  const at = await padPoint(page);
  const outline: [number, number][] = [
    [32, 10],
    [68, 10],
    [72, 90],
    [56, 90],
    [50, 34],
    [44, 90],
    [28, 90],
    [32, 10],
  ];
  await page.mouse.move(...at(...outline[0]!));
  await page.mouse.down();
  for (const p of outline.slice(1)) await page.mouse.move(...at(...p), { steps: 6 });
  await page.mouse.up();
  await page.getByRole('button', { name: /^(Fill|Rellenar)$/ }).click();
  await page.mouse.click(...at(40, 30));
  await page.getByRole('button', { name: /^(Brush|Pincel)$/ }).click();
}

/** A scribble of `moves` pointer moves (each one a new input for the bars). */
async function scribble(page: Page, moves: number, y = 50): Promise<void> {
  const at = await padPoint(page);
  await page.mouse.move(...at(20, y));
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) await page.mouse.move(...at(20 + ((i * 7) % 60), y + ((i * 13) % 30) - 15));
  await page.mouse.up();
}

/** Waits for the explanation in `scope` to be ready for the latest input; returns what it shows. */
async function readyExplanation(page: Page, scope = EXPLAIN, timeout = 120_000) {
  await page.waitForFunction(
    ([sel, draw]) => {
      const e = document.querySelector(sel);
      if (e?.getAttribute('data-state') === 'error') throw new Error(e.textContent ?? 'explanation failed');
      // On the pad: the explanation of the answer the bars show now (not of an earlier one).
      const top = document.querySelector('[data-testid=top-class]')?.getAttribute('data-class');
      return e?.getAttribute('data-state') === 'ready' && (!draw || e.getAttribute('data-class') === top);
    },
    [scope, scope === EXPLAIN] as const,
    { timeout },
  );
  return page.$eval(scope, (e) => {
    const map = e.querySelector('[data-testid=explain-map]')!;
    return {
      cls: e.getAttribute('data-class') ?? '',
      method: map.getAttribute('data-method') ?? '',
      values: (map.getAttribute('data-values') ?? '').split(',').map(Number),
      neighbours: [...e.querySelectorAll('[data-testid=explain-neighbour]')].map((n) => n.getAttribute('data-class')),
    };
  });
}

/** The 28×28 input as the preview shows it (0–1). */
const previewInput = (page: Page) =>
  page.$eval('[data-testid=preview]', (c) => {
    const d = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data;
    return Array.from({ length: 784 }, (_, i) => d[i * 4]! / 255);
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Durations of the prenda:input-to-bars measures recorded since the last clear. */
const barsMeasures = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('prenda:input-to-bars', 'measure').map((m) => m.duration));

describe('explanations in Chromium', () => {
  it('drawing while an explanation computes never delays the bars; the old explanation is cancelled, never shown', async () => {
    const { page } = e2e.app;
    // Baseline: bars with the panel closed (nothing explained).
    await page.click(`${EXPLAIN} [data-testid=explain-open]`);
    expect(await page.getAttribute(EXPLAIN, 'data-state')).toBe('idle');
    await scribble(page, 30);
    await readConfidences(page);
    await page.waitForTimeout(500);
    expect(await page.getAttribute(EXPLAIN, 'data-state')).toBe('idle');
    const baseline = await barsMeasures(page);
    await page.click('[data-testid=clear]');

    // Draw trousers, and as soon as their explanation is handed to the worker, scribble on: the
    // explanation in flight must be cancelled, never shown. On a busy machine it may have finished
    // before the scribble's first input lands (nothing to cancel then): up to three tries.
    await page.click(`${EXPLAIN} [data-testid=explain-open]`);
    const during: number[] = [];
    let overlapped = false;
    for (let attempt = 0; attempt < 3 && !overlapped; attempt++) {
      // Each try on a model the worker does not hold: its first explanation loads it and builds
      // its neighbour index, which keeps that explanation in flight for a while.
      if (attempt > 0) {
        await page.selectOption('[data-testid=model-select]', attempt === 1 ? 'mlp' : 'cnn');
        await waitReady(page);
      }
      await page.click('[data-testid=clear]');
      await page.evaluate((sel) => {
        const seen: [string, string][] = [];
        (globalThis as { explainSeen?: typeof seen }).explainSeen = seen;
        const e = document.querySelector(sel)!;
        new MutationObserver(() => seen.push([e.getAttribute('data-state')!, e.getAttribute('data-request')!])).observe(
          e,
          { attributes: true, attributeFilter: ['data-state', 'data-request'] },
        );
      }, EXPLAIN);
      await drawTrousers(page);
      await page.waitForFunction((sel) => {
        const e = document.querySelector(sel)!;
        return e.getAttribute('data-sent') === e.getAttribute('data-request');
      }, EXPLAIN);
      const old = Number(await page.getAttribute(EXPLAIN, 'data-request'));
      const cancelledBefore = Number(await page.getAttribute(EXPLAIN, 'data-cancelled'));
      await page.evaluate(() => performance.clearMeasures('prenda:input-to-bars'));
      await scribble(page, 30, 60);
      during.push(...(await barsMeasures(page)));
      await readyExplanation(page);
      const seen = await page.evaluate(() => (globalThis as { explainSeen?: [string, string][] }).explainSeen!);
      const records = seen.map(([state, id]) => ({ state, id: Number(id) }));
      const latest = Number(await page.getAttribute(EXPLAIN, 'data-request'));
      expect(latest).toBeGreaterThan(old);
      // Every new input went back to computing at once, and no explanation was shown once a newer
      // input had come (an input the pointer rested on for the debounce time may be explained).
      expect(records.some((r) => r.state === 'computing' && r.id > old)).toBe(true);
      records.forEach((r, k) => {
        if (r.state === 'ready') expect(Math.max(...records.slice(0, k + 1).map((q) => q.id))).toBe(r.id);
      });
      expect(records.at(-1)).toEqual({ state: 'ready', id: latest });
      // The trousers' explanation was still in flight when the scribble began: it was cancelled.
      overlapped = !records.some((r) => r.state === 'ready' && r.id === old);
      if (overlapped)
        expect(Number(await page.getAttribute(EXPLAIN, 'data-cancelled'))).toBeGreaterThan(cancelledBefore);
      console.info(`try ${attempt + 1}: the explanation in flight was ${overlapped ? 'cancelled' : 'already done'}`);
    }
    expect(overlapped).toBe(true);
    if ((await page.inputValue('[data-testid=model-select]')) !== 'cnn') {
      await page.selectOption('[data-testid=model-select]', 'cnn');
      await waitReady(page);
    }
    // The bars kept up: each input answered as fast as without explanations (machine noise allowed).
    console.info(
      `input-to-bars median: baseline ${median(baseline).toFixed(1)} ms (${baseline.length}), while explaining ${median(during).toFixed(1)} ms (${during.length})`,
    );
    expect(during.length).toBeGreaterThan(5);
    expect(median(during)).toBeLessThan(2 * median(baseline) + 30);
  });

  it('a drawn pair of trousers: the map pushes on the drawn pixels, most neighbours are trousers', async () => {
    const { page } = e2e.app;
    await page.click('[data-testid=clear]');
    await drawTrousers(page);
    expect((await readConfidences(page)).top).toBe('1');
    const e = await readyExplanation(page);
    expect(e.cls).toBe('1');
    expect(e.method).toBe('occlusion');
    const x = await previewInput(page);
    expect(e.values).toHaveLength(784);
    const positive = e.values.reduce((a, v) => a + Math.max(0, v), 0);
    const onDrawn = e.values.reduce((a, v, i) => a + (x[i]! >= 0.5 ? Math.max(0, v) : 0), 0);
    expect(positive).toBeGreaterThan(0);
    console.info(
      `trousers: ${((100 * onDrawn) / positive).toFixed(1)} % of the positive mass on drawn pixels; worker ${await page.getAttribute(EXPLAIN, 'data-ms')} ms`,
    );
    expect(onDrawn / positive).toBeGreaterThan(0.7);
    expect(e.neighbours).toHaveLength(6);
    expect(e.neighbours.filter((c) => c === '1').length).toBeGreaterThanOrEqual(4);

    // "Why not …?" shows another map: the difference with the runner-up.
    await page.click(`${EXPLAIN} [data-testid=explain-versus]`);
    const versus = await page.$eval(`${EXPLAIN} [data-testid=explain-map]`, (m) => ({
      other: m.getAttribute('data-versus'),
      values: (m.getAttribute('data-values') ?? '').split(',').map(Number),
    }));
    expect(versus.other).not.toBe('');
    expect(versus.other).not.toBe('1');
    expect(versus.values).not.toEqual(e.values);
    await page.click(`${EXPLAIN} [data-testid=explain-versus]`);
  });

  it('the open explanation has no accessibility violations (axe-core), light and dark', async () => {
    const { page } = e2e.app;
    expect(await page.getAttribute(EXPLAIN, 'data-state')).toBe('ready');
    // CSP blocks inline scripts: axe is evaluated through the DevTools protocol (as in app.test.ts).
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
      const violations = await page.evaluate(async () => {
        type Axe = { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect({ colorScheme, violations }).toEqual({ colorScheme, violations: [] });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a photo: map and neighbours present', async () => {
    const { page } = e2e.app;
    await page.click('[data-testid=clear]');
    await page.setInputFiles('[data-testid=photo-input]', devPhotos('pants', 1)[0]!);
    await page.locator('[data-testid=photo-verdict]').waitFor();
    await waitReady(page);
    expect(await page.inputValue('[data-testid=model-select]')).toBe('photo');
    const { top } = await readConfidences(page);
    const e = await readyExplanation(page);
    expect(e.cls).toBe(top);
    expect(e.values.some((v) => v > 0)).toBe(true);
    expect(e.neighbours).toHaveLength(6);
  });

  it("the Lab's question 2 opens the gallery on a confused pair, and a gallery image's explanation opens", async () => {
    // Its own page on wasm with the cnn (the Lab's pairs are the cnn's): the Evaluation classifies
    // all 10,000 test images, many times faster there than on a software GPU.
    const lab = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm&model=cnn&view=lab');
    const { page } = lab;
    try {
      await waitReady(page);
      const link = page.locator('[data-testid=answer][data-question="2"] [data-testid=answer-pair]').first();
      await link.waitFor({ timeout: 60_000 });
      const truth = await link.getAttribute('data-true');
      const pred = await link.getAttribute('data-pred');
      await link.click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=eval]')?.getAttribute('data-state') === 'done',
        undefined,
        { timeout: 300_000 },
      );
      const item = page.locator('[data-testid=gallery-item]').first();
      await item.waitFor();
      expect(await item.getAttribute('data-true')).toBe(truth);
      expect(await item.getAttribute('data-pred')).toBe(pred);
      await item.locator('[data-testid=gallery-why]').click();
      const e = await readyExplanation(page, '[data-testid=gallery] [data-testid=explain]');
      expect(e.cls).toBe(pred);
      expect(e.values.some((v) => v !== 0)).toBe(true);
      expect(e.neighbours).toHaveLength(6);
    } finally {
      await page.close();
    }
  }, 400_000);

  it('on a phone the panel is a "Why?" button that computes nothing until opened', async () => {
    const phone = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm');
    try {
      // The panel decides at start whether it opens: load the page at phone size.
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await phone.page.reload();
      await waitReady(phone.page);
      await phone.page.locator(EXPLAIN).waitFor({ state: 'attached' });
      // Closed, the panel does nothing per answer: none of its request hooks moves while drawing.
      await phone.page.evaluate((sel) => {
        const e = document.querySelector(sel)!;
        const w = window as unknown as { explainWrites: string[] };
        w.explainWrites = [];
        new MutationObserver((list) => w.explainWrites.push(...list.map((m) => m.attributeName!))).observe(e, {
          attributes: true,
          attributeFilter: ['data-state', 'data-request', 'data-sent', 'data-cancelled'],
        });
      }, EXPLAIN);
      await drawTrousers(phone.page);
      await readConfidences(phone.page);
      await phone.page.waitForTimeout(600);
      expect(await phone.page.getAttribute(EXPLAIN, 'data-state')).toBe('idle');
      expect(await phone.page.evaluate(() => (window as unknown as { explainWrites: string[] }).explainWrites)).toEqual(
        [],
      );
      const box = (await phone.page.locator(EXPLAIN).boundingBox())!;
      expect(box.height).toBeLessThan(80);
      await phone.page.click(`${EXPLAIN} [data-testid=explain-open]`);
      expect((await readyExplanation(phone.page)).neighbours).toHaveLength(6);
    } finally {
      await phone.page.close();
    }
  });

  it('made no request outside its origin and logged no console errors', () => {
    const foreign = e2e.app.requests.filter((u) => !u.startsWith(e2e.server.origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(e2e.app.consoleErrors).toEqual([]);
  });
});
