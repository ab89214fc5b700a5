// Class names as the interface shows them. Core keeps the Fashion-MNIST names as data (the Node
// command line prints them too); the interface reads them through the translator. Classes the
// user added (index 10, 11, …) are names the user typed, the same in every language.
import { createSignal } from 'solid-js';
import { CLASS_NAMES, NUM_CLASSES, type Lang } from '../core/classes';
import { lang, registerStrings, textIn, type StringKey } from './i18n';

const byIndex = (names: readonly string[]) =>
  Object.fromEntries(names.map((name, i) => [String(i), name])) as Record<`${ClassIndex}`, string>;

type ClassIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

const en = byIndex(CLASS_NAMES.en);

/** Keys of the `classes` namespace: the class indices. */
export type ClassStrings = typeof en;

registerStrings('classes', { en, es: byIndex(CLASS_NAMES.es) });

/** The user's classes (indices 10, 11, …): what samples are labelled with and the next run learns. */
export const [userClasses, setUserClasses] = createSignal<readonly string[]>([]);

/**
 * The user classes of the model in use (its outputs 10, 11, …), as its stored version names
 * them; empty for the shipped models. Usually the same as {@link userClasses}, but an older
 * version may know other classes.
 */
export const [modelClasses, setModelClasses] = createSignal<readonly string[]>([]);

/** Number of outputs of the model in use (10 for the shipped models; 0 before one loads). */
export const [outputCount, setOutputCount] = createSignal(NUM_CLASSES);

/**
 * The name of class `index` in `language`. The one place the interface names a class: built-in
 * classes through the translator, the user's own by the name they typed.
 */
export function classLabelIn(language: Lang, index: number): string {
  if (!Number.isInteger(index) || index < 0) return '';
  if (index >= NUM_CLASSES) return userClasses()[index - NUM_CLASSES] ?? '';
  return textIn(language, `classes.${index}` as StringKey);
}

/** The name of class `index` in the interface language. */
export function classLabel(index: number): string {
  return classLabelIn(lang(), index);
}

/** The name of output `index` of the model in use (its version's names; else the user's list; else "#11"). */
export function outputLabel(index: number): string {
  if (index < NUM_CLASSES) return classLabel(index);
  return modelClasses()[index - NUM_CLASSES] ?? (classLabel(index) || `#${index + 1}`);
}

/** The indices of the classes the interface offers for samples, in order: the ten, then the user's. */
export function classIndices(): number[] {
  return Array.from({ length: NUM_CLASSES + userClasses().length }, (_, i) => i);
}

/** The indices of the ten Fashion-MNIST classes (what the test set and the Evaluation view score). */
export function builtInClassIndices(): number[] {
  return Array.from({ length: NUM_CLASSES }, (_, i) => i);
}
