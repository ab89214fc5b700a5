import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import {
  classNameProblem,
  countLabels,
  isClassList,
  isIdentity,
  labelsAfterRemoval,
  MAX_CLASSES,
  mergeClassLists,
  outputRows,
  relabel,
  underTaught,
} from '../../src/core/retrain/classes';
import { versionMetaSchema } from '../../src/core/retrain/bundle-schema';
import { countByClass, isSample, type Sample } from '../../src/core/retrain/samples';
import * as v from 'valibot';

const sample = (id: string, label: number): Sample => ({
  id,
  label,
  pixels: new Uint8Array(IMAGE_PIXELS),
  thumb: null,
  createdAt: 0,
});

describe('class names', () => {
  it('accepts any script, trimmed, up to 40 characters', () => {
    expect(classNameProblem('  Hat ', [])).toBeNull();
    expect(classNameProblem('帽子', [])).toBeNull();
    expect(classNameProblem('шапка', ['Hat'])).toBeNull();
    expect(classNameProblem('😀'.repeat(40), [])).toBeNull(); // 40 characters, 80 UTF-16 units
    expect(classNameProblem('x'.repeat(41), [])).toBe('too-long');
  });

  it('refuses empty names and duplicates of built-in (en and es) and user classes, case ignored', () => {
    expect(classNameProblem('   ', [])).toBe('empty');
    expect(classNameProblem('trouser', [])).toBe('duplicate');
    expect(classNameProblem('PANTALÓN', [])).toBe('duplicate');
    expect(classNameProblem('botín', [])).toBe('duplicate');
    expect(classNameProblem('hat', ['Hat'])).toBe('duplicate');
    expect(classNameProblem(' Skirt  ', ['skirt'])).toBe('duplicate');
  });

  it('allows at most 30 classes in all', () => {
    const twenty = Array.from({ length: MAX_CLASSES - 10 }, (_, i) => `c${i}`);
    expect(classNameProblem('one more', twenty.slice(1))).toBeNull();
    expect(classNameProblem('one more', twenty)).toBe('too-many');
    expect(isClassList(twenty)).toBe(true);
    expect(isClassList([...twenty, 'x'])).toBe(false);
    expect(isClassList(['Hat', 'hat'])).toBe(false);
    expect(isClassList(['Coat'])).toBe(false);
    expect(isClassList('Hat')).toBe(false);
  });
});

describe('samples and counts', () => {
  it('keeps labels of user classes and counts every class', () => {
    expect(isSample(sample('a', 12))).toBe(true);
    expect(isSample(sample('a', MAX_CLASSES))).toBe(false);
    expect(countByClass([sample('a', 1), sample('b', 11), sample('c', 11)])).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    ]);
    expect(countLabels([1, 10, 10, 12], 11)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('names the user classes with fewer than five samples', () => {
    const counts = countLabels([10, 10, 10, 10, 10, 11, 11], 12);
    expect(underTaught(counts, ['Hat', 'Scarf'])).toEqual([1]);
    expect(underTaught(countLabels([], 10), [])).toEqual([]);
  });
});

describe('output rows between class lists', () => {
  it('grows: the ten from themselves, known user classes by name, new ones null', () => {
    const rows = outputRows(['Hat'], ['hat', 'Scarf']);
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(isIdentity(rows, 11)).toBe(false);
    expect(isIdentity(outputRows(['Hat'], ['Hat']), 11)).toBe(true);
    expect(isIdentity(outputRows([], []), 10)).toBe(true);
  });

  it('shrinks and reorders', () => {
    expect(outputRows(['Hat', 'Scarf', 'Sock'], ['Sock', 'Hat'])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10]);
    expect(outputRows(['Hat'], [])).toHaveLength(10);
  });

  it('moves labels down when a class is removed and maps imported labels by name', () => {
    expect([9, 10, 11, 12].map((l) => labelsAfterRemoval(l, 11))).toEqual([9, 10, null, 11]);
    expect(relabel(3, ['Hat'], [])).toBe(3);
    expect(relabel(10, ['Hat'], ['Scarf', 'HAT'])).toBe(11);
    expect(relabel(10, ['Hat'], ['Scarf'])).toBeNull();
    expect(mergeClassLists(['Scarf'], ['hat', 'scarf', ' Sock '])).toEqual(['Scarf', 'hat', 'Sock']);
  });
});

describe('class names travel with a version', () => {
  const meta = {
    id: 'v-1',
    createdAt: 1,
    source: 'retrain',
    baseModelId: 'cnn',
    samples: 5,
    heldOut: 1,
    epochs: 5,
    learningRate: 0.001,
    backend: 'cpu',
    seconds: 1,
    before: { user: null, test: null },
    after: { user: null, test: null },
  };
  it('keeps the names in order and refuses bad lists', () => {
    expect(v.parse(versionMetaSchema, { ...meta, classes: ['Hat', 'Falda'] }).classes).toEqual(['Hat', 'Falda']);
    expect(v.parse(versionMetaSchema, meta).classes).toBeUndefined();
    expect(v.safeParse(versionMetaSchema, { ...meta, classes: ['Hat', 'HAT'] }).success).toBe(false);
    expect(v.safeParse(versionMetaSchema, { ...meta, classes: ['Trouser'] }).success).toBe(false);
  });
});
