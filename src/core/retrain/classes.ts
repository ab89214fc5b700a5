// The class list a model can answer with: the ten Fashion-MNIST classes, then the user's own
// (index 10, 11, …, each a typed name). Pure bookkeeping: validation, per-class counts, and how
// a model's output rows map onto another class list (grow, shrink, reorder).
import { CLASS_NAMES, NUM_CLASSES } from '../classes';

/** Most classes a model may have in all (the ten built-in ones included). */
export const MAX_CLASSES = 30;

/** Longest class name, in characters (code points). */
export const MAX_CLASS_NAME = 40;

/** Samples a user class needs before a run may train it. */
export const MIN_CLASS_SAMPLES = 5;

/** Why a class name cannot be added (the interface translates the code). */
export type ClassNameProblem = 'empty' | 'too-long' | 'duplicate' | 'too-many';

/** A name as compared: Unicode-normalised, case-folded, spaces collapsed. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
}

/** The name as stored: NFC, trimmed, inner runs of spaces made one. */
export function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

const BUILT_IN_KEYS = new Set(Object.values(CLASS_NAMES).flatMap((names) => names.map(nameKey)));

/**
 * Null when `name` can join the user classes `existing`, else why not: empty after trimming,
 * over {@link MAX_CLASS_NAME} characters, the same (ignoring case) as a built-in class name in
 * any interface language or another user class, or the list is full ({@link MAX_CLASSES}).
 */
export function classNameProblem(name: string, existing: readonly string[]): ClassNameProblem | null {
  const clean = cleanName(name);
  if (clean === '') return 'empty';
  if ([...clean].length > MAX_CLASS_NAME) return 'too-long';
  const key = nameKey(clean);
  if (BUILT_IN_KEYS.has(key) || existing.some((other) => nameKey(other) === key)) return 'duplicate';
  return NUM_CLASSES + existing.length >= MAX_CLASSES ? 'too-many' : null;
}

/** True when `value` is a usable list of user class names (from storage or a file). */
export function isClassList(value: unknown): value is string[] {
  if (!Array.isArray(value) || NUM_CLASSES + value.length > MAX_CLASSES) return false;
  const seen = new Set<string>();
  for (const name of value) {
    if (typeof name !== 'string') return false;
    const key = nameKey(name);
    if (key === '' || [...name].length > MAX_CLASS_NAME || seen.has(key) || BUILT_IN_KEYS.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** Number of classes of a model whose user classes are `userClasses`. */
export const classCount = (userClasses: readonly string[]): number => NUM_CLASSES + userClasses.length;

/** Samples per class index, for `classes` classes (labels at or beyond it are not counted). */
export function countLabels(labels: Iterable<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) if (label >= 0 && label < classes) counts[label]!++;
  return counts;
}

/** The user classes (by index in `userClasses`) that have fewer than {@link MIN_CLASS_SAMPLES} samples. */
export function underTaught(counts: readonly number[], userClasses: readonly string[]): number[] {
  return userClasses.map((_, i) => i).filter((i) => (counts[NUM_CLASSES + i] ?? 0) < MIN_CLASS_SAMPLES);
}

/**
 * Where each output of a model with user classes `to` comes from in a model with user classes
 * `from`: the built-in ten from themselves, a user class from the row of the same name (case
 * ignored), or null for a class `from` does not know (a new row to initialise).
 */
export function outputRows(from: readonly string[], to: readonly string[]): (number | null)[] {
  const old = new Map(from.map((name, i) => [nameKey(name), NUM_CLASSES + i]));
  return [...Array.from({ length: NUM_CLASSES }, (_, i) => i), ...to.map((name) => old.get(nameKey(name)) ?? null)];
}

/** True when `rows` (see {@link outputRows}) keeps a `fromCount`-output model exactly as it is. */
export function isIdentity(rows: readonly (number | null)[], fromCount: number): boolean {
  return rows.length === fromCount && rows.every((row, i) => row === i);
}

/** Sample labels after user class `removed` (its index, ≥ 10) is removed: its samples go, later ones move down. */
export function labelsAfterRemoval(label: number, removed: number): number | null {
  if (label === removed) return null;
  return label > removed ? label - 1 : label;
}

/**
 * Maps a label under user classes `from` to the index of the same class under `to` (appended
 * names included), or null when `to` lacks it: how an imported file's samples join this list.
 */
export function relabel(label: number, from: readonly string[], to: readonly string[]): number | null {
  if (label < NUM_CLASSES) return label;
  const name = from[label - NUM_CLASSES];
  if (name === undefined) return null;
  const at = to.findIndex((other) => nameKey(other) === nameKey(name));
  return at < 0 ? null : NUM_CLASSES + at;
}

/** `to` with the names of `from` it lacks appended (in their order), as far as {@link MAX_CLASSES} allows. */
export function mergeClassLists(to: readonly string[], from: readonly string[]): string[] {
  const merged = [...to];
  for (const name of from) {
    if (NUM_CLASSES + merged.length >= MAX_CLASSES) break;
    if (!merged.some((other) => nameKey(other) === nameKey(name))) merged.push(cleanName(name));
  }
  return merged;
}
