// Lighthouse (pinned 12.2.3, default config = mobile preset with simulated throttling) against the
// built app served by `vite preview` on localhost, in the system Chromium launched here, headless.
// Needs `npm run build` first. Usage: npm run bench:lighthouse [-- --runs N] [--requests N] [--dist DIR] [--json F]
// (--requests N also lists the N largest transfers; --dist serves another build, e.g. an older one;
// --json F writes each run's full report to F, F-2.json… for later runs, to read the audits' details;
// --trace F writes the page's trace (Chromium trace-event JSON, e.g. for DevTools or `long tasks` analysis) likewise;
// --profile adds V8's sampling profiler to that trace, so each task can be attributed to functions).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Launcher } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { preview } from 'vite';
import { afterFirstPaint, blocking, tasksOf, type TraceEvent } from '../support/trace/main-tasks';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The switches Lighthouse's own launcher (chrome-launcher) passes. Without them Chromium lowers the
// page's renderer to nice 5 while it counts as backgrounded and keeps its browser and GPU processes at
// nice -8; on two cores the page's main thread then waits for the CPU inside its tasks, and the
// simulated blocking time counts that wait 4×.
const FLAGS = [...Launcher.defaultFlags(), '--no-sandbox'];
const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    requests: { type: 'string', default: '0' },
    dist: { type: 'string', default: 'dist' },
    json: { type: 'string' },
    trace: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

/** Starts headless Chromium with a fresh profile and resolves the DevTools port it chose. */
function startChromium(profile: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    CHROMIUM,
    ['--headless=new', ...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    // Its own process group, so that stopping it stops its helper processes too.
    { detached: true },
  );
  return new Promise((res, rej) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (found) res({ port: Number(found[1]), child });
    });
    child.once('exit', (code) => rej(new Error(`Chromium exited (${code}) before DevTools was ready:\n${text}`)));
  });
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const ms = (v: number | undefined): string => `${Math.round(v ?? NaN)} ms`;

const server = await preview({
  root: ROOT,
  logLevel: 'error',
  build: { outDir: resolve(args.dist!) },
  preview: { host: 'localhost', port: 0, open: false },
});
const url = server.resolvedUrls!.local[0]!;
try {
  for (let run = 1; run <= Number(args.runs); run++) {
    const profile = mkdtempSync(join(tmpdir(), 'prenda-lighthouse-'));
    const chromium = await startChromium(profile);
    try {
      const before = load();
      const result = await lighthouse(url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(args.profile ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' } : {}),
      });
      if (!result) throw new Error('Lighthouse returned no result');
      if (args.json) {
        const file = run === 1 ? args.json : args.json.replace(/(\.json)?$/, `-${run}.json`);
        writeFileSync(file, JSON.stringify(result.lhr, null, 1));
      }
      if (args.trace) {
        const file = run === 1 ? args.trace : args.trace.replace(/(\.json)?$/, `-${run}.json`);
        writeFileSync(file, JSON.stringify((result.artifacts as { Trace?: unknown }).Trace ?? null));
      }
      const { categories, audits } = result.lhr;
      const score = (id: string): string => categories[id]?.score?.toFixed(2) ?? 'n/a';
      const value = (id: string): number | undefined => audits[id]?.numericValue;
      console.log(`Lighthouse ${result.lhr.lighthouseVersion}, ${result.lhr.configSettings.formFactor}, ${url}`);
      console.log(
        `performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}`,
      );
      console.log(
        `TBT ${ms(value('total-blocking-time'))}, TTI ${ms(value('interactive'))}, ` +
          `LCP ${ms(value('largest-contentful-paint'))}, FCP ${ms(value('first-contentful-paint'))}, ` +
          `CLS ${(value('cumulative-layout-shift') ?? NaN).toFixed(3)}, ` +
          `total transfer ${((value('total-byte-weight') ?? NaN) / 1024).toFixed(0)} KiB`,
      );
      console.log(`load average (1, 5, 15 min): before ${before}, after ${load()}`);
      // Lantern multiplies each task's wall time, so time the page's main thread spent waiting for a
      // core (Lighthouse, Chromium's GPU and browser processes and the app's workers share two here)
      // counts as blocking; its CPU time shows what the page itself did.
      const trace = (result.artifacts as { Trace?: { traceEvents: TraceEvent[] } }).Trace;
      try {
        const { fcp, tasks } = tasksOf(trace?.traceEvents ?? [], 0);
        const after = afterFirstPaint(fcp, tasks);
        console.log(
          `page main thread after its first paint (Lantern's multipliers): blocking ${ms(blocking(after, (t) => t.wall * t.multiplier))} ` +
            `from wall time, ${ms(blocking(after, (t) => t.estimate))} from CPU time`,
        );
      } catch (err) {
        console.log(`page main thread: not in Lighthouse's trace (${String(err)})`);
      }
      const requests = (audits['network-requests']?.details as { items?: { url: string; transferSize?: number }[] })
        ?.items;
      for (const r of [...(requests ?? [])]
        .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
        .slice(0, Number(args.requests))) {
        console.log(`  ${((r.transferSize ?? 0) / 1024).toFixed(1).padStart(7)} KiB  ${r.url}`);
      }
    } finally {
      if (chromium.child.exitCode === null && chromium.child.signalCode === null) {
        const exited = new Promise((r) => chromium.child.once('exit', r));
        process.kill(-chromium.child.pid!, 'SIGTERM');
        await exited;
      }
      // Chromium's helper processes can still be writing the profile when the browser has exited.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  }
} finally {
  await server.close();
}
