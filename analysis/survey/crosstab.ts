/**
 * Cross-tabulation of two single-choice variables with tests of independence, as SPSS
 * CROSSTABS (/CELLS=COUNT ROW COLUMN TOTAL EXPECTED ASRESID /STATISTICS=CHISQ PHI),
 * JASP/jamovi "Contingency tables" and R chisq.test / fisher.test.
 *
 * - Cases missing on either variable are excluded (`missing` counts them); `base` is the
 *   number of rows after the filter, `n` the cases in the table.
 * - Categories are ordered as in frequencies() (value-label order, then sorted). Rows or
 *   columns with no cases (for example labelled values nobody chose) are dropped and
 *   listed in `notes`.
 * - rowPercent / colPercent / totalPercent are in percent units (each row of rowPercent
 *   sums to 100).
 * - The statistics (expected, chiSquare, df, p, gSquare, gP, cramersV, adjustedResiduals,
 *   fisherP, lowExpectedShare, warning) are those of contingencyTests(); with fewer than
 *   2 non-empty rows or columns they are null and `notes` says so.
 * - Variables whose metadata type is 'multiple' are refused.
 */
import { applyFilter } from './filter';
import { contingencyTests } from './contingency';
import type { ContingencyTests } from './contingency';
import type { AnalysisOptions, LocalizedText, MetaInput, Row } from './types';
import { assertSingleChoice, categoryKey, findMeta, isMissing, observedCategories, orderCategories } from './values';

export interface Crosstab extends Omit<ContingencyTests, 'note'> {
  rowVariable: string;
  colVariable: string;
  /** Rows after the filter. */
  base: number;
  /** Cases excluded because either variable is missing. */
  missing: number;
  /** Row category labels. */
  rows: string[];
  /** Column category labels. */
  cols: string[];
  rowValues: (string | number)[];
  colValues: (string | number)[];
  table: number[][];
  rowTotals: number[];
  colTotals: number[];
  rowPercent: number[][];
  colPercent: number[][];
  totalPercent: number[][];
  notes: LocalizedText[];
}

/**
 * Cross-tabulation of rowVar by colVar with row/column/total percentages and the tests
 * of contingencyTests() (R chisq.test(correct = FALSE), G², Cramér's V, stdres,
 * fisher.test for 2x2); see the module comment.
 */
export function crosstab(
  rows: readonly Row[],
  rowVar: string,
  colVar: string,
  meta?: MetaInput,
  options: AnalysisOptions = {},
): Crosstab {
  const lang = options.lang ?? 'id';
  const data = applyFilter(rows, options.filter);
  const complete = data.filter((r) => !isMissing(r[rowVar]) && !isMissing(r[colVar]));
  const rowMeta = findMeta(meta, rowVar);
  const colMeta = findMeta(meta, colVar);
  assertSingleChoice(rowMeta, 'crosstab');
  assertSingleChoice(colMeta, 'crosstab');
  const rowCats = orderCategories(observedCategories(complete, rowVar), rowMeta, lang, true);
  const colCats = orderCategories(observedCategories(complete, colVar), colMeta, lang, true);
  const ri = new Map(rowCats.map((c, i) => [c.key, i]));
  const ci = new Map(colCats.map((c, j) => [c.key, j]));
  const full = rowCats.map(() => colCats.map(() => 0));
  for (const r of complete) {
    // Both cells are non-missing here (filtered above).
    full[ri.get(categoryKey(r[rowVar] as string | number))!][ci.get(categoryKey(r[colVar] as string | number))!]++;
  }
  const notes: LocalizedText[] = [];
  const keepRows = rowCats.map((_, i) => full[i].some((x) => x > 0));
  const keepCols = colCats.map((_, j) => full.some((row) => row[j] > 0));
  const droppedRows = rowCats.filter((_, i) => !keepRows[i]).map((c) => c.label);
  const droppedCols = colCats.filter((_, j) => !keepCols[j]).map((c) => c.label);
  if (droppedRows.length > 0) {
    notes.push({
      id: `Baris kosong dihapus: ${droppedRows.join(', ')}`,
      en: `Empty rows dropped: ${droppedRows.join(', ')}`,
    });
  }
  if (droppedCols.length > 0) {
    notes.push({
      id: `Kolom kosong dihapus: ${droppedCols.join(', ')}`,
      en: `Empty columns dropped: ${droppedCols.join(', ')}`,
    });
  }
  const rc = rowCats.filter((_, i) => keepRows[i]);
  const cc = colCats.filter((_, j) => keepCols[j]);
  const table = full.filter((_, i) => keepRows[i]).map((row) => row.filter((_, j) => keepCols[j]));
  const rowTotals = table.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals = cc.map((_, j) => table.reduce((s, row) => s + row[j], 0));
  const n = complete.length;
  const tests = contingencyTests(table);
  if (tests.note) notes.push(tests.note);
  const { note: _note, ...stats } = tests;
  return {
    rowVariable: rowVar,
    colVariable: colVar,
    base: data.length,
    missing: data.length - n,
    rows: rc.map((c) => c.label),
    cols: cc.map((c) => c.label),
    rowValues: rc.map((c) => c.value),
    colValues: cc.map((c) => c.value),
    table,
    rowTotals,
    colTotals,
    rowPercent: table.map((row, i) => row.map((x) => (100 * x) / rowTotals[i])),
    colPercent: table.map((row) => row.map((x, j) => (100 * x) / colTotals[j])),
    totalPercent: table.map((row) => row.map((x) => (100 * x) / n)),
    ...stats,
    notes,
  };
}
