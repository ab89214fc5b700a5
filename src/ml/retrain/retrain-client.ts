import type { BackendName } from '../../core/url-params';
import type { RetrainOutcome } from './retrain';
import { failureKind, type FailureKind, type FromWorker, type ToWorker, type WorkerJob } from './retrain-protocol';
import { errorText } from '../../core/errors';

/** A run that ended without a model: NaN loss, cancelled, or another error. */
export class RetrainFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'RetrainFailure';
  }
}

/** Where and how to run a retraining job. */
export interface RunRequest {
  job: WorkerJob;
  /** Absolute URL of the shipped data folder (…/data/). */
  dataUrl: string;
  /** Also mix in the shipped photo replay set (the base model is the photo model). */
  photos?: boolean;
  /** Backend to try first in the worker (the page's own). */
  backend?: BackendName;
  /** Use `backend` even on a software GPU (for benchmarks). */
  force?: boolean;
  /** 'main' skips the worker (fallback, and for comparison in benchmarks). */
  where?: 'worker' | 'main';
  signal: AbortSignal;
  /** Progress, per-epoch metrics and the backend's name, as the worker reports them. */
  onMessage: (message: FromWorker) => void;
}

/** Raised when the worker cannot start here (no module workers, blocked script). */
class WorkerUnavailable extends Error {}

function inWorker(request: RunRequest): Promise<RetrainOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./retrain.worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      return reject(new WorkerUnavailable(String(err)));
    }
    let started = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(killTimer);
      request.signal.removeEventListener('abort', cancel);
      worker.terminate();
      settle();
    };
    const cancel = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      // A batch on a slow backend may take a while; do not wait for it for ever.
      killTimer = setTimeout(() => finish(() => reject(new RetrainFailure('cancelled', 'Training cancelled'))), 3000);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || 'the retraining worker failed to start';
      finish(() => reject(started ? new RetrainFailure('error', message) : new WorkerUnavailable(message)));
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      started = true;
      if (m.type === 'done') finish(() => resolve(m.outcome));
      else if (m.type === 'failed') finish(() => reject(new RetrainFailure(m.kind, m.message)));
      else request.onMessage(m.type === 'backend' ? { ...m, where: 'worker' } : m);
    };
    request.signal.addEventListener('abort', cancel, { once: true });
    const { job, dataUrl, photos, backend, force } = request;
    const message: ToWorker = { type: 'train', job, dataUrl, photos, backend, force };
    worker.postMessage(message);
  });
}

async function onMainThread(request: RunRequest): Promise<RetrainOutcome> {
  const [{ retrain }, { loadRetrainData }, { readyForTraining }] = await Promise.all([
    import('./retrain'),
    import('./retrain-data'),
    import('./training-backend'),
  ]);
  try {
    request.onMessage({ type: 'backend', name: readyForTraining(), where: 'main' });
    const data = await loadRetrainData(request.dataUrl, request.photos);
    return await retrain(
      { ...request.job, ...data },
      {
        signal: request.signal,
        onBefore: (before) => request.onMessage({ type: 'before', before }),
        onEpoch: (metrics) => request.onMessage({ type: 'epoch', metrics }),
        onProgress: (done, total) => request.onMessage({ type: 'progress', done, total }),
      },
    );
  } catch (err) {
    throw new RetrainFailure(failureKind(err), errorText(err));
  }
}

/**
 * Runs a retraining job in a module Web Worker, or on the main thread where a worker cannot
 * start. Resolves with the new model's parts; rejects with a {@link RetrainFailure}.
 */
export async function runRetrain(request: RunRequest): Promise<RetrainOutcome> {
  if (request.where !== 'main' && typeof Worker !== 'undefined') {
    try {
      return await inWorker(request);
    } catch (err) {
      if (!(err instanceof WorkerUnavailable)) throw err;
      console.info(`[prenda] retraining on the main thread: ${err.message}`);
    }
  }
  return onMainThread(request);
}
