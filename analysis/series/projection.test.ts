import { describe, expect, test } from 'vitest';
import { projectCagr, projectConstantRate, projectMeanGrowth, projectionTable } from './projection';
import { SeriesError } from './errors';
import type { YearValue } from './types';

function relErr(a: number, e: number): number {
  return e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
}
function expectClose(actual: readonly YearValue[], years: number[], values: number[]): void {
  expect(actual.map((p) => p.year)).toEqual(years);
  actual.forEach((p, i) => expect(relErr(p.value, values[i])).toBeLessThanOrEqual(1e-9));
}

const table2: YearValue[] = [
  { year: 2020, value: 3.2 },
  { year: 2021, value: 4.1 },
  { year: 2022, value: 4.8 },
  { year: 2023, value: 5.5 },
  { year: 2024, value: 6.3 },
];
const years = [2025, 2026, 2027, 2028, 2029, 2030];

describe('projectConstantRate', () => {
  test('6.3 at 15% a year: exact decimal products 6.3 * 1.15^h', () => {
    // exact arithmetic: 1.15^h = 1.15, 1.3225, 1.520875, 1.74900625, 2.0113571875, 2.313060765625; times 6.3
    expectClose(projectConstantRate({ year: 2024, value: 6.3 }, 15, 2030), years, [
      7.245, 8.33175, 9.5815125, 11.018739375, 12.67155028125, 14.5722828234375,
    ]);
  });

  test('refuses a target not after the start, a rate <= -100, non-finite input', () => {
    expect(() => projectConstantRate({ year: 2024, value: 6.3 }, 15, 2024)).toThrow(SeriesError);
    expect(() => projectConstantRate({ year: 2024, value: 6.3 }, 15, 2030.5)).toThrow(/2030.5/);
    expect(() => projectConstantRate({ year: 2024, value: 6.3 }, -100, 2030)).toThrow(/-100/);
    expect(() => projectConstantRate({ year: 2024, value: 6.3 }, Number.NaN, 2030)).toThrow(SeriesError);
    expect(() => projectConstantRate({ year: 2024, value: Number.POSITIVE_INFINITY }, 15, 2030)).toThrow(SeriesError);
  });
});

describe('projectCagr and projectMeanGrowth (Table 2, from 2024 to 2030)', () => {
  test('CAGR compounding', () => {
    // R 4.2.2: format(6.3 * (6.3/3.2)^((1:6)/4), digits = 17)
    expectClose(projectCagr(table2, 2030), years, [
      7.4625661223466988, 8.8396655762534344, 10.4708871209878094, 12.4031249999999975, 14.6919270533700601,
      17.4030916032489493,
    ]);
  });

  test('CAGR compounding reproduces exact values on an exact series', () => {
    // exact arithmetic: 1, 2, 4 has CAGR 100%; 2005..2007 give 8, 16, 32
    expectClose(
      projectCagr([{ year: 2002, value: 1 }, { year: 2003, value: 2 }, { year: 2004, value: 4 }], 2007),
      [2005, 2006, 2007],
      [8, 16, 32],
    );
  });

  test('mean growth compounding', () => {
    // R 4.2.2: d <- c(3.2, 4.1, 4.8, 5.5, 6.3); g <- mean(diff(d) / head(d, -1) * 100); format(6.3 * (1 + g/100)^(1:6), digits = 17)
    expectClose(projectMeanGrowth(table2, 2030), years, [
      7.4706495981152994, 8.8588262567968705, 10.5049502881131414, 12.4569528012878799, 14.7716713394734214,
      17.51650485011562,
    ]);
  });

  test('errors name the problem', () => {
    expect(() => projectCagr(table2, 2024)).toThrow(/2024/);
    expect(() => projectCagr([{ year: 2020, value: -1 }, ...table2.slice(1)], 2030)).toThrow(/row 1 \(year 2020\)/);
    expect(() => projectMeanGrowth([table2[0], table2[2]], 2030)).toThrow(/2021 is missing/);
  });
});

describe('projectionTable', () => {
  test('aligns methods by year, null where a method has no value', () => {
    const t = projectionTable({
      a: [{ year: 2026, value: 2 }, { year: 2025, value: 1 }],
      b: [{ year: 2025, value: 3 }],
    });
    expect(t).toEqual({
      methods: ['a', 'b'],
      rows: [
        { year: 2025, values: { a: 1, b: 3 } },
        { year: 2026, values: { a: 2, b: null } },
      ],
    });
  });
});
