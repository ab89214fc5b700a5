// The page's side of variants.worker.ts, with the same work on the page where no worker starts.
import { PHOTO_VARIANTS, photoVariants } from '../../core/retrain/photo-variants';
import type { RgbaImage } from '../../core/preprocess';
import type { VariantsRequest, VariantsResponse } from './variants.worker';

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (variants: Uint8Array | null) => void>();

function onPage(photo: RgbaImage): Uint8Array | null {
  try {
    return photoVariants(photo, PHOTO_VARIANTS, Math.random);
  } catch {
    return null;
  }
}

/** The worker, started on first use; null where it cannot start (then the page does the work). */
function variantsWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./variants.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<VariantsResponse>) => {
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.('variants' in e.data ? e.data.variants : null);
    };
    worker.onerror = (e) => {
      // A worker that failed to load: answer what waits on the page, and stop using it.
      e.preventDefault();
      worker?.terminate();
      worker = null;
      for (const done of waiting.values()) done(null);
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * {@link PHOTO_VARIANTS} augmented variants of `photo` (k × 784 bytes), made in a worker; null when
 * making them fails (the sample is then stored with its own input only). `photo` is copied, not taken.
 */
export function makeVariants(photo: RgbaImage): Promise<Uint8Array | null> {
  const w = variantsWorker();
  if (!w) return Promise.resolve(onPage(photo));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const copy = { data: photo.data.slice(), width: photo.width, height: photo.height };
    w.postMessage({ id, photo: copy } satisfies VariantsRequest, [copy.data.buffer]);
  });
}
