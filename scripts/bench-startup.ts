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
import { afterFirstPaint, blocking, tasksOf, type TraceEvent } from '../support/trace/main-tasks';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '1' },
    'cpu-throttle': { type: 'string', default: '1' },
    wait: { type: 'string', default: '9000' },
    all: { type: 'boolean', default: false },
  },
});

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
      const after = afterFirstPaint(fcp, tasks);
      const estimated = blocking(after, (t) => t.estimate);
      console.log(
        `run ${run}: first contentful paint ${fcp.toFixed(0)} ms, ${after.length} tasks ≥ 50 ms estimated after it, ` +
          `estimated blocking ${estimated.toFixed(0)} ms (CPU ×${args['cpu-throttle']}, load ${before} → ${loadavg()[0]!.toFixed(1)})`,
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
