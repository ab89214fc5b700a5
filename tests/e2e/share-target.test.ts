// Web Share Target: a real multipart POST navigation to ./share-target (from a page on another
// origin, as a share sheet's is from outside the app) is answered by the service worker, online
// and offline: it lands on ?share=<id>, and takeSharedFiles(id) gives back the same bytes, once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitReady } from '../../support/browser/harness';
import { loadModule } from '../../support/browser/page-module';
import { devPhotos } from '../helpers/photos';
import { useApp } from './fixture';

const e2e = useApp();
let formServer: HttpServer;
let formUrl: string;

declare const PrendaShare: typeof import('../../src/sw/shared-files');

/** A page with the share form, as the share sheet would POST it. */
const formPage = (action: string): string =>
  `<!doctype html><form method="post" action="${action}" enctype="multipart/form-data">` +
  `<input type="file" name="photos" multiple><button type="submit">Share</button></form>`;

beforeAll(async () => {
  formServer = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(formPage(`${e2e.server.origin}/share-target`));
  });
  await new Promise<void>((r) => formServer.listen(0, '127.0.0.1', r));
  const address = formServer.address();
  formUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  formServer.closeAllConnections(); // the browser keeps connections alive
  await new Promise<void>((r) => formServer.close(() => r()));
});

const sha256 = (bytes: Buffer | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Submits `files` through the form page (loaded beforehand) and returns the share id it lands on. */
async function share(page: Page, files: string[]): Promise<string> {
  await page.setInputFiles('input[name=photos]', files);
  await Promise.all([page.waitForURL(/\?share=/), page.click('button[type=submit]')]);
  const url = new URL(page.url());
  expect(url.origin).toBe(e2e.server.origin);
  expect(url.pathname).toBe('/');
  return url.searchParams.get('share')!;
}

/** takeSharedFiles(id) in the app page: name, type and SHA-256 of each file. */
async function take(page: Page, id: string): Promise<{ name: string; type: string; size: number; sha: string }[]> {
  await loadModule(page, 'src/sw/shared-files.ts', 'PrendaShare');
  const files = await page.evaluate(async (id) => {
    const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
    const out = [];
    for (const f of await PrendaShare.takeSharedFiles(id)) {
      out.push({
        name: f.name,
        type: f.type,
        size: f.size,
        sha: hex(await crypto.subtle.digest('SHA-256', await f.arrayBuffer())),
      });
    }
    return out;
  }, id);
  return files;
}

const expected = (paths: string[]) =>
  paths.map((p) => ({
    name: basename(p),
    type: 'image/jpeg',
    size: readFileSync(p).length,
    sha: sha256(readFileSync(p)),
  }));

describe('share target', () => {
  it('takes shared photos through the service worker, online and offline', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en');
    await waitReady(app.page);
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });

    const photos = [...devPhotos('pants', 2), ...devPhotos('shoes', 1)];
    const online = await e2e.browser.context.newPage();
    await online.goto(formUrl);
    const id = await share(online, photos);
    expect(id).toMatch(/^[\w-]{8,}$/);
    await waitReady(online); // the app itself opened there
    expect(await take(online, id)).toEqual(expected(photos));
    expect(await take(online, id)).toEqual([]); // taken once, then gone

    const offline = await e2e.browser.context.newPage();
    await offline.goto(formUrl);
    await e2e.browser.context.setOffline(true);
    try {
      const single = devPhotos('dress', 1);
      const offlineId = await share(offline, single);
      expect(offlineId).not.toBe(id);
      await waitReady(offline);
      expect(await take(offline, offlineId)).toEqual(expected(single));
    } finally {
      await e2e.browser.context.setOffline(false);
    }
  });
});
