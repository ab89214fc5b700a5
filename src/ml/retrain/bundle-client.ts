import { ImportError } from '../../core/retrain/import-error';
import { readBundle, type DecodedBundle } from '../../core/retrain/read-bundle';
import type { ReadReply, ReadRequest } from './bundle-protocol';

/** Reading a bundle may take this long before the worker is stopped (a normal export takes well under a second). */
export const READ_TIMEOUT_MS = 30_000;

/**
 * Reads and checks an imported Prenda .zip in a module worker (capped inflation, schemas, weight
 * bytes), so a large or hostile file never freezes the page; on the page when workers are not
 * available. Throws {@link ImportError}, also when the worker takes longer than `timeoutMs`.
 */
export function readBundleOffThread(
  zip: Uint8Array,
  classes: number,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<DecodedBundle> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve().then(() => readBundle(zip, { classes }));
  }
  return new Promise<DecodedBundle>((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new ImportError('too-large', null, `reading the file took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ReadReply>) => {
      done();
      const reply = event.data;
      if (reply.ok) resolve(reply.bundle);
      else reject(new ImportError(reply.problem, reply.file, reply.detail));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      // The worker script could not run here: read on the page instead.
      Promise.resolve()
        .then(() => readBundle(zip, { classes }))
        .then(resolve, reject);
    };
    const copy = zip.slice().buffer; // transferred: the caller keeps its bytes
    worker.postMessage({ zip: copy, classes } satisfies ReadRequest, [copy]);
  });
}
