// The page's side of the album worker: decodes one file at a time off the main thread, or on the
// page when a worker cannot start (the result is the same; only the page is busier).
import { decodeForAlbum, type AlbumDecodeResult } from './album-decode';
import type { DecodeRequest, DecodeResponse } from './album.worker';

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: AlbumDecodeResult) => void; reject: (e: Error) => void }>();

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./album.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DecodeResponse>) => {
      const waiting = pending.get(e.data.id);
      pending.delete(e.data.id);
      if ('error' in e.data) waiting?.reject(new Error(e.data.error));
      else waiting?.resolve(e.data.result);
    };
    worker.onerror = (e) => {
      // A worker that fails to load (e.g. no module workers): the page decodes from now on.
      e.preventDefault();
      worker?.terminate();
      worker = null;
      for (const [, w] of pending) w.reject(new WorkerGone());
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

class WorkerGone extends Error {}

/** Decodes one album photo in the worker (or on the page when there is none). */
export async function decodeOffPage(file: Blob): Promise<AlbumDecodeResult> {
  const w = start();
  if (!w) return decodeForAlbum(file);
  const id = nextId++;
  try {
    return await new Promise<AlbumDecodeResult>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, file } satisfies DecodeRequest);
    });
  } catch (err) {
    if (err instanceof WorkerGone) return decodeForAlbum(file);
    throw err;
  }
}
