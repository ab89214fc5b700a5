import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addHead, headSeed, singleHeadSettings } from '../../scripts/lib/photo-heads';

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);

describe('ensembles of photo heads in cross-validation', () => {
  it('gives head 1 the single-head recipe’s seed and the other heads different ones', () => {
    expect(headSeed(1, 2, 0)).toBe(1002);
    const seeds = [0, 1, 2].flatMap((f) => [0, 1, 2].map((h) => headSeed(1, f, h)));
    expect(new Set(seeds).size).toBe(9);
  });

  it('finds the single-head run’s cache key by dropping heads, key order kept', () => {
    const lastConv = true as boolean;
    const build = (heads: number) => ({
      recipe: 'head',
      k: 4,
      seed: 1,
      ...(lastConv && { lastConv: true }),
      ...(heads > 1 && { heads }),
    });
    expect(hash(singleHeadSettings(build(3)))).toBe(hash(build(1)));
    expect(hash(build(3))).not.toBe(hash(build(1)));
    expect(singleHeadSettings(build(3))).not.toHaveProperty('heads');
  });

  it('averages heads added one by one, starting from a head taken from a cache', () => {
    const heads = [
      [0.6, 0.3, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.1, 0.8],
    ].map((p) => Float32Array.from(p));
    const mean = Float32Array.from(heads[0]!);
    addHead(mean, 1, heads[1]!);
    addHead(mean, 2, heads[2]!);
    expect([...mean].map((v) => +v.toFixed(6))).toEqual([0.3, 0.3, 0.4]);
    const fromScratch = new Float32Array(3);
    heads.forEach((p, h) => addHead(fromScratch, h, p));
    expect(fromScratch).toEqual(mean);
  });

  it('refuses probabilities of another length', () => {
    expect(() => addHead(new Float32Array(10), 1, new Float32Array(20))).toThrow(/20 probabilities for 10/);
  });
});
