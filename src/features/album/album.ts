// The album's state and its run: files in, one item per file, processed one at a time (decode in
// the worker, classify through the engine adapter) so 50 phone photos never freeze the page.
import { batch, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { classifyWithTta } from '../../core/photo/tta';
import { verdictOf } from '../../core/photo/verdict';
import type { RgbaImage } from '../../core/preprocess';
import { errorText } from '../../core/errors';
import { t, type Message } from '../../app/i18n';
import { addSample } from '../retrain';
import { usePhotoModel } from '../photo';
import { classifyInputs } from './classify';
import type { AlbumDecodeResult } from './album-decode';
import { DECODE_WORKERS, decodeOffPage } from './decoder';

/** Where the album is: nothing yet, photos being classified, or all of them done. */
export type AlbumState = 'idle' | 'working' | 'done';

/** One photo of the album. */
export interface AlbumItem {
  readonly id: number;
  readonly file: string;
  status: 'pending' | 'done' | 'failed';
  /** Top class, or -1 when no garment stands out. */
  top: number;
  probs: number[] | null;
  sure: boolean;
  /** Why the file could not be used (already in the interface language when shown). */
  problem: Message | null;
  /** The class the user gave it, or null. */
  corrected: number | null;
}

/** Everything the album shows. */
export const [album, setAlbum] = createStore<{ items: AlbumItem[] }>({ items: [] });
/** The album's state. */
export const [albumState, setAlbumState] = createSignal<AlbumState>('idle');
/** Photos done (classified or failed) in the current run. */
export const [albumDone, setAlbumDone] = createSignal(0);
/** Class shown by the filter, or null for all. */
export const [albumFilter, setAlbumFilter] = createSignal<number | null>(null);

// The heavy parts stay out of the store: the working copy (thumbnail) and the model input.
const kept = new Map<number, { input: Float32Array | null; photo: RgbaImage }>();
let run = 0;
let nextId = 0;

/** The working copy of item `id` (its thumbnail), once decoded. */
export const albumPhoto = (id: number): RgbaImage | null => kept.get(id)?.photo ?? null;
/** The 28×28 model input of photo `id` (what an explanation explains), or null. */
export const albumInput = (id: number): Float32Array | null => kept.get(id)?.input ?? null;

/** Classifies `files` into a new album (replacing the previous one); resolves when all are done. */
export async function openAlbum(files: readonly File[]): Promise<void> {
  const mine = ++run;
  kept.clear();
  batch(() => {
    setAlbumFilter(null);
    setAlbumDone(0);
    setAlbumState(files.length ? 'working' : 'idle');
    setAlbum(
      'items',
      files.map((f) => ({
        id: nextId++,
        file: f.name,
        status: 'pending',
        top: -1,
        probs: null,
        sure: false,
        problem: null,
        corrected: null,
      })),
    );
  });
  if (!files.length) return;
  await usePhotoModel();
  // Decoding runs ahead of classification, so each worker has the next file while the page
  // classifies; a few files at most, so memory stays flat however long the album is.
  const decoding: Promise<Decoded>[] = [];
  const decodeAhead = (k: number): void => {
    if (k < files.length && !decoding[k]) decoding[k] = decodeSettled(files[k]!);
  };
  for (let k = 0; k <= DECODE_WORKERS; k++) decodeAhead(k);
  for (let i = 0; i < files.length; i++) {
    if (mine !== run) return;
    decodeAhead(i + DECODE_WORKERS + 1);
    const id = album.items[i]!.id;
    const patch = await classifyOne(await decoding[i]!, id);
    delete decoding[i];
    if (mine !== run) return;
    batch(() => {
      setAlbum('items', i, patch);
      setAlbumDone(i + 1);
    });
  }
  setAlbumState('done');
}

/** A decode's outcome, or what it threw (kept, not thrown, while it waits its turn). */
type Decoded = AlbumDecodeResult | { thrown: unknown };

const decodeSettled = (file: File): Promise<Decoded> => decodeOffPage(file).catch((thrown: unknown) => ({ thrown }));

async function classifyOne(outcome: Decoded, id: number): Promise<Partial<AlbumItem>> {
  try {
    if ('thrown' in outcome) throw outcome.thrown;
    const decoded = outcome;
    if (!decoded.ok) {
      const problem: Message = { key: `photo.${decoded.problem}`, params: { w: decoded.width, h: decoded.height } };
      return { status: 'failed', problem };
    }
    kept.set(id, { input: decoded.input, photo: decoded.photo });
    if (!decoded.input) return { status: 'done', top: -1, sure: false, problem: { key: 'photo.noGarment' } };
    // Test-time views averaged exactly as the photo view, the CLI and eval:photos do.
    const [p] = await classifyWithTta([decoded.input], classifyInputs);
    const verdict = verdictOf(p!, decoded.quality);
    return { status: 'done', top: verdict.top, probs: [...p!], sure: verdict.sure };
  } catch (err) {
    return { status: 'failed', problem: { key: 'album.failed', params: { detail: errorText(err) } } };
  }
}

/**
 * The user says item `id` is class `label`: the item keeps the model's answer and shows the
 * correction, and its 28×28 input becomes a retraining sample of that class.
 */
export async function correctItem(id: number, label: number): Promise<void> {
  const item = kept.get(id);
  const index = album.items.findIndex((i) => i.id === id);
  if (!item?.input || index < 0) return;
  setAlbum('items', index, 'corrected', label);
  await addSample(item.input, item.photo, label, true);
}

/** Translated text of an item's problem. */
export const problemText = (m: Message): string => t(m.key, m.params);
