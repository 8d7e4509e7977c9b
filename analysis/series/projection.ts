import { SeriesError } from './errors';
import { cagr, meanGrowth } from './growth';
import { checkFinite, checkSeries, checkTargetYear } from './validate';
import type { YearValue } from './types';

/**
 * Projection at a constant annual rate compounded from a start observation:
 * v(start.year + h) = start.value * (1 + ratePercent / 100)^h for h = 1 .. to - start.year.
 * Nothing is rounded. Example: 6.3 (2024) at 15% gives 7.245, 8.33175, 9.5815125,
 * 11.018739375, 12.67155028125, 14.5722828234375 for 2025..2030.
 *
 * `ratePercent` is a percent (15 for 15%) and must be finite and > -100; `to` must be an
 * integer year after start.year (SeriesError otherwise).
 *
 * Reference: compound growth V_h = V_0 (1 + r)^h.
 */
export function projectConstantRate(start: YearValue, ratePercent: number, to: number): YearValue[] {
  checkFinite(start.value, 'start value');
  checkFinite(ratePercent, 'rate');
  if (!Number.isInteger(start.year)) {
    throw new SeriesError('non-integer-year', {
      en: `the start year ${String(start.year)} is not a whole number`,
      id: `tahun awal ${String(start.year)} bukan bilangan bulat`,
    });
  }
  if (!(ratePercent > -100)) {
    throw new SeriesError('invalid-argument', {
      en: `the annual rate must be greater than -100%, got ${ratePercent}%`,
      id: `laju tahunan harus lebih besar dari -100%, didapat ${ratePercent}%`,
    });
  }
  checkTargetYear(to, start.year);
  const factor = 1 + ratePercent / 100;
  const out: YearValue[] = [];
  for (let h = 1; h <= to - start.year; h++) {
    out.push({ year: start.year + h, value: start.value * Math.pow(factor, h) });
  }
  return out;
}

/** The observation with the largest year (after validation). */
function lastObservation(series: readonly YearValue[], purpose: string): YearValue {
  const sorted = checkSeries(series, { minPoints: 2, purpose });
  const last = sorted[sorted.length - 1];
  return { year: last.year, value: last.value };
}

/**
 * Projection from the last observed year at the series' compound annual growth rate:
 * v(L + h) = v_L * (v_L / v_F)^(h / (L - F)), F and L the first and last observed years
 * (the same as `projectConstantRate(last, cagr(series), to)` without a round trip through
 * percent). Input rules as `cagr`; `to` an integer year after L.
 *
 * Reference: geometric-mean extrapolation (CAGR), OECD Glossary "compound annual growth rate".
 */
export function projectCagr(series: readonly YearValue[], to: number): YearValue[] {
  cagr(series); // validation and its messages (end values > 0)
  const sorted = checkSeries(series, { minPoints: 2, purpose: 'CAGR' });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  checkTargetYear(to, last.year);
  const ratio = last.value / first.value;
  const span = last.year - first.year;
  const out: YearValue[] = [];
  for (let h = 1; h <= to - last.year; h++) {
    out.push({ year: last.year + h, value: last.value * Math.pow(ratio, h / span) });
  }
  return out;
}

/**
 * Projection from the last observed year compounding the arithmetic mean of the
 * year-over-year growth percents (`meanGrowth`): v(L + h) = v_L * (1 + g / 100)^h.
 * Input rules as `growth` (consecutive years); `to` an integer year after L.
 * For Table 2, g = 18.5817...%, so 2030 gets 6.3 * 1.185817^6 = 17.5165.
 *
 * Reference: compound growth at the arithmetic mean rate (see `meanGrowth` for its bias).
 */
export function projectMeanGrowth(series: readonly YearValue[], to: number): YearValue[] {
  const g = meanGrowth(series);
  return projectConstantRate(lastObservation(series, 'mean growth'), g, to);
}

/** One year of a side-by-side projection table: each method's value, null when it has none for that year. */
export interface ProjectionTableRow {
  year: number;
  values: Record<string, number | null>;
}

export interface ProjectionTable {
  /** Method names in the order given. */
  methods: string[];
  rows: ProjectionTableRow[];
}

/**
 * Arranges projections of several methods side by side: one row per year found in any method
 * (ascending), one column per method (in the order of the object's keys), null where a method
 * has no value for that year. Pure layout; nothing is computed or rounded.
 */
export function projectionTable(byMethod: Readonly<Record<string, readonly YearValue[]>>): ProjectionTable {
  const methods = Object.keys(byMethod);
  const years = new Set<number>();
  for (const m of methods) for (const p of byMethod[m]) years.add(p.year);
  const rows = [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const values: Record<string, number | null> = {};
      for (const m of methods) {
        const hit = byMethod[m].find((p) => p.year === year);
        values[m] = hit === undefined ? null : hit.value;
      }
      return { year, values };
    });
  return { methods, rows };
}
