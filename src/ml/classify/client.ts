// The page's side of one classification worker (worker.ts): each request is a promise.
import type { InkSource } from '../../core/ink-mirror';
import type { RgbaImage } from '../../core/preprocess';
import type { BackendName } from '../../core/url-params';
import type { BackendChoice } from '../backend';
import type { ModelParts } from '../retrain/model-artifacts';
import type { FromClassifyWorker, InkAnswer, Loaded, ModelSource, PhotoAnswer, ToClassifyWorker } from './protocol';

type Request = ToClassifyWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

interface Pending {
  resolve: (m: FromClassifyWorker) => void;
  reject: (err: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

/** True where a module worker can run tfjs with a GPU backend (OffscreenCanvas for WebGL). */
export function workersUsable(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

/** One dedicated module worker that loads a model and classifies; throws on a dead worker. */
export class ClassifyWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Error | null = null;
  /** The latest drawing update sent to the worker (-1: none, or unsure). */
  private drawingSeq = -1;

  /** Starts the worker script; `onLost` hears of a GPU that went away under it. */
  constructor(private readonly onLost: (name: BackendName, reason: string) => void) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromClassifyWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.kill(new Error(event.message || 'the classification worker failed to start'));
    };
  }

  private receive(m: FromClassifyWorker): void {
    if (m.type === 'lost') return this.onLost(m.name, m.reason);
    const waiting = this.pending.get(m.id);
    if (!waiting) return;
    if (m.type === 'progress') return waiting.onProgress?.(m.done, m.total);
    this.pending.delete(m.id);
    if (m.type === 'failed') waiting.reject(new Error(m.message));
    else waiting.resolve(m);
  }

  private request<T extends FromClassifyWorker['type']>(
    message: Request,
    expect: T,
    transfer: Transferable[] = [],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Extract<FromClassifyWorker, { type: T }>> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (m) =>
          m.type === expect
            ? resolve(m as Extract<FromClassifyWorker, { type: T }>)
            : reject(new Error(`unexpected ${m.type} reply`)),
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      this.worker.postMessage({ ...message, id } as ToClassifyWorker, transfer);
    });
  }

  /** Starts the first backend that works of the chain from `backend`. */
  async start(backend: BackendName): Promise<BackendChoice> {
    const { name, skipped } = await this.request({ type: 'start', backend }, 'started');
    return { name, skipped };
  }

  /** Loads and warms up a model (`fallbackUrl` when `source` fails), and times a batch. */
  async load(source: ModelSource, fallbackUrl: string): Promise<Loaded> {
    return (await this.request({ type: 'load', source, fallbackUrl }, 'loaded')).loaded;
  }

  /** The ten probabilities for one 28×28 input (copied: the caller keeps it). */
  async predict(input: Float32Array): Promise<Float32Array> {
    return (await this.request({ type: 'predict', input }, 'probs')).probs;
  }

  /**
   * Sends the worker what changed in a drawing since it last saw it (all of its ink the first
   * time), which it preprocesses and classifies; null when there is no ink.
   */
  async predictInk(source: InkSource): Promise<InkAnswer | null> {
    const update = source.update(this.drawingSeq);
    if (!update) return null;
    this.drawingSeq = update.seq;
    try {
      const m = await this.request({ type: 'predictInk', update }, 'inked', [update.pixels.data.buffer]);
      return m.input && m.probs ? { input: m.input, probs: m.probs } : null;
    } catch (err) {
      this.drawingSeq = -1; // the worker's copy may be behind: the next update is a full one
      throw err;
    }
  }

  /** Preprocesses a camera frame and classifies it in the worker (the frame's pixels are transferred). */
  async predictPhoto(image: RgbaImage): Promise<PhotoAnswer> {
    const { data, width, height } = image;
    return (await this.request({ type: 'predictPhoto', image: { data, width, height } }, 'photoed', [data.buffer]))
      .answer;
  }

  /** Probabilities (count × 10) of `count` images, `batchSize` per step, with progress. */
  async predictMany(
    images: Uint8Array | Float32Array,
    count: number,
    batchSize: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Float32Array> {
    return (await this.request({ type: 'predictMany', images, count, batchSize }, 'probs', [], onProgress)).probs;
  }

  /** The loaded model's topology and weights. */
  async parts(): Promise<ModelParts> {
    return (await this.request({ type: 'parts' }, 'parts')).parts;
  }

  private kill(reason: Error): void {
    this.dead ??= reason;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
  }

  /** Stops the worker; requests in flight reject. */
  terminate(): void {
    this.worker.terminate();
    this.kill(new Error('classifier replaced'));
  }
}
