import { batch } from 'solid-js';
import { errorText } from '../core/errors';
import { preprocess } from '../core/preprocess';
import { checkManifest, mostAccurate, type ModelEntry } from '../core/manifest';
import { BACKENDS, type BackendName } from '../core/url-params';
import type { Classifier } from '../ml/classifier';
import { ClassifyWorker, workersUsable } from '../ml/classify/client';
import type { Loaded, ModelSource } from '../ml/classify/protocol';
import type { ActiveClassifier } from './active-classifier';
import {
  backendName,
  modelId,
  models,
  setBackendName,
  setBatchBackend,
  setClassifyWhere,
  setEngineState,
  setError,
  setModelId,
  setModels,
  setNotice,
  setWarming,
  warming,
} from './state';
import { assetUrl, fetchJson } from './assets';
import { setOutputCount } from './classes';
import { params } from './params';
import { afterPanels, timed } from './settled';
import {
  dropUserModel,
  loadClassifier,
  loaded,
  setUserModel,
  takeStartupModel,
  userFailed,
  userParts,
  type UserModel,
} from './user-model';

export type { ActiveClassifier } from './active-classifier';

// tfjs (hundreds of KB) is loaded on demand, so the app shell paints before it arrives. On the
// worker path the page never loads it: the workers do.
const loadMl = (() => {
  let ml: Promise<[typeof import('../ml/backend'), typeof import('../ml/classifier')]> | undefined;
  return () => (ml ??= Promise.all([import('../ml/backend'), import('../ml/classifier')]));
})();

let classifier: ActiveClassifier | null = null;
let generation = 0;
let interrupt: (reason: Error) => void = () => {};
let interrupted = freshInterruption();

function freshInterruption(): Promise<never> {
  const p = new Promise<never>((_, reject) => (interrupt = reject));
  p.catch(() => {});
  return p;
}

/** Uses a retrained version (or, with null, the manifest model again). */
export async function useUserModel(model: UserModel | null): Promise<void> {
  setUserModel(model);
  await loadModel(modelId());
}

/** The classifier in use, or null while (re)loading. */
export function activeClassifier(): ActiveClassifier | null {
  return classifier;
}

/** Probabilities (one per class) for several 28×28 inputs, on the backend measured fastest for batches. */
export async function classifyMany(inputs: Float32Array[]): Promise<Float32Array[]> {
  const c = classifier;
  if (!c) throw new Error('no model is loaded');
  const joined = new Float32Array(inputs.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of inputs) {
    joined.set(x, at);
    at += x.length;
  }
  const probs = await c.predictMany(joined, inputs.length);
  // A model with user classes has more than ten outputs: split by what came back.
  const k = probs.length / inputs.length;
  return inputs.map((_, i) => probs.slice(i * k, (i + 1) * k));
}

let pageBackend: Promise<void> | undefined;

/**
 * Makes sure tfjs also runs on the page, for the rare model work done there (checking a saved
 * version, importing model files). On the worker path this loads tfjs and starts wasm on the page
 * only then; on the page path the engine's own backend already runs.
 */
export function pageTfjs(): Promise<void> {
  if (!onWorkers) return Promise.resolve();
  pageBackend ??= loadMl().then(async ([backend]) => void (await backend.startBackend('wasm', () => {})));
  pageBackend.catch(() => (pageBackend = undefined));
  return pageBackend;
}

/** A promise that rejects when the active classifier is dropped (GPU loss, model switch). */
export function interruption(): Promise<never> {
  return interrupted;
}

function dropClassifier(): void {
  const old = classifier;
  classifier = null;
  interrupt(new Error('classifier replaced'));
  interrupted = freshInterruption();
  try {
    old?.dispose();
  } catch {
    // A lost GPU context cannot free its textures; they are gone anyway.
  }
}

const modelUrl = (entry: ModelEntry): string => new URL(assetUrl(`models/${entry.file}`), location.href).href;

// ---------------------------------------------------------------------------------------------
// The page path: tfjs on the main thread (where module workers or OffscreenCanvas are missing,
// a worker fails to start, or `?worker=0`).

/** The page's classifier as an {@link ActiveClassifier}. */
function onPage(c: Classifier): ActiveClassifier {
  return {
    where: 'main',
    predict: (x) => c.predict(x),
    predictInk: async (source) => {
      const image = source.ink();
      const input = image && preprocess(image);
      return input ? { input, probs: await c.predict(input) } : null;
    },
    predictPhoto: async (image) => {
      // Loaded on the first camera frame: the pipeline stays out of the entry chunk.
      const { photoAnswer } = await import('../ml/classify/photo-answer');
      return photoAnswer(image, (x) => c.predict(x));
    },
    predictMany: async (images, count, onProgress) => {
      const { predictAll } = await import('../ml/predict-all');
      return predictAll(c.model, images, count, onProgress ? { onProgress } : {});
    },
    batchBackend: () => backendName(),
    parts: async () => (await import('../ml/retrain/model-artifacts')).modelToParts(c.model),
    dispose: () => c.dispose(),
  };
}

async function bootBackend(first: BackendName | undefined): Promise<boolean> {
  const [backend] = await loadMl();
  try {
    const choice = await backend.startBackend(
      first,
      (name, reason) => void recoverFromLoss(name, reason),
      setBackendName,
    );
    setBackendName(choice.name);
    setBatchBackend(choice.name);
    for (const s of choice.skipped) console.info(`[prenda] ${s.name} skipped: ${s.reason}`);
    if (first && choice.name !== first)
      setNotice({ key: 'app.fallback', params: { requested: first, name: choice.name } });
    return true;
  } catch (err) {
    setError({ key: 'app.backendError', params: { detail: errorText(err) } });
    setEngineState('error');
    return false;
  }
}

async function loadOnPage(entry: ModelEntry, gen: number): Promise<void> {
  const [, { Classifier }] = await loadMl();
  try {
    const next = await loadClassifier(modelUrl(entry), Classifier);
    if (gen !== generation) return next.dispose();
    dropClassifier();
    classifier = onPage(next);
    setOutputCount(next.classes);
    setError(null);
    loaded();
    setEngineState('ready');
  } catch (err) {
    if (gen !== generation) return;
    setError({ key: 'app.modelError', params: { id: entry.id, detail: errorText(err) } });
    setEngineState('error');
  }
}

// ---------------------------------------------------------------------------------------------
// The worker path. A wasm (or cpu) worker answers as soon as it has the model; where the chain
// starts on a GPU backend, a second worker starts it after that first answer (when idle), compiles
// the model's shaders, and takes over drawing once warm (only the badge shows the switch). Batch work goes to whichever
// worker measured the lower time per image on a warm batch: on a software GPU, that is wasm.

/** One worker and what it has loaded. */
interface Slot {
  worker: ClassifyWorker;
  name: BackendName;
  /** The model generation it holds, with its measured batch speed; null while loading. */
  loaded: (Loaded & { gen: number }) | null;
}

/** The model every worker should hold. */
interface Wanted {
  gen: number;
  id: string;
  source: ModelSource;
  url: string;
}

const isGpu = (name: BackendName | undefined): boolean => name === 'webgpu' || name === 'webgl';
/** Images per step of batch work: wasm and cpu gain nothing from larger batches, GPUs do. */
const batchSize = (name: BackendName): number => (isGpu(name) ? 1000 : 250);

let onWorkers = false;
let fast: Slot | null = null;
let gpu: Slot | null = null;
let wanted: Wanted | null = null;
/** Generation whose model {@link classifier} already answers (a warm GPU then swaps in quietly). */
let adoptedGen = -1;
/** A GPU loss whose notice waits until the next backend is known. */
let lossReason: string | null = null;
/** Startup only: the `?backend=` asked for, so the notice can say when it could not be used. */
let requested: BackendName | undefined;

const current = (slot: Slot): boolean => !!slot.loaded && slot.loaded.gen === generation;

/** The worker batch work goes to: the fastest measured of those holding the current model. */
function batchSlot(fallback: Slot): Slot {
  const ready = [fast, gpu].filter((s): s is Slot => !!s && current(s));
  return ready.reduce((a, b) => (b.loaded!.msPerImage < a.loaded!.msPerImage ? b : a), ready[0] ?? fallback);
}

function inWorker(slot: Slot): ActiveClassifier {
  return {
    where: 'worker',
    predict: (x) => slot.worker.predict(x),
    predictInk: (source) => slot.worker.predictInk(source),
    predictPhoto: (image) => slot.worker.predictPhoto(image),
    predictMany: (images, count, onProgress) => {
      const b = batchSlot(slot);
      return b.worker.predictMany(images, count, batchSize(b.name), onProgress);
    },
    batchBackend: () => batchSlot(slot).name,
    parts: () => slot.worker.parts(),
    dispose: () => {},
  };
}

/** Says which backend is used after a GPU loss or an unusable `?backend=`, once it is known. */
function settleNotices(): void {
  const name = backendName();
  if (lossReason !== null) setNotice({ key: 'app.gpuLost', params: { reason: lossReason, name } });
  else if (requested && name && name !== requested) setNotice({ key: 'app.fallback', params: { requested, name } });
  lossReason = null;
  requested = undefined;
}

function adopt(slot: Slot): void {
  const fresh = adoptedGen !== generation;
  // A new model drops the old one (its answers are stale); a warm GPU replaces wasm quietly.
  if (fresh) dropClassifier();
  classifier = inWorker(slot);
  adoptedGen = generation;
  // One pass of the effects for all of it (the badge, the bars' count, the first answer's request).
  batch(() => {
    setOutputCount(slot.loaded!.outputs);
    setBackendName(slot.name);
    setBatchBackend(batchSlot(slot).name);
    if (fresh) {
      setError(null);
      loaded();
    }
    setEngineState('ready');
  });
}

function newWorker(): ClassifyWorker {
  return new ClassifyWorker((name, reason) => void recoverFromLoss(name, reason));
}

async function loadInto(slot: Slot, w: Wanted): Promise<void> {
  slot.loaded = null;
  try {
    const result = await slot.worker.load(w.source, w.url);
    if (w.gen !== generation || (slot !== fast && slot !== gpu)) return;
    slot.loaded = { ...result, gen: w.gen };
    if (result.sourceError !== undefined) userFailed(new Error(result.sourceError));
    if (slot === gpu) setWarming(null);
    // The GPU worker is preferred for drawing once warm; wasm answers until then.
    if (slot === gpu || adoptedGen !== generation || !gpu) adopt(slot);
    else setBatchBackend(batchSlot(slot).name);
    if (!warming()) settleNotices();
  } catch (err) {
    if (w.gen !== generation || (slot !== fast && slot !== gpu)) return;
    if (slot === gpu) {
      // The GPU cannot run it (out of memory, shader failure): wasm carries on.
      console.info(`[prenda] ${slot.name} worker failed, staying on ${fast?.name}: ${errorText(err)}`);
      dropGpu();
      if (fast && current(fast) && adoptedGen !== generation) adopt(fast);
      return;
    }
    setError({ key: 'app.modelError', params: { id: w.id, detail: errorText(err) } });
    setEngineState('error');
  }
}

function dropGpu(): void {
  gpu?.worker.terminate();
  gpu = null;
  setWarming(null);
}

/** Starts a GPU backend (the chain from `first`) in a second worker and loads the model there. */
async function warmGpu(first: BackendName): Promise<void> {
  setWarming(first);
  let worker: ClassifyWorker | undefined;
  try {
    worker = newWorker();
    const choice = await worker.start(first);
    for (const s of choice.skipped) console.info(`[prenda] worker: ${s.name} skipped: ${s.reason}`);
    if (!isGpu(choice.name)) throw new Error('no GPU backend in a worker');
    gpu = { worker, name: choice.name, loaded: null };
    setWarming(choice.name);
    if (wanted) await loadInto(gpu, wanted);
  } catch (err) {
    console.info(`[prenda] no GPU in a worker: ${errorText(err)}`);
    if (gpu?.worker === worker) gpu = null;
    worker?.terminate();
    setWarming(null);
    if (fast && current(fast)) settleNotices();
  }
}

/** Starts the workers; false (and nothing left running) when a worker cannot start here. */
async function startWorkers(first: BackendName): Promise<boolean> {
  const gpuFirst = isGpu(first);
  let worker: ClassifyWorker | undefined;
  try {
    worker = newWorker();
    if (gpuFirst) setWarming(first);
    setBackendName(gpuFirst ? 'wasm' : first);
    const choice = await worker.start(gpuFirst ? 'wasm' : first);
    for (const s of choice.skipped) console.info(`[prenda] worker: ${s.name} skipped: ${s.reason}`);
    fast = { worker, name: choice.name, loaded: null };
  } catch (err) {
    worker?.terminate();
    setWarming(null);
    console.info(`[prenda] classifying on the page: ${errorText(err)}`);
    return false;
  }
  onWorkers = true;
  setClassifyWhere('worker');
  setBackendName(fast.name);
  // The GPU worker (its own backend code, shader compilation) starts only once wasm has answered
  // and the panels below have rendered: before that it would compete with the first prediction
  // and the first screen for the network and the CPU (on a two-core machine with a software GPU,
  // its shader compilation tripled the wall time of the panels' renders). It loads the same worker
  // script, so tfjs itself comes from the HTTP cache.
  // `data-warming` stays on meanwhile: a GPU backend is on its way.
  if (gpuFirst) void afterPanels().then(() => warmGpu(first));
  return true;
}

async function loadInWorkers(entry: ModelEntry, gen: number): Promise<void> {
  const url = modelUrl(entry);
  const parts = await userParts();
  if (gen !== generation) return;
  wanted = { gen, id: entry.id, url, source: parts ? { kind: 'parts', parts } : { kind: 'url', url } };
  const slots = [fast, gpu].filter((s): s is Slot => !!s);
  if (gpu) setWarming(gpu.name); // wasm may answer first again while the GPU compiles this model
  await Promise.all(slots.map((s) => loadInto(s, wanted!)));
}

// ---------------------------------------------------------------------------------------------

async function loadModel(id: string): Promise<void> {
  const entry = models().find((m) => m.id === id);
  if (!entry) return;
  const gen = ++generation;
  setEngineState('loading');
  await (onWorkers ? loadInWorkers(entry, gen) : loadOnPage(entry, gen));
}

/** Moves to the next backend after the GPU went away, reloads the model and carries on. */
export async function recoverFromLoss(lost: BackendName, reason: string): Promise<void> {
  if (onWorkers) {
    if (!gpu || gpu.name !== lost) return;
    dropGpu();
    lossReason = reason;
    // wasm already holds the model: it answers at once (in-flight GPU answers are dropped).
    if (fast && current(fast)) {
      adoptedGen = -1;
      adopt(fast);
    } else if (classifier) {
      dropClassifier();
      setEngineState('loading');
    }
    const next = BACKENDS[BACKENDS.indexOf(lost) + 1];
    if (isGpu(next)) await warmGpu(next!);
    else settleNotices();
    return;
  }
  if (backendName() !== lost) return;
  generation++;
  dropClassifier();
  setEngineState('loading');
  const [backend] = await loadMl();
  if (!(await bootBackend(backend.nextBackend(lost)))) return;
  setNotice({ key: 'app.gpuLost', params: { reason, name: backendName() } });
  await loadModel(modelId());
}

/** Switches to model `id` of the manifest. */
export async function selectModel(id: string): Promise<void> {
  dropUserModel();
  setModelId(id);
  await loadModel(id);
}

/** What {@link startEngine} may be given. */
export interface EngineOptions {
  /**
   * The user's version to start with, if any (the retraining feature reads it from storage). It
   * is asked for while the backend boots; the engine itself never imports a feature.
   */
  startupModel?: () => Promise<UserModel | null>;
}

/**
 * Reads the manifest, starts the best backend and loads the default (or `?model=`) model: in
 * workers where the browser can, else on the page.
 */
export async function startEngine(options: EngineOptions = {}): Promise<void> {
  setEngineState('loading');
  const startup = Promise.resolve()
    .then(() => options.startupModel?.() ?? null)
    .catch((err: unknown) => (console.info('[prenda] no stored version:', err), null));
  // The workers fetch and start tfjs while the page reads the manifest.
  requested = params.backend;
  const workers =
    params.worker !== false && workersUsable() ? startWorkers(params.backend ?? 'webgpu') : Promise.resolve(false);
  try {
    const manifest = checkManifest(await fetchJson('models/manifest.json'));
    const chosen = manifest.models.find((m) => m.id === params.model) ?? mostAccurate(manifest);
    if (!chosen) throw new Error('the manifest lists no models');
    // One render of the model picker (its options and its choice), not two.
    timed('models', () =>
      batch(() => {
        setModels(manifest.models);
        setModelId(chosen.id);
      }),
    );
  } catch (err) {
    setError({ key: 'app.manifestError', params: { detail: errorText(err) } });
    setEngineState('error');
    return;
  }
  if (await workers) {
    if (!isGpu(params.backend)) settleNotices();
  } else {
    requested = undefined;
    setClassifyWhere('main');
    if (!(await bootBackend(params.backend))) return;
  }
  await takeStartupModel(startup);
  await loadModel(modelId());
}
