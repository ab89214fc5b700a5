import { IMAGE_PIXELS, IMAGE_SIDE } from '../classes';

/** One test-time view of a 28×28 input: mirrored or not, zoomed about the centre (1 = as is). */
export interface TtaView {
  mirror: boolean;
  zoom: number;
}

/** Named views the cross-validation compares (`npm run cv:photos`). */
export const TTA_VIEWS: Readonly<Record<string, TtaView>> = {
  id: { mirror: false, zoom: 1 },
  mirror: { mirror: true, zoom: 1 },
  out: { mirror: false, zoom: 0.9 },
  in: { mirror: false, zoom: 1.1 },
  mirrorOut: { mirror: true, zoom: 0.9 },
  mirrorIn: { mirror: true, zoom: 1.1 },
};

/**
 * The views a photo is classified with (their probabilities averaged), chosen by 4-fold
 * cross-validation on the train/ photos (`npm run cv:photos`, 2026-12-01): all six beat every
 * smaller set tried (out of fold strict 80.5 % against 77.7 % with the photo as is, coarse 90.2
 * against 88.7 %). See README "Photos of real clothes".
 */
export const PHOTO_TTA: readonly TtaView[] = Object.values(TTA_VIEWS);

/**
 * A view of a 28×28 input (1 = garment, 0 = background): bilinear resampling about the image
 * centre, mirrored left–right when asked. Zoom < 1 shrinks the garment (background fills the
 * border), > 1 crops into it. The identity view returns a copy.
 */
export function ttaView(input: Float32Array, view: TtaView): Float32Array {
  const out = new Float32Array(IMAGE_PIXELS);
  const c = (IMAGE_SIDE - 1) / 2;
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= IMAGE_SIDE || y >= IMAGE_SIDE ? 0 : input[y * IMAGE_SIDE + x]!;
  for (let y = 0; y < IMAGE_SIDE; y++) {
    for (let x = 0; x < IMAGE_SIDE; x++) {
      const sx = c + ((view.mirror ? IMAGE_SIDE - 1 - x : x) - c) / view.zoom;
      const sy = c + (y - c) / view.zoom;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      out[y * IMAGE_SIDE + x] =
        (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
        (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
    }
  }
  return out;
}

/** Every view of `input` in `views` order (what the model classifies for one photo). */
export function ttaInputs(input: Float32Array, views: readonly TtaView[] = PHOTO_TTA): Float32Array[] {
  return views.map((v) => ttaView(input, v));
}

/** The mean of several probability vectors of one photo (THE one place TTA views are combined). */
export function averageProbs(probs: readonly ArrayLike<number>[]): Float32Array {
  if (probs.length === 0) throw new Error('averageProbs needs at least one probability vector');
  const out = new Float32Array(probs[0]!.length);
  for (const p of probs) {
    if (p.length !== out.length) throw new Error('averageProbs: vectors of different lengths');
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + p[i]! / probs.length;
  }
  return out;
}

/**
 * Probabilities of each 28×28 input averaged over `views`, asking `classify` once for all views of
 * all inputs (the app's batch lane, or a Node model): the app, the album, `npm run classify` and
 * `npm run eval:photos` all go through here, so they answer alike.
 */
export async function classifyWithTta(
  inputs: readonly Float32Array[],
  classify: (batch: Float32Array[]) => Promise<Float32Array[]>,
  views: readonly TtaView[] = PHOTO_TTA,
): Promise<Float32Array[]> {
  const all = await classify(inputs.flatMap((x) => ttaInputs(x, views)));
  return inputs.map((_, i) => averageProbs(all.slice(i * views.length, (i + 1) * views.length)));
}
