import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../src/app/format';

const en = formatterFor('en');
const es = formatterFor('es');

describe('the number formatter', () => {
  it('writes shares as percentages with the language’s decimal mark', () => {
    expect(en.percent(0.882)).toBe('88.2 %');
    expect(es.percent(0.882)).toBe('88,2 %');
    expect(es.percent(0.9137, 2)).toBe('91,37 %');
    expect(en.percent(null)).toBe('–');
  });

  it('groups thousands always, also where Spanish style would not', () => {
    expect(en.number(101770)).toBe('101,770');
    expect(es.number(101770)).toBe('101.770');
    expect(es.number(1290)).toBe('1.290');
    expect(es.number(0.3124, 3)).toBe('0,312');
  });

  it('writes changes, sizes and durations', () => {
    expect(en.points(0.5, 0.525)).toBe('+2.5');
    expect(es.points(0.525, 0.5)).toBe('−2,5');
    expect(en.points(null, 0.5)).toBe('–');
    expect(en.bytes(407_000)).toBe('407 kB');
    expect(es.bytes(1_234_000)).toBe('1,2 MB');
    expect(es.duration(9.84)).toBe('9,8 s');
  });

  it('writes dates in the language', () => {
    const time = Date.UTC(2025, 0, 31, 12, 0);
    expect(en.date(time)).toMatch(/Jan/);
    expect(es.date(time)).toMatch(/ene/);
  });

  it('writes numbers exactly as Intl.NumberFormat does, without building one (start-up cost)', () => {
    const tricky = [0, -0, 0.15, 0.05, 2.5, -2.25, 1234567.25, 999.95, 9.995, 0.995, 1e-7, -1e-7, 0.1 + 0.2, 1e21, NaN];
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const values = [...tricky, ...Array.from({ length: 3000 }, (_, i) => (random() - 0.2) * 10 ** (i % 8))];
    for (const language of ['en', 'es'] as const)
      for (let digits = 0; digits <= 3; digits++) {
        const intl = new Intl.NumberFormat(language, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          useGrouping: 'always',
        } as Intl.NumberFormatOptions);
        for (const v of values)
          expect(formatterFor(language).number(v, digits), `${language} ${digits} ${v}`).toBe(intl.format(v));
      }
  });
});
