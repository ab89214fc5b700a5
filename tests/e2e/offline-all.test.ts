// The "make everything available offline" action in the UI (docs/ui-contract.md: offline-all,
// offline-status): it says what works offline, caches the rest with progress, and offline the
// Evaluation view then runs, in the classification worker.
import { describe, expect, it } from 'vitest';
import { openApp, waitReady } from '../../support/browser/harness';
import { useApp } from './fixture';

const e2e = useApp();

describe('offline on request, from the UI', () => {
  it('says what is available offline, caches everything with progress, then evaluates offline', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm');
    const { page } = app;
    await waitReady(page);
    const status = page.locator('[data-testid=offline-status]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=offline-status]')?.getAttribute('data-state') === 'core',
    );
    expect(await status.textContent()).toMatch(/Ready to work offline: drawing and photos.*Evaluation/);

    // Record the progress bar's values as the service worker reports each file.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid=offline-progress]');
        if (bar) seen.push(bar.value / bar.max);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.click('[data-testid=offline-all]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=offline-status]')?.getAttribute('data-state') === 'all',
      undefined,
      { timeout: 120_000 },
    );
    expect(await status.textContent()).toMatch(/Everything is available offline.*Evaluation/);
    expect(await page.locator('[data-testid=offline-all]').count()).toBe(0);
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(progress.length).toBeGreaterThan(2);
    expect(Math.max(...progress)).toBe(1);

    await e2e.browser.context.setOffline(true);
    try {
      const evaluation = await openApp(e2e.browser, e2e.server.origin, '?lang=en&view=eval&model=mlp');
      expect(await waitReady(evaluation.page)).toBeTruthy();
      expect(await evaluation.page.getAttribute('[data-testid=backend]', 'data-where')).toBe('worker');
      const accuracy = evaluation.page.locator('[data-testid=eval-accuracy][data-model=mlp]');
      await accuracy.waitFor({ timeout: 120_000 });
      const expected = Number(await evaluation.page.getAttribute('[data-testid=eval-manifest-accuracy]', 'data-value'));
      expect(Math.abs(Number(await accuracy.getAttribute('data-value')) - expected)).toBeLessThan(0.002);
      expect(await evaluation.page.getAttribute('[data-testid=offline-status]', 'data-state')).toBe('all');
      expect([...app.consoleErrors, ...evaluation.consoleErrors]).toEqual([]);
    } finally {
      await e2e.browser.context.setOffline(false);
    }
  });
});
