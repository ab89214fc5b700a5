// Keyboard drawing on the pad: which key does what, apart from the DOM so Node can test it.

/** What a key press on the drawing canvas asks for; `none` is a key swallowed without effect. */
export type PadCommand =
  | { kind: 'move'; dx: number; dy: number }
  | { kind: 'pen' }
  | { kind: 'lift' }
  | { kind: 'fill' }
  | { kind: 'undo' }
  | { kind: 'none' };

/** Cursor step in canvas pixels (a model pixel is 448 / 28 = 16 of them). */
export const STEP = 8;
/** Cursor step with Shift held. */
export const BIG_STEP = 32;

/** The parts of a KeyboardEvent that {@link padCommand} reads. */
export type PadKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat'>;

const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

const KEYS: Record<string, PadCommand> = {
  ' ': { kind: 'pen' },
  Enter: { kind: 'pen' },
  f: { kind: 'fill' },
  Escape: { kind: 'lift' },
};

/** The command for a keydown on the canvas, or null for keys left to the browser (Tab, shortcuts). */
export function padCommand(e: PadKey): PadCommand | null {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.ctrlKey || e.metaKey) return key === 'z' && !e.shiftKey && !e.altKey ? { kind: 'undo' } : null;
  if (e.altKey) return null;
  const arrow = ARROWS[key];
  if (arrow) {
    const step = e.shiftKey ? BIG_STEP : STEP;
    return { kind: 'move', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  const command = KEYS[key] ?? null;
  // A held Space or Enter would toggle the pen on every repeat; swallowed, it cannot scroll either.
  return command && e.repeat ? { kind: 'none' } : command;
}

/** `p` moved by (dx, dy), kept inside a `size`×`size` canvas. */
export function moveCursor(p: readonly [number, number], dx: number, dy: number, size: number): [number, number] {
  const clamp = (v: number): number => Math.min(size - 1, Math.max(0, v));
  return [clamp(p[0] + dx), clamp(p[1] + dy)];
}
