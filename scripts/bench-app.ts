// Measures the built app in headless Chromium: drawing latency (prenda:input-to-bars) on wasm,
// webgl and webgpu, JavaScript bytes (gzip) of the shell and up to the first prediction, and an offline cold
// start. Needs `npm run build` first. Usage: npm run bench:app [-- --strokes 120]
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, openApp, startServer, waitReady, type Server } from '../support/browser/harness';

const dist = resolve(import.meta.dirname, '../dist');
const flag = process.argv.indexOf('--strokes');
const strokes = flag > 0 ? Number(process.argv[flag + 1]) : 300; // enough samples for a steady p95
const gz = (file: string): number => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** JS, CSS and HTML the page needs before tfjs is requested: index.html, its script and preloads. */
function shellBytes(): { js: number; css: number; html: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const sum = (ext: string): number => refs.filter((r) => r.endsWith(ext)).reduce((a, r) => a + gz(r), 0);
  return { js: sum('.js'), css: sum('.css'), html: gz('index.html') };
}

/** Draws `n` short zigzag strokes and returns the prenda:input-to-bars durations. */
async function drawLatency(page: Page, n: number): Promise<number[]> {
  await page.evaluate(() => performance.clearMeasures());
  const box = (await page.locator('[data-testid=draw-canvas]').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let i = 0; i < n; i++) {
    const t = i / n;
    await page.mouse.move(box.x + box.width * (0.2 + 0.6 * (i % 2)), box.y + box.height * (0.2 + 0.6 * t));
    await page.waitForTimeout(16); // about one pointer event per frame, like a hand
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  return page.evaluate(() => performance.getEntriesByName('prenda:input-to-bars').map((e) => e.duration));
}

async function latency(server: Server, backend: string): Promise<void> {
  const browser = await launch({ webgpu: backend === 'webgpu' });
  try {
    const app = await openApp(browser, server.origin, `?backend=${backend}&lang=en`);
    const active = await waitReady(app.page);
    const d = await drawLatency(app.page, strokes);
    const predict = await app.page.evaluate(() =>
      performance.getEntriesByName('prenda:predict').map((e) => e.duration),
    );
    console.log(
      `input-to-bars on ${active}: p50 ${percentile(d, 50).toFixed(1)} ms, p95 ${percentile(d, 95).toFixed(1)} ms ` +
        `(${d.length} updates for ${strokes} moves); predict p50 ${percentile(predict, 50).toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
  }
}

/** Bytes of JavaScript (gzip -9 of each file) the page fetched before its first prediction. */
async function bytesToFirstPrediction(server: Server): Promise<void> {
  const browser = await launch();
  try {
    const app = await openApp(browser, server.origin, '?lang=en');
    const backend = await waitReady(app.page);
    await app.page
      .getByRole('button', { name: /^Example:/ })
      .first()
      .click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class'));
    const files = new Set(app.requests.map((u) => new URL(u).pathname.slice(1)).filter((p) => p.startsWith('assets/')));
    const sum = (ext: string): number => [...files].filter((f) => f.endsWith(ext)).reduce((a, f) => a + gz(f), 0);
    console.log(
      `JS before first prediction (${backend}): ${kb(sum('.js'))} gzip in ${[...files].filter((f) => f.endsWith('.js')).length} files; wasm ${kb(sum('.wasm'))}`,
    );
  } finally {
    await browser.close();
  }
}

/** Installs the service worker, restarts the browser offline, and times load → ready → first bars. */
async function offlineColdStart(server: Server, backend: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'prenda-bench-'));
  try {
    let browser = await launch({ profile });
    const first = await openApp(browser, server.origin, `?backend=${backend}`);
    await waitReady(first.page);
    await first.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });
    await browser.close();
    browser = await launch({ profile });
    await browser.context.setOffline(true);
    const app = await openApp(browser, server.origin, `?backend=${backend}&lang=en`);
    await waitReady(app.page);
    const ready = await app.page.evaluate(() => performance.now());
    await app.page
      .getByRole('button', { name: /^Example:/ })
      .first()
      .click();
    await app.page.waitForFunction(() => performance.getEntriesByName('prenda:input-to-bars').length > 0);
    const bars = await app.page.evaluate(() => {
      const m = performance.getEntriesByName('prenda:input-to-bars')[0]!;
      return m.startTime + m.duration;
    });
    console.log(
      `offline cold start (${backend}): ready after ${ready.toFixed(0)} ms, first bars at ${bars.toFixed(0)} ms after navigation`,
    );
    await browser.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const shell = shellBytes();
console.log(
  `app shell before tfjs: JS ${kb(shell.js)} + CSS ${kb(shell.css)} + HTML ${kb(shell.html)} gzip = ${kb(shell.js + shell.css + shell.html)}`,
);
const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));
console.log(`wasm binaries: ${wasm.map((f) => `${f} ${kb(gz(`assets/${f}`))}`).join(', ')}`);
const server = await startServer();
try {
  await bytesToFirstPrediction(server);
  // webgpu (SwiftShader) for information: the goal is stated for wasm and webgl.
  for (const backend of ['wasm', 'webgl', 'webgpu']) await latency(server, backend);
  for (const backend of ['webgl', 'wasm']) await offlineColdStart(server, backend);
} finally {
  await server.close();
}
