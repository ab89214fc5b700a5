// Drives retraining through docs/ui-contract.md (shared by tests/e2e/retrain.test.ts and
// scripts/bench-retrain.ts).
import type { Page } from 'playwright-core';

/** Final states of a run (`retrain-status` data-state). */
export const FINISHED = ['done', 'cancelled', 'error'];

/** Draws a diagonal cross with the mouse (re-reading the pad's position: clicks scroll the page). */
export async function drawCross(page: Page): Promise<void> {
  await page.click('[data-testid=clear]');
  const canvas = page.locator('[data-testid=draw-canvas]');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (x: number, y: number): [number, number] => [
    box.x + (x / 100) * box.width,
    box.y + (y / 100) * box.height,
  ];
  const strokes: [number, number, number, number][] = [
    [30, 30, 70, 70],
    [70, 30, 30, 70],
  ];
  for (const [x0, y0, x1, y1] of strokes) {
    await page.mouse.move(...at(x0, y0));
    await page.mouse.down();
    await page.mouse.move(...at(x1, y1), { steps: 8 });
    await page.mouse.up();
  }
  await page.waitForFunction(
    () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') !== '',
  );
}

/** The classified top class once the bars settle on the current drawing. */
export async function topClass(page: Page): Promise<number> {
  await page.waitForTimeout(300);
  return Number(await page.getAttribute('[data-testid=top-class]', 'data-class'));
}

/** Adds the current input `times` times as class `label`; returns `retrain-count`. */
export async function addSamples(page: Page, label: number, times: number): Promise<number> {
  const before = Number(await page.textContent('[data-testid=retrain-count]'));
  await page.selectOption('[data-testid=retrain-label]', String(label));
  for (let i = 0; i < times; i++) await page.click('[data-testid=retrain-add]');
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid=retrain-count]')?.textContent) === n,
    before + times,
  );
  return before + times;
}

/** Sets epochs and learning rate in the form. */
export async function setSettings(
  page: Page,
  epochs: number,
  learningRate: string,
  layers?: 'head' | 'all',
): Promise<void> {
  if (layers) await page.selectOption('[data-testid=retrain-layers]', layers);
  await page.fill('[data-testid=retrain-epochs]', String(epochs));
  await page.dispatchEvent('[data-testid=retrain-epochs]', 'change');
  await page.fill('[data-testid=retrain-lr]', learningRate);
  await page.dispatchEvent('[data-testid=retrain-lr]', 'change');
}

/** Starts recording requestAnimationFrame gaps in the page. */
export async function recordFrames(page: Page): Promise<void> {
  // A string, so that tsx's name helpers (`__name`) do not leak into the page.
  await page.evaluate(`(() => {
    window.__gaps = [];
    window.__stop = false;
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      window.__gaps.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    });
  })()`);
}

/** Stops recording; returns the frame gaps in milliseconds. */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __stop: boolean };
    w.__stop = true;
    return w.__gaps.slice(1);
  });
}

/** The p-th percentile of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Waits until the run ends; returns its final state. */
/**
 * Starts a run with a click (or a double click) on `retrain-start`, recording every `data-state`
 * the status takes from then on, so {@link waitFinished} waits for this run's end: right after the
 * click the status may still show the previous run's "done" (the run starts once it holds the
 * training lock), and a NaN run can pass through "training" within one frame.
 */
export async function startRun(page: Page, how: 'click' | 'dblclick' = 'click'): Promise<void> {
  // A locator waits for the status to exist (the retraining card renders in slices); $eval would not.
  await page.locator('[data-testid=retrain-status]').evaluate((el) => {
    const w = window as unknown as { __runStates?: string[] };
    const states: string[] = [];
    w.__runStates = states;
    new MutationObserver(() => states.push(el.getAttribute('data-state') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  await (how === 'click' ? page.click('[data-testid=retrain-start]') : page.dblclick('[data-testid=retrain-start]'));
}

/** Waits until the run started by {@link startRun} has finished; returns its final state. */
export async function waitFinished(page: Page, timeout = 300_000): Promise<string> {
  const state = await page.waitForFunction(
    (done) => {
      const states = (window as unknown as { __runStates?: string[] }).__runStates ?? [];
      const end = states.slice(states.indexOf('training') + 1).find((s) => done.includes(s));
      return states.includes('training') && end !== undefined ? end : false;
    },
    FINISHED,
    { timeout },
  );
  return (await state.jsonValue()) as string;
}
