import { SeriesError } from './errors';
import { checkFinite } from './validate';
import type { YearValue } from './types';

/**
 * The constant annual growth rate, as percent, that takes `start.value` in `start.year` to
 * `target.value` in `target.year` when compounded yearly:
 * 100 * ((target.value / start.value)^(1 / (target.year - start.year)) - 1).
 * Example (seed article): 6.3 million in 2024 to 14 million in 2030 needs 14.2347% a year,
 * to 15 million 15.5558% a year.
 *
 * Refuses (SeriesError) non-integer years, a target year not after the start year, and
 * values that are not finite and > 0.
 *
 * Reference: the compound-interest relation V_T = V_0 (1 + r)^T solved for r (as CAGR).
 */
export function targetRate(start: YearValue, target: YearValue): number {
  checkFinite(start.value, 'start value');
  checkFinite(target.value, 'target value');
  if (!Number.isInteger(start.year) || !Number.isInteger(target.year) || target.year <= start.year) {
    throw new SeriesError(
      'invalid-target',
      {
        en: `the target year ${String(target.year)} must be a whole year after the start year ${String(start.year)}`,
        id: `tahun sasaran ${String(target.year)} harus tahun bulat sesudah tahun awal ${String(start.year)}`,
      },
      { year: Number.isFinite(target.year) ? target.year : undefined },
    );
  }
  for (const [p, name] of [
    [start, 'start'],
    [target, 'target'],
  ] as const) {
    if (!(p.value > 0)) {
      throw new SeriesError(
        'non-positive-value',
        {
          en: `the ${name} value of ${p.year} must be > 0, got ${p.value}`,
          id: `nilai ${name === 'start' ? 'awal' : 'sasaran'} tahun ${p.year} harus > 0, didapat ${p.value}`,
        },
        { year: p.year },
      );
    }
  }
  return 100 * (Math.pow(target.value / start.value, 1 / (target.year - start.year)) - 1);
}
