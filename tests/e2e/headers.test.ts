// `vite preview` serves the built site with the headers it is deployed with (public/_headers):
// the CSP (with frame-ancestors, which only works as a header), nosniff, no-referrer, caching.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_HEADER } from '../../scripts/lib/deploy-headers';
import { useApp } from './fixture';

const DIST = resolve(import.meta.dirname, '../../dist');
const fixture = useApp();

/** The tfjs wasm binary as built (hashed name, under assets/). */
const wasmAsset = () => readdirSync(resolve(DIST, 'assets')).find((f) => f.endsWith('.wasm'))!;
const head = async (path: string) => (await fetch(`${fixture.server.origin}${path}`)).headers;

describe('headers as deployed', () => {
  it('sends the CSP with frame-ancestors, nosniff and no-referrer on the page and on every file', async () => {
    const wasm = wasmAsset();
    for (const path of [
      '/',
      '/?lang=en',
      '/sw.js',
      '/models/manifest.json',
      `/assets/${wasm}`,
      '/manifest.webmanifest',
    ]) {
      const h = await head(path);
      expect(h.get('content-security-policy'), path).toBe(CSP_HEADER);
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('revalidates unhashed files, keeps hashed assets, and types wasm and the web manifest', async () => {
    const wasm = wasmAsset();
    expect((await head('/')).get('cache-control')).toBe('no-cache');
    expect((await head('/sw.js')).get('cache-control')).toBe('no-cache');
    expect((await head('/data/t10k-labels-idx1-ubyte-gz.bin')).get('cache-control')).toBe('no-cache');
    const asset = await head(`/assets/${wasm}`);
    expect(asset.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.get('content-type')).toBe('application/wasm');
    expect((await head('/manifest.webmanifest')).get('content-type')).toBe('application/manifest+json');
  });

  it('keeps the CSP meta tag in the built page (for hosts that ignore _headers)', async () => {
    const page = await fixture.browser.context.newPage();
    try {
      await page.goto(`${fixture.server.origin}/?lang=en`);
      const meta = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
      expect(meta).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await page.close();
    }
    expect(readFileSync(resolve(DIST, '_headers'), 'utf8')).toContain(`Content-Security-Policy: ${CSP_HEADER}`);
  });

  it('refuses to be framed by another site', async () => {
    // Another site embeds the app and, as a control, a page of a third site that sends no CSP.
    const control = await serve(() => 'plain');
    const embedder = await serve(
      () => `<iframe src="${control.origin}/"></iframe><iframe src="${fixture.server.origin}/"></iframe>`,
    );
    const page = await fixture.browser.context.newPage();
    try {
      await page.goto(`${embedder.origin}/`);
      await expect
        .poll(() =>
          page
            .frames()
            .slice(1)
            .map((f) => f.url()),
        )
        .toEqual([`${control.origin}/`, 'chrome-error://chromewebdata/']);
    } finally {
      await page.close();
      await Promise.all([control.close(), embedder.close()]);
    }
  });
});

/** A one-page HTML server on a free 127.0.0.1 port (another origin than the app's). */
async function serve(body: () => string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(body());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // Chromium keeps sockets open (keep-alive, preconnects)
      }),
  };
}
