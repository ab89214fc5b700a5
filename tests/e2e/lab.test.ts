// The workshop lab and the evaluation view, driven through docs/ui-contract-lab.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExperimentResults, type ExperimentEpoch, type ExperimentResults } from '../../src/core/lab/experiments';
import { checkManifest, type Manifest } from '../../src/core/manifest';
import { useApp } from './fixture';
import { waitReady } from '../../support/browser/harness';

const require = createRequire(import.meta.url);
// wasm: in headless Chromium WebGL runs on SwiftShader, where the cnn needs minutes for 10,000
// images; wasm takes seconds.
const e2e = useApp({ query: '?lang=en&backend=wasm&view=lab' });
let results: ExperimentResults;
let manifest: Manifest;

// Runs after the fixture's beforeAll (vitest runs hooks in order).
beforeAll(async () => {
  results = checkExperimentResults(await (await fetch(`${e2e.server.origin}/experiments/results.json`)).json());
  manifest = checkManifest(await (await fetch(`${e2e.server.origin}/models/manifest.json`)).json());
});

/** Mean over seeds of `f` after `epoch`, straight from results.json. */
function meanOf(hidden: number, epoch: number, f: (e: ExperimentEpoch) => number): number {
  const runs = results.settings.find((s) => s.hidden === hidden)!.runs;
  return runs.reduce((a, r) => a + f(r.epochs[epoch - 1]!), 0) / runs.length;
}

/** data-value of placeholder `key` in answer `q`. */
async function shown(page: Page, q: number, key: string): Promise<number> {
  const el = page.locator(`[data-testid=answer][data-question="${q}"] [data-key="${key}"]`).first();
  return Number(await el.getAttribute('data-value'));
}

describe('Lab view', () => {
  it('draws the accuracy and loss charts (and the gap chart) on canvas', async () => {
    const { page } = e2e.app;
    for (const id of ['lab-chart-accuracy', 'lab-chart-loss', 'lab-chart-gap']) {
      await page.waitForSelector(`[data-testid=${id}] canvas`);
      const inked = await page.$eval(`[data-testid=${id}] canvas`, (c) => {
        const canvas = c as HTMLCanvasElement;
        const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return { n, width: canvas.getBoundingClientRect().width };
      });
      expect(inked.width, id).toBeGreaterThan(200);
      expect(inked.n, id).toBeGreaterThan(2000);
    }
    // The view's stylesheet comes with its lazy chunk: the page frame is capped and the legends
    // are laid out in a row, not as a bulleted list.
    expect(await page.$eval('.page', (e) => getComputedStyle(e).maxWidth)).toBe('1080px');
    expect(await page.$eval('.chart__legend', (e) => getComputedStyle(e).display)).toBe('flex');
  });

  it('answers all five questions with the numbers of results.json and the manifest', async () => {
    const { page } = e2e.app;
    await page.waitForSelector('[data-testid=answer][data-question="5"]');
    expect(await page.locator('[data-testid=answer]').count()).toBe(5);
    const mid = Math.min(10, results.recipe.epochs);
    const last = results.recipe.epochs;
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);
    close(
      await shown(page, 1, 'test_128_mid'),
      meanOf(128, mid, (e) => e.testAccuracy),
    );
    close(
      await shown(page, 1, 'train_128_mid'),
      meanOf(128, mid, (e) => e.trainAccuracy),
    );
    close(
      await shown(page, 1, 'running_128_mid'),
      meanOf(128, mid, (e) => e.runningAccuracy),
    );
    const mlp = manifest.models.find((m) => m.id === 'mlp')!;
    close(await shown(page, 2, 'worstAcc'), Math.min(...mlp.perClassAccuracy));
    close(
      await shown(page, 2, 'count1'),
      Math.max(...mlp.confusionMatrix.flatMap((r, t) => r.filter((_, p) => p !== t))),
    );
    close(
      await shown(page, 3, 'test_500_mid'),
      meanOf(500, mid, (e) => e.testAccuracy),
    );
    close(
      await shown(page, 3, 'gap_500_mid'),
      meanOf(500, mid, (e) => e.trainAccuracy - e.testAccuracy),
    );
    close(await shown(page, 3, 'params_500'), results.settings.find((s) => s.hidden === 500)!.parameters);
    close(
      await shown(page, 4, 'gap_128_last'),
      meanOf(128, last, (e) => e.trainAccuracy - e.testAccuracy),
    );
    close(
      await shown(page, 4, 'test_500_last'),
      meanOf(500, last, (e) => e.testAccuracy),
    );
    close(await shown(page, 5, 'total'), mlp.parameters);
    // The text shows the same numbers the attributes carry.
    const q3 = await page.locator('[data-testid=answer][data-question="3"]').textContent();
    expect(q3).toContain(`${(meanOf(500, mid, (e) => e.testAccuracy) * 100).toFixed(1)} %`);
  });

  it('explains every manifest model with layer parameters adding up to the manifest', async () => {
    const { page } = e2e.app;
    for (const m of manifest.models) {
      const total = page.locator(`[data-testid=arch-model][data-model="${m.id}"] [data-testid=arch-total]`);
      await total.waitFor();
      expect(Number(await total.getAttribute('data-value'))).toBe(m.parameters);
    }
    expect(await page.locator('[data-testid=arch-model][data-model="mlp"]').textContent()).toContain(
      '784×128 + 128 = 100,480',
    );
  });
});

describe('Evaluation view', () => {
  it('classifies the 10,000 test images in the app with each manifest model’s accuracy (±0.1 %)', async () => {
    const { page } = e2e.app;
    await page.click('[data-testid=view-eval]');
    expect(await waitReady(page)).toBe('wasm');
    await page.locator('[data-testid=eval-model]').waitFor();
    expect(await page.$eval('.page', (e) => getComputedStyle(e).maxWidth)).toBe('1080px'); // styled
    // The default model first, then every other one through the view's own model picker.
    const first = await page.inputValue('[data-testid=eval-model]');
    const ids = [first, ...manifest.models.map((m) => m.id).filter((id) => id !== first)];
    for (const id of ids) {
      if (id !== first) await page.selectOption('[data-testid=eval-model]', id);
      const accuracy = page.locator(`[data-testid=eval-accuracy][data-model="${id}"]`);
      await accuracy.waitFor({ timeout: 60_000 });
      const entry = manifest.models.find((m) => m.id === id)!;
      expect(Math.abs(Number(await accuracy.getAttribute('data-value')) - entry.testAccuracy), id).toBeLessThanOrEqual(
        0.001,
      );
      const stated = page.locator('[data-testid=eval-manifest-accuracy]');
      expect(Number(await stated.getAttribute('data-value'))).toBe(entry.testAccuracy);
      const counts = await page
        .locator('[data-testid=confusion-cell]')
        .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
      expect(counts).toHaveLength(100);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10000);
    }
  });

  it('shows exactly the images of a clicked cell, paginated when there are many', async () => {
    const { page } = e2e.app;
    const cells = await page.locator('button[data-testid=confusion-cell]').evaluateAll((els) =>
      els.map((e) => ({
        t: e.getAttribute('data-true')!,
        p: e.getAttribute('data-pred')!,
        n: Number(e.getAttribute('data-count')),
      })),
    );
    const small = cells.filter((c) => c.t !== c.p).sort((a, b) => a.n - b.n)[0]!;
    const big = cells.filter((c) => c.t !== c.p).sort((a, b) => b.n - a.n)[0]!;
    await page.click(`button[data-testid=confusion-cell][data-true="${small.t}"][data-pred="${small.p}"]`);
    await page.waitForSelector(`[data-testid=gallery][data-total="${small.n}"]`);
    const items = page.locator('[data-testid=gallery-item]');
    expect(await items.count()).toBe(small.n);
    const pairs = await items.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-true'), e.getAttribute('data-pred')]),
    );
    expect(pairs.every(([t, p]) => t === small.t && p === small.p)).toBe(true);

    await page.click(`button[data-testid=confusion-cell][data-true="${big.t}"][data-pred="${big.p}"]`);
    await page.waitForSelector(`[data-testid=gallery][data-total="${big.n}"]`);
    expect(await items.count()).toBe(Math.min(24, big.n));
    if (big.n > 24)
      expect(await page.textContent('[data-testid=gallery-page]')).toBe(`Page 1 of ${Math.ceil(big.n / 24)}`);
    const pair = page.locator('[data-testid=confused-pair]').first();
    expect([await pair.getAttribute('data-true'), await pair.getAttribute('data-pred')]).toEqual([big.t, big.p]);
    expect(Number(await pair.getAttribute('data-count'))).toBe(big.n);
  });

  it('has no accessibility violations (axe-core) in the evaluation and lab views', async () => {
    const { page } = e2e.app;
    // CSP blocks inline scripts, so axe is evaluated through the DevTools protocol (as in app.test.ts).
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const run = () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
        ).axe;
        return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    expect(await run()).toEqual([]);
    await page.click('[data-testid=view-lab]');
    await page.waitForSelector('[data-testid=answer]');
    expect(await run()).toEqual([]);
  });

  it('made no request outside its origin and logged no console errors', () => {
    expect(e2e.app.requests.filter((u) => !u.startsWith(e2e.server.origin) && !u.startsWith('data:'))).toEqual([]);
    expect(e2e.app.consoleErrors).toEqual([]);
  });
});
