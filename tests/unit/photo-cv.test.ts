import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random';
import { averageProbs, classifyWithTta, ttaInputs, ttaView, TTA_VIEWS } from '../../src/core/photo/tta';
import { verdictOf } from '../../src/core/photo/verdict';
import { foldSplit, stratifiedFolds } from '../../scripts/lib/photo-folds';

describe('stratified folds for photo cross-validation', () => {
  const groups = [
    ...Array<string>(795).fill('t-shirt'),
    ...Array<string>(123).fill('hat'),
    ...Array<string>(7).fill('shirt'),
    ...Array<string>(198).fill('shoes'),
  ];

  it('assigns every item to exactly one of k folds, each group split evenly', () => {
    const fold = stratifiedFolds(groups, 4, seededRandom(1));
    expect(fold).toHaveLength(groups.length);
    for (const g of new Set(groups)) {
      const counts = [0, 1, 2, 3].map((f) => groups.filter((x, i) => x === g && fold[i] === f).length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(groups.filter((x) => x === g).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('gives disjoint held-out folds that together cover all items, the rest for training', () => {
    const fold = stratifiedFolds(groups, 4, seededRandom(7));
    const seen = new Set<number>();
    for (let f = 0; f < 4; f++) {
      const { train, held } = foldSplit(fold, f);
      expect(train.length + held.length).toBe(groups.length);
      expect(held.some((i) => train.includes(i))).toBe(false);
      for (const i of held) {
        expect(seen.has(i)).toBe(false);
        seen.add(i);
      }
    }
    expect(seen.size).toBe(groups.length);
  });

  it('is fixed by the seed and differs between seeds', () => {
    expect(stratifiedFolds(groups, 4, seededRandom(3))).toEqual(stratifiedFolds(groups, 4, seededRandom(3)));
    expect(stratifiedFolds(groups, 4, seededRandom(3))).not.toEqual(stratifiedFolds(groups, 4, seededRandom(4)));
  });

  it('rejects a fold count below two', () => {
    expect(() => stratifiedFolds(groups, 1, seededRandom(1))).toThrow(/k must be/);
  });
});

describe('test-time augmentation', () => {
  // A lit vertical bar on the left half of the 28×28 frame.
  const input = new Float32Array(784);
  for (let y = 4; y < 24; y++) for (let x = 5; x < 9; x++) input[y * 28 + x] = 1;
  const litColumns = (x: Float32Array) =>
    [...Array(28).keys()].filter((c) => [...Array(28).keys()].some((r) => x[r * 28 + c]! > 0.5));

  it('keeps the identity view exact and mirrors left to right', () => {
    expect(ttaView(input, TTA_VIEWS.id!)).toEqual(input);
    expect(litColumns(ttaView(input, TTA_VIEWS.mirror!))).toEqual([19, 20, 21, 22]);
  });

  it('shrinks towards the centre when zooming out and grows when zooming in', () => {
    const mass = (x: Float32Array) => x.reduce((a, b) => a + b, 0);
    expect(mass(ttaView(input, TTA_VIEWS.out!))).toBeLessThan(mass(input));
    expect(mass(ttaView(input, TTA_VIEWS.in!))).toBeGreaterThan(mass(input));
    expect(Math.min(...litColumns(ttaView(input, TTA_VIEWS.out!)))).toBeGreaterThan(5);
  });

  it('produces one input per view', () => {
    const views = ttaInputs(input, [TTA_VIEWS.id!, TTA_VIEWS.mirror!, TTA_VIEWS.in!]);
    expect(views).toHaveLength(3);
    expect(views[0]).toEqual(input);
  });

  it('averages the views’ probabilities element by element', () => {
    const a = [0.7, 0.1, 0.2];
    const b = [0.1, 0.5, 0.4];
    const avg = averageProbs([a, b]);
    expect([...avg].map((v) => +v.toFixed(6))).toEqual([0.4, 0.3, 0.3]);
    expect(averageProbs([a])).toEqual(Float32Array.from(a));
    expect(() => averageProbs([])).toThrow();
    expect(() => averageProbs([a, [1]])).toThrow();
  });
});

describe('classifyWithTta', () => {
  it('asks the classifier once for every view of every input and averages each input’s views', async () => {
    const a = new Float32Array(784);
    a[0] = 1; // lit top-left corner: its mirror lights the top-right one
    const b = new Float32Array(784);
    const calls: number[] = [];
    // A fake model: "class 0" when the top-left pixel is lit, "class 1" when the top-right one is.
    const classify = async (batch: Float32Array[]) => {
      calls.push(batch.length);
      return batch.map((x) => Float32Array.from([x[0]! > 0.5 ? 1 : 0, x[27]! > 0.5 ? 1 : 0, 0]));
    };
    const [pa, pb] = await classifyWithTta([a, b], classify, [TTA_VIEWS.id!, TTA_VIEWS.mirror!]);
    expect(calls).toEqual([4]);
    expect([...pa!]).toEqual([0.5, 0.5, 0]);
    expect([...pb!]).toEqual([0, 0, 0]);
    const [one] = await classifyWithTta([a], classify, [TTA_VIEWS.id!]);
    expect([...one!]).toEqual([1, 0, 0]);
  });
});

describe('verdict margin', () => {
  const q = { area: 0.3, contrast: 0.5, borderTouch: 0 };
  const probs = [0.5, 0.45, 0.05, 0, 0, 0, 0, 0, 0, 0];
  it('is "not sure" when the top two are closer than minMargin, and ignores the margin by default', () => {
    const t = { minConfidence: 0.4, maxEntropy: 1, minContrast: 0.1, minArea: 0.02, maxArea: 0.97 };
    expect(verdictOf(probs, q, t).sure).toBe(true);
    expect(verdictOf(probs, q, { ...t, minMargin: 0.1 }).reason).toBe('lowConfidence');
    expect(verdictOf(probs, q, { ...t, minMargin: 0.04 }).sure).toBe(true);
  });
});
