// The page's side of the album workers: decodes files off the main thread, in a few workers where
// the device has the cores (one here and there on a two-core machine), or on the page when no
// worker can start (the result is the same; only the page is busier).
import { decodeForAlbum, type AlbumDecodeResult } from './album-decode';
import type { DecodeRequest, DecodeResponse } from './album.worker';

/** Workers to decode with: one core stays for the page, at most three (decoding is memory-heavy). */
export const DECODE_WORKERS = Math.max(1, Math.min(3, (globalThis.navigator?.hardwareConcurrency || 2) - 1));

type Waiting = { resolve: (r: AlbumDecodeResult) => void; reject: (e: Error) => void };

class WorkerGone extends Error {}

let pool: (Worker | null)[] | undefined;
let nextId = 0;
let turn = 0;
const pending = new Map<number, Waiting & { worker: Worker }>();

function startWorker(): Worker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./album.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  worker.onmessage = (e: MessageEvent<DecodeResponse>) => {
    const waiting = pending.get(e.data.id);
    pending.delete(e.data.id);
    if ('error' in e.data) waiting?.reject(new Error(e.data.error));
    else waiting?.resolve(e.data.result);
  };
  worker.onerror = (e) => {
    // A worker that fails to load (e.g. no module workers): its files are decoded on the page.
    e.preventDefault();
    worker.terminate();
    pool = pool?.map((w) => (w === worker ? null : w));
    for (const [id, w] of pending) {
      if (w.worker !== worker) continue;
      pending.delete(id);
      w.reject(new WorkerGone());
    }
  };
  return worker;
}

/** Decodes one album photo in a worker (or on the page when there is none). */
export async function decodeOffPage(file: Blob): Promise<AlbumDecodeResult> {
  pool ??= Array.from({ length: DECODE_WORKERS }, startWorker);
  const live = pool.filter((w): w is Worker => w !== null);
  const worker = live[turn++ % Math.max(1, live.length)];
  if (!worker) return decodeForAlbum(file);
  const id = nextId++;
  try {
    return await new Promise<AlbumDecodeResult>((resolve, reject) => {
      pending.set(id, { resolve, reject, worker });
      worker.postMessage({ id, file } satisfies DecodeRequest);
    });
  } catch (err) {
    if (err instanceof WorkerGone) return decodeForAlbum(file);
    throw err;
  }
}
