// Class names as the interface shows them. Core keeps the Fashion-MNIST names as data (the Node
// command line prints them too); the interface reads them through the translator.
import { CLASS_NAMES, NUM_CLASSES, type Lang } from '../core/classes';
import { lang, registerStrings, textIn, type StringKey } from './i18n';

const byIndex = (names: readonly string[]) =>
  Object.fromEntries(names.map((name, i) => [String(i), name])) as Record<`${ClassIndex}`, string>;

type ClassIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

const en = byIndex(CLASS_NAMES.en);

/** Keys of the `classes` namespace: the class indices. */
export type ClassStrings = typeof en;

registerStrings('classes', { en, es: byIndex(CLASS_NAMES.es) });

/**
 * The name of class `index` in `language`. The one place the interface names a class:
 * user-defined classes (index ≥ 10, a typed name) will be looked up here too.
 */
export function classLabelIn(language: Lang, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= NUM_CLASSES) return '';
  return textIn(language, `classes.${index}` as StringKey);
}

/** The name of class `index` in the interface language. */
export function classLabel(index: number): string {
  return classLabelIn(lang(), index);
}

/** The indices of the classes the interface offers, in order. */
export function classIndices(): number[] {
  return Array.from({ length: NUM_CLASSES }, (_, i) => i);
}
