import { describe, expect, test } from 'vitest';
import { printedProjectionCandidates } from './candidates';
import { compareWithPrinted } from './compare';
import type { YearValue } from './types';

const yv = (first: number, values: number[]): YearValue[] => values.map((value, i) => ({ year: first + i, value }));
// Seed article: Table 2 and the printed projection 2025-2030 ("rata-rata 15%"), one decimal.
const table2 = yv(2020, [3.2, 4.1, 4.8, 5.5, 6.3]);
const printed = yv(2025, [7.3, 8.4, 9.7, 11.1, 12.8, 14.6]);

describe('printedProjectionCandidates', () => {
  test('none of the seven candidates reproduces the printed column', () => {
    const cand = printedProjectionCandidates(table2, printed, 15, 1);
    expect(Object.keys(cand)).toEqual(['constant', 'oneStepFromPrinted', 'roundedChain', 'cagr', 'meanGrowth', 'linear', 'logLinear']);
    const c = compareWithPrinted(printed, cand, 1);
    expect(c.reproducingMethods).toEqual([]);
    // 15% from 6.3 (7.245 .. 14.572) agrees only in 2030
    expect(c.methods.constant.differingYears).toEqual([2025, 2026, 2027, 2028, 2029]);
    // previous printed x 1.15 agrees in 2026, 2027, 2029
    expect(c.methods.oneStepFromPrinted.differingYears).toEqual([2025, 2028, 2030]);
    expect(c.methods.roundedChain.reproduced).toBe(0);
    expect(c.methods.cagr.reproduced).toBe(0);
    expect(c.methods.meanGrowth.reproduced).toBe(0);
    // linear trend 7.06 .. 10.86 (R: predict(lm(value ~ year))) and log-linear 7.63 .. 17.40 match nothing
    expect(c.methods.linear.reproduced).toBe(0);
    expect(c.methods.logLinear.reproduced).toBe(0);
    expect(cand.linear.map((p) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  });

  test('a printed column made by the stated rule is recognised', () => {
    // exact arithmetic: 6.3 * 1.15^h rounded to one decimal = 7.2, 8.3, 9.6, 11.0, 12.7, 14.6
    const honest = yv(2025, [7.2, 8.3, 9.6, 11.0, 12.7, 14.6]);
    const c = compareWithPrinted(honest, printedProjectionCandidates(table2, honest, 15, 1), 1);
    expect(c.reproducingMethods).toEqual(['constant']);
  });
});
