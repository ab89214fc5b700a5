import { floodFill } from '../../core/flood-fill';
import type { InkSource } from '../../core/ink-mirror';
import type { Box, RgbaImage } from '../../core/preprocess';
import { InkTracker } from './ink-tracker';

const INK = '#111111';
const PAPER = '#ffffff';
const HISTORY = 25;

/**
 * A state of the pad to go back to: the pixels of the box holding its ink (null for a blank pad);
 * everything outside that box is blank paper.
 */
interface Checkpoint {
  box: Box | null;
  pixels: ImageData | null;
}

/** A drawing surface with undo history: dark ink on white paper, as preprocess expects. */
export interface Sketch {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  readonly history: Checkpoint[];
  /**
   * Where the ink is and what changed, without reading pixels: strokes grow its box; fill reads
   * the pixels it changes anyway, undo restores the box saved with its checkpoint, and the next
   * checkpoint after erasing reads the pad to tighten the box.
   */
  readonly ink: InkTracker;
}

/** Wraps `canvas` as a blank {@link Sketch}. */
export function createSketch(canvas: HTMLCanvasElement): Sketch {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  const read = (b: Box): RgbaImage => ctx.getImageData(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  const sketch: Sketch = { canvas, ctx, history: [], ink: new InkTracker(canvas.width, canvas.height, read) };
  wipe(sketch);
  return sketch;
}

function wipe(s: Sketch): void {
  s.ctx.fillStyle = PAPER;
  s.ctx.fillRect(0, 0, s.canvas.width, s.canvas.height);
  s.ink.replaced(null);
}

/**
 * Saves the current pixels so the next change can be undone: only the ink box's (the rest is blank
 * paper), so a stroke on a blank pad reads nothing and a small drawing little. Reading the whole pad
 * (0.8 MB) made each stroke's first touch a 14–22 ms `getImageData` at 4× CPU throttling. After
 * erasing, the box is first tightened from the whole pad (it may be larger than the ink).
 */
export function checkpoint(s: Sketch): void {
  // An erased stroke leaves the box larger than the ink until the next stroke starts.
  if (s.ink.loose) s.ink.tighten(s.ctx.getImageData(0, 0, s.canvas.width, s.canvas.height));
  const box = s.ink.box && s.ink.box.x1 > s.ink.box.x0 && s.ink.box.y1 > s.ink.box.y0 ? s.ink.box : null;
  const pixels = box && s.ctx.getImageData(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
  s.history.push({ box, pixels });
  if (s.history.length > HISTORY) s.history.shift();
}

/** Restores the last checkpoint; false when there is none. */
export function undo(s: Sketch): boolean {
  const last = s.history.pop();
  if (!last) return false;
  s.ctx.fillStyle = PAPER;
  s.ctx.fillRect(0, 0, s.canvas.width, s.canvas.height);
  if (last.box && last.pixels) s.ctx.putImageData(last.pixels, last.box.x0, last.box.y0);
  s.ink.restored(last.box);
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
  s.ink.painted(a, b, width, erase);
}

/** Fills the closed region around (x, y) with ink. */
export function fillAt(s: Sketch, x: number, y: number): void {
  const image = s.ctx.getImageData(0, 0, s.canvas.width, s.canvas.height);
  if (floodFill(image, x, y, [0x11, 0x11, 0x11]) === 0) return;
  s.ctx.putImageData(image, 0, 0);
  s.ink.replaced(image);
}

/** The sketch's current RGBA pixels. */
export function pixels(s: Sketch): ImageData {
  return s.ctx.getImageData(0, 0, s.canvas.width, s.canvas.height);
}

/**
 * The pad (`s`, made on first use) as the classifier reads it per input: the pixels of the ink box
 * only (all the ink there is; preprocess gives the same 28×28 input for them as for the whole pad),
 * or only what changed since the reader's previous update.
 */
export function inkSource(s: () => Sketch): InkSource {
  return { ink: () => s().ink.ink(), update: (since) => s().ink.update(since) };
}
