// Reads an imported .zip off the main thread: inflation (capped) and every check are pure CPU work.
import { ImportError } from '../../core/retrain/import-error';
import { readBundle } from '../../core/retrain/read-bundle';
import type { ReadReply, ReadRequest } from './bundle-protocol';

const post = (reply: ReadReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  try {
    const bundle = readBundle(new Uint8Array(event.data.zip), { classes: event.data.classes });
    post({ ok: true, bundle }, [bundle.weightData]);
  } catch (err) {
    if (err instanceof ImportError) post({ ok: false, problem: err.problem, file: err.file, detail: err.detail });
    else post({ ok: false, problem: 'not-zip', file: null, detail: err instanceof Error ? err.message : String(err) });
  }
};
