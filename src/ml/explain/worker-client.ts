import type { ExplainResult, FromExplainWorker, ModelSource, ToExplainWorker } from './worker-protocol';

export type { ExplainResult, ModelSource, NeighbourImage } from './worker-protocol';

/** An explanation that will never be shown: a newer request replaced it, or its signal aborted. */
export class ExplainCancelled extends Error {
  constructor() {
    super('Explanation cancelled');
    this.name = 'AbortError';
  }
}

/** One request to {@link ExplainClient.explain}. */
export interface ExplainJob {
  /** The model in use; `load` is called only when the worker does not have this key yet. */
  model: { key: string; load: () => Promise<ModelSource> };
  image: Float32Array;
  classes?: { cls: number; versus: number };
  signal?: AbortSignal;
}

interface Pending {
  resolve: (r: ExplainResult) => void;
  reject: (e: unknown) => void;
}

/**
 * The page's side of the explanation worker (one module worker, started on first use). At most
 * one request runs: a new one cancels the one in flight, whose promise rejects with
 * {@link ExplainCancelled}, so an old result can never be shown for a newer input.
 */
export class ExplainClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The model key the worker was last sent the source of. */
  private sentKey: string | undefined;
  /** Requests abandoned while the worker was on them (newer input, closed panel). */
  cancelled = 0;

  constructor(private readonly dataUrl: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromExplainWorker>) => {
      const m = event.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.type === 'done') p.resolve(m.result);
      else if (m.type === 'cancelled') p.reject(new ExplainCancelled());
      else p.reject(Object.assign(new Error(m.message), { needsModel: m.needsModel === true }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the explanation worker stopped'));
    };
    this.worker = worker;
    return worker;
  }

  private fail(err: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.sentKey = undefined;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Cancels whatever is in flight (counted in {@link cancelled}). */
  cancel(): void {
    for (const [id, p] of this.pending) {
      this.cancelled++;
      this.worker?.postMessage({ type: 'cancel', id } satisfies ToExplainWorker);
      p.reject(new ExplainCancelled());
    }
    this.pending.clear();
  }

  /** Explains `job.image` with the model in use; rejects with {@link ExplainCancelled} when superseded. */
  async explain(job: ExplainJob): Promise<ExplainResult> {
    this.cancel();
    const first = this.sentKey !== job.model.key;
    const model = first ? await job.model.load() : { key: job.model.key };
    if (job.signal?.aborted) throw new ExplainCancelled();
    try {
      return await this.send(job, model);
    } catch (err) {
      // The worker restarted or dropped the model: send it again, once.
      if ((err as { needsModel?: boolean }).needsModel) return this.send(job, await job.model.load());
      throw err;
    }
  }

  private send(job: ExplainJob, model: ToExplainWorkerModel): Promise<ExplainResult> {
    this.cancel();
    const worker = this.start();
    const id = this.nextId++;
    this.sentKey = job.model.key;
    const image = job.image.slice();
    const message: ToExplainWorker = { type: 'explain', id, dataUrl: this.dataUrl, model, image, classes: job.classes };
    return new Promise<ExplainResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      job.signal?.addEventListener(
        'abort',
        () => {
          if (!this.pending.has(id)) return;
          this.pending.delete(id);
          this.cancelled++;
          worker.postMessage({ type: 'cancel', id } satisfies ToExplainWorker);
          reject(new ExplainCancelled());
        },
        { once: true },
      );
      worker.postMessage(message, [image.buffer]);
    });
  }
}

type ToExplainWorkerModel = Extract<ToExplainWorker, { type: 'explain' }>['model'];
