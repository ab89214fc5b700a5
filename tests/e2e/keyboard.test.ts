import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture';
import { drawShirt, readConfidences } from '../../support/browser/harness';

const require = createRequire(import.meta.url);
const e2e = useApp({ query: '?lang=en&backend=wasm', ready: true });

/** Presses `key` (e.g. "Shift+ArrowRight") `times` times. */
async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Presses Tab (or `key`) until `target` has the focus; fails after 40 presses. */
async function tabTo(page: Page, target: Locator, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target}`);
}

/** Bright pixels of the 28×28 preview (the model's input is light ink on black). */
const litPixels = (page: Page): Promise<number> =>
  page.$eval('[data-testid=preview]', (c) => {
    const d = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! > 128) n++;
    return n;
  });

const topClass = (page: Page): Promise<string | null> => page.getAttribute('[data-testid=top-class]', 'data-class');

describe('drawing with the keyboard only', () => {
  it('reaches the canvas with Tab, which shows a cursor and says which keys draw', async () => {
    const { page } = e2e.app;
    const canvas = page.locator('[data-testid=draw-canvas]');
    await tabTo(page, canvas);
    expect(await canvas.getAttribute('role')).toBe('application');
    expect(await canvas.getAttribute('tabindex')).toBe('0');
    const described = await page.textContent(`#${await canvas.getAttribute('aria-describedby')}`);
    expect(described).toMatch(/arrow keys move the cursor.*Space or Enter/);
    expect(await page.locator('.pad-cursor').isVisible()).toBe(true);
    expect(await topClass(page)).toBe('');
  });

  it('draws an outline with the pen down, fills it with F and classifies it live', async () => {
    const { page } = e2e.app;
    // The cursor starts in the middle (224, 224); big steps are 32 canvas pixels of 448.
    await press(page, 'Shift+ArrowLeft', 3);
    await press(page, 'Shift+ArrowUp', 4);
    await press(page, 'Space');
    await press(page, 'Shift+ArrowRight', 6);
    await press(page, 'Shift+ArrowDown', 9);
    await press(page, 'Shift+ArrowLeft', 6);
    await press(page, 'Shift+ArrowUp', 9);
    await press(page, 'Enter');
    const outline = await readConfidences(page);
    expect(Math.abs(outline.p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.001);
    await press(page, 'Shift+ArrowRight', 3);
    await press(page, 'Shift+ArrowDown', 4);
    const before = await litPixels(page);
    await press(page, 'f');
    await page.waitForFunction((n) => {
      const c = document.querySelector('[data-testid=preview]') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, 28, 28).data;
      let lit = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 128) lit++;
      return lit > n;
    }, before);
    const { p, top } = await readConfidences(page);
    expect(p).toHaveLength(10);
    expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.001);
    expect(Number(top)).toBe(p.indexOf(Math.max(...p)));
    expect(await page.textContent('[data-testid=top-class]')).not.toMatch(/Draw a garment/);
    expect(await page.locator('.pad-hint').count()).toBe(0);
    expect(await litPixels(page)).toBeGreaterThan(150); // a filled silhouette
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draw-canvas');
  });

  it('undoes with Ctrl+Z one step per fill or pen-down, back to the hint', async () => {
    const { page } = e2e.app;
    const filled = await litPixels(page);
    await press(page, 'Control+z'); // the fill
    await page.waitForFunction((n) => {
      const c = document.querySelector('[data-testid=preview]') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, 28, 28).data;
      let lit = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 128) lit++;
      return lit < n;
    }, filled);
    expect(await litPixels(page)).toBeGreaterThan(0);
    expect(await topClass(page)).not.toBe('');
    await press(page, 'Control+z'); // the whole outline, drawn in one pen-down
    await page.waitForFunction(
      () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') === '',
    );
    expect(await page.textContent('[data-testid=top-class]')).toMatch(/Draw a garment/);
  });

  it('erases with the Eraser tool, and undoes with the Undo button reached by Tab', async () => {
    const { page } = e2e.app;
    const canvas = page.locator('[data-testid=draw-canvas]');
    await canvas.focus();
    await press(page, 'Space'); // a dot of ink where the cursor is, then a short line
    await press(page, 'Shift+ArrowRight', 2);
    await press(page, 'Space');
    await readConfidences(page);
    await tabTo(page, page.getByRole('button', { name: 'Eraser' }));
    await press(page, 'Enter');
    await tabTo(page, canvas, 'Shift+Tab');
    // Sweep the eraser well past the line's edges, so no anti-aliased rim stays behind.
    await press(page, 'Shift+ArrowLeft', 3);
    await press(page, 'Space');
    await press(page, 'Shift+ArrowRight', 4);
    await press(page, 'ArrowUp', 2);
    await press(page, 'Shift+ArrowLeft', 4);
    await press(page, 'ArrowDown', 4);
    await press(page, 'Shift+ArrowRight', 4);
    await press(page, 'Space');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') === '',
    );
    await tabTo(page, page.getByRole('button', { name: 'Undo' }));
    await press(page, 'Enter');
    expect(sum((await readConfidences(page)).p)).toBeCloseTo(1, 3);
    await page.getByRole('button', { name: 'Brush' }).click();
  });

  it('has no accessibility violations with the keyboard cursor showing, in light and dark mode', async () => {
    const { page } = e2e.app;
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.locator('[data-testid=draw-canvas]').focus();
      await press(page, 'ArrowUp');
      expect(await page.locator('.pad-cursor').isVisible()).toBe(true);
      expect(await page.locator('#pad-keys').isVisible()).toBe(true);
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
      const violations = await page.evaluate(async () => {
        type Axe = { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect({ colorScheme, violations }).toEqual({ colorScheme, violations: [] });
    }
  });

  it('still draws with the mouse, which hides the keyboard cursor, and logged no console errors', async () => {
    const { page } = e2e.app;
    await page.click('[data-testid=clear]');
    await drawShirt(page);
    expect(sum((await readConfidences(page)).p)).toBeCloseTo(1, 3);
    expect(await page.locator('.pad-cursor').count()).toBe(0);
    expect(e2e.app.consoleErrors).toEqual([]);
  });
});

const sum = (p: number[]): number => p.reduce((a, b) => a + b, 0);
