// The album's decoding worker: one file in, its model input, working copy and thumbnail out, so
// decoding 12 MP photos and segmenting them never blocks the page.
import { decodeForAlbum, type AlbumDecodeResult } from './album-decode';

/** A request: decode `file`, answer with the same `id`. */
export interface DecodeRequest {
  id: number;
  file: Blob;
}

/** The answer to a {@link DecodeRequest}; `error` when decoding threw. */
export type DecodeResponse = { id: number; result: AlbumDecodeResult } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, file } = e.data;
  decodeForAlbum(file).then(
    (result) => {
      const transfer: Transferable[] = [];
      if (result.ok) {
        transfer.push(result.photo.data.buffer as ArrayBuffer);
        if (result.input) transfer.push(result.input.buffer as ArrayBuffer);
      }
      scope.postMessage({ id, result }, transfer);
    },
    (err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
};
