import { floodFill } from '../../core/flood-fill';

const INK = '#111111';
const PAPER = '#ffffff';
const HISTORY = 25;

/** A drawing surface with undo history: dark ink on white paper, as preprocess expects. */
export interface Sketch {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  readonly history: ImageData[];
}

/** Wraps `canvas` as a blank {@link Sketch}. */
export function createSketch(canvas: HTMLCanvasElement): Sketch {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  const sketch = { canvas, ctx, history: [] };
  wipe(sketch);
  return sketch;
}

function wipe({ ctx, canvas }: Sketch): void {
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

/** Saves the current pixels so the next change can be undone. */
export function checkpoint(s: Sketch): void {
  s.history.push(s.ctx.getImageData(0, 0, s.canvas.width, s.canvas.height));
  if (s.history.length > HISTORY) s.history.shift();
}

/** Restores the last checkpoint; false when there is none. */
export function undo(s: Sketch): boolean {
  const last = s.history.pop();
  if (!last) return false;
  s.ctx.putImageData(last, 0, 0);
  return true;
}

/** Clears to blank paper (undoable). */
export function clear(s: Sketch): void {
  checkpoint(s);
  wipe(s);
}

/** Draws a round line from `a` to `b` with the brush (or paper, for the eraser). */
export function stroke(s: Sketch, a: [number, number], b: [number, number], width: number, erase: boolean): void {
  const { ctx } = s;
  ctx.strokeStyle = erase ? PAPER : INK;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
}

/** Fills the closed region around (x, y) with ink. */
export function fillAt(s: Sketch, x: number, y: number): void {
  const image = s.ctx.getImageData(0, 0, s.canvas.width, s.canvas.height);
  if (floodFill(image, x, y, [0x11, 0x11, 0x11]) > 0) s.ctx.putImageData(image, 0, 0);
}

/** The sketch's current RGBA pixels. */
export function pixels(s: Sketch): ImageData {
  return s.ctx.getImageData(0, 0, s.canvas.width, s.canvas.height);
}
