// Start-up main-thread tasks of the built app on a phone (390×844), from a DevTools-protocol trace:
// each task's wall time and thread CPU time (which the machine's load barely moves, unlike wall
// time), its `prenda:render:<name>` measures, and a Lighthouse-like estimate of blocking time
// (Lantern: CPU time ×4, ×2 for a task that laid out; what passes 50 ms after the first paint, and
// the task that renders the shell, which Lantern puts after its simulated first paint).
// Needs `npm run build`. Usage: npx tsx scripts/bench-startup.ts [--dist DIR] [--runs N]
// [--cpu-throttle R] [--wait MS] [--all] (--all lists every task of ≥ 50 ms estimated, not only those after the first paint).
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchPhone, startServer } from '../support/browser/harness';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '1' },
    'cpu-throttle': { type: 'string', default: '1' },
    wait: { type: 'string', default: '9000' },
    all: { type: 'boolean', default: false },
  },
});

/** The trace events this script reads. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { documentLoaderURL?: string } };
}

/** One main-thread task as Lighthouse's simulation would weigh it. */
interface Task {
  at: number;
  wall: number;
  cpu: number;
  layout: boolean;
  estimate: number;
  renders: string[];
}

/** The page's main-thread tasks of at least `min` ms estimated, and the first contentful paint. */
function tasksOf(events: TraceEvent[], min: number): { fcp: number; tasks: Task[] } {
  const nav = events
    .filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL)
    .sort((a, b) => a.ts - b.ts)[0];
  if (!nav) throw new Error('no navigation in the trace');
  const main = (e: TraceEvent): boolean => e.pid === nav.pid && e.tid === nav.tid;
  const ms = (ts: number): number => (ts - nav.ts) / 1000;
  const fcpEvent = events.filter((e) => main(e) && e.name === 'firstContentfulPaint').sort((a, b) => a.ts - b.ts)[0];
  const layouts = events.filter((e) => main(e) && e.name === 'Layout').map((e) => e.ts);
  const renders = events.filter((e) => main(e) && e.ph === 'b' && e.name.startsWith('prenda:render:'));
  const tasks: Task[] = [];
  for (const e of events) {
    if (!main(e) || e.name !== 'RunTask' || e.ph !== 'X' || e.dur === undefined) continue;
    const end = e.ts + e.dur;
    const cpu = (e.tdur ?? e.dur) / 1000;
    const layout = layouts.some((ts) => ts >= e.ts && ts < end);
    const estimate = cpu * (layout ? 2 : 4);
    if (estimate < min) continue;
    tasks.push({
      at: ms(e.ts),
      wall: e.dur / 1000,
      cpu,
      layout,
      estimate,
      renders: renders.filter((r) => r.ts >= e.ts && r.ts <= end).map((r) => r.name.slice('prenda:render:'.length)),
    });
  }
  return { fcp: fcpEvent ? ms(fcpEvent.ts) : NaN, tasks: tasks.sort((a, b) => a.at - b.at) };
}

const server = await startServer({ outDir: resolve(args.dist!) });
try {
  for (let run = 1; run <= Number(args.runs); run++) {
    const browser = await launchPhone();
    try {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(args['cpu-throttle']) });
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading',
        transferMode: 'ReportEvents',
      });
      const before = loadavg()[0]!.toFixed(1);
      await page.goto(`${server.origin}/`);
      await page.waitForTimeout(Number(args.wait));
      await cdp.send('Tracing.end');
      await complete;
      const { fcp, tasks } = tasksOf(events, 50);
      // The task that renders the shell paints the first content, yet Lighthouse counts it: its
      // simulated first paint averages a graph without the module script and one with it, so it
      // lands before that task (observed in its traces: the render starts ~75 ms after it).
      const after = tasks.filter((t) => t.at >= fcp || t.renders.includes('app'));
      const blocking = after.reduce((sum, t) => sum + Math.max(0, t.estimate - 50), 0);
      console.log(
        `run ${run}: first contentful paint ${fcp.toFixed(0)} ms, ${after.length} tasks ≥ 50 ms estimated after it, ` +
          `estimated blocking ${blocking.toFixed(0)} ms (CPU ×${args['cpu-throttle']}, load ${before} → ${loadavg()[0]!.toFixed(1)})`,
      );
      for (const t of args.all ? tasks : after)
        console.log(
          `  ${t.at.toFixed(0).padStart(6)} ms  CPU ${t.cpu.toFixed(1).padStart(6)} ms  wall ${t.wall.toFixed(1).padStart(6)} ms  ` +
            `estimate ${t.estimate.toFixed(0).padStart(4)} ms${t.layout ? ' (layout)' : ''}${after.includes(t) ? '' : ' before FCP'}` +
            `${t.renders.length ? `  [${t.renders.join(', ')}]` : ''}`,
        );
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
