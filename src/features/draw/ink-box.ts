// The pad's running box of ink: grown from the strokes it paints, so a move reads only the
// pixels that can hold ink (getImageData of the box), never the whole pad.
import type { Box } from '../../core/preprocess';

// Antialiasing touches about one pixel beyond the line's half width; one more for rounding.
const AA_MARGIN = 2;

/**
 * `box` grown to hold a round-capped line from `a` to `b`, `lineWidth` pixels wide, clamped to a
 * `width`×`height` pad: a new object, or `box` itself when the line adds nothing to it.
 */
export function growBox(
  box: Box | null,
  a: readonly [number, number],
  b: readonly [number, number],
  lineWidth: number,
  width: number,
  height: number,
): Box | null {
  const r = lineWidth / 2 + AA_MARGIN;
  const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v));
  // A line off the pad (a captured pointer dragged outside) gives an empty box at the edge.
  const x0 = clamp(Math.floor(Math.min(a[0], b[0]) - r), width);
  const y0 = clamp(Math.floor(Math.min(a[1], b[1]) - r), height);
  const x1 = Math.max(x0, clamp(Math.ceil(Math.max(a[0], b[0]) + r), width));
  const y1 = Math.max(y0, clamp(Math.ceil(Math.max(a[1], b[1]) + r), height));
  if (x1 === x0 || y1 === y0) return box;
  if (!box || box.x1 <= box.x0 || box.y1 <= box.y0) return { x0, y0, x1, y1 };
  if (x0 >= box.x0 && y0 >= box.y0 && x1 <= box.x1 && y1 <= box.y1) return box;
  return {
    x0: Math.min(box.x0, x0),
    y0: Math.min(box.y0, y0),
    x1: Math.max(box.x1, x1),
    y1: Math.max(box.y1, y1),
  };
}
