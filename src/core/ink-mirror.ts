// A drawing pad's pixels kept where the model runs (the classification worker), so that per input
// the page reads and sends only what changed since its previous update, not the whole ink box.
import type { Box, RgbaImage } from './preprocess';

/** What a pad sends per input: where its ink is, and the pixels changed since its previous update. */
export interface InkUpdate {
  /** The pad's update counter: a patch applies on top of update `seq - 1` only. */
  seq: number;
  /** True: `pixels` are all of the pad that is not blank paper (start afresh); false: a patch. */
  full: boolean;
  /** The pad's size in pixels. */
  width: number;
  height: number;
  /** A box holding every pixel that is not blank paper (pad coordinates), null for a blank pad. */
  box: Box | null;
  /** Where `pixels` go on the pad (left, top). */
  x: number;
  y: number;
  /** RGBA pixels (their buffer is transferred to the worker). */
  pixels: RgbaImage;
}

/** A drawing's pixels as the classifier asks for them (the pad implements it). */
export interface InkSource {
  /** The pixels of the box around the ink (a fresh buffer), or null for a blank pad. */
  ink(): RgbaImage | null;
  /**
   * The update for a reader whose latest update was `since`: a patch when that is the latest
   * update the pad gave, else everything (full); null for a blank pad.
   */
  update(since: number): InkUpdate | null;
}

/** A copy of a pad, brought up to date by {@link InkUpdate}s: exact everywhere once it has had a full one. */
export class InkMirror {
  private data = new Uint8ClampedArray(0);
  private width = 0;
  private height = 0;
  private box: Box | null = null;
  /** The latest update applied; -1 before the first full one. */
  seq = -1;

  /** Applies `u`; throws on a patch that does not follow the latest update applied. */
  apply(u: InkUpdate): void {
    if (!u.full && (u.seq !== this.seq + 1 || u.width !== this.width || u.height !== this.height)) {
      throw new Error(`drawing update ${u.seq} does not follow ${this.seq}`);
    }
    if (u.full) {
      if (this.width !== u.width || this.height !== u.height) {
        this.data = new Uint8ClampedArray(u.width * u.height * 4);
        this.width = u.width;
        this.height = u.height;
      }
      this.data.fill(255); // blank paper outside the box: exactly what the pad has there
    }
    const { data, width, height } = u.pixels;
    if (u.x < 0 || u.y < 0 || u.x + width > this.width || u.y + height > this.height) {
      throw new RangeError('drawing update outside the pad');
    }
    for (let row = 0; row < height; row++) {
      const from = row * width * 4;
      this.data.set(data.subarray(from, from + width * 4), ((u.y + row) * this.width + u.x) * 4);
    }
    this.box = u.box;
    this.seq = u.seq;
  }

  /**
   * The whole pad as kept here (no copy: valid until the next update) and the box holding its
   * ink, or null for a blank pad: `preprocess(image, { within: box })` reads it in place.
   */
  view(): { image: RgbaImage; box: Box } | null {
    const b = this.box;
    if (!b || b.x1 <= b.x0 || b.y1 <= b.y0) return null;
    return { image: { data: this.data, width: this.width, height: this.height }, box: b };
  }
}
