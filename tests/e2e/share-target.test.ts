// Web Share Target: a real multipart POST navigation to ./share-target (from a page on another
// origin, as a share sheet's is from outside the app) is answered by the service worker, online
// and offline: it lands on ?share=<id>, the app takes the files (once: the share's storage is
// emptied) and shows one photo classified in the photo view, several in the album. "Open with" on a
// desktop (launchQueue) does the same.
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_CACHE } from '../../src/sw/protocol';
import { openApp, readConfidences, waitReady } from '../../support/browser/harness';
import { devPhotos } from '../helpers/photos';
import { useApp } from './fixture';

const e2e = useApp();
let formServer: HttpServer;
let formUrl: string;

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

/** Submits `files` through the form page (loaded beforehand); returns the share id the app opened at. */
async function share(page: Page, files: string[]): Promise<string> {
  const urls: string[] = [];
  page.on('framenavigated', (f) => void (f === page.mainFrame() && urls.push(f.url())));
  await page.setInputFiles('input[name=photos]', files);
  const origin = e2e.server.origin;
  await Promise.all([page.waitForURL((u) => u.origin === origin), page.click('button[type=submit]')]);
  await waitReady(page); // the app itself opened there
  const landed = new URL(urls.find((u) => u.includes('?share='))!);
  expect(landed.origin).toBe(e2e.server.origin);
  expect(landed.pathname).toBe('/');
  expect(new URL(page.url()).searchParams.has('share')).toBe(false); // taken: a reload does not repeat it
  return landed.searchParams.get('share')!;
}

/** Files still waiting in the share cache (the app takes them, so none should be left). */
const waiting = (page: Page): Promise<number> =>
  page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, SHARE_CACHE);

/** One shared photo: the photo view shows it classified, with the same answer as choosing the file. */
async function expectPhotoView(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid=photo-verdict]').waitFor();
  expect(await page.getAttribute('[data-testid=mode-photo]', 'aria-pressed')).toBe('true');
  const shared = await readConfidences(page);
  expect(Math.abs(shared.p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.001);
  const lit = await page.$eval('[data-testid=preview]', (c) => {
    const d = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data;
    return d.filter((v, i) => i % 4 === 0 && v > 60).length;
  });
  expect(lit).toBeGreaterThan(50);
  await page.click('[data-testid=clear]');
  await page.setInputFiles('[data-testid=photo-input]', file);
  await page.locator('[data-testid=photo-verdict]').waitFor();
  const chosen = await readConfidences(page);
  expect(chosen.top).toBe(shared.top);
  chosen.p.forEach((p, k) => expect(p).toBeCloseTo(shared.p[k]!, 4));
}

/** Several shared photos: the album holds each one, in order, classified. */
async function expectAlbum(page: Page, files: string[]): Promise<string[]> {
  await page.locator('[data-testid=album][data-state=done]').waitFor({ state: 'attached', timeout: 60_000 });
  const items = await page
    .locator('[data-testid=album-item]')
    .evaluateAll((l) => l.map((e) => [e.getAttribute('data-file'), e.getAttribute('data-class')] as const));
  expect(items.map(([f]) => f)).toEqual(files.map((f) => basename(f)));
  return items.map(([, c]) => c!);
}

describe('share target', () => {
  it('opens shared photos through the service worker, online and offline: one in the photo view, several in the album', async () => {
    const app = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm');
    await waitReady(app.page);
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });
    // Offline pages need the form loaded while the network is still there.
    const pages = await Promise.all([0, 1, 2, 3].map(() => e2e.browser.context.newPage()));
    for (const p of pages) await p.goto(formUrl);
    const [onlineAlbum, onlinePhoto, offlineAlbum, offlinePhoto] = pages as [Page, Page, Page, Page];

    const several = [...devPhotos('pants', 2), ...devPhotos('shoes', 1)];
    const id = await share(onlineAlbum, several);
    expect(id).toMatch(/^[\w-]{8,}$/);
    const classes = await expectAlbum(onlineAlbum, several);
    // Both trousers photos classified (which class is the model's business, see below).
    for (const c of classes) expect(Number(c)).toBeGreaterThanOrEqual(0);
    // A share answers exactly as choosing the same files for an album does (the model's own
    // accuracy, e.g. on shoes, is eval:photos' business, not this test's).
    const chooser = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm');
    await waitReady(chooser.page);
    await chooser.page.setInputFiles('[data-testid=album-input]', several);
    expect(await expectAlbum(chooser.page, several)).toEqual(classes);
    await chooser.page.close();
    expect(await waiting(onlineAlbum)).toBe(0);

    const single = devPhotos('dress', 1);
    expect(await share(onlinePhoto, single)).not.toBe(id);
    await expectPhotoView(onlinePhoto, single[0]!);

    await e2e.browser.context.setOffline(true);
    try {
      const offlineSeveral = [...devPhotos('t-shirt', 1), ...devPhotos('dress', 2)];
      await share(offlineAlbum, offlineSeveral);
      await expectAlbum(offlineAlbum, offlineSeveral);
      const offlineSingle = devPhotos('pants', 1);
      await share(offlinePhoto, offlineSingle);
      await expectPhotoView(offlinePhoto, offlineSingle[0]!);
      expect(await waiting(offlinePhoto)).toBe(0);
    } finally {
      await e2e.browser.context.setOffline(false);
    }
  });

  it('"Open with Prenda" on a desktop (launchQueue): one photo in the photo view, several in the album', async () => {
    const page = await e2e.browser.context.newPage();
    // Chromium hands files to an installed app's launchQueue; stand in for it before the app starts.
    await page.addInitScript(() => {
      const w = window as unknown as { __launch?: (p: unknown) => void };
      const queue = { setConsumer: (consumer: (p: unknown) => void) => (w.__launch = consumer) };
      // Shadows Chromium's own (read-only) launchQueue, which only an installed app's launch fills.
      Object.defineProperty(window, 'launchQueue', { value: queue, configurable: true });
    });
    await page.goto(`${e2e.server.origin}/?lang=en&backend=wasm`);
    await waitReady(page);
    const launch = (paths: string[]) =>
      page.evaluate(
        (files) => {
          const w = window as unknown as { __launch: (p: unknown) => void };
          w.__launch({
            files: files.map((f) => ({
              getFile: async () => new File([new Uint8Array(f.bytes)], f.name, { type: 'image/jpeg' }),
            })),
          });
        },
        paths.map((p) => ({ name: basename(p), bytes: [...readFileSync(p)] })),
      );
    const one = devPhotos('shoes', 1);
    await launch(one);
    await expectPhotoView(page, one[0]!);
    const several = [...devPhotos('pants', 1), ...devPhotos('shoes', 2)];
    await launch(several);
    const classes = await expectAlbum(page, several);
    for (const c of classes) expect(Number(c)).toBeGreaterThanOrEqual(0); // every photo classified
    await page.close();
  });
});
