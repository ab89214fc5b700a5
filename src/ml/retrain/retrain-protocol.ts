import type { Accuracies } from '../../core/retrain/retrain-store';
import type { BackendName } from '../../core/url-params';
import type { RetrainEpoch, RetrainJob, RetrainOutcome } from './retrain';

/** The job sent to the worker: everything but the shipped data, which it fetches itself. */
export type WorkerJob = Omit<RetrainJob, 'replay' | 'test' | 'photoReplay'>;

/** Messages from the page to the retraining worker. */
export type ToWorker =
  | { type: 'train'; job: WorkerJob; dataUrl: string; photos?: boolean; backend?: BackendName; force?: boolean }
  | { type: 'cancel' };

/** Why a run ended without a model. */
export type FailureKind = 'nan' | 'cancelled' | 'error';

/** Messages from the retraining worker to the page. */
export type FromWorker =
  | { type: 'backend'; name: string; where?: 'worker' | 'main' }
  | { type: 'before'; before: Accuracies }
  | { type: 'progress'; done: number; total: number }
  | { type: 'epoch'; metrics: RetrainEpoch }
  | { type: 'done'; outcome: RetrainOutcome }
  | { type: 'failed'; kind: FailureKind; message: string };

/** Sorts an error thrown by a run into a {@link FailureKind}. */
export function failureKind(err: unknown): FailureKind {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'NonFiniteLossError') return 'nan';
  if (name === 'AbortError') return 'cancelled';
  return 'error';
}
