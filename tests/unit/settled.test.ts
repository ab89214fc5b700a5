import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaintInTurn, timed } from '../../src/app/settled';

describe('afterPaintInTurn', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Renders one frame: its animation-frame callbacks, then the task each of them queued. */
  const frame = async (): Promise<void> => {
    for (const callback of frames.splice(0)) callback(performance.now());
    await vi.advanceTimersByTimeAsync(0);
  };

  it('runs each queued part in its own task after a frame, in the order queued', async () => {
    const order: string[] = [];
    const done = Promise.all([
      afterPaintInTurn(() => order.push('inspect')),
      afterPaintInTurn(() => order.push('footer')),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual([]);
    // Only the first part waits for a frame so far: the second asks for its own once the first ran.
    expect(frames).toHaveLength(1);
    await frame();
    expect(order).toEqual(['inspect']);
    expect(frames).toHaveLength(1);
    await frame();
    expect(order).toEqual(['inspect', 'footer']);
    await done;
  });
});

describe('timed', () => {
  it('runs the render and records it as prenda:render:<name>', () => {
    let ran = 0;
    timed('examples-test', () => void ran++);
    expect(ran).toBe(1);
    const measures = performance.getEntriesByName('prenda:render:examples-test', 'measure');
    expect(measures).toHaveLength(1);
    expect(measures[0]!.duration).toBeGreaterThanOrEqual(0);
  });

  it('without a name only runs the render', () => {
    const before = performance.getEntriesByType('measure').length;
    let ran = 0;
    timed(undefined, () => void ran++);
    expect(ran).toBe(1);
    expect(performance.getEntriesByType('measure')).toHaveLength(before);
  });
});
