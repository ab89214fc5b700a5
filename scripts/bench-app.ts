// Measures the built app in headless Chromium: per backend and place (classification worker or
// page), load → first prediction, drawing latency (prenda:input-to-bars) while drawing a pair of
// trousers, long tasks while drawing; JavaScript bytes (gzip) of the shell and up to the first
// prediction, and an offline cold start. Needs `npm run build` first. Usage:
//   npm run bench:app [-- --cpu-throttle 4] [--moves 700] [--backends wasm,webgl] [--where worker,main]
// `--cpu-throttle N` is Chromium's Emulation.setCPUThrottlingRate (Lighthouse's mobile factor is 4)
// with a 390×844 viewport. `--profile` also prints where the page's main thread spent its time while
// drawing (a V8 CPU profile, self time per function; rendering shows as "(program)");
// `--latency-only` skips the byte counts and the offline cold start; `--dist DIR` measures the build in DIR.
// `--input touch` draws with a finger (touch events through the DevTools protocol) in a phone context
// (390×844 at 2×, touch, mobile viewport: what a phone user has) instead of the mouse (390×844 at 1×).
// Every run prints how late the browser handed the moves to the page (event timestamp → first pointer
// event) and the app's own part, from there to the bars. `--runs N` repeats each latency run N times
// in fresh browsers and prints the median and range: identical builds differ by several ms of p95
// from one run to the next here, so one run cannot tell a small change from noise. `--floor` first
// measures the same drawing on scripts/bench-floor/: only the stroke on a canvas and a worker that
// echoes each move, the least any drawing classifier with a worker costs on this machine.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { TROUSER_OUTLINE } from '../support/browser/drive';
import { selfTimes, type CpuProfile } from './lib/cpu-profile';
import {
  launch,
  launchPhone,
  openApp,
  startServer,
  waitReady,
  type Browser,
  type Server,
} from '../support/browser/harness';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// `--dist DIR`: measure another build (e.g. main's, built with `vite build --outDir DIR`) side by side.
const dist = resolve(arg('dist') ?? resolve(import.meta.dirname, '../dist'));
const moves = Number(arg('moves') ?? 700); // a pair of trousers drawn by hand, about one move per frame
const throttle = Number(arg('cpu-throttle') ?? 1);
const backends = (arg('backends') ?? 'wasm,webgl,webgpu').split(',');
const places = (arg('where') ?? 'worker').split(',');
const profile = process.argv.includes('--profile');
const latencyOnly = process.argv.includes('--latency-only');
const input = arg('input') ?? 'mouse';
const runs = Number(arg('runs') ?? 1);
const withFloor = process.argv.includes('--floor');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs is a whole number ≥ 1, not ${arg('runs')}`);
if (input !== 'mouse' && input !== 'touch') throw new Error(`--input is mouse or touch, not ${input}`);
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

/** One finger or the mouse: press, move, lift at page coordinates. */
interface Pointer {
  down(x: number, y: number): Promise<void>;
  move(x: number, y: number): Promise<void>;
  up(): Promise<void>;
}

/** The mouse, through Playwright (Input.dispatchMouseEvent). */
function mouse(page: Page): Pointer {
  return {
    down: async (x, y) => {
      await page.mouse.move(x, y);
      await page.mouse.down();
    },
    move: (x, y) => page.mouse.move(x, y),
    up: () => page.mouse.up(),
  };
}

/** A finger through the DevTools protocol (Input.dispatchTouchEvent), as a phone's touch screen sends it. */
function finger(cdp: CDPSession): Pointer {
  const touch = (type: 'touchStart' | 'touchMove', x: number, y: number): Promise<unknown> =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  return {
    down: async (x, y) => void (await touch('touchStart', x, y)),
    move: async (x, y) => void (await touch('touchMove', x, y)),
    up: async () => void (await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })),
  };
}

/** Draws a pair of trousers in `n` pointer moves (one per frame); returns the prenda:input-to-bars durations. */
async function drawLatency(page: Page, pointer: Pointer, n: number): Promise<number[]> {
  await page.evaluate(() => performance.clearMeasures());
  const box = (await page.locator('[data-testid=draw-canvas]').boundingBox())!;
  const outline = TROUSER_OUTLINE;
  const at = (x: number, y: number): [number, number] => [
    box.x + (x / 100) * box.width,
    box.y + (y / 100) * box.height,
  ];
  const per = Math.max(1, Math.round(n / (outline.length - 1)));
  await pointer.down(...at(...outline[0]!));
  for (let i = 1; i < outline.length; i++) {
    const [x0, y0] = outline[i - 1]!;
    const [x1, y1] = outline[i]!;
    for (let k = 1; k <= per; k++) {
      await pointer.move(...at(x0 + ((x1 - x0) * k) / per, y0 + ((y1 - y0) * k) / per));
      await page.waitForTimeout(16); // about one pointer event per frame, like a hand
    }
  }
  await pointer.up();
  await page.waitForTimeout(500);
  return page.evaluate(() => performance.getEntriesByName('prenda:input-to-bars').map((e) => e.duration));
}

/** Records (before any app script runs) when the badge first says ready, and long tasks. */
function instrument(): void {
  const w = window as unknown as { __ready?: number; __settled?: number; __long: PerformanceEntry[] };
  w.__long = [];
  new PerformanceObserver((list) => w.__long.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  // How late the browser hands each move to the page: the first pointer event of a move (the raw
  // update where there is one) against the move's own timestamp, before any of the app's code runs.
  const d = window as unknown as { __delivery: [number, number][]; __lastMove: number };
  d.__delivery = [];
  d.__lastMove = -1;
  // One inline listener (no named function: tsx would wrap it in a helper the page does not have).
  for (const type of ['pointerrawupdate', 'pointermove']) {
    addEventListener(
      type,
      (e) => {
        if (e.timeStamp === d.__lastMove) return; // the pointermove of a move whose raw update came first
        d.__lastMove = e.timeStamp;
        d.__delivery.push([e.timeStamp, performance.now()]);
      },
      { capture: true, passive: true },
    );
  }
  // Disconnected once settled: watching every attribute of the page would otherwise add a mutation
  // record and a callback to each bar's write while drawing, time the app itself never spends.
  const badgeWatch = new MutationObserver(() => {
    const badge = document.querySelector('[data-testid=backend]');
    if (badge?.getAttribute('data-state') !== 'ready') return;
    w.__ready ??= performance.now();
    if (!badge.hasAttribute('data-warming')) w.__settled ??= performance.now();
    if (w.__settled !== undefined) badgeWatch.disconnect();
  });
  badgeWatch.observe(document, { subtree: true, childList: true, attributes: true });
}

/** The same busy loop on the page and in a classification worker: does the throttling reach workers? */
async function throttleCheck(page: Page): Promise<{ main: number; worker: number }> {
  const spin = (): number => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i % 7;
    return x < 0 ? -1 : performance.now() - t0;
  };
  const main = await page.evaluate(spin);
  const worker = page.workers()[0];
  return { main, worker: worker ? await worker.evaluate(spin) : NaN };
}

/** One latency run's headline figures (ms), for the summary over `--runs`. */
interface RunFigures {
  ready: number;
  p50: number;
  p95: number;
  appP95: number;
  long: number;
}

/** Median and range of `pick` over `items`, e.g. "24.1 (21.3–27.9)". */
function spread<T>(items: T[], pick: (item: T) => number, digits = 1): string {
  const sorted = items.map(pick).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return `${median.toFixed(digits)} (${sorted[0]!.toFixed(digits)}–${sorted.at(-1)!.toFixed(digits)})`;
}

/** A fresh browser for `--input` with a throttled page in it, and the pointer that draws on that page. */
async function openPage(webgpu: boolean): Promise<{ browser: Browser; page: Page; cdp: CDPSession; pointer: Pointer }> {
  const browser = input === 'touch' ? await launchPhone({ webgpu }) : await launch({ webgpu });
  const page = await browser.context.newPage();
  if (input === 'mouse') await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await browser.context.newCDPSession(page);
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { browser, page, cdp, pointer: input === 'touch' ? finger(cdp) : mouse(page) };
}

async function latency(server: Server, backend: string, where: string): Promise<RunFigures> {
  const { browser, page, cdp, pointer } = await openPage(backend === 'webgpu');
  try {
    await page.addInitScript(instrument);
    await page.goto(`${server.origin}/?backend=${backend}&lang=en${where === 'main' ? '&worker=0' : ''}`);
    const active = await waitReady(page);
    // A phone (coarse pointer) starts in Photo mode.
    if (input === 'touch') await page.tap('[data-testid=mode-draw]');
    const badge = await page.getAttribute('[data-testid=backend]', 'data-where');
    const { ready, settled } = await page.evaluate(() => {
      const w = window as unknown as { __ready: number; __settled: number };
      return { ready: w.__ready, settled: w.__settled };
    });
    await page.locator('[data-testid=draw-canvas]').scrollIntoViewIfNeeded();
    const longBefore = await page.evaluate(() => (window as unknown as { __long: unknown[] }).__long.length);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.evaluate(() => ((window as unknown as { __delivery: unknown[] }).__delivery.length = 0));
    const d = await drawLatency(page, pointer, moves);
    const { delivery, fromPage } = await page.evaluate(() => {
      const received = new Map((window as unknown as { __delivery: [number, number][] }).__delivery);
      // The app's own part: from the page receiving the move the answer is for (its event time is the measure's start).
      const app = performance
        .getEntriesByName('prenda:input-to-bars')
        .flatMap((m) => (received.has(m.startTime) ? [m.startTime + m.duration - received.get(m.startTime)!] : []));
      return { delivery: [...received].map(([stamp, at]) => at - stamp), fromPage: app };
    });
    const cpu = profile ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : null;
    const long = await page.evaluate(
      (from) => (window as unknown as { __long: PerformanceEntry[] }).__long.slice(from).map((e) => e.duration),
      longBefore,
    );
    const predict = await page.evaluate(() => performance.getEntriesByName('prenda:predict').map((e) => e.duration));
    const check = await throttleCheck(page);
    console.log(
      `${backend} (${badge}): load → first ready prediction ${(ready / 1000).toFixed(2)} s` +
        (settled > ready + 1 ? ` (on wasm; ${active} warm at ${(settled / 1000).toFixed(2)} s)` : ` (${active})`) +
        `; input-to-bars p50 ${percentile(d, 50).toFixed(1)} ms, p95 ${percentile(d, 95).toFixed(1)} ms ` +
        `(${d.length} updates for ${moves} moves); predict p50 ${percentile(predict, 50).toFixed(1)} ms; ` +
        `long tasks while drawing: ${long.length}${long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''}; ` +
        `busy loop: page ${check.main.toFixed(0)} ms, worker ${check.worker.toFixed(0)} ms; ` +
        `moves reached the page p50 ${percentile(delivery, 50).toFixed(1)} / p95 ${percentile(delivery, 95).toFixed(1)} ms ` +
        `after their timestamp; from there to bars p50 ${percentile(fromPage, 50).toFixed(1)} / p95 ` +
        `${percentile(fromPage, 95).toFixed(1)} ms (${fromPage.length} answers)`,
    );
    if (cpu) {
      const times = selfTimes(cpu);
      const busy = times.filter((t) => t.name !== '(idle)').reduce((a, t) => a + t.ms, 0);
      console.log(
        `  page main thread while drawing: ${busy.toFixed(0)} ms busy (${(busy / d.length).toFixed(2)} ms per update)`,
      );
      for (const t of times.slice(0, 25)) console.log(`    ${t.ms.toFixed(1).padStart(8)} ms  ${t.name}`);
    }
    return {
      ready,
      p50: percentile(d, 50),
      p95: percentile(d, 95),
      appP95: percentile(fromPage, 95),
      long: long.length,
    };
  } finally {
    await browser.close();
  }
}

/** The same drawing on the floor page (scripts/bench-floor/), `runs` times: what the app's figures stand on. */
async function floor(): Promise<void> {
  const server = await startServer({ outDir: resolve(import.meta.dirname, 'bench-floor') });
  const figures: { p50: number; p95: number }[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const { browser, page, pointer } = await openPage(false);
      try {
        await page.goto(server.origin);
        await page.waitForTimeout(1000);
        const d = await drawLatency(page, pointer, moves);
        figures.push({ p50: percentile(d, 50), p95: percentile(d, 95) });
        console.log(
          `floor (stroke + worker echo): input-to-write p50 ${percentile(d, 50).toFixed(1)} ms, ` +
            `p95 ${percentile(d, 95).toFixed(1)} ms (${d.length} updates)`,
        );
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  if (runs > 1)
    console.log(
      `floor over ${runs} runs, median (range): p50 ${spread(figures, (f) => f.p50)} ms, p95 ${spread(figures, (f) => f.p95)} ms`,
    );
}

/**
 * Bytes of JavaScript (gzip -9 of each file) the page and its workers fetched before the first
 * prediction: up to the badge's first `ready` (the model answered its warm-up batch; what the panels
 * and a GPU warm-up fetch after that is not counted), and up to the answer for a clicked example.
 */
async function bytesToFirstPrediction(server: Server): Promise<void> {
  const browser = await launch();
  try {
    const app = await openApp(browser, server.origin, '?lang=en');
    await app.page.waitForFunction(
      () => document.querySelector('[data-testid=backend]')?.getAttribute('data-state') === 'ready',
      undefined,
      { timeout: 90_000 },
    );
    const atReady = [...app.requests];
    const first = (await app.page.textContent('[data-testid=backend]'))?.trim() ?? '';
    const backend = await waitReady(app.page);
    await app.page
      .getByRole('button', { name: /^Example:/ })
      .first()
      .click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid=top-class]')?.getAttribute('data-class'));
    const report = (what: string, requests: string[]): void => {
      const files = new Set(requests.map((u) => new URL(u).pathname.slice(1)).filter((p) => p.startsWith('assets/')));
      const sum = (ext: string): number => [...files].filter((f) => f.endsWith(ext)).reduce((a, f) => a + gz(f), 0);
      const js = [...files].filter((f) => f.endsWith('.js')).length;
      console.log(`JS ${what}: ${kb(sum('.js'))} gzip in ${js} files; wasm ${kb(sum('.wasm'))}`);
    };
    report(`before the first prediction (${first}, first ready)`, atReady);
    report(`up to an example's answer once settled (${backend})`, app.requests);
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
    // Chromium's helper processes can still be writing the profile when the browser has closed.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

console.log(
  `CPU throttling ${throttle}×, ${input === 'touch' ? 'a finger in a phone context (390×844 at 2×, touch, mobile)' : 'the mouse in a 390×844 viewport at 1×'} for latency; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const shell = shellBytes();
console.log(
  `app shell before tfjs: JS ${kb(shell.js)} + CSS ${kb(shell.css)} + HTML ${kb(shell.html)} gzip = ${kb(shell.js + shell.css + shell.html)}`,
);
const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));
console.log(`wasm binaries: ${wasm.map((f) => `${f} ${kb(gz(`assets/${f}`))}`).join(', ')}`);
const server = await startServer({ outDir: dist });
try {
  if (!latencyOnly) await bytesToFirstPrediction(server);
  if (withFloor) await floor();
  // webgpu (SwiftShader) for information: the goal is stated for wasm and webgl.
  for (const backend of backends)
    for (const where of places) {
      const figures: RunFigures[] = [];
      for (let run = 0; run < runs; run++) figures.push(await latency(server, backend, where));
      if (runs > 1)
        console.log(
          `${backend} (${where}) over ${runs} runs, median (range): load → first ready ` +
            `${spread(figures, (f) => f.ready / 1000, 2)} s; input-to-bars p50 ${spread(figures, (f) => f.p50)} ms, ` +
            `p95 ${spread(figures, (f) => f.p95)} ms; app's part p95 ${spread(figures, (f) => f.appP95)} ms; ` +
            `no long task while drawing in ${figures.filter((f) => f.long === 0).length} of ${runs} runs`,
        );
    }
  if (!latencyOnly)
    for (const backend of backends.filter((b) => b !== 'webgpu')) await offlineColdStart(server, backend);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await server.close();
}
