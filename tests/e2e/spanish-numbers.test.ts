// With ?lang=es numbers are written the Spanish way: the model picker, the Evaluation view and the
// retraining card show a decimal comma ("88,2 %"), the way the app's one formatter writes them.
import { describe, expect, it } from 'vitest';
import { waitReady } from '../../support/browser/harness';
import { addSamples, drawCross, setSettings, startRun, waitFinished } from '../../support/browser/retrain-drive';
import { useApp } from './fixture';

const e2e = useApp({ query: '?lang=es&backend=wasm&model=mlp', ready: true });

/** A percentage with a decimal comma, and one with a decimal point (English style). */
const COMMA = /\d,\d+ %/;
const POINT = /\d\.\d+ %/;

describe('numbers in Spanish', () => {
  it('the model picker writes accuracies with a decimal comma', async () => {
    const { page } = e2e.app;
    const options = await page.locator('[data-testid=model-select] option').allTextContents();
    expect(options.length).toBeGreaterThan(0);
    for (const text of options) {
      expect(text).toMatch(COMMA);
      expect(text).not.toMatch(POINT);
    }
  });

  it('the retraining card writes its before/after accuracies with a decimal comma', async () => {
    const { page } = e2e.app;
    await drawCross(page);
    await addSamples(page, 8, 2);
    await setSettings(page, 1, '0.001');
    await startRun(page);
    expect(await waitFinished(page)).toBe('done');
    const result = (await page.textContent('[data-testid=retrain-result]')) ?? '';
    expect(result).toMatch(COMMA);
    expect(result).not.toMatch(POINT);
    const version = (await page.locator('[data-testid=version] .version__text').first().textContent()) ?? '';
    expect(version).toMatch(COMMA);
  });

  it('the Evaluation view writes the accuracy with a decimal comma', async () => {
    const { page } = e2e.app;
    await page.click('[data-testid=view-eval]');
    await waitReady(page);
    const accuracy = page.locator('[data-testid=eval-accuracy]');
    await accuracy.waitFor({ timeout: 120_000 });
    expect(await accuracy.textContent()).toMatch(/^\d+,\d\d %$/);
    expect(await page.textContent('[data-testid=eval-manifest-accuracy]')).toMatch(/^\d+,\d\d %$/);
  });
});
