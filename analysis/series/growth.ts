import { SeriesError } from './errors';
import { checkSeries } from './validate';
import type { YearValue } from './types';

/** Year-over-year change of one year against the year before. */
export interface GrowthRow {
  year: number;
  value: number;
  /** Value of year - 1. */
  previousValue: number;
  /** value - previousValue. */
  change: number;
  /** 100 * (value - previousValue) / previousValue, as percent (28.125 for 28.125%). */
  percent: number;
}

/**
 * Year-over-year growth of an annual series: for each year t after the first,
 * change_t = v_t - v_{t-1} and percent_t = 100 * (v_t - v_{t-1}) / v_{t-1}
 * (the simple, not logarithmic, growth rate; e.g. Table 2 of the seed article,
 * 2021: 100 * (4.1 - 3.2) / 3.2 = 28.125).
 *
 * Input may be in any order (a sorted copy is used; the input is not mutated). Gaps are not
 * bridged: the years must be consecutive integers, otherwise a SeriesError ('missing-year')
 * names the first missing year; a year given twice, a non-integer year or a non-finite value
 * is refused naming the row. A previous value <= 0 is refused ('zero-base' for 0,
 * 'non-positive-value' below 0) because a percent change of a non-positive base has no
 * meaning as growth. Needs at least 2 observations; returns n - 1 rows.
 *
 * Reference: OECD Glossary of Statistical Terms, "growth rates"; the formula of the
 * "Pertumbuhan Tahunan (%)" column of the seed article's Table 2.
 */
export function growth(series: readonly YearValue[]): GrowthRow[] {
  const sorted = checkSeries(series, { minPoints: 2, purpose: 'year-over-year growth', consecutive: true });
  const rows: GrowthRow[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev.value === 0) {
      throw new SeriesError(
        'zero-base',
        {
          en: `row ${prev.row} (year ${prev.year}): the value is 0, so the growth percent of ${cur.year} is undefined`,
          id: `baris ${prev.row} (tahun ${prev.year}): nilainya 0, sehingga persentase pertumbuhan ${cur.year} tidak terdefinisi`,
        },
        { year: prev.year, row: prev.row },
      );
    }
    if (prev.value < 0) {
      throw new SeriesError(
        'non-positive-value',
        {
          en: `row ${prev.row} (year ${prev.year}): the value ${prev.value} is negative, so the growth percent of ${cur.year} has no meaning`,
          id: `baris ${prev.row} (tahun ${prev.year}): nilai ${prev.value} negatif, sehingga persentase pertumbuhan ${cur.year} tidak bermakna`,
        },
        { year: prev.year, row: prev.row },
      );
    }
    const change = cur.value - prev.value;
    rows.push({ year: cur.year, value: cur.value, previousValue: prev.value, change, percent: (100 * change) / prev.value });
  }
  return rows;
}

/**
 * Arithmetic mean of the year-over-year growth percents: (1 / (n - 1)) * sum_t percent_t,
 * with percent_t as in `growth` (same input rules). For Table 2 of the seed article,
 * (28.125 + 17.0731... + 14.5833... + 14.5454...) / 4 = 18.5817...%.
 * Note: this is not the rate that reproduces the last value from the first when compounded
 * (that is `cagr`); compounding the arithmetic mean overstates growth when the rates vary.
 *
 * Reference: simple arithmetic mean of period growth rates (e.g. OECD Glossary, "average
 * annual growth rate", arithmetic variant).
 */
export function meanGrowth(series: readonly YearValue[]): number {
  const rows = growth(series);
  let sum = 0;
  for (const r of rows) sum += r.percent;
  return sum / rows.length;
}

/**
 * Compound annual growth rate, as percent: 100 * ((v_last / v_first)^(1 / (year_last - year_first)) - 1).
 * Only the first and last observations (by year) enter; gaps between them are allowed, since
 * the exponent is the span in years, not the count of rows. For Table 2: (6.3 / 3.2)^(1/4) - 1
 * = 18.4534...%. Both end values must be > 0 (SeriesError 'non-positive-value' naming the
 * year and row); at least 2 observations with distinct years are needed.
 *
 * Reference: geometric mean growth rate, e.g. OECD Glossary, "compound annual growth rate".
 */
export function cagr(series: readonly YearValue[]): number {
  const sorted = checkSeries(series, { minPoints: 2, purpose: 'CAGR' });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  for (const end of [first, last]) {
    if (!(end.value > 0)) {
      throw new SeriesError(
        'non-positive-value',
        {
          en: `row ${end.row} (year ${end.year}): CAGR needs a first and last value > 0, got ${end.value}`,
          id: `baris ${end.row} (tahun ${end.year}): CAGR memerlukan nilai awal dan akhir > 0, didapat ${end.value}`,
        },
        { year: end.year, row: end.row },
      );
    }
  }
  return 100 * (Math.pow(last.value / first.value, 1 / (last.year - first.year)) - 1);
}
