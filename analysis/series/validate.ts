import { SeriesError } from './errors';
import type { YearValue } from './types';

/** An observation together with its 1-based position in the caller's array (for error messages). */
export interface RowYearValue extends YearValue {
  row: number;
}

export interface CheckSeriesOptions {
  /** Fewest observations the calling method needs. */
  minPoints: number;
  /** Name of the calling method, used in messages ("growth", "linear trend", ...). */
  purpose: string;
  /** Require every value to be > 0 (log-linear trend). */
  positive?: boolean;
  /** Require the years to be consecutive integers with no gap (year-over-year growth). */
  consecutive?: boolean;
}

/**
 * Validates an annual series and returns a copy sorted by year (the input is never mutated,
 * its order does not matter). Checks, in order: enough points; every year a finite integer;
 * every value finite; no year given twice; optionally all values > 0; optionally no gap
 * between consecutive years. Each failure throws a SeriesError naming the year and the
 * 1-based row of the input array.
 */
export function checkSeries(series: readonly YearValue[], options: CheckSeriesOptions): RowYearValue[] {
  const { minPoints, purpose } = options;
  if (!Array.isArray(series) || series.length < minPoints) {
    const n = Array.isArray(series) ? series.length : 0;
    throw new SeriesError('too-few-points', {
      en: `${purpose} needs at least ${minPoints} observations; ${n} given`,
      id: `${purpose} memerlukan sedikitnya ${minPoints} pengamatan; hanya ${n} yang diberikan`,
    });
  }
  const rows: RowYearValue[] = series.map((p, i) => ({ year: p.year, value: p.value, row: i + 1 }));
  for (const r of rows) {
    if (!Number.isInteger(r.year)) {
      throw new SeriesError(
        'non-integer-year',
        {
          en: `row ${r.row}: the year ${String(r.year)} is not a whole number`,
          id: `baris ${r.row}: tahun ${String(r.year)} bukan bilangan bulat`,
        },
        { row: r.row },
      );
    }
    if (!Number.isFinite(r.value)) {
      throw new SeriesError(
        'non-finite-value',
        {
          en: `row ${r.row} (year ${r.year}): the value ${String(r.value)} is not a finite number`,
          id: `baris ${r.row} (tahun ${r.year}): nilai ${String(r.value)} bukan bilangan terhingga`,
        },
        { year: r.year, row: r.row },
      );
    }
  }
  const seen = new Map<number, number>();
  for (const r of rows) {
    const first = seen.get(r.year);
    if (first !== undefined) {
      throw new SeriesError(
        'duplicate-year',
        {
          en: `the year ${r.year} appears twice (rows ${first} and ${r.row})`,
          id: `tahun ${r.year} muncul dua kali (baris ${first} dan ${r.row})`,
        },
        { year: r.year, row: r.row },
      );
    }
    seen.set(r.year, r.row);
  }
  if (options.positive) {
    for (const r of rows) {
      if (!(r.value > 0)) {
        throw new SeriesError(
          'non-positive-value',
          {
            en: `row ${r.row} (year ${r.year}): ${purpose} needs values > 0, got ${r.value}`,
            id: `baris ${r.row} (tahun ${r.year}): ${purpose} memerlukan nilai > 0, didapat ${r.value}`,
          },
          { year: r.year, row: r.row },
        );
      }
    }
  }
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  if (options.consecutive) {
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      if (sorted[i].year !== prev.year + 1) {
        const missing = prev.year + 1;
        throw new SeriesError(
          'missing-year',
          {
            en: `the year ${missing} is missing (between ${prev.year} and ${sorted[i].year}); ${purpose} needs consecutive years`,
            id: `tahun ${missing} tidak ada (di antara ${prev.year} dan ${sorted[i].year}); ${purpose} memerlukan tahun yang berurutan`,
          },
          { year: missing },
        );
      }
    }
  }
  return sorted;
}

/** Throws a SeriesError unless `x` is a finite number; `name` names the argument in the message. */
export function checkFinite(x: number, name: string): void {
  if (!Number.isFinite(x)) {
    throw new SeriesError('invalid-argument', {
      en: `${name} must be a finite number, got ${String(x)}`,
      id: `${name} harus berupa bilangan terhingga, didapat ${String(x)}`,
    });
  }
}

/** Throws a SeriesError unless `to` is an integer year after `lastYear` (projections). */
export function checkTargetYear(to: number, lastYear: number): void {
  if (!Number.isInteger(to) || to <= lastYear) {
    throw new SeriesError(
      'invalid-target',
      {
        en: `the target year ${String(to)} must be a whole year after the last observed year ${lastYear}`,
        id: `tahun sasaran ${String(to)} harus tahun bulat sesudah tahun pengamatan terakhir ${lastYear}`,
      },
      { year: Number.isFinite(to) ? to : undefined },
    );
  }
}
