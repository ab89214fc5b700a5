// The user's own classes in the retraining feature: the list (kept in localStorage, small and
// read synchronously at start), adding one, what a run needs, removing one (its samples go, the
// model in use shrinks, saved versions keep it), and adopting the classes of an imported file.
import { createEffect, createRoot, createSignal } from 'solid-js';
import { NUM_CLASSES } from '../../core/classes';
import { errorText } from '../../core/errors';
import {
  classCount,
  classNameProblem,
  cleanName,
  countLabels,
  isClassList,
  MAX_CLASS_NAME,
  MAX_CLASSES,
  MIN_CLASS_SAMPLES,
  mergeClassLists,
  nameKey,
  outputRows,
  relabel,
  underTaught,
} from '../../core/retrain/classes';
import type { VersionMeta } from '../../core/retrain/retrain-store';
import { newId, type Sample } from '../../core/retrain/samples';
import type { ClassScore } from '../../ml/retrain/retrain';
import { modelClasses, setModelClasses, setUserClasses, userClasses } from '../../app/classes';
import type { Message } from '../../app/i18n';
import { activeVersion } from '../../app/user-model';
import { nextLabel, samples, setNextLabel, setSamples } from './samples';
import { retrainStore } from './storage';
import { addVersion, versions } from './versions';

const KEY = 'prenda:classes';

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return isClassList(value) ? value : [];
  } catch {
    return [];
  }
}

/** Sets the user's class list and keeps it (a storage failure only costs persistence). */
function save(list: readonly string[]): void {
  setUserClasses(list);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Private mode or full: the list still works for this session.
  }
}

setUserClasses(read());

const sameName = (a: string) => (b: string) => nameKey(a) === nameKey(b);

// The model in use names its outputs after its stored version's class list.
createRoot(() =>
  createEffect(() => {
    const id = activeVersion();
    setModelClasses(id === null ? [] : (versions().find((v) => v.id === id)?.classes ?? modelClasses()));
  }),
);

/** The latest messages about the class list (removed, what became of the model and versions), for the card. */
export const [classNote, setClassNote] = createSignal<readonly Message[]>([]);

/** Per user class, how the latest run did on its held-out samples. */
export const [classScores, setClassScores] = createSignal<readonly (ClassScore & { name: string })[]>([]);

/** Adds class `name`; returns why not (as a message) when it cannot be added. */
export function addClass(name: string): Message | null {
  const problem = classNameProblem(name, userClasses());
  if (problem === 'empty') return { key: 'classManager.empty' };
  if (problem === 'too-long') return { key: 'classManager.tooLong', params: { max: MAX_CLASS_NAME } };
  if (problem === 'duplicate') return { key: 'classManager.duplicate', params: { name: cleanName(name) } };
  if (problem === 'too-many') return { key: 'classManager.tooMany', params: { max: MAX_CLASSES } };
  save([...userClasses(), cleanName(name)]);
  setNextLabel(NUM_CLASSES + userClasses().length - 1);
  setClassNote([]);
  return null;
}

/** Samples per class index, for the classes on offer. */
export function sampleCounts(): number[] {
  return countLabels(
    samples().map((s) => s.label),
    classCount(userClasses()),
  );
}

/** What the next run needs for the classes: where each output comes from, the names it will carry. */
export interface ClassPlan {
  outputs: (number | null)[];
  classes: string[];
}

/** The run's class plan, or the message saying which classes have too few samples. */
export async function classPlan(): Promise<ClassPlan | Message> {
  const list = [...userClasses()];
  const short = underTaught(sampleCounts(), list);
  if (short.length > 0)
    return {
      key: 'classManager.tooFew',
      params: { min: MIN_CLASS_SAMPLES, names: short.map((i) => `“${list[i]}”`).join(', ') },
    };
  const id = activeVersion();
  // Read from storage, not the list on screen, which may not be loaded yet.
  const meta = id === null ? undefined : (await (await retrainStore()).versions()).find((v) => v.id === id);
  return { outputs: outputRows(meta?.classes ?? [], list), classes: list };
}

/** Keeps the latest run's per-class scores with the names they had. */
export function recordScores(scores: readonly ClassScore[] | undefined, classes: readonly string[]): void {
  setClassScores((scores ?? []).map((s) => ({ ...s, name: classes[s.label - NUM_CLASSES] ?? '' })));
}

/** How many saved versions, other than `except`, know class `name`. */
const knownBy = (list: readonly VersionMeta[], name: string, except: string | null) =>
  list.filter((v) => v.id !== except && (v.classes ?? []).some(sameName(name))).length;

/** The model in use without class `name`, saved as a new version and used; false when it never knew it. */
async function shrinkModelInUse(name: string): Promise<boolean> {
  const id = activeVersion();
  if (id === null) return false;
  const slot = await (await retrainStore()).getSlot(id);
  const has = slot?.meta.classes ?? [];
  if (!slot || !has.some(sameName(name))) return false;
  const keep = has.filter((n) => !sameName(name)(n));
  const { resizeOutput } = await import('../../ml/retrain/head-resize');
  const parts = resizeOutput(
    slot,
    outputRows(has, keep).map((from) => ({ from: from! })),
  );
  const copy = newId('v');
  const none = { user: null, test: null };
  await addVersion({
    id: copy,
    ...parts,
    meta: { ...slot.meta, id: copy, createdAt: Date.now(), classes: keep, epochs: 0, seconds: 0, after: none },
  });
  return true;
}

/**
 * Removes user class `index` (≥ 10): the model in use, if it knows the class, is replaced by a
 * copy without its output (saved versions stay as they are); the class's samples are deleted and
 * later classes' samples move down one index, in one storage transaction. On any failure nothing
 * of the list or the samples changes and the card says why.
 */
export async function removeClass(index: number): Promise<void> {
  const list = userClasses();
  const name = list[index - NUM_CLASSES];
  if (name === undefined) return;
  try {
    const shrunk = await shrinkModelInUse(name);
    const store = await retrainStore();
    const gone = samples().filter((s) => s.label === index);
    const moved = samples()
      .filter((s) => s.label > index)
      .map((s) => ({ ...s, label: s.label - 1 }));
    await store.commit({ deleteSamples: gone.map((s) => s.id), putSamples: moved });
    const changed = new Map(moved.map((s) => [s.id, s]));
    setSamples((all) => all.filter((s) => s.label !== index).map((s) => changed.get(s.id) ?? s));
    save(list.filter((_, i) => i !== index - NUM_CLASSES));
    if (nextLabel() >= classCount(userClasses())) setNextLabel(0);
    const kept = knownBy(await store.versions(), name, activeVersion());
    const notes: Message[] = [{ key: 'classManager.removed', params: { name, n: gone.length } }];
    if (shrunk) notes.push({ key: 'classManager.shrunk', params: { name } });
    if (kept > 0) notes.push({ key: 'classManager.keptBy', params: { name, n: kept } });
    setClassNote(notes);
  } catch (err) {
    setClassNote([{ key: 'classManager.removeFailed', params: { name, detail: errorText(err) } }]);
  }
}

/**
 * Joins the classes of an imported version (`from`, its outputs 10, 11, …) to the user's list
 * and returns its samples relabelled to the joined list (a class the list has no room for drops its samples).
 */
export function adoptClasses(from: readonly string[], incoming: readonly Sample[]): Sample[] {
  const merged = mergeClassLists(userClasses(), from);
  save(merged);
  return incoming.flatMap((s) => {
    const label = relabel(s.label, from, merged);
    return label === null ? [] : [{ ...s, label }];
  });
}
