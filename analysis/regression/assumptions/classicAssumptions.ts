import { kolmogorovSmirnovNormal } from '../../normality/kolmogorovSmirnov';
import { shapiroWilk } from '../../normality/shapiroWilk';
import { breuschPagan } from './breuschPagan';
import { durbinWatson } from './durbinWatson';
import { durbinWatsonBounds, durbinWatsonDecision, type DurbinWatsonDecision } from './durbinWatsonBounds';
import { glejser, type GlejserCoefficient } from './glejser';
import { householderQr } from './linalg';
import { fmt3, glejserVerdict, heteroVerdict, dwVerdict, errorMessage as message, normalityVerdict, pText, unavailable } from './verdicts';

/** A conclusion in both UI languages; ok = assumption met (true), violated (false), undecided (null). */
export interface Verdict {
  id: string;
  en: string;
  ok: boolean | null;
}

export interface ClassicAssumptionsInput {
  /** The model's design matrix as fitted (n x p), intercept column included when hasIntercept. */
  X: readonly (readonly number[])[];
  /** OLS residuals, in observation order (the order matters for Durbin-Watson). */
  residuals: readonly number[];
  /** Column names of X. */
  names: readonly string[];
  hasIntercept: boolean;
  /** Significance level for the verdicts and the Durbin-Watson bounds (default 0.05). */
  alpha?: number;
}

/** Fields are null when a test cannot be computed; `error` then says why. */
export interface ClassicAssumptionsResult {
  n: number;
  /** Regressors besides the intercept after dropping aliased columns (k' of the DW tables). */
  k: number;
  alpha: number;
  durbinWatson: {
    statistic: number | null;
    /** lmtest::dwtest p-value, alternative "greater" (positive autocorrelation). */
    p: number | null;
    pMethod: 'exact' | 'normal' | 'none' | null;
    dL: number | null;
    dU: number | null;
    decision: DurbinWatsonDecision | 'bounds-not-defined' | null;
    /** Why dL/dU are missing (English). */
    boundsReason?: string;
    verdict: Verdict;
    error?: string;
  };
  breuschPagan: { statistic: number | null; df: number | null; p: number | null; verdict: Verdict; error?: string };
  breuschPaganOriginal: { statistic: number | null; df: number | null; p: number | null; verdict: Verdict; error?: string };
  glejser: {
    fStatistic: number | null;
    df1: number | null;
    df2: number | null;
    p: number | null;
    coefficients: GlejserCoefficient[];
    verdict: Verdict;
    error?: string;
  };
  shapiroWilk: { w: number | null; p: number | null; verdict: Verdict; error?: string };
  kolmogorovSmirnov: {
    d: number | null;
    p: number | null;
    lillieforsP: number | null;
    /** Verdict on the asymptotic (SPSS NPAR TESTS) p. */
    verdict: Verdict;
    /** Verdict on the Lilliefors-corrected p (parameters estimated). */
    lillieforsVerdict: Verdict;
    error?: string;
  };
}

/**
 * The classic OLS assumption tests ("uji asumsi klasik") on one fitted model, with verdicts
 * in Bahasa Indonesia and English at level alpha (default 0.05):
 * - normality of residuals: Shapiro-Wilk (R shapiro.test) and one-sample Kolmogorov-Smirnov
 *   (SPSS asymptotic p, plus the Lilliefors p);
 * - heteroskedasticity: Breusch-Pagan, Koenker's studentised (lmtest::bptest default) and the
 *   original, with Z = the design matrix; Glejser (|e| on the predictors, verdict from the
 *   smallest predictor p, as in SPSS practice);
 * - autocorrelation: Durbin-Watson statistic with lmtest::dwtest's p and the Savin-White
 *   style bounds dL, dU for k' regressors (decision by the bounds test; when the bounds are
 *   not defined, e.g. small n or no intercept, the verdict uses the dwtest p-value).
 * Multicollinearity (tolerance/VIF) is computed elsewhere. Aliased (linearly dependent)
 * columns of X are dropped before the tests. A test that cannot be computed gets null
 * numbers, an `error` and a verdict with ok = null; the others still run.
 */
export function classicAssumptions(input: ClassicAssumptionsInput): ClassicAssumptionsResult {
  const { residuals, names, hasIntercept } = input;
  const alpha = input.alpha ?? 0.05;
  const n = residuals.length;
  if (input.X.length !== n) throw new RangeError(`classicAssumptions: X has ${input.X.length} rows but there are ${n} residuals.`);
  if (names.length !== (n > 0 ? input.X[0].length : 0)) throw new RangeError('classicAssumptions: names must match the columns of X.');

  // Keep the linearly independent columns, in their original order.
  const qr = householderQr(input.X);
  const keptIdx = qr.pivot.slice(0, qr.rank).sort((a, b) => a - b);
  const X = input.X.map((row) => keptIdx.map((j) => row[j]));
  const keptNames = keptIdx.map((j) => names[j]);
  const interceptIdx = hasIntercept ? keptIdx.findIndex((j) => input.X.every((row) => row[j] === 1)) : -1;
  const k = keptIdx.length - (interceptIdx >= 0 ? 1 : 0);

  // --- Normality
  let sw: ClassicAssumptionsResult['shapiroWilk'];
  try {
    const r = shapiroWilk(residuals);
    sw = { w: r.w, p: r.p, verdict: normalityVerdict(r.p, alpha, { id: 'Shapiro-Wilk ', en: 'Shapiro-Wilk ' }) };
  } catch (e) {
    sw = { w: null, p: null, error: message(e), verdict: unavailable({ id: 'Uji Shapiro-Wilk', en: 'The Shapiro-Wilk test' }, message(e)) };
  }
  let ks: ClassicAssumptionsResult['kolmogorovSmirnov'];
  try {
    const r = kolmogorovSmirnovNormal(residuals);
    const lp = Number.isFinite(r.lillieforsP) ? r.lillieforsP : null;
    ks = {
      d: r.d,
      p: r.p,
      lillieforsP: lp,
      verdict: normalityVerdict(r.p, alpha, { id: 'Kolmogorov-Smirnov ', en: 'Kolmogorov-Smirnov ' }),
      lillieforsVerdict:
        lp === null
          ? unavailable({ id: 'Koreksi Lilliefors', en: 'The Lilliefors correction' }, 'n < 5')
          : normalityVerdict(lp, alpha, { id: 'Kolmogorov-Smirnov, koreksi Lilliefors ', en: 'Kolmogorov-Smirnov, Lilliefors correction ' }),
    };
  } catch (e) {
    const v = unavailable({ id: 'Uji Kolmogorov-Smirnov', en: 'The Kolmogorov-Smirnov test' }, message(e));
    ks = { d: null, p: null, lillieforsP: null, error: message(e), verdict: v, lillieforsVerdict: v };
  }

  // --- Heteroskedasticity
  const bp = (studentize: boolean): ClassicAssumptionsResult['breuschPagan'] => {
    const label = studentize ? 'Breusch-Pagan (Koenker) ' : 'Breusch-Pagan ';
    try {
      const r = breuschPagan(residuals, X, { studentize });
      return { statistic: r.statistic, df: r.df, p: r.p, verdict: heteroVerdict(r.p, alpha, label) };
    } catch (e) {
      return { statistic: null, df: null, p: null, error: message(e), verdict: unavailable({ id: `Uji ${label.trim()}`, en: `The ${label.trim()} test` }, message(e)) };
    }
  };
  const bpK = bp(true);
  const bpO = bp(false);

  let gl: ClassicAssumptionsResult['glejser'];
  try {
    const r = glejser(residuals, X, { names: keptNames, hasIntercept: interceptIdx >= 0 });
    const verdict = glejserVerdict(r.coefficients, interceptIdx >= 0 ? keptNames[interceptIdx]! : '(Intercept)', alpha);
    gl = { fStatistic: r.fStatistic, df1: r.df1, df2: r.df2, p: r.p, coefficients: r.coefficients, verdict };
  } catch (e) {
    gl = { fStatistic: null, df1: null, df2: null, p: null, coefficients: [], error: message(e), verdict: unavailable({ id: 'Uji Glejser', en: 'The Glejser test' }, message(e)) };
  }

  // --- Autocorrelation
  let dw: ClassicAssumptionsResult['durbinWatson'];
  try {
    const r = durbinWatson(residuals, X);
    const bounds =
      interceptIdx >= 0
        ? durbinWatsonBounds(n, k, alpha)
        : { defined: false as const, reason: 'The Durbin-Watson bounds assume a model with an intercept.' };
    if (bounds.defined) {
      const decision = durbinWatsonDecision(r.statistic, bounds.dL, bounds.dU);
      dw = { statistic: r.statistic, p: r.p, pMethod: r.method, dL: bounds.dL, dU: bounds.dU, decision, verdict: dwVerdict(r.statistic, bounds.dL, bounds.dU, decision) };
    } else {
      const positive = r.method !== 'none' && r.p < alpha;
      const d = (l: 'id' | 'en') => `d = ${fmt3(r.statistic, l)}, ${r.method === 'none' ? (l === 'id' ? 'p tidak tersedia' : 'p not available') : pText(r.p, alpha, l)}`;
      const verdict: Verdict =
        r.method === 'none'
          ? { id: `Tidak dapat disimpulkan (${d('id')}; batas dL/dU tidak terdefinisi)`, en: `Inconclusive (${d('en')}; dL/dU bounds not defined)`, ok: null }
          : positive
            ? { id: `Autokorelasi positif (${d('id')}; batas dL/dU tidak terdefinisi)`, en: `Positive autocorrelation (${d('en')}; dL/dU bounds not defined)`, ok: false }
            : { id: `Tidak ada autokorelasi positif (${d('id')}; batas dL/dU tidak terdefinisi)`, en: `No positive autocorrelation (${d('en')}; dL/dU bounds not defined)`, ok: true };
      dw = { statistic: r.statistic, p: r.method === 'none' ? null : r.p, pMethod: r.method, dL: null, dU: null, decision: 'bounds-not-defined', boundsReason: bounds.reason, verdict };
    }
  } catch (e) {
    dw = { statistic: null, p: null, pMethod: null, dL: null, dU: null, decision: null, error: message(e), verdict: unavailable({ id: 'Uji Durbin-Watson', en: 'The Durbin-Watson test' }, message(e)) };
  }

  return { n, k, alpha, durbinWatson: dw, breuschPagan: bpK, breuschPaganOriginal: bpO, glejser: gl, shapiroWilk: sw, kolmogorovSmirnov: ks };
}
