import { describe, expect, test } from 'vitest';
import { compareWithPrinted, oneStepFromPrinted, ratesConsistentWithPrinted, roundedChain, roundHalfAway } from './compare';
import { growth } from './growth';
import { projectCagr, projectConstantRate, projectMeanGrowth } from './projection';
import { SeriesError } from './errors';
import type { YearValue } from './types';

function relErr(a: number, e: number): number {
  return e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
}
const yv = (first: number, values: number[]): YearValue[] => values.map((value, i) => ({ year: first + i, value }));

// Seed article, Table 2 and the printed projection 2025-2030 ("rata-rata 15%").
const table2 = yv(2020, [3.2, 4.1, 4.8, 5.5, 6.3]);
const printed = yv(2025, [7.3, 8.4, 9.7, 11.1, 12.8, 14.6]);
const start: YearValue = { year: 2024, value: 6.3 };

describe('roundHalfAway', () => {
  test('rounds decimal ties away from zero', () => {
    expect(roundHalfAway(7.245, 1)).toBe(7.2);
    expect(roundHalfAway(8.395, 2)).toBe(8.4); // 8.395 is stored as 8.39499999...; as a decimal it rounds up
    expect(roundHalfAway(11.155, 2)).toBe(11.16);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(28.125, 2)).toBe(28.13);
    expect(() => roundHalfAway(1, -1)).toThrow(SeriesError);
  });
});

describe('compareWithPrinted', () => {
  test('Table 2 growth column: every printed percent is reproduced within 0.005', () => {
    const computed = growth(table2).map((g) => ({ year: g.year, value: g.percent }));
    const c = compareWithPrinted(yv(2021, [28.13, 17.07, 14.58, 14.55]), { yoy: computed }, 2);
    expect(c.tolerance).toBe(0.005);
    expect(c.methods.yoy).toEqual({ reproduced: 4, total: 4, reproducesAll: true, differingYears: [] });
    expect(c.reproducingMethods).toEqual(['yoy']);
    // 28.125 against 28.13 is an exact tie (|d| = 0.005): counted as reproduced
    expect(c.rows[0].methods.yoy.reproduces).toBe(true);
  });

  test('the printed projection is reproduced by none of the stated methods', () => {
    const c = compareWithPrinted(
      printed,
      {
        constant15: projectConstantRate(start, 15, 2030),
        oneStepFromPrinted15: oneStepFromPrinted(start, printed, 15),
        roundedChain15: roundedChain(start, 15, 2030, 1),
        cagr: projectCagr(table2, 2030),
        meanGrowth: projectMeanGrowth(table2, 2030),
      },
      1,
    );
    expect(c.reproducingMethods).toEqual([]);
    // 15% from 6.3 gives 7.245, 8.332, 9.582, 11.019, 12.672, 14.572: only 2030 (14.6) agrees;
    // 2025-2029 print 0.1 higher than this method rounds to (7.2, 8.3, 9.6, 11.0, 12.7).
    expect(c.methods.constant15.differingYears).toEqual([2025, 2026, 2027, 2028, 2029]);
    // exact arithmetic: 7.245 - 7.3 = -0.055
    expect(relErr(c.rows[0].methods.constant15.difference ?? Number.NaN, -0.055)).toBeLessThanOrEqual(1e-9);
    // previous printed figure x 1.15: 7.245 (from 6.3), 8.395, 9.66, 11.155, 12.765, 14.72:
    // 2026, 2027, 2029 agree; 2025 (7.2), 2028 (11.2) and 2030 (14.7) do not.
    expect(c.methods.oneStepFromPrinted15.differingYears).toEqual([2025, 2028, 2030]);
    expect(c.methods.roundedChain15.reproduced).toBe(0);
    expect(c.methods.cagr.reproduced).toBe(0);
    expect(c.methods.meanGrowth.reproduced).toBe(0);
  });

  test('a method without a value for a printed year does not reproduce it', () => {
    const c = compareWithPrinted(yv(2025, [1, 2]), { short: yv(2025, [1]) }, 0);
    expect(c.rows[1].methods.short).toEqual({ value: null, difference: null, reproduces: false });
    expect(c.methods.short.differingYears).toEqual([2026]);
  });

  test('duplicated printed years are refused', () => {
    expect(() => compareWithPrinted([...printed, { year: 2027, value: 1 }], {}, 1)).toThrow(/2027 appears twice/);
  });
});

describe('oneStepFromPrinted and roundedChain', () => {
  test('values', () => {
    // exact arithmetic: 6.3, 7.3, 8.4, 9.7, 11.1, 12.8 times 1.15
    oneStepFromPrinted(start, printed, 15).forEach((p, i) =>
      expect(relErr(p.value, [7.245, 8.395, 9.66, 11.155, 12.765, 14.72][i])).toBeLessThanOrEqual(1e-9),
    );
    // exact arithmetic with rounding half up at each step: 7.245->7.2, 8.28->8.3, 9.545->9.5, 10.925->10.9, 12.535->12.5, 14.375->14.4
    expect(roundedChain(start, 15, 2030, 1).map((p) => p.value)).toEqual([7.2, 8.3, 9.5, 10.9, 12.5, 14.4]);
  });

  test('printed years must start right after the start year', () => {
    expect(() => oneStepFromPrinted(start, printed.slice(1), 15)).toThrow(/begin in 2025/);
  });
});

describe('ratesConsistentWithPrinted', () => {
  test('no single rate compounded from 6.3 prints the whole column', () => {
    const r = ratesConsistentWithPrinted(start, printed, 1);
    expect(r.common).toBeNull();
    // exact arithmetic: 2025 needs 6.3(1+r) in [7.25, 7.35]: r in [100*(7.25/6.3 - 1), 100*(7.35/6.3 - 1)]
    expect(relErr(r.perYear[0].low, 100 * (7.25 / 6.3 - 1))).toBeLessThanOrEqual(1e-9);
    expect(relErr(r.perYear[0].high, 100 * (7.35 / 6.3 - 1))).toBeLessThanOrEqual(1e-9);
    // 2025-2029 alone agree on about 15.27%..15.32%, which would print 14.8 for 2030
    const first5 = ratesConsistentWithPrinted(start, printed.slice(0, 5), 1);
    // R 4.2.2: format(100 * ((9.65/6.3)^(1/3) - 1), digits = 17); format(100 * ((12.85/6.3)^(1/5) - 1), digits = 17)
    expect(relErr(first5.common?.low ?? Number.NaN, 15.273351795976087)).toBeLessThanOrEqual(1e-9);
    expect(relErr(first5.common?.high ?? Number.NaN, 15.322092939373654)).toBeLessThanOrEqual(1e-9);
    expect(roundHalfAway(6.3 * Math.pow(1.153, 6), 1)).toBe(14.8);
    // 2030 (14.6) needs 14.97%..15.10%
    expect(r.perYear[5].low).toBeGreaterThan(14.97);
    expect(r.perYear[5].high).toBeLessThan(15.11);
  });

  test('no single rate applied to each previous printed figure prints the whole column', () => {
    const r = ratesConsistentWithPrinted(start, printed, 1, 'from-previous-printed');
    expect(r.common).toBeNull();
    // exact arithmetic: 2028 needs 9.7(1+r) in [11.05, 11.15]: r <= 100*(11.15/9.7 - 1) = 14.948...% < 15%
    expect(relErr(r.perYear[3].high, 100 * (11.15 / 9.7 - 1))).toBeLessThanOrEqual(1e-9);
  });

  test('the printed "Kenaikan Tahunan" column is the growth of the rounded printed figures; its mean is 15.04%', () => {
    const g = growth([start, ...printed]);
    const c = compareWithPrinted(yv(2025, [15.87, 15.07, 15.48, 14.43, 15.32, 14.06]), { ofPrinted: g.map((x) => ({ year: x.year, value: x.percent })) }, 2);
    expect(c.methods.ofPrinted.reproducesAll).toBe(true);
    const mean = g.reduce((s, x) => s + x.percent, 0) / g.length;
    // exact arithmetic: 100*(7.3/6.3 + 8.4/7.3 + 9.7/8.4 + 11.1/9.7 + 12.8/11.1 + 14.6/12.8 - 6)/6
    expect(relErr(mean, (100 * (7.3 / 6.3 + 8.4 / 7.3 + 9.7 / 8.4 + 11.1 / 9.7 + 12.8 / 11.1 + 14.6 / 12.8 - 6)) / 6)).toBeLessThanOrEqual(1e-9);
    expect(roundHalfAway(mean, 2)).toBe(15.04);
  });

  test('a consistent case: 100 at 10% printed with no decimals', () => {
    const r = ratesConsistentWithPrinted({ year: 2000, value: 100 }, yv(2001, [110, 121, 133]), 0);
    expect(r.common).not.toBeNull();
    expect(r.common?.low).toBeLessThanOrEqual(10);
    expect(r.common?.high).toBeGreaterThanOrEqual(10);
  });
});
