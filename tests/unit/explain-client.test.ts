// The page side of the explanation worker, against a fake Worker: one request at a time, a new
// one cancels the one in flight (its promise rejects, its result is dropped), the model's source
// is sent once per model, and again when the worker asks for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExplainCancelled, ExplainClient, type ExplainResult } from '../../src/ml/explain/worker-client';
import type { FromExplainWorker, ToExplainWorker } from '../../src/ml/explain/worker-protocol';

class FakeWorker {
  static last: FakeWorker | undefined;
  readonly sent: ToExplainWorker[] = [];
  onmessage: ((e: MessageEvent<FromExplainWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: ToExplainWorker): void {
    this.sent.push(m);
  }
  reply(m: FromExplainWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<FromExplainWorker>);
  }
  terminate(): void {}
}

const result = (cls: number): ExplainResult => ({
  cls,
  versus: 0,
  method: 'occlusion',
  map: new Float32Array(784),
  versusMap: new Float32Array(784),
  neighbours: [],
  ms: 1,
});

let loads = 0;
const model = (key: string) => ({
  key,
  load: async () => {
    loads++;
    return { key, url: `http://x/${key}/model.json` };
  },
});
const tick = () => new Promise((r) => setTimeout(r, 0));
const explains = (w: FakeWorker) => w.sent.filter((m) => m.type === 'explain');

describe('ExplainClient', () => {
  beforeEach(() => {
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    loads = 0;
  });
  afterEach(() => delete (globalThis as { Worker?: unknown }).Worker);

  it('a new request cancels the one in flight: it rejects, the worker is told, its late result is dropped', async () => {
    const client = new ExplainClient('http://x/data/');
    const first = client.explain({ model: model('a'), image: new Float32Array(784) });
    await tick();
    const w = FakeWorker.last!;
    const second = client.explain({ model: model('a'), image: new Float32Array(784).fill(1) });
    await expect(first).rejects.toBeInstanceOf(ExplainCancelled);
    await tick();
    const [a, b] = explains(w) as Extract<ToExplainWorker, { type: 'explain' }>[];
    expect(w.sent).toContainEqual({ type: 'cancel', id: a!.id });
    expect(client.cancelled).toBe(1);
    w.reply({ type: 'done', id: a!.id, result: result(3) }); // too late: ignored
    w.reply({ type: 'done', id: b!.id, result: result(1) });
    expect((await second).cls).toBe(1);
    // The model's source went with the first request only.
    expect('url' in a!.model).toBe(true);
    expect('url' in b!.model).toBe(false);
    expect(loads).toBe(1);
  });

  it('an aborted signal cancels; a worker that lost the model gets its source again', async () => {
    const client = new ExplainClient('http://x/data/');
    const controller = new AbortController();
    const job = client.explain({ model: model('a'), image: new Float32Array(784), signal: controller.signal });
    await tick();
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(ExplainCancelled);
    const w = FakeWorker.last!;
    const next = client.explain({ model: model('a'), image: new Float32Array(784) });
    await tick();
    const asked = explains(w).at(-1) as Extract<ToExplainWorker, { type: 'explain' }>;
    expect('url' in asked.model).toBe(false);
    w.reply({ type: 'failed', id: asked.id, message: 'model not loaded', needsModel: true });
    await tick();
    const again = explains(w).at(-1) as Extract<ToExplainWorker, { type: 'explain' }>;
    expect('url' in again.model).toBe(true);
    w.reply({ type: 'done', id: again.id, result: result(7) });
    expect((await next).cls).toBe(7);
  });

  it('a failure in the worker rejects with its message', async () => {
    const client = new ExplainClient('http://x/data/');
    const job = client.explain({ model: model('b'), image: new Float32Array(784) });
    await tick();
    const w = FakeWorker.last!;
    w.reply({ type: 'failed', id: explains(w)[0]!.id, message: 'boom' });
    await expect(job).rejects.toThrow('boom');
  });
});
