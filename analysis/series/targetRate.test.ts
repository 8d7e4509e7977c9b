import { describe, expect, test } from 'vitest';
import { targetRate } from './targetRate';
import { SeriesError } from './errors';

function relErr(a: number, e: number): number {
  return Math.abs(a - e) / Math.abs(e);
}

describe('targetRate', () => {
  test('6.3 million in 2024 to the article target of 14 or 15 million in 2030', () => {
    // R 4.2.2: format(((14/6.3)^(1/6) - 1) * 100, digits = 17)
    expect(relErr(targetRate({ year: 2024, value: 6.3 }, { year: 2030, value: 14 }), 14.234665508750943)).toBeLessThanOrEqual(1e-9);
    // R 4.2.2: format(((15/6.3)^(1/6) - 1) * 100, digits = 17)
    expect(relErr(targetRate({ year: 2024, value: 6.3 }, { year: 2030, value: 15 }), 15.555809678642408)).toBeLessThanOrEqual(1e-9);
  });

  test('exact case: doubling in one year is 100%, 100 -> 144 in two years is 20%', () => {
    // exact arithmetic: 2/1 - 1 = 1; sqrt(1.44) - 1 = 0.2
    expect(relErr(targetRate({ year: 2000, value: 1 }, { year: 2001, value: 2 }), 100)).toBeLessThanOrEqual(1e-9);
    expect(relErr(targetRate({ year: 2000, value: 100 }, { year: 2002, value: 144 }), 20)).toBeLessThanOrEqual(1e-9);
  });

  test('refuses a target year not after the start and non-positive values', () => {
    expect(() => targetRate({ year: 2024, value: 6.3 }, { year: 2024, value: 14 })).toThrow(SeriesError);
    expect(() => targetRate({ year: 2024, value: 0 }, { year: 2030, value: 14 })).toThrow(/start value of 2024/);
    expect(() => targetRate({ year: 2024, value: 6.3 }, { year: 2030, value: -1 })).toThrow(/target value of 2030/);
  });
});
