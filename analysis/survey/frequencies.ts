/**
 * Frequency table of one single-choice (categorical or numeric) variable, as SPSS
 * FREQUENCIES / JASP "Frequency tables" / jamovi "Descriptives > Frequency tables".
 *
 * - `n` is the number of cases analysed (all rows after the filter, missing included;
 *   SPSS "N Valid" + "N Missing"); `valid` is the count of non-missing answers and
 *   `missing` = n - valid. `base` equals `n` (rows after the filter).
 * - `percent` = 100 · count / n (SPSS "Percent"); `validPercent` = 100 · count / valid
 *   (SPSS "Valid Percent"). Percentages are in percent units (23.0, not 0.23); with no
 *   valid answers validPercent is NaN.
 * - `ci` is the Wilson score interval (prop.test(count, valid, correct = FALSE)) of the
 *   valid proportion, in percent units; level `ciLevel` (default 0.95).
 * - Order: labelled values in value-label order (labelled values nobody chose are listed
 *   with n = 0 unless `includeUnobservedLabels` is false), then unlabelled observed values
 *   sorted numerically if all are numbers, else by code-point order.
 * - Labels in `lang` (default 'id'); an unlabelled value is its own label.
 * - Values are matched by their trimmed text (1 and "1" are one category).
 * - A variable whose metadata type is 'multiple' is refused (use multipleResponse()).
 */
import { applyFilter } from './filter';
import type { AnalysisOptions, MetaInput, Row } from './types';
import { assertSingleChoice, categoryKey, findMeta, isMissing, observedCategories, orderCategories } from './values';
import { wilsonInterval } from './wilson';

export interface FrequencyRow {
  value: string | number;
  label: string;
  n: number;
  percent: number;
  validPercent: number;
  /** Wilson interval of the valid percentage, in percent units. */
  ci: [number, number];
}

export interface FrequencyTable {
  variable: string;
  /** Rows after the filter (= n). */
  base: number;
  /** All cases analysed, missing included. */
  n: number;
  /** Cases with a non-missing answer. */
  valid: number;
  missing: number;
  rows: FrequencyRow[];
}

export interface FrequencyOptions extends AnalysisOptions {
  /** Confidence level of `ci` (default 0.95). */
  ciLevel?: number;
  /** List labelled values that nobody chose, with n = 0 (default true). */
  includeUnobservedLabels?: boolean;
}

/**
 * Frequency table (SPSS FREQUENCIES): count, percent of all cases, valid percent and the
 * Wilson interval (prop.test(correct = FALSE)) per value; see the module comment.
 */
export function frequencies(
  rows: readonly Row[],
  variable: string,
  meta?: MetaInput,
  options: FrequencyOptions = {},
): FrequencyTable {
  const lang = options.lang ?? 'id';
  const level = options.ciLevel ?? 0.95;
  const data = applyFilter(rows, options.filter);
  const varMeta = findMeta(meta, variable);
  assertSingleChoice(varMeta, 'frequencies');
  const counts = new Map<string, number>();
  let valid = 0;
  for (const r of data) {
    const v = r[variable];
    if (isMissing(v)) continue;
    valid++;
    const key = categoryKey(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const n = data.length;
  const categories = orderCategories(
    observedCategories(data, variable),
    varMeta,
    lang,
    options.includeUnobservedLabels ?? true,
  );
  const out: FrequencyRow[] = categories.map((c) => {
    const count = counts.get(c.key) ?? 0;
    const [lo, hi] = wilsonInterval(count, valid, level);
    return {
      value: c.value,
      label: c.label,
      n: count,
      percent: n === 0 ? NaN : (100 * count) / n,
      validPercent: valid === 0 ? NaN : (100 * count) / valid,
      ci: [100 * lo, 100 * hi],
    };
  });
  return { variable, base: n, n, valid, missing: n - valid, rows: out };
}
