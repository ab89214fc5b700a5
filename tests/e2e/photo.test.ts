import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBadImages, type BadImages } from '../helpers/bad-images';
import { writeMjpeg } from '../helpers/mjpeg';
import { devPhotos } from '../helpers/photos';
import { drawShirt, openApp, readConfidences, waitReady } from '../../support/browser/harness';
import { useApp } from './fixture';

const ROOT = resolve(import.meta.dirname, '../..');
const CANDIDATES = [...devPhotos('pants', 2), ...devPhotos('t-shirt', 2), ...devPhotos('dress', 2)];
const dir = mkdtempSync(join(tmpdir(), 'prenda-photo-e2e-'));
const camera = join(dir, 'camera.mjpeg');
let bad: BadImages;
let classify: Promise<{ stdout: string }>;
let cli: { file: string; top: { class: number; p: number }[] }[];

// Before the fixture's hooks: the CLI starts, and the fake camera's video exists before Chromium.
beforeAll(async () => {
  classify = promisify(execFile)(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/classify.ts', '--json', ...CANDIDATES],
    { cwd: ROOT },
  );
  await Promise.all([
    writeMjpeg(devPhotos('pants', 2)[1]!, camera),
    writeBadImages(dir, CANDIDATES[0]!).then((b) => (bad = b)),
  ]);
});

// A fake camera playing a real photo; permission granted to this origin only (localhost is denied).
const e2e = useApp({
  query: '?lang=en&backend=wasm',
  ready: true,
  browser: { args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`] },
  prepare: ({ server, browser }) => browser.context.grantPermissions(['camera'], { origin: server.origin }),
});

beforeAll(async () => {
  cli = JSON.parse((await classify).stdout);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits for the photo verdict of the latest input; returns its state, text and the top class. */
async function verdict(page: Page): Promise<{ state: string; text: string; top: string }> {
  const v = page.locator('[data-testid=photo-verdict]');
  await v.waitFor();
  return {
    state: (await v.getAttribute('data-state'))!,
    text: (await v.textContent())!,
    top: (await readConfidences(page)).top,
  };
}

const litPixels = (page: Page, selector: string) =>
  page.$eval(selector, (c) => {
    const d = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! > 60) n++;
    return n;
  });

/** Where camera frames went through the photo pipeline (`prenda:photo-preprocess` measures), each place once. */
const preprocessedWhere = (page: Page) =>
  page.evaluate(() => [
    ...new Set(
      performance
        .getEntriesByName('prenda:photo-preprocess', 'measure')
        .map((e) => ((e as PerformanceMeasure).detail as { where: string }).where),
    ),
  ]);

describe('photos in Chromium', () => {
  it('a real photo shows photo → mask → crop → 28×28, fills the preview and the confidences', async () => {
    const { page } = e2e.app;
    await page.setInputFiles('[data-testid=photo-input]', CANDIDATES[0]!);
    const v = await verdict(page);
    expect(v.text).toMatch(/Looks like|Not sure/);
    const { p } = await readConfidences(page);
    expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.001);
    expect(await litPixels(page, '[data-testid=preview]')).toBeGreaterThan(80);
    const steps = await page.$$eval('[data-testid=photo-step]', (cs) =>
      cs.map((c) => [c.getAttribute('data-step'), (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]),
    );
    expect(steps.map((s) => s[0])).toEqual(['photo', 'mask', 'crop', 'input']);
    expect(Math.max(Number(steps[0]![1]), Number(steps[0]![2]))).toBe(160);
    expect(steps[3]!.slice(1)).toEqual([28, 28]);
    const manifest = await (await fetch(`${e2e.server.origin}/models/manifest.json`)).json();
    if (manifest.models.some((m: { id: string }) => m.id === 'photo')) {
      expect(await page.inputValue('[data-testid=model-select]')).toBe('photo');
    }
  });

  it('in Photo mode "Remove photo" is there only with a photo: it removes it and gives the pad back', async () => {
    const { page } = e2e.app;
    const clear = page.locator('[data-testid=clear]');
    await page.click('[data-testid=mode-draw]');
    await drawShirt(page); // a drawing kept under the photo stage is not a photo to remove
    await page.click('[data-testid=mode-photo]');
    await page.waitForFunction(() => document.querySelector('[data-testid=photo-shown]')?.closest('[hidden]') !== null);
    expect(await clear.isVisible()).toBe(false);
    await page.setInputFiles('[data-testid=photo-input]', CANDIDATES[2]!);
    await verdict(page);
    expect(await clear.isVisible()).toBe(true);
    expect((await clear.textContent())!.trim()).toBe('Remove photo');
    await clear.click();
    expect(await page.getAttribute('[data-testid=mode-draw]', 'aria-pressed')).toBe('true');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') === '',
    );
    expect(await page.isVisible('[data-testid=draw-canvas]')).toBe(true);
    expect((await clear.textContent())!.trim()).toBe('Clear');
    // Removed, not hidden: back in Photo mode the stage is empty again.
    await page.click('[data-testid=mode-photo]');
    expect(await page.isVisible('[data-testid=photo-shown]')).toBe(false);
    expect(await clear.isVisible()).toBe(false);
  });

  it('applies EXIF orientation while decoding: a sideways-stored phone photo comes out upright', async () => {
    const { page } = e2e.app;
    const [w, h] = [800, 400]; // stored landscape, EXIF 6: upright it is 400×800
    const raw = Buffer.alloc(w * h * 3, 220);
    for (let y = 100; y < 300; y++) for (let x = 100; x < 300; x++) raw.fill(30, (y * w + x) * 3, (y * w + x) * 3 + 3);
    const buffer = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await page.setInputFiles('[data-testid=photo-input]', { name: 'sideways.jpg', mimeType: 'image/jpeg', buffer });
    // Wait for this photo's step (80×160 upright), not the previous photo's canvas, which may also be 160 high.
    await page.waitForFunction(() => {
      const step = document.querySelector('[data-testid=photo-step][data-step=photo]') as HTMLCanvasElement | null;
      return step?.width === 80 && step.height === 160;
    });
    const [cw, ch, cx, cy] = await page.$eval('[data-testid=photo-step][data-step=photo]', (c) => {
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
      let [sx, sy, n] = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4)
        if (d[i]! < 100) [sx, sy, n] = [sx + ((i / 4) % cv.width), sy + Math.floor(i / 4 / cv.width), n + 1];
      return [cv.width, cv.height, sx / n, sy / n];
    });
    expect([cw, ch]).toEqual([80, 160]);
    expect(Math.abs(cx! - 40) + Math.abs(cy! - 40)).toBeLessThan(3); // rotated 90° clockwise: the square sits top centre
  });

  it('gives the same top class as `npm run classify` for the same photo', async () => {
    const { page } = e2e.app;
    const margin = (r: (typeof cli)[number]) => r.top[0]!.p - r.top[1]!.p;
    const best = [...cli].sort((a, b) => margin(b) - margin(a))[0]!;
    const file = CANDIDATES.find((c) => c.endsWith(best.file.split('/').pop()!))!;
    await page.setInputFiles('[data-testid=photo-input]', file);
    await page.waitForFunction(
      (k) => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') === k,
      String(best.top[0]!.class),
      { timeout: 15_000 },
    );
  });

  it('bad files get a clear message or "not sure", never a crash, and the app keeps working', async () => {
    const { page } = e2e.app;
    const expectations: [string, RegExp][] = [
      [bad.text, /not an image file/],
      [bad.empty, /empty/],
      [bad.truncated, /damaged or incomplete/],
      [bad.huge, /too large.*8000 × 8000/],
      [bad.heic, /HEIC/],
    ];
    for (const [file, message] of expectations) {
      await page.setInputFiles('[data-testid=photo-input]', file);
      await page.locator('[data-testid=error]', { hasText: message }).waitFor({ timeout: 10_000 });
    }
    await page.setInputFiles('[data-testid=photo-input]', bad.wall);
    await page.locator('[data-testid=photo-verdict][data-state=unsure]').waitFor();
    // A hat is none of the ten: the answer card words its best guess as a doubt, not as the answer.
    await page.setInputFiles('[data-testid=photo-input]', devPhotos('hat', 1)[0]!);
    await page.locator('[data-testid=photo-verdict][data-reason=lowConfidence]').waitFor();
    expect(await page.getAttribute('[data-testid=top-class]', 'data-class')).not.toBe('');
    expect(await page.textContent('[data-testid=top-class]')).toMatch(/^Not sure\. Maybe .+\?$/);
    await page.setInputFiles('[data-testid=photo-input]', bad.transparent);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class') !== '',
    );
    expect(await page.locator('[data-testid=error]').count()).toBe(0); // a good photo clears the complaint
    // Drag and drop of a real photo anywhere on the page.
    const bytes = readFileSync(CANDIDATES[1]!).toString('base64');
    await page.evaluate(async (b64) => {
      const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'drop.jpg', { type: 'image/jpeg' });
      const data = new DataTransfer();
      data.items.add(file);
      document
        .querySelector('main')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, bytes);
    await verdict(page);
    expect(e2e.app.consoleErrors).toEqual([]);
  });

  it('live camera: confidences on frames, capture freezes a frame, switch and stop', async () => {
    const { page } = e2e.app;
    await page.click('[data-testid=mode-photo]'); // the camera takes the pad's place in Photo mode
    await page.click('[data-testid=camera-start]');
    await page.locator('[data-testid=camera-status][data-state=live]').waitFor({ timeout: 20_000 });
    expect(
      await page.$eval('[data-testid=camera-video]', (v) => [
        (v as HTMLVideoElement).playsInline,
        (v as HTMLVideoElement).muted,
      ]),
    ).toEqual([true, true]);
    const count = () => page.evaluate(() => performance.getEntriesByName('prenda:predict', 'measure').length);
    const before = await count();
    await page.waitForTimeout(1500);
    const during = await count();
    expect(during - before).toBeGreaterThan(2); // classified live, frame after frame
    // Each frame went through the photo pipeline in the classification worker, not on the page.
    expect(await preprocessedWhere(page)).toEqual(['worker']);
    const live = await verdict(page);
    expect(await litPixels(page, '[data-testid=preview]')).toBeGreaterThan(50);
    await page.click('[data-testid=camera-capture]');
    await page.locator('[data-testid=camera-status][data-state=frozen]').waitFor();
    await page.waitForTimeout(300);
    const frozen = await count();
    await page.waitForTimeout(700);
    expect(await count()).toBe(frozen);
    await page.click('[data-testid=camera-retake]');
    await page.click('[data-testid=camera-switch]');
    await page.locator('[data-testid=camera-status][data-state=live]').waitFor({ timeout: 20_000 });
    await page.click('[data-testid=camera-stop]');
    await page.locator('[data-testid=camera-status][data-state=idle]').waitFor();

    // The page path (?worker=0) preprocesses the same frames on the page, to the same answer.
    const onPage = await openApp(e2e.browser, e2e.server.origin, '?lang=en&backend=wasm&worker=0');
    try {
      await waitReady(onPage.page);
      expect(await onPage.page.getAttribute('[data-testid=backend]', 'data-where')).toBe('main');
      await onPage.page.click('[data-testid=mode-photo]');
      await onPage.page.click('[data-testid=camera-start]');
      await onPage.page.locator('[data-testid=camera-status][data-state=live]').waitFor({ timeout: 20_000 });
      await onPage.page.waitForFunction(() => performance.getEntriesByName('prenda:photo-preprocess').length > 2);
      expect(await preprocessedWhere(onPage.page)).toEqual(['main']);
      expect((await verdict(onPage.page)).top).toBe(live.top);
      expect(onPage.consoleErrors).toEqual([]);
    } finally {
      await onPage.page.close();
    }
  });

  it('a denied camera says so and falls back to a file input that opens the camera app', async () => {
    const denied = await openApp(
      e2e.browser,
      e2e.server.origin.replace('127.0.0.1', 'localhost'),
      '?lang=en&backend=wasm',
    );
    const { page } = denied;
    await waitReady(page);
    await page.click('[data-testid=mode-photo]');
    await page.click('[data-testid=camera-start]');
    await page.locator('[data-testid=camera-status][data-state=failed]').waitFor({ timeout: 20_000 });
    expect(await page.textContent('[data-testid=error]')).toMatch(/denied/);
    expect(await page.getAttribute('[data-testid=camera-fallback]', 'capture')).toBe('environment');
    await page.setInputFiles('[data-testid=camera-fallback]', CANDIDATES[2]!);
    await verdict(page);
    await page.close();
  });
});
