import { describe, expect, test } from 'vitest';
import { cagr, growth, meanGrowth } from './growth';
import { SeriesError } from './errors';
import type { YearValue } from './types';

/** Relative error |a - e| / |e| (absolute when e = 0). */
function relErr(a: number, e: number): number {
  return e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
}

// Table 2 of the seed article (informal-sector participants, million).
const table2: YearValue[] = [
  { year: 2020, value: 3.2 },
  { year: 2021, value: 4.1 },
  { year: 2022, value: 4.8 },
  { year: 2023, value: 5.5 },
  { year: 2024, value: 6.3 },
];

function thrown(f: () => unknown): SeriesError {
  try {
    f();
  } catch (e) {
    if (e instanceof SeriesError) return e;
    throw e;
  }
  throw new Error('expected a SeriesError');
}

describe('growth (year-over-year)', () => {
  test('Table 2 percents equal the hand-computed fractions', () => {
    const g = growth(table2);
    expect(g.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
    // exact arithmetic: 100 * 0.9 / 3.2 = 28.125; 100 * 0.7 / 4.1 = 700/41; 100 * 0.7 / 4.8 = 175/12; 100 * 0.8 / 5.5 = 160/11
    const expected = [28.125, 700 / 41, 175 / 12, 160 / 11];
    g.forEach((r, i) => expect(relErr(r.percent, expected[i])).toBeLessThanOrEqual(1e-9));
    // exact arithmetic: changes 0.9, 0.7, 0.7, 0.8
    [0.9, 0.7, 0.7, 0.8].forEach((c, i) => expect(relErr(g[i].change, c)).toBeLessThanOrEqual(1e-9));
    expect(g[0].previousValue).toBe(3.2);
    expect(g[3].value).toBe(6.3);
  });

  test('the article rounds them correctly to 28.13, 17.07, 14.58, 14.55', () => {
    const printed = [28.13, 17.07, 14.58, 14.55];
    growth(table2).forEach((r, i) => expect(Math.abs(r.percent - printed[i])).toBeLessThanOrEqual(0.005 + 1e-9));
  });

  test('order of the input does not matter and the input is not mutated', () => {
    const shuffled = [table2[3], table2[0], table2[4], table2[2], table2[1]];
    const copy = JSON.parse(JSON.stringify(shuffled)) as YearValue[];
    expect(growth(shuffled)).toEqual(growth(table2));
    expect(shuffled).toEqual(copy);
  });

  test('meanGrowth is the arithmetic mean of the percents', () => {
    // exact arithmetic: (28.125 + 700/41 + 175/12 + 160/11) / 4
    expect(relErr(meanGrowth(table2), (28.125 + 700 / 41 + 175 / 12 + 160 / 11) / 4)).toBeLessThanOrEqual(1e-9);
    // R 4.2.2: d <- c(3.2, 4.1, 4.8, 5.5, 6.3); format(mean(diff(d) / head(d, -1) * 100), digits = 17)
    expect(relErr(meanGrowth(table2), 18.581739652623796)).toBeLessThanOrEqual(1e-9);
  });

  test('a gap in the years is refused, naming the missing year', () => {
    const e = thrown(() => growth([table2[0], table2[1], table2[3], table2[4]]));
    expect(e.code).toBe('missing-year');
    expect(e.year).toBe(2022);
    expect(e.message).toContain('2022');
    expect(e.messages.id).toContain('2022');
  });

  test('a duplicated year is refused, naming the year and both rows', () => {
    const e = thrown(() => growth([...table2, { year: 2022, value: 4.9 }]));
    expect(e.code).toBe('duplicate-year');
    expect(e.year).toBe(2022);
    expect(e.row).toBe(6);
    expect(e.message).toBe('the year 2022 appears twice (rows 3 and 6)');
  });

  test('zero and negative bases, non-integer years, non-finite values, too few points', () => {
    const zero = thrown(() => growth([{ year: 2020, value: 0 }, { year: 2021, value: 1 }]));
    expect(zero.code).toBe('zero-base');
    expect(zero.year).toBe(2020);
    expect(zero.row).toBe(1);
    expect(thrown(() => growth([{ year: 2020, value: -1 }, { year: 2021, value: 1 }])).code).toBe('non-positive-value');
    const frac = thrown(() => growth([{ year: 2020, value: 1 }, { year: 2020.5, value: 1 }]));
    expect(frac.code).toBe('non-integer-year');
    expect(frac.row).toBe(2);
    const nan = thrown(() => growth([{ year: 2020, value: 1 }, { year: 2021, value: Number.NaN }]));
    expect(nan.code).toBe('non-finite-value');
    expect(nan.year).toBe(2021);
    expect(thrown(() => growth([table2[0]])).code).toBe('too-few-points');
  });
});

describe('cagr', () => {
  test('Table 2: (6.3 / 3.2)^(1/4) - 1', () => {
    // R 4.2.2: format(((6.3/3.2)^(1/4) - 1) * 100, digits = 17)
    expect(relErr(cagr(table2), 18.453430513439663)).toBeLessThanOrEqual(1e-9);
  });

  test('exact case: 100 -> 121 over two years is 10%', () => {
    // exact arithmetic: sqrt(121/100) - 1 = 0.1
    expect(relErr(cagr([{ year: 2000, value: 100 }, { year: 2001, value: 130 }, { year: 2002, value: 121 }]), 10)).toBeLessThanOrEqual(1e-9);
  });

  test('gaps are allowed: the exponent is the span in years', () => {
    // exact arithmetic: (16 / 1)^(1/4) - 1 = 1, i.e. 100%
    expect(relErr(cagr([{ year: 2004, value: 16 }, { year: 2000, value: 1 }]), 100)).toBeLessThanOrEqual(1e-9);
  });

  test('non-positive first or last values are refused, naming year and row', () => {
    const e = thrown(() => cagr([{ year: 2020, value: 0 }, { year: 2021, value: 2 }]));
    expect(e.code).toBe('non-positive-value');
    expect(e.year).toBe(2020);
    expect(e.row).toBe(1);
    const f = thrown(() => cagr([{ year: 2020, value: 1 }, { year: 2021, value: -2 }]));
    expect(f.year).toBe(2021);
    expect(f.message).toContain('row 2 (year 2021)');
  });
});
