import { errorText } from '../core/errors';
import { checkManifest, mostAccurate } from '../core/manifest';
import type { BackendName } from '../core/url-params';
import type { Classifier } from '../ml/classifier';
import {
  backendName,
  modelId,
  models,
  setBackendName,
  setEngineState,
  setError,
  setModelId,
  setModels,
  setNotice,
} from './state';
import { assetUrl, fetchJson } from './assets';
import { setOutputCount } from './classes';
import { params } from './params';
import { dropUserModel, loadClassifier, loaded, setUserModel, takeStartupModel, type UserModel } from './user-model';

// tfjs (hundreds of KB) is loaded on demand, so the app shell paints before it arrives.
const loadMl = (() => {
  let ml: Promise<[typeof import('../ml/backend'), typeof import('../ml/classifier')]> | undefined;
  return () => (ml ??= Promise.all([import('../ml/backend'), import('../ml/classifier')]));
})();

let classifier: Classifier | null = null;
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
export function activeClassifier(): Classifier | null {
  return classifier;
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

async function bootBackend(first: BackendName | undefined): Promise<boolean> {
  const [backend] = await loadMl();
  try {
    const choice = await backend.startBackend(
      first,
      (name, reason) => void recoverFromLoss(name, reason),
      setBackendName,
    );
    setBackendName(choice.name);
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

async function loadModel(id: string): Promise<void> {
  const entry = models().find((m) => m.id === id);
  if (!entry) return;
  const gen = ++generation;
  setEngineState('loading');
  const [, { Classifier }] = await loadMl();
  try {
    const next = await loadClassifier(assetUrl(`models/${entry.file}`), Classifier);
    if (gen !== generation) return next.dispose();
    dropClassifier();
    classifier = next;
    setOutputCount(next.classes);
    setError(null);
    loaded();
    setEngineState('ready');
  } catch (err) {
    if (gen !== generation) return;
    setError({ key: 'app.modelError', params: { id, detail: errorText(err) } });
    setEngineState('error');
  }
}

/** Moves to the next backend after the GPU went away, reloads the model and carries on. */
export async function recoverFromLoss(lost: BackendName, reason: string): Promise<void> {
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

/** Reads the manifest, starts the best backend and loads the default (or `?model=`) model. */
export async function startEngine(options: EngineOptions = {}): Promise<void> {
  setEngineState('loading');
  const startup = Promise.resolve()
    .then(() => options.startupModel?.() ?? null)
    .catch((err: unknown) => (console.info('[prenda] no stored version:', err), null));
  try {
    const manifest = checkManifest(await fetchJson('models/manifest.json'));
    setModels(manifest.models);
    const chosen = manifest.models.find((m) => m.id === params.model) ?? mostAccurate(manifest);
    if (!chosen) throw new Error('the manifest lists no models');
    setModelId(chosen.id);
  } catch (err) {
    setError({ key: 'app.manifestError', params: { detail: errorText(err) } });
    setEngineState('error');
    return;
  }
  if (!(await bootBackend(params.backend))) return;
  await takeStartupModel(startup);
  await loadModel(modelId());
}
