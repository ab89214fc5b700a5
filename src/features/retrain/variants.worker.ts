// Makes a photo sample's augmented variants off the page: eight runs of the photo pipeline would
// otherwise block a phone's main thread for about a second when a photo is added.
import { PHOTO_VARIANTS, photoVariants } from '../../core/retrain/photo-variants';
import type { RgbaImage } from '../../core/preprocess';

/** A request: the variants of `photo` (working resolution), answered with the same `id`. */
export interface VariantsRequest {
  id: number;
  photo: RgbaImage;
}

/** The answer to a {@link VariantsRequest}; `error` when the pipeline threw. */
export type VariantsResponse = { id: number; variants: Uint8Array } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<VariantsRequest>) => void) | null;
  postMessage(message: VariantsResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, photo } = e.data;
  try {
    const variants = photoVariants(photo, PHOTO_VARIANTS, Math.random);
    scope.postMessage({ id, variants }, [variants.buffer]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
