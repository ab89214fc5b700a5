import { createSignal } from 'solid-js';
import type { RgbaImage } from '../../core/preprocess';
import { changeBytes } from '../../core/retrain/atomic-save';
import { readSamples } from '../../core/retrain/storage-check';
import { ensureRoom, StorageFullError } from '../../core/retrain/storage-errors';
import { grayThumbnail, newId, toSamplePixels, type Sample } from '../../core/retrain/samples';
import { errorText } from '../../core/errors';
import { keepStorage, retrainStore, showError } from './storage';
import { announce, exclusive } from './tabs';
import { makeVariants } from './variants';

/** The user's samples, oldest first. */
export const [samples, setSamples] = createSignal<readonly Sample[]>([]);
/** Class chosen for the next sample. */
export const [nextLabel, setNextLabel] = createSignal(0);

let lastCreated = 0;
const byAge = (list: Sample[]): Sample[] => list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

/** Reads the stored samples (at start-up, and when another tab changed them); unusable ones are skipped. */
export async function loadSamples(): Promise<void> {
  const { samples: usable } = await readSamples(await retrainStore()).catch(() => ({ samples: [] as Sample[] }));
  setSamples(byAge(usable));
}

/** Says why a write was refused: storage full, or the write failed for another reason. */
function refused(err: unknown): void {
  if (err instanceof StorageFullError) showError({ key: 'retrain.sampleFull' });
  else showError({ key: 'retrain.sampleNotStored', params: { detail: errorText(err) } });
}

/**
 * Adds `input` (the 28×28 the model sees) as a sample of class `label`, with a thumbnail of `source`;
 * when `source` is a photo (`isPhoto`), with augmented variants of it too (made in a worker).
 * Stored first, listed once stored: a sample storage refuses is refused with a message, never kept
 * only in memory (it would vanish at the next reload).
 */
export async function addSample(
  input: Float32Array,
  source: RgbaImage | null,
  label = nextLabel(),
  isPhoto = false,
): Promise<void> {
  lastCreated = Math.max(Date.now(), lastCreated + 1);
  const variants = isPhoto && source ? await makeVariants(source) : null;
  const sample: Sample = {
    id: newId('s'),
    label,
    pixels: toSamplePixels(input),
    thumb: source ? grayThumbnail(source) : null,
    createdAt: lastCreated,
    ...(variants?.length && { variants }),
  };
  void keepStorage();
  try {
    await exclusive(async () => {
      await ensureRoom(changeBytes({ putSamples: [sample] }));
      await (await retrainStore()).commit({ putSamples: [sample] });
    });
  } catch (err) {
    return refused(err);
  }
  setSamples((list) => [...list, sample]);
  announce({ type: 'samples' });
}

/** Gives sample `id` the class `label`; a sample deleted meanwhile (another tab) stays deleted. */
export async function relabelSample(id: string, label: number): Promise<void> {
  const sample = samples().find((s) => s.id === id);
  if (!sample || sample.label === label) return;
  let kept: boolean;
  try {
    kept = await exclusive(async () => (await retrainStore()).relabelSample(id, label));
  } catch (err) {
    return refused(err);
  }
  if (!kept) {
    setSamples((list) => list.filter((s) => s.id !== id));
    return showError({ key: 'retrain.sampleGone' });
  }
  setSamples((list) => list.map((s) => (s.id === id ? { ...s, label } : s)));
  announce({ type: 'samples' });
}

/** Deletes sample `id`. */
export async function deleteSample(id: string): Promise<void> {
  setSamples((list) => list.filter((s) => s.id !== id));
  try {
    await exclusive(async () => (await retrainStore()).commit({ deleteSamples: [id] }));
  } catch (err) {
    refused(err);
  }
  announce({ type: 'samples' });
}

/** Adds to the list the samples an import stored (those not listed yet). */
export function listSamples(incoming: readonly Sample[]): void {
  const have = new Set(samples().map((s) => s.id));
  const fresh = incoming.filter((s) => !have.has(s.id));
  setSamples((list) => byAge([...list, ...fresh]));
}
