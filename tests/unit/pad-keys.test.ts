import { describe, expect, it } from 'vitest';
import { BIG_STEP, moveCursor, padCommand, STEP, type PadKey } from '../../src/features/draw/pad-keys';

const press = (key: string, mods: Partial<PadKey> = {}): ReturnType<typeof padCommand> =>
  padCommand({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...mods });

describe('padCommand', () => {
  it('moves the cursor with the arrows, further with Shift', () => {
    expect(press('ArrowLeft')).toEqual({ kind: 'move', dx: -STEP, dy: 0 });
    expect(press('ArrowDown', { shiftKey: true })).toEqual({ kind: 'move', dx: 0, dy: BIG_STEP });
    expect(press('ArrowUp', { repeat: true })).toEqual({ kind: 'move', dx: 0, dy: -STEP });
  });

  it('toggles the pen with Space or Enter, fills with F, lifts with Escape, undoes with Ctrl/Cmd+Z', () => {
    expect(press(' ')).toEqual({ kind: 'pen' });
    expect(press('Enter')).toEqual({ kind: 'pen' });
    expect(press('F', { shiftKey: true })).toEqual({ kind: 'fill' });
    expect(press('f')).toEqual({ kind: 'fill' });
    expect(press('Escape')).toEqual({ kind: 'lift' });
    expect(press('z', { ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(press('z', { metaKey: true })).toEqual({ kind: 'undo' });
  });

  it('swallows a held Space, and leaves Tab and other shortcuts to the browser', () => {
    expect(press(' ', { repeat: true })).toEqual({ kind: 'none' });
    expect(press('Tab')).toBeNull();
    expect(press('Tab', { shiftKey: true })).toBeNull();
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('z', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(press('f', { altKey: true })).toBeNull();
    expect(press('x')).toBeNull();
  });
});

describe('moveCursor', () => {
  it('stays on the canvas', () => {
    expect(moveCursor([10, 440], -STEP * 2, BIG_STEP, 448)).toEqual([0, 447]);
    expect(moveCursor([224, 224], STEP, -STEP, 448)).toEqual([232, 216]);
  });
});
