import { describe, expect, it } from 'vitest';
import { measure } from '../../src/app/timing';

// Node's own User Timing (the same API as the browser's): what the timeline holds after each call.
const kept = (name: string): PerformanceEntry[] => performance.getEntriesByName(name, 'measure');

describe('timing marks', () => {
  it('keeps at most `keep` measures of a name, the newest always among them, other names untouched', () => {
    measure('other', { start: 0, end: 1 }, 5);
    for (let i = 1; i <= 23; i++) {
      measure('answers', { start: i, end: i + 1 }, 5);
      const entries = kept('answers');
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(5);
      expect(entries.at(-1)!.startTime).toBe(i);
    }
    expect(kept('other')).toHaveLength(1);
  });

  it('never clears measures a reader cleared itself: after its clear, all of its measures are there', () => {
    for (let i = 0; i < 6; i++) measure('read', { start: i, end: i + 1 }, 5);
    performance.clearMeasures('read'); // a test or DevTools clears, then draws a few strokes
    for (let i = 0; i < 4; i++) measure('read', { start: i, end: i + 1 }, 5);
    expect(kept('read').map((e) => e.startTime)).toEqual([0, 1, 2, 3]);
  });
});
