import type { ImportProblem } from '../../core/retrain/import-error';
import type { DecodedBundle } from '../../core/retrain/read-bundle';

/** Page → bundle worker: a .zip to read and check. */
export interface ReadRequest {
  zip: ArrayBuffer;
  classes: number;
}

/** Bundle worker → page: the checked bundle, or why it was refused. */
export type ReadReply =
  { ok: true; bundle: DecodedBundle } | { ok: false; problem: ImportProblem; file: string | null; detail: string };
