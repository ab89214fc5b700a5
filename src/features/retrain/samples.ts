import { createSignal } from 'solid-js';
import type { RgbaImage } from '../../core/preprocess';
import { grayThumbnail, isSample, newId, toSamplePixels, type Sample } from '../../core/retrain/samples';
import { keepStorage, retrainStore } from './storage';

/** The user's samples, oldest first. */
export const [samples, setSamples] = createSignal<readonly Sample[]>([]);
/** Class chosen for the next sample. */
export const [nextLabel, setNextLabel] = createSignal(0);

let lastCreated = 0;
const byAge = (list: Sample[]): Sample[] => list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

/** Reads the stored samples (at start-up). */
export async function loadSamples(): Promise<void> {
  const stored = (await (await retrainStore()).samples()).filter(isSample);
  setSamples(byAge(stored));
}

/** Adds `input` (the 28×28 the model sees) as a sample of class `label`, with a thumbnail of `source`. */
export async function addSample(input: Float32Array, source: RgbaImage | null, label = nextLabel()): Promise<void> {
  lastCreated = Math.max(Date.now(), lastCreated + 1);
  const sample: Sample = {
    id: newId('s'),
    label,
    pixels: toSamplePixels(input),
    thumb: source ? grayThumbnail(source) : null,
    createdAt: lastCreated,
  };
  // Memory first: the list is right whatever storage does; storage problems are reported.
  setSamples((list) => [...list, sample]);
  void keepStorage();
  await (await retrainStore()).putSample(sample);
}

/** Gives sample `id` the class `label`. */
export async function relabelSample(id: string, label: number): Promise<void> {
  const sample = samples().find((s) => s.id === id);
  if (!sample || sample.label === label) return;
  const changed = { ...sample, label };
  setSamples((list) => list.map((s) => (s.id === id ? changed : s)));
  await (await retrainStore()).putSample(changed);
}

/** Deletes sample `id`. */
export async function deleteSample(id: string): Promise<void> {
  setSamples((list) => list.filter((s) => s.id !== id));
  await (await retrainStore()).deleteSample(id);
}

/** Adds the samples of an imported file that are not here yet; returns how many were new. */
export async function mergeSamples(incoming: readonly Sample[]): Promise<number> {
  const have = new Set(samples().map((s) => s.id));
  const fresh = incoming.filter((s) => !have.has(s.id));
  setSamples((list) => byAge([...list, ...fresh]));
  const store = await retrainStore();
  for (const s of fresh) await store.putSample(s);
  return fresh.length;
}
