// Explanations off the main thread: the map, the "why not" map and the six nearest replay images
// for one 28×28 input, on wasm (cpu where wasm cannot start), so the live bars never wait for them.
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS } from '../../core/classes';
import { decodeImageSet, type LabelledImages } from '../../core/dataset';
import { errorText } from '../../core/errors';
import type { FeatureIndex } from '../../core/explain/nearest';
import { RETRAIN_DATA } from '../../core/retrain/replay-mix';
import { startBackend } from '../backend';
import { partsToModel } from '../retrain/model-artifacts';
import { explain, EXPLAIN_METHOD } from './explain';
import { explainable, type ExplainableModel } from './explainable';
import { buildNeighbourIndex } from './neighbours';
import type { FromExplainWorker, ModelSource, ToExplainWorker } from './worker-protocol';

type ExplainRequest = Extract<ToExplainWorker, { type: 'explain' }>;

interface Prepared {
  model: LayersModel;
  net: ExplainableModel;
  index: FeatureIndex;
}

const post = (message: FromExplainWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

let backend: Promise<string> | undefined;
let replay: Promise<LabelledImages> | undefined;
/** The model in use and its neighbour index, built once per model key (the last one only). */
let prepared: { key: string; ready: Promise<Prepared> } | undefined;
let current: { id: number; controller: AbortController } | undefined;

async function bytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function loadReplay(dataUrl: string): Promise<LabelledImages> {
  const { replayImages, replayLabels } = RETRAIN_DATA;
  replay ??= Promise.all([bytes(dataUrl + replayImages), bytes(dataUrl + replayLabels)]).then(([i, l]) =>
    decodeImageSet(i, replayImages, l, replayLabels),
  );
  replay.catch(() => (replay = undefined));
  return replay;
}

async function prepare(source: ModelSource, dataUrl: string): Promise<Prepared> {
  backend ??= startBackend('wasm', () => {}).then((choice) => choice.name);
  await backend;
  const model = 'url' in source ? await loadLayersModel(source.url) : await partsToModel(source.parts);
  try {
    const net = explainable(model);
    // Not cancellable: the index serves every later request for this model.
    const index = await buildNeighbourIndex(net, await loadReplay(dataUrl));
    return { model, net, index };
  } catch (err) {
    model.dispose();
    throw err;
  }
}

function preparedFor(request: ExplainRequest): Promise<Prepared> | null {
  if (prepared?.key === request.model.key) return prepared.ready;
  if (!('url' in request.model) && !('parts' in request.model)) return null;
  const old = prepared;
  prepared = { key: request.model.key, ready: prepare(request.model, request.dataUrl) };
  prepared.ready.catch(() => (prepared = undefined));
  void old?.ready.then(
    (p) => p.model.dispose(),
    () => {},
  );
  return prepared.ready;
}

/** The model's two most likely classes for `image`. */
async function topTwo(net: ExplainableModel, image: Float32Array): Promise<{ cls: number; versus: number }> {
  const out = tf.tidy(() => net.logits(net.features(tf.tensor(image, [1, ...net.inputShape]))));
  const logits = Array.from(await out.data());
  out.dispose();
  const order = logits.map((_, i) => i).sort((a, b) => logits[b]! - logits[a]!);
  return { cls: order[0]!, versus: order[1]! };
}

async function run(request: ExplainRequest, signal: AbortSignal): Promise<void> {
  try {
    const ready = preparedFor(request);
    if (!ready) return post({ type: 'failed', id: request.id, message: 'model not loaded', needsModel: true });
    const { net, index } = await ready;
    signal.throwIfAborted();
    // Timed from here: loading the model and building its index happen once per model.
    const started = performance.now();
    const classes = request.classes ?? (await topTwo(net, request.image));
    const e = await explain(net, index, request.image, classes, { signal });
    signal.throwIfAborted();
    const set = await replay!;
    const neighbours = e.neighbours.map((n) => ({
      label: n.label,
      distance: n.distance,
      pixels: set.images.slice(n.index * IMAGE_PIXELS, (n.index + 1) * IMAGE_PIXELS),
    }));
    const result = {
      cls: e.cls,
      versus: e.versus,
      method: `${EXPLAIN_METHOD.kind}`,
      map: e.map,
      versusMap: e.versusMap,
      neighbours,
      ms: performance.now() - started,
    };
    post({ type: 'done', id: request.id, result }, [e.map.buffer, e.versusMap.buffer]);
  } catch (err) {
    if (signal.aborted) post({ type: 'cancelled', id: request.id });
    else post({ type: 'failed', id: request.id, message: errorText(err) });
  } finally {
    if (current?.id === request.id) current = undefined;
  }
}

self.onmessage = (event: MessageEvent<ToExplainWorker>) => {
  const m = event.data;
  if (m.type === 'cancel') {
    if (current?.id === m.id) current.controller.abort(new DOMException('Explanation cancelled', 'AbortError'));
    return;
  }
  // A newer input makes the explanation in flight worthless.
  current?.controller.abort(new DOMException('Explanation superseded', 'AbortError'));
  current = { id: m.id, controller: new AbortController() };
  void run(m, current.controller.signal);
};
