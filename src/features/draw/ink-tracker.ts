// What the pad knows of its ink without reading pixels: a box around everything that is not
// blank paper (grown by each painted line) and the region changed since the last update handed
// out, so a move reads only that region (see core/ink-mirror.ts).
import type { InkUpdate } from '../../core/ink-mirror';
import { inkBox, type Box, type RgbaImage } from '../../core/preprocess';
import { growBox } from './ink-box';

/**
 * Any ink at all: the box must hold every pixel that is not blank paper (not just those over the
 * classification threshold), so a mirror that is blank outside it is exact. Pure white's ink is
 * 0 up to rounding; the faintest grey (254) is 0.004.
 */
const ANY_INK = 1e-6;

/** Union of two boxes (either may be null). */
function union(a: Box | null, b: Box | null): Box | null {
  if (!a || !b) return a ?? b;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Ink bookkeeping of a `width`×`height` pad whose pixels `read(box)` returns (getImageData). */
export class InkTracker {
  /** A box holding every pixel that is not blank paper (more after erasing), null for a blank pad. */
  box: Box | null = null;
  /** The eraser ran since the box was last computed from pixels: it may be larger than the ink. */
  loose = false;
  /** Changed since the last update handed out. */
  private dirty: Box | null = null;
  /** The pad changed beyond {@link dirty} (undo, fill, clear): the next update is a full one. */
  private resync = true;
  private seq = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly read: (box: Box) => RgbaImage,
  ) {}

  /** A round line from `a` to `b`, `lineWidth` wide, was painted (in ink, or in paper when erasing). */
  painted(a: readonly [number, number], b: readonly [number, number], lineWidth: number, erase: boolean): void {
    const line = growBox(null, a, b, lineWidth, this.width, this.height);
    this.dirty = union(this.dirty, line);
    // Erasing only removes ink: the box still holds all of it, if loosely.
    if (erase) this.loose = this.box !== null;
    else this.box = union(this.box, line);
  }

  /** The pad now holds `image` (after a fill), or blank paper (null); the next update is full. */
  replaced(image: RgbaImage | null): void {
    this.restored(image ? inkBox(image, ANY_INK) : null);
  }

  /** The pad was put back to a state whose ink lies in `box` (undo); the next update is full. */
  restored(box: Box | null): void {
    this.box = box;
    this.loose = false;
    this.dirty = null;
    this.resync = true;
  }

  /** Shrinks a loose box onto the ink of `image` (the pad's current pixels, read for a checkpoint). */
  tighten(image: RgbaImage): void {
    if (!this.loose) return;
    // Nothing else changes: a mirror is exact everywhere, inside the box or not.
    this.box = inkBox(image, ANY_INK);
    this.loose = false;
  }

  /** The pixels of the box around the ink (a fresh buffer), or null for a blank pad. */
  ink(): RgbaImage | null {
    const b = this.box;
    return b && b.x1 > b.x0 && b.y1 > b.y0 ? this.read(b) : null;
  }

  /** See {@link InkSource.update}. */
  update(since: number): InkUpdate | null {
    const box = this.box;
    if (!box || box.x1 <= box.x0 || box.y1 <= box.y0) return null;
    const full = this.resync || since !== this.seq;
    const region = full ? box : this.dirty;
    const read = region && region.x1 > region.x0 && region.y1 > region.y0 ? this.read(region) : null;
    // A plain object, not the ImageData: its buffer then moves to the worker instead of being copied.
    const pixels = read
      ? { data: read.data, width: read.width, height: read.height }
      : { data: new Uint8ClampedArray(0), width: 0, height: 0 };
    this.seq++;
    this.dirty = null;
    this.resync = false;
    const { width, height } = this;
    return { seq: this.seq, full, width, height, box, x: region?.x0 ?? 0, y: region?.y0 ?? 0, pixels };
  }
}
