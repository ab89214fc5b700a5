// The page's main-thread tasks in a Chromium trace, weighed as Lighthouse's simulation (Lantern)
// weighs them, from their thread CPU time rather than their wall time.

/** The trace events read here. */
export interface TraceEvent {
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
export interface Task {
  at: number;
  wall: number;
  cpu: number;
  layout: boolean;
  /** Lantern's CPU slowdown for it: 4, halved for a task that laid out. */
  multiplier: number;
  /** Its CPU time × {@link multiplier} (Lantern multiplies the wall time, which waits for a busy core count in). */
  estimate: number;
  renders: string[];
}

/** The page's main-thread tasks of at least `min` ms estimated, and the first contentful paint. */
export function tasksOf(events: TraceEvent[], min: number): { fcp: number; tasks: Task[] } {
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
    const multiplier = layout ? 2 : 4;
    const estimate = cpu * multiplier;
    if (estimate < min) continue;
    tasks.push({
      at: ms(e.ts),
      wall: e.dur / 1000,
      cpu,
      layout,
      multiplier,
      estimate,
      renders: renders.filter((r) => r.ts >= e.ts && r.ts <= end).map((r) => r.name.slice('prenda:render:'.length)),
    });
  }
  return { fcp: fcpEvent ? ms(fcpEvent.ts) : NaN, tasks: tasks.sort((a, b) => a.at - b.at) };
}

/**
 * The tasks Lighthouse's blocking time counts: those after the first contentful paint, and the one
 * that renders the shell, which Lantern puts after its simulated first paint (its simulated first
 * paint averages a graph without the module script and one with it, so it lands before that task:
 * observed in its traces, the render starts ~75 ms after it).
 */
export function afterFirstPaint(fcp: number, tasks: Task[]): Task[] {
  return tasks.filter((t) => t.at >= fcp || t.renders.includes('app'));
}

/** Total blocking time of `tasks` (what each one's `time` passes 50 ms by). */
export function blocking(tasks: Task[], time: (t: Task) => number): number {
  return tasks.reduce((sum, t) => sum + Math.max(0, time(t) - 50), 0);
}
