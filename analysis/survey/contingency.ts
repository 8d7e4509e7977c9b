/**
 * Tests of independence for an r x c table of counts, as SPSS CROSSTABS
 * /STATISTICS=CHISQ PHI and R:
 * - expected counts E = rowTotal · colTotal / n (R `chisq.test(x)$expected`);
 * - Pearson chi-square Σ (O - E)² / E, df = (r - 1)(c - 1), upper-tail p, without
 *   continuity correction (R `chisq.test(x, correct = FALSE)`);
 * - likelihood-ratio G² = 2 Σ O ln(O / E), cells with O = 0 contributing 0, same df
 *   (SPSS "Likelihood Ratio"; Agresti 2002, sec. 3.2.1);
 * - Cramér's V = sqrt(X² / (n · (min(r, c) - 1))) (Cramér 1946);
 * - adjusted standardised residuals (O - E) / sqrt(E (1 - rowTotal/n)(1 - colTotal/n))
 *   (R `chisq.test(x)$stdres`; Haberman 1973; SPSS "Adjusted residual");
 * - Fisher's exact two-sided p for 2x2 tables (see fisher.ts), null otherwise;
 * - the share of cells with E < 5 (in percent) and a warning when it exceeds 20%
 *   (Cochran 1954; SPSS's table footnote); no warning when no test is computed.
 * p-values are the chi-square upper tail (regularised upper incomplete gamma, as R's
 * pchisq(lower.tail = FALSE)), so tiny p-values keep their relative precision.
 *
 * The table must have no empty row or column (crosstab() drops them first) and at least
 * 2 rows and 2 columns; otherwise every statistic is null and `note` says why.
 */
import { chiSquareUpper } from '../distributions/chisquare-upper';
import { fisherExact2x2 } from './fisher';
import type { LocalizedText } from './types';

export interface ContingencyTests {
  n: number;
  expected: number[][];
  chiSquare: number | null;
  df: number | null;
  p: number | null;
  gSquare: number | null;
  gP: number | null;
  cramersV: number | null;
  adjustedResiduals: number[][] | null;
  /** Fisher's exact two-sided p; only for 2x2 tables, null otherwise. */
  fisherP: number | null;
  /** Number of cells with an expected count below 5. */
  lowExpectedCount: number;
  /** Percentage (0-100) of cells with an expected count below 5. */
  lowExpectedShare: number;
  minExpected: number | null;
  /** Set when more than 20% of the expected counts are below 5. */
  warning: LocalizedText | null;
  /** Why the statistics are null, when they are. */
  note: LocalizedText | null;
}

/**
 * Pearson chi-square (no continuity correction), likelihood-ratio G², Cramér's V,
 * adjusted residuals and (2x2) Fisher's exact p of a table of counts; see the module
 * comment for the formulas and references (R chisq.test(correct = FALSE), fisher.test).
 */
export function contingencyTests(table: readonly (readonly number[])[]): ContingencyTests {
  const r = table.length;
  const c = r === 0 ? 0 : table[0].length;
  if (table.some((row) => row.length !== c)) throw new Error('Table rows differ in length');
  for (const row of table) {
    for (const x of row) if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError('Counts must be finite and non-negative');
  }
  const rowTotals = table.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals = Array.from({ length: c }, (_, j) => table.reduce((s, row) => s + row[j], 0));
  const n = rowTotals.reduce((s, x) => s + x, 0);
  const expected = table.map((row, i) => row.map((_, j) => (n === 0 ? NaN : (rowTotals[i] * colTotals[j]) / n)));
  const cells = r * c;
  let low = 0;
  let minExpected = Infinity;
  for (const row of expected) for (const e of row) {
    if (e < 5) low++;
    if (e < minExpected) minExpected = e;
  }
  const lowExpectedShare = cells === 0 ? 0 : (100 * low) / cells;
  const empty = rowTotals.some((t) => t === 0) || colTotals.some((t) => t === 0);
  const testable = r >= 2 && c >= 2 && !empty;
  const warning: LocalizedText | null =
    testable && lowExpectedShare > 20
      ? {
          id: `${low} sel (${lowExpectedShare.toFixed(1)}%) memiliki frekuensi harapan < 5; uji khi-kuadrat mungkin tidak akurat.`,
          en: `${low} cells (${lowExpectedShare.toFixed(1)}%) have an expected count below 5; the chi-square test may be inaccurate.`,
        }
      : null;
  const base = {
    n,
    expected,
    lowExpectedCount: low,
    lowExpectedShare,
    minExpected: Number.isFinite(minExpected) ? minExpected : null,
    warning,
  };
  if (!testable) {
    return {
      ...base,
      chiSquare: null,
      df: null,
      p: null,
      gSquare: null,
      gP: null,
      cramersV: null,
      adjustedResiduals: null,
      fisherP: null,
      note: empty
        ? { id: 'Tabel memiliki baris atau kolom kosong; uji tidak dihitung.', en: 'The table has an empty row or column; no test computed.' }
        : {
            id: 'Uji khi-kuadrat memerlukan sedikitnya 2 baris dan 2 kolom yang terisi.',
            en: 'The chi-square test needs at least 2 non-empty rows and 2 non-empty columns.',
          },
    };
  }
  let chi = 0;
  let g = 0;
  const adjusted = table.map((row, i) =>
    row.map((o, j) => {
      const e = expected[i][j];
      chi += ((o - e) * (o - e)) / e;
      if (o > 0) g += o * Math.log(o / e);
      return (o - e) / Math.sqrt(e * (1 - rowTotals[i] / n) * (1 - colTotals[j] / n));
    }),
  );
  g *= 2;
  const df = (r - 1) * (c - 1);
  const isCounts = table.every((row) => row.every((x) => Number.isInteger(x)));
  return {
    ...base,
    chiSquare: chi,
    df,
    p: chiSquareUpper(chi, df),
    gSquare: g,
    gP: chiSquareUpper(g, df),
    cramersV: Math.sqrt(chi / (n * (Math.min(r, c) - 1))),
    adjustedResiduals: adjusted,
    fisherP: r === 2 && c === 2 && isCounts ? fisherExact2x2(table) : null,
    note: null,
  };
}
