import { describe, expect, it } from 'vitest';
import { afterFirstPaint, blocking, tasksOf, type TraceEvent } from '../../support/trace/main-tasks';

const MAIN = { pid: 1, tid: 1 };
const at = (ms: number): number => 1_000_000 + ms * 1000;
/** A main-thread task starting at `ms`, `wall` ms long, of which `cpu` ms on the CPU. */
const task = (ms: number, wall: number, cpu: number): TraceEvent => ({
  ...MAIN,
  name: 'RunTask',
  ph: 'X',
  ts: at(ms),
  dur: wall * 1000,
  tdur: cpu * 1000,
});

const events: TraceEvent[] = [
  { ...MAIN, name: 'navigationStart', ph: 'R', ts: at(0), args: { data: { documentLoaderURL: 'http://localhost/' } } },
  // The shell's render, before the first paint, yet counted.
  task(100, 40, 20),
  { ...MAIN, name: 'prenda:render:app', ph: 'b', ts: at(101) },
  { ...MAIN, name: 'firstContentfulPaint', ph: 'R', ts: at(150) },
  // A task that laid out (Lantern halves its multiplier) and one that mostly waited for a core.
  task(200, 30, 30),
  { ...MAIN, name: 'Layout', ph: 'X', ts: at(210), dur: 5000 },
  task(300, 60, 5),
  // Another thread's task is not the page's.
  { pid: 1, tid: 2, name: 'RunTask', ph: 'X', ts: at(400), dur: 90_000, tdur: 90_000 },
];

describe('main-thread tasks as Lantern weighs them', () => {
  it('finds the first paint, the multipliers and the renders, on the page main thread only', () => {
    const { fcp, tasks } = tasksOf(events, 0);
    expect(fcp).toBe(150);
    expect(tasks.map((t) => [t.at, t.multiplier, t.estimate, t.renders])).toEqual([
      [100, 4, 80, ['app']],
      [200, 2, 60, []],
      [300, 4, 20, []],
    ]);
    expect(tasksOf(events, 50).tasks.map((t) => t.at)).toEqual([100, 200]);
  });

  it('counts the shell render and later tasks, from CPU time or from wall time', () => {
    const { fcp, tasks } = tasksOf(events, 0);
    const after = afterFirstPaint(fcp, tasks);
    expect(after.map((t) => t.at)).toEqual([100, 200, 300]);
    expect(blocking(after, (t) => t.estimate)).toBe(30 + 10 + 0);
    expect(blocking(after, (t) => t.wall * t.multiplier)).toBe(110 + 10 + 190);
  });
});
