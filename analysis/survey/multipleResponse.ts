/**
 * Multiple-response (select-multiple) frequencies, as SPSS MULT RESPONSE for a
 * multiple-category group (/GROUPS ... (codes)) and jamovi/JASP's multiple-response
 * tables.
 *
 * Each answer is a space-separated string of choice codes (XLSForm / KoboToolbox
 * select_multiple). Per listed choice:
 * - `n`: cases that chose it (a code repeated within one answer counts once);
 * - `percentOfResponses` = 100 · n / (sum of n over the listed choices);
 * - `percentOfCases` = 100 · n / cases, where `cases` (the base of the percentages) is
 *   the number of cases with at least one listed choice, as SPSS's "valid cases".
 *   Cases whose answer is missing or names only unlisted codes are counted in
 *   `missing`. Codes not in `choices` are reported in `unlisted` and never enter the
 *   percentages (SPSS ignores values outside the group's range the same way).
 * `base` is the number of rows after the filter. Percentages are in percent units.
 *
 * KoboToolbox exports may instead carry one 0/1 column per choice named
 * `question/choice` (SPSS's multiple-dichotomy group). With `dummySeparator` set (for
 * example '/'), a row's codes are read from the columns `${variable}${sep}${code}` of the
 * listed choices whenever the space-separated column is absent or missing: a choice counts
 * when its cell reads as the number 1 (1, "1", "1.0"); a row whose dummy cells are all
 * missing is a missing case, as is one with no 1 (as MULT RESPONSE /GROUPS=g (1)).
 */
import { applyFilter } from './filter';
import type { AnalysisOptions, Row, ValueLabel } from './types';
import { categoryKey, isMissing, pick, splitChoices, toNumber } from './values';

export interface MultipleResponseRow {
  value: string;
  label: string;
  n: number;
  percentOfResponses: number;
  percentOfCases: number;
}

export interface MultipleResponseTable {
  variable: string;
  /** Rows after the filter. */
  base: number;
  /** Cases with at least one listed choice: the denominator of percentOfCases. */
  cases: number;
  /** Rows after the filter with no listed choice (missing or only unlisted codes). */
  missing: number;
  /** Sum of n over the listed choices: the denominator of percentOfResponses. */
  responses: number;
  rows: MultipleResponseRow[];
  /** Codes found in the data but not listed in `choices`, with their case counts (sorted by code). */
  unlisted: { value: string; n: number }[];
}

/**
 * Multiple-response frequencies of a select-multiple variable: per listed choice, cases,
 * percent of responses and percent of cases (SPSS MULT RESPONSE); see the module comment.
 */
export interface MultipleResponseOptions extends AnalysisOptions {
  /** Read `${variable}${dummySeparator}${code}` 0/1 columns when the codes column is missing. */
  dummySeparator?: string;
}

export function multipleResponse(
  rows: readonly Row[],
  variable: string,
  choices: readonly (string | ValueLabel)[],
  options: MultipleResponseOptions = {},
): MultipleResponseTable {
  const lang = options.lang ?? 'id';
  const data = applyFilter(rows, options.filter);
  const listed = choices.map((c) =>
    typeof c === 'string'
      ? { key: categoryKey(c), label: c }
      : { key: categoryKey(c.value), label: pick(c.label, lang) },
  );
  const listedKeys = new Set(listed.map((c) => c.key));
  const counts = new Map<string, number>();
  const unlisted = new Map<string, number>();
  let cases = 0;
  const sep = options.dummySeparator;
  const codesOf = (r: Row): string[] => {
    const cell = r[variable];
    if (sep === undefined || !isMissing(cell)) return splitChoices(cell);
    return listed.filter((c) => toNumber(r[`${variable}${sep}${c.key}`]) === 1).map((c) => c.key);
  };
  for (const r of data) {
    const codes = new Set(codesOf(r));
    let any = false;
    for (const code of codes) {
      if (listedKeys.has(code)) {
        any = true;
        counts.set(code, (counts.get(code) ?? 0) + 1);
      } else {
        unlisted.set(code, (unlisted.get(code) ?? 0) + 1);
      }
    }
    if (any) cases++;
  }
  const seen = new Set<string>();
  const unique = listed.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
  const responses = unique.reduce((s, c) => s + (counts.get(c.key) ?? 0), 0);
  return {
    variable,
    base: data.length,
    cases,
    missing: data.length - cases,
    responses,
    rows: unique.map((c) => {
      const n = counts.get(c.key) ?? 0;
      return {
        value: c.key,
        label: c.label,
        n,
        percentOfResponses: responses === 0 ? NaN : (100 * n) / responses,
        percentOfCases: cases === 0 ? NaN : (100 * n) / cases,
      };
    }),
    unlisted: [...unlisted.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([value, n]) => ({ value, n })),
  };
}
