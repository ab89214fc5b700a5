import { describe, expect, it } from 'vitest';
import { createFrameScheduler, type Job } from '../../src/app/scheduler';

/** A manual animation-frame clock. */
function frames(): { request: (cb: () => void) => void; tick: () => Promise<void>; pending: () => number } {
  let queue: (() => void)[] = [];
  return {
    request: (cb) => void queue.push(cb),
    tick: async () => {
      const run = queue;
      queue = [];
      for (const cb of run) cb();
      await new Promise((r) => setTimeout(r, 0));
    },
    pending: () => queue.length,
  };
}

const job = (id: number): Job => ({ produce: () => new Float32Array([id]), eventTime: id });

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('createFrameScheduler', () => {
  it('starts the first job of a frame at once, without waiting for the next frame', async () => {
    const clock = frames();
    const ran: number[] = [];
    const s = createFrameScheduler(async (j) => void ran.push(j.eventTime), clock.request);
    s.submit(job(1));
    expect(ran).toEqual([]); // not inside the input handler itself
    await settle();
    expect(ran).toEqual([1]);
  });

  it('runs at most one job per frame and only the newest of the rest', async () => {
    const clock = frames();
    const ran: number[] = [];
    const s = createFrameScheduler(async (j) => void ran.push(j.eventTime), clock.request);
    s.submit(job(1));
    await settle();
    s.submit(job(2));
    s.submit(job(3));
    s.submit(job(4));
    await settle();
    expect(ran).toEqual([1]); // the frame is used: 2–4 wait
    await clock.tick();
    expect(ran).toEqual([1, 4]);
    await clock.tick();
    expect(ran).toEqual([1, 4]);
    expect(clock.pending()).toBe(0);
  });

  it('drops inputs that arrive while a prediction runs, except the latest', async () => {
    const clock = frames();
    const ran: number[] = [];
    let release: () => void = () => {};
    const s = createFrameScheduler(async (j) => {
      ran.push(j.eventTime);
      if (j.eventTime === 1) await new Promise<void>((r) => (release = r));
    }, clock.request);
    s.submit(job(1));
    await settle();
    s.submit(job(2));
    s.submit(job(3));
    await clock.tick(); // a new frame, but the first prediction still runs: nothing starts
    expect(ran).toEqual([1]);
    release();
    await settle(); // the slow job spanned a frame, so the newest input starts right away
    expect(ran).toEqual([1, 3]);
  });

  it('keeps going after a job throws', async () => {
    const clock = frames();
    const ran: number[] = [];
    const errors: unknown[] = [];
    const s = createFrameScheduler(
      async (j) => {
        ran.push(j.eventTime);
        if (j.eventTime === 1) throw new Error('boom');
      },
      clock.request,
      (err) => errors.push(err),
    );
    s.submit(job(1));
    await settle();
    s.submit(job(2));
    await clock.tick();
    expect(ran).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
