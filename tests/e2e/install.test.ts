// Installability as Chromium itself judges it, through the DevTools protocol: the web app
// manifest parses without errors and the page meets the install criteria (manifest fields,
// icons, a service worker controlling the page).
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture';
import { waitReady } from '../../support/browser/harness';

const fx = useApp({ query: '?lang=es' });

describe('the installable app', () => {
  it('has a manifest Chromium reads without errors and no installability errors', async () => {
    const { page } = fx.app;
    await waitReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });
    const cdp = await fx.browser.context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${fx.server.origin}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as {
      name: string;
      display: string;
      icons: { purpose?: string }[];
    };
    expect(parsed).toMatchObject({ name: 'Prenda', display: 'standalone' });
    expect(parsed.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  });
});
