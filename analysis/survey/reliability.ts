/**
 * Internal-consistency reliability of a scale, as SPSS RELIABILITY /MODEL=ALPHA
 * /SUMMARY=TOTAL and R psych::alpha (raw_alpha, std.alpha, r.drop, alpha.drop),
 * also JASP/jamovi "Reliability analysis".
 *
 * - Listwise deletion: only rows with a numeric answer on every item are used (`n`);
 *   `excluded` counts the others (after the filter; `base` = rows after the filter).
 *   Numeric strings ("4") are read as numbers; any other text counts as missing.
 * - Reverse-keyed items are recoded as (min + max - x) before everything else. `min`
 *   and `max` default to the smallest and largest answer over all items among the
 *   complete rows (psych::alpha's rule); pass them for a fixed scale (1 and 5).
 * - Cronbach's alpha = k/(k-1) · (1 - Σ s²_i / s²_total), sample variances (n - 1)
 *   (Cronbach 1951).
 * - Standardised alpha = k·r̄ / (1 + (k-1)·r̄), r̄ = mean off-diagonal Pearson r
 *   (SPSS "Alpha based on standardized items"; psych std.alpha).
 * - Per item (after recoding): mean, sd (n - 1), corrected item-total correlation =
 *   Pearson r of the item with the sum of the other items (SPSS "Corrected Item-Total
 *   Correlation", psych r.drop), and alpha if the item is deleted (raw alpha of the
 *   other k - 1 items; null when fewer than 2 remain).
 * Undefined statistics (n < 2, k < 2, zero variance) are null; undefined correlations in
 * the matrix are NaN.
 */
import { applyFilter } from './filter';
import { correlation, covariance, finiteOrNull, mean, variance } from './describe';
import type { Filter, Row } from './types';
import { toNumber } from './values';

export interface ReliabilityItem {
  item: string;
  mean: number | null;
  sd: number | null;
  itemRestCorrelation: number | null;
  alphaIfDeleted: number | null;
}

export interface Reliability {
  /** Rows after the filter. */
  base: number;
  /** Complete rows used (listwise). */
  n: number;
  /** Rows dropped for a missing or non-numeric answer. */
  excluded: number;
  /** Number of items. */
  k: number;
  alpha: number | null;
  standardizedAlpha: number | null;
  meanInterItemCorrelation: number | null;
  /** Mean and sd of the sum score of the k items (after recoding). */
  scaleMean: number | null;
  scaleSd: number | null;
  items: ReliabilityItem[];
  interItemCorrelations: number[][];
  /** The reverse-recoding bounds used (null when no item is reversed). */
  min: number | null;
  max: number | null;
}

export interface ReliabilityOptions {
  reverse?: readonly string[];
  min?: number;
  max?: number;
  filter?: Filter;
}

/** Raw Cronbach's alpha from a covariance matrix; NaN when k < 2 or the total variance is 0. */
function alphaFromCov(cov: readonly (readonly number[])[]): number {
  const k = cov.length;
  if (k < 2) return NaN;
  let diag = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    diag += cov[i][i];
    for (let j = 0; j < k; j++) total += cov[i][j];
  }
  return total > 0 ? (k / (k - 1)) * (1 - diag / total) : NaN;
}

/**
 * The complete-case item columns of a scale, reverse-recoded (shared with the index).
 * Returns columns (one array per item, same length) and the bounds used.
 */
export function scaleColumns(
  rows: readonly Row[],
  items: readonly string[],
  reverse: readonly string[],
  min: number | undefined,
  max: number | undefined,
): { columns: number[][]; min: number | null; max: number | null } {
  for (const r of reverse) {
    if (!items.includes(r)) throw new Error(`Reverse-keyed item "${r}" is not one of the items`);
  }
  const complete: number[][] = [];
  for (const row of rows) {
    const vals = items.map((it) => toNumber(row[it]));
    if (vals.every((v) => v !== null)) complete.push(vals as number[]);
  }
  const columns = items.map((_, j) => complete.map((v) => v[j]));
  if (reverse.length === 0) return { columns, min: null, max: null };
  let lo = min;
  let hi = max;
  if (lo === undefined || hi === undefined) {
    let smallest = Infinity;
    let largest = -Infinity;
    for (const col of columns) for (const x of col) {
      if (x < smallest) smallest = x;
      if (x > largest) largest = x;
    }
    lo ??= Number.isFinite(smallest) ? smallest : NaN;
    hi ??= Number.isFinite(largest) ? largest : NaN;
  }
  const a = lo;
  const b = hi;
  const recoded = columns.map((col, j) => (reverse.includes(items[j]) ? col.map((x) => a + b - x) : col));
  return { columns: recoded, min: a, max: b };
}

/**
 * Cronbach's alpha (raw and standardised), corrected item-total correlations, alpha if
 * item deleted and inter-item correlations, listwise, after reverse recoding; as SPSS
 * RELIABILITY /MODEL=ALPHA and psych::alpha (see the module comment).
 */
export function reliability(rows: readonly Row[], items: readonly string[], options: ReliabilityOptions = {}): Reliability {
  if (new Set(items).size !== items.length) throw new Error('Items must be distinct');
  const data = applyFilter(rows, options.filter);
  const { columns, min, max } = scaleColumns(data, items, options.reverse ?? [], options.min, options.max);
  const k = items.length;
  const n = k === 0 ? 0 : columns[0].length;
  const cov = columns.map((x) => columns.map((y) => covariance(x, y)));
  const cor = columns.map((x, i) => columns.map((y, j) => (i === j ? (variance(x) > 0 ? 1 : NaN) : correlation(x, y))));
  let rSum = 0;
  let rCount = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) { rSum += cor[i][j]; rCount++; }
  const rBar = rCount > 0 ? rSum / rCount : NaN;
  const total = Array.from({ length: n }, (_, c) => columns.reduce((s, col) => s + col[c], 0));
  const itemsOut: ReliabilityItem[] = items.map((item, i) => {
    const rest = total.map((t, c) => t - columns[i][c]);
    const others = cov.filter((_, a) => a !== i).map((row) => row.filter((_, b) => b !== i));
    return {
      item,
      mean: finiteOrNull(mean(columns[i])),
      sd: finiteOrNull(Math.sqrt(variance(columns[i]))),
      itemRestCorrelation: k >= 2 ? finiteOrNull(correlation(columns[i], rest)) : null,
      alphaIfDeleted: finiteOrNull(alphaFromCov(others)),
    };
  });
  return {
    base: data.length,
    n,
    excluded: data.length - n,
    k,
    alpha: finiteOrNull(alphaFromCov(cov)),
    standardizedAlpha: k >= 2 ? finiteOrNull((k * rBar) / (1 + (k - 1) * rBar)) : null,
    meanInterItemCorrelation: finiteOrNull(rBar),
    scaleMean: finiteOrNull(mean(total)),
    scaleSd: finiteOrNull(Math.sqrt(variance(total))),
    items: itemsOut,
    interItemCorrelations: cor,
    min,
    max,
  };
}
