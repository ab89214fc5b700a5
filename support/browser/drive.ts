// Drives the app through docs/ui-contract.md only: test ids, data attributes and the mouse.
import type { Page } from 'playwright-core';

/**
 * Waits until the model is loaded and warmed up, and no GPU backend is still warming up behind
 * wasm (`data-warming`); returns the active backend's name.
 */
export async function waitReady(page: Page, timeout = 90_000): Promise<string> {
  const badge = page.locator('[data-testid=backend]');
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=backend]');
      const state = el?.getAttribute('data-state');
      if (state === 'error') throw new Error(document.querySelector('[data-testid=error]')?.textContent ?? 'error');
      return state === 'ready' && !el?.hasAttribute('data-warming');
    },
    undefined,
    { timeout },
  );
  return (await badge.textContent())?.trim() ?? '';
}

/** Draws a T-shirt outline with the mouse, then fills it with the Fill tool: a solid silhouette. */
export async function drawShirt(page: Page): Promise<void> {
  const canvas = page.locator('[data-testid=draw-canvas]');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('draw-canvas is not visible');
  const at = (x: number, y: number): [number, number] => [
    box.x + (x / 100) * box.width,
    box.y + (y / 100) * box.height,
  ];
  const outline: [number, number][] = [
    [38, 18],
    [50, 24],
    [62, 18],
    [84, 30],
    [92, 46],
    [76, 52],
    [72, 44],
    [72, 86],
    [28, 86],
    [28, 44],
    [24, 52],
    [8, 46],
    [16, 30],
    [38, 18],
  ];
  await page.mouse.move(...at(...outline[0]!));
  await page.mouse.down();
  for (const p of outline.slice(1)) await page.mouse.move(...at(...p), { steps: 6 });
  await page.mouse.up();
  await page.getByRole('button', { name: /^(Fill|Rellenar)$/ }).click();
  await page.mouse.click(...at(50, 60));
  await page.getByRole('button', { name: /^(Brush|Pincel)$/ }).click();
}

/** A pair of trousers' outline, in percent of the pad (x, y), closed: what the tests and benchmarks draw. */
export const TROUSER_OUTLINE: readonly (readonly [number, number])[] = [
  [32, 10],
  [68, 10],
  [74, 92],
  [56, 92],
  [50, 36],
  [44, 92],
  [26, 92],
  [32, 10],
];

/**
 * Draws a pair of trousers (outline, then filled) with about `moves` pointer moves in all: the
 * drawing the speed figures of issue 11 use.
 */
export async function drawTrouser(page: Page, moves = 60): Promise<void> {
  const box = await page.locator('[data-testid=draw-canvas]').boundingBox();
  if (!box) throw new Error('draw-canvas is not visible');
  const at = (x: number, y: number): [number, number] => [
    box.x + (x / 100) * box.width,
    box.y + (y / 100) * box.height,
  ];
  const outline = TROUSER_OUTLINE;
  const steps = Math.max(1, Math.round(moves / (outline.length - 1)));
  await page.mouse.move(...at(...outline[0]!));
  await page.mouse.down();
  for (const p of outline.slice(1)) await page.mouse.move(...at(...p), { steps });
  await page.mouse.up();
  await page.getByRole('button', { name: /^(Fill|Rellenar)$/ }).click();
  await page.mouse.click(...at(50, 20));
  await page.getByRole('button', { name: /^(Brush|Pincel)$/ }).click();
}

/** The ten probabilities and the top class, once the bars show a classification. */
export async function readConfidences(page: Page): Promise<{ p: number[]; top: string }> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') !== '',
  );
  return page.evaluate(() => ({
    p: [...document.querySelectorAll('[data-testid=confidences] [data-testid=confidence]')].map((e) =>
      Number(e.getAttribute('data-p')),
    ),
    top: document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') ?? '',
  }));
}
