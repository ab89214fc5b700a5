import { createMemo, createRoot, createSignal } from 'solid-js';
import type { ModelEntry } from '../core/manifest';
import type { BackendName } from '../core/url-params';
import type { Message } from './i18n';

/** Lifecycle of the model on its backend, as exposed by the `backend` test id. */
export type EngineState = 'loading' | 'ready' | 'error';

/** Backend being started or in use ('' before the first attempt). */
export const [backendName, setBackendName] = createSignal<BackendName | ''>('');
/** Where the classifier runs: in a worker or on the page ('' before it is known). */
export const [classifyWhere, setClassifyWhere] = createSignal<'worker' | 'main' | ''>('');
/** GPU backend warming up in a worker while {@link backendName} answers, or null. */
export const [warming, setWarming] = createSignal<BackendName | null>(null);
/** Backend batch work (the Evaluation view) runs on: the fastest one measured ('' before any). */
export const [batchBackend, setBatchBackend] = createSignal<string>('');
/** Whether the model is loaded and warmed up. */
export const [engineState, setEngineState] = createSignal<EngineState>('loading');
/** Duration of the latest preprocessing + inference, in milliseconds. */
export const [predictMs, setPredictMs] = createSignal<number | null>(null);
/** Models listed in the manifest. */
export const [models, setModels] = createSignal<readonly ModelEntry[]>([]);
/** Id of the model in use (or being loaded). */
export const [modelId, setModelId] = createSignal<string>('');
/** The 28×28 input the model received last; null when nothing is drawn. */
export const [input, setInput] = createSignal<Float32Array | null>(null);
/** Class probabilities for {@link input}; null when there is nothing to classify. */
export const [probs, setProbs] = createSignal<Float32Array | null>(null);
/** True while the answer shown is a guess Prenda is not sure of (a photo judged "not sure"). */
export const [doubtful, setDoubtful] = createSignal(false);
/** True while a photo (chosen, shared or a camera frame) is the input shown in the pad's place. */
export const [photoInPad, setPhotoInPad] = createSignal(false);
/** Latest user-facing error, if any. */
export const [error, setError] = createSignal<Message | null>(null);
/** Short informational notice (backend fallback, GPU loss), if any. */
export const [notice, setNotice] = createSignal<Message | null>(null);

/** Index of the largest probability, or -1 for none. */
export function argmax(values: ArrayLike<number> | null): number {
  let best = -1;
  if (!values) return best;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}

/** Index of the most probable class for the current input, or -1 when there is none. */
export const topClass = createRoot(() => createMemo(() => argmax(probs())));
