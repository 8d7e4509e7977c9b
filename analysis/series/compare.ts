import { SeriesError } from './errors';
import { checkFinite, checkSeries } from './validate';
import type { YearValue } from './types';

/**
 * Rounds to `decimals` places, halves away from zero, treating `x` as the decimal it
 * prints as: x is first reduced to 15 significant digits (so 8.395, stored in binary as
 * 8.39499999999999957..., counts as 8.395). This is the rounding of a person writing a
 * figure by hand or of Excel's ROUND, not IEEE round-half-even.
 */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new SeriesError('invalid-argument', {
      en: `decimals must be a whole number from 0 to 15, got ${String(decimals)}`,
      id: `jumlah desimal harus bilangan bulat 0 sampai 15, didapat ${String(decimals)}`,
    });
  }
  if (!Number.isFinite(x)) return x;
  const f = Math.pow(10, decimals);
  const scaled = Number((Math.abs(Number(x.toPrecision(15))) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

/** One method's value beside one printed figure. */
export interface MethodCheck {
  /** The method's value for that year; null when the method has none. */
  value: number | null;
  /** value - printed; null when value is null. */
  difference: number | null;
  /** |value - printed| <= tolerance (false when value is null). */
  reproduces: boolean;
}

export interface PrintedComparisonRow {
  year: number;
  printed: number;
  methods: Record<string, MethodCheck>;
}

export interface MethodSummary {
  /** Printed figures this method reproduces. */
  reproduced: number;
  /** Printed figures compared. */
  total: number;
  /** True when every printed figure is reproduced. */
  reproducesAll: boolean;
  /** Years whose printed figure this method does not reproduce, ascending. */
  differingYears: number[];
}

export interface PrintedComparison {
  decimals: number;
  /** Half a unit of the last printed decimal: 0.5 * 10^-decimals. */
  tolerance: number;
  rows: PrintedComparisonRow[];
  methods: Record<string, MethodSummary>;
  /** Methods reproducing every printed figure, in the order given; empty when none does. */
  reproducingMethods: string[];
}

/**
 * Compares figures printed with `printedDecimals` decimals against values computed by one or
 * more named methods. A method reproduces a printed figure p when its value c satisfies
 * |c - p| <= 0.5 * 10^-decimals (c would round to p, a tie counting as reproduced whichever
 * way it was rounded); a slack of 1e-9 * max(1, |p|) is added so that binary representation
 * error of decimal inputs (4.1 - 3.2 is 0.8999999999999995) does not turn an exact tie into
 * a miss. Rows follow the printed figures sorted by year; a method without a value for a
 * printed year does not reproduce it. Nothing is adjusted to fit: the differences are reported.
 *
 * Reference: the rounding rule of the printed table (half a unit in the last place).
 */
export function compareWithPrinted(
  printed: readonly YearValue[],
  computed: Readonly<Record<string, readonly YearValue[]>>,
  printedDecimals: number,
): PrintedComparison {
  const sorted = checkSeries(printed, { minPoints: 1, purpose: 'printed figures' });
  if (!Number.isInteger(printedDecimals) || printedDecimals < 0 || printedDecimals > 15) {
    throw new SeriesError('invalid-argument', {
      en: `printed decimals must be a whole number from 0 to 15, got ${String(printedDecimals)}`,
      id: `jumlah desimal cetakan harus bilangan bulat 0 sampai 15, didapat ${String(printedDecimals)}`,
    });
  }
  const tolerance = 0.5 * Math.pow(10, -printedDecimals);
  const names = Object.keys(computed);
  const summaries: Record<string, MethodSummary> = {};
  for (const m of names) summaries[m] = { reproduced: 0, total: sorted.length, reproducesAll: false, differingYears: [] };
  const rows: PrintedComparisonRow[] = sorted.map((p) => {
    const methods: Record<string, MethodCheck> = {};
    for (const m of names) {
      const hit = computed[m].find((c) => c.year === p.year);
      let check: MethodCheck;
      if (hit === undefined || !Number.isFinite(hit.value)) {
        check = { value: hit === undefined ? null : hit.value, difference: null, reproduces: false };
      } else {
        const difference = hit.value - p.value;
        const reproduces = Math.abs(difference) <= tolerance + 1e-9 * Math.max(1, Math.abs(p.value));
        check = { value: hit.value, difference, reproduces };
      }
      methods[m] = check;
      if (check.reproduces) summaries[m].reproduced += 1;
      else summaries[m].differingYears.push(p.year);
    }
    return { year: p.year, printed: p.value, methods };
  });
  for (const m of names) summaries[m].reproducesAll = summaries[m].reproduced === sorted.length;
  return {
    decimals: printedDecimals,
    tolerance,
    rows,
    methods: summaries,
    reproducingMethods: names.filter((m) => summaries[m].reproducesAll),
  };
}

/**
 * One-step-ahead values from the printed figures: each printed year's value is the previous
 * printed figure (for the first printed year, the start observation) times (1 + rate/100).
 * This is what a table computed by "previous rounded figure x 1.15" would contain before its
 * own rounding, e.g. 7.3 * 1.15 = 8.395 for 2026. The printed years (any order) must be
 * consecutive and begin the year after start.year.
 *
 * Reference: the chained (rounded-base) compounding a spreadsheet user may have done.
 */
export function oneStepFromPrinted(start: YearValue, printed: readonly YearValue[], ratePercent: number): YearValue[] {
  checkFinite(start.value, 'start value');
  checkFinite(ratePercent, 'rate');
  const sorted = checkSeries(printed, { minPoints: 1, purpose: 'printed figures', consecutive: true });
  if (sorted[0].year !== start.year + 1) {
    throw new SeriesError(
      'missing-year',
      {
        en: `the printed figures must begin in ${start.year + 1}, the year after the start year; they begin in ${sorted[0].year}`,
        id: `angka cetakan harus dimulai pada ${start.year + 1}, setahun sesudah tahun awal; angka dimulai pada ${sorted[0].year}`,
      },
      { year: start.year + 1 },
    );
  }
  const factor = 1 + ratePercent / 100;
  return sorted.map((p, i) => ({ year: p.year, value: (i === 0 ? start.value : sorted[i - 1].value) * factor }));
}

/**
 * Compounding with rounding at every step: v_0 = start.value and
 * v_h = roundHalfAway(v_{h-1} * (1 + rate/100), decimals), h = 1 .. to - start.year;
 * what a table built by hand from its own rounded figures holds. From 6.3 at 15% with one
 * decimal: 7.2, 8.3, 9.5, 10.9, 12.5, 14.4.
 *
 * Reference: chained rounding (see roundHalfAway for the rounding rule).
 */
export function roundedChain(start: YearValue, ratePercent: number, to: number, decimals: number): YearValue[] {
  checkFinite(start.value, 'start value');
  checkFinite(ratePercent, 'rate');
  if (!Number.isInteger(start.year) || !Number.isInteger(to) || to <= start.year) {
    throw new SeriesError('invalid-target', {
      en: `the target year ${String(to)} must be a whole year after the start year ${String(start.year)}`,
      id: `tahun sasaran ${String(to)} harus tahun bulat sesudah tahun awal ${String(start.year)}`,
    });
  }
  const factor = 1 + ratePercent / 100;
  const out: YearValue[] = [];
  let v = start.value;
  for (let year = start.year + 1; year <= to; year++) {
    v = roundHalfAway(v * factor, decimals);
    out.push({ year, value: v });
  }
  return out;
}

/** Range of constant annual rates (percent) consistent with one printed figure. */
export interface RateInterval {
  year: number;
  low: number;
  high: number;
}

export interface ConsistentRates {
  /** 'from-start': v = start * (1+r)^h; 'from-previous-printed': v = previous printed * (1+r). */
  mode: 'from-start' | 'from-previous-printed';
  perYear: RateInterval[];
  /** Intersection of all per-year ranges; null when they do not overlap (no single rate fits). */
  common: { low: number; high: number } | null;
}

/**
 * Which constant annual rates r (percent) would print each figure, i.e. make the computed
 * value fall within half a unit of the last printed decimal (tolerance t = 0.5 * 10^-decimals).
 * Mode 'from-start': start.value * (1 + r)^h in [p - t, p + t], h = year - start.year, so
 * r in [((p - t)/v0)^(1/h) - 1, ((p + t)/v0)^(1/h) - 1]. Mode 'from-previous-printed':
 * previous printed (the start value for the first year) times (1 + r) in [p - t, p + t].
 * The common range is the intersection over all printed years, null when empty: then no
 * single constant rate, computed that way, reproduces the whole printed column.
 * Needs start.value > 0 and every p - t > 0.
 *
 * Reference: inverse of the compound-growth relation, with the rounding interval of the print.
 */
export function ratesConsistentWithPrinted(
  start: YearValue,
  printed: readonly YearValue[],
  decimals: number,
  mode: 'from-start' | 'from-previous-printed' = 'from-start',
): ConsistentRates {
  checkFinite(start.value, 'start value');
  if (!(start.value > 0)) {
    throw new SeriesError(
      'non-positive-value',
      { en: `the start value must be > 0, got ${start.value}`, id: `nilai awal harus > 0, didapat ${start.value}` },
      { year: start.year },
    );
  }
  const sorted = checkSeries(printed, {
    minPoints: 1,
    purpose: 'printed figures',
    consecutive: mode === 'from-previous-printed',
  });
  const t = 0.5 * Math.pow(10, -roundDecimalsArg(decimals));
  const perYear: RateInterval[] = sorted.map((p, i) => {
    const h = p.year - start.year;
    if (h < 1 || (mode === 'from-previous-printed' && i === 0 && h !== 1)) {
      throw new SeriesError(
        'invalid-target',
        {
          en: `row ${p.row}: the printed year ${p.year} must come after the start year ${start.year}${mode === 'from-previous-printed' ? ' and the first must be the year right after it' : ''}`,
          id: `baris ${p.row}: tahun cetakan ${p.year} harus sesudah tahun awal ${start.year}${mode === 'from-previous-printed' ? ' dan yang pertama tepat setahun sesudahnya' : ''}`,
        },
        { year: p.year, row: p.row },
      );
    }
    if (!(p.value - t > 0)) {
      throw new SeriesError(
        'non-positive-value',
        {
          en: `row ${p.row} (year ${p.year}): the printed figure must exceed the rounding half-unit ${t}`,
          id: `baris ${p.row} (tahun ${p.year}): angka cetakan harus melebihi setengah satuan pembulatan ${t}`,
        },
        { year: p.year, row: p.row },
      );
    }
    const base = mode === 'from-start' ? start.value : i === 0 ? start.value : sorted[i - 1].value;
    const steps = mode === 'from-start' ? h : 1;
    return {
      year: p.year,
      low: 100 * (Math.pow((p.value - t) / base, 1 / steps) - 1),
      high: 100 * (Math.pow((p.value + t) / base, 1 / steps) - 1),
    };
  });
  let low = -Infinity;
  let high = Infinity;
  for (const r of perYear) {
    low = Math.max(low, r.low);
    high = Math.min(high, r.high);
  }
  return { mode, perYear, common: low <= high ? { low, high } : null };
}

function roundDecimalsArg(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new SeriesError('invalid-argument', {
      en: `decimals must be a whole number from 0 to 15, got ${String(decimals)}`,
      id: `jumlah desimal harus bilangan bulat 0 sampai 15, didapat ${String(decimals)}`,
    });
  }
  return decimals;
}
