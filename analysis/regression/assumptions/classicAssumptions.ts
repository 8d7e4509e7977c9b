import { formatNumber } from '../../format';
import { kolmogorovSmirnovNormal } from '../../normality/kolmogorovSmirnov';
import { shapiroWilk } from '../../normality/shapiroWilk';
import { breuschPagan } from './breuschPagan';
import { durbinWatson } from './durbinWatson';
import { durbinWatsonBounds, durbinWatsonDecision, type DurbinWatsonDecision } from './durbinWatsonBounds';
import { glejser, type GlejserCoefficient } from './glejser';
import { householderQr } from './linalg';

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

const fmt = (v: number, locale: 'id' | 'en'): string => formatNumber(v, locale, 3);

/** "p = 0,214 > 0,05" / "p < 0,001" style comparison of p with alpha. */
function pText(p: number, alpha: number, locale: 'id' | 'en'): string {
  const a = formatNumber(alpha, locale, alpha * 100 === Math.round(alpha * 100) ? 2 : 3);
  if (p < 0.001) return `p < ${fmt(0.001, locale)}`;
  const relation = p < alpha ? '<' : p > alpha ? '>' : '=';
  return `p = ${fmt(p, locale)} ${relation} ${a}`;
}

function unavailable(what: { id: string; en: string }, reason: string): Verdict {
  return { id: `${what.id} tidak dapat dihitung: ${reason}`, en: `${what.en} could not be computed: ${reason}`, ok: null };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function normalityVerdict(p: number, alpha: number, label: { id: string; en: string }): Verdict {
  const ok = p >= alpha;
  return {
    id: `${ok ? 'Residual berdistribusi normal' : 'Residual tidak berdistribusi normal'} (${label.id}${pText(p, alpha, 'id')})`,
    en: `${ok ? 'Residuals are normally distributed' : 'Residuals are not normally distributed'} (${label.en}${pText(p, alpha, 'en')})`,
    ok,
  };
}

function heteroVerdict(p: number, alpha: number, label: string): Verdict {
  const ok = p >= alpha;
  return {
    id: `${ok ? 'Tidak terjadi heteroskedastisitas' : 'Terjadi heteroskedastisitas'} (${label}${pText(p, alpha, 'id')})`,
    en: `${ok ? 'No heteroskedasticity' : 'Heteroskedasticity present'} (${label}${pText(p, alpha, 'en')})`,
    ok,
  };
}

function dwVerdict(d: number, dL: number, dU: number, decision: DurbinWatsonDecision): Verdict {
  const t = (locale: 'id' | 'en') => {
    const [D, L, U, L4, U4] = [d, dL, dU, 4 - dL, 4 - dU].map((v) => fmt(v, locale));
    switch (decision) {
      case 'positive':
        return `d = ${D} < dL = ${L}`;
      case 'inconclusive-positive':
        return `dL = ${L} ≤ d = ${D} ≤ dU = ${U}`;
      case 'none':
        return `dU = ${U} < d = ${D} < 4 − dU = ${U4}`;
      case 'inconclusive-negative':
        return `4 − dU = ${U4} ≤ d = ${D} ≤ 4 − dL = ${L4}`;
      case 'negative':
        return `d = ${D} > 4 − dL = ${L4}`;
    }
  };
  const words: Record<DurbinWatsonDecision, [string, string, boolean | null]> = {
    positive: ['Autokorelasi positif', 'Positive autocorrelation', false],
    'inconclusive-positive': ['Tidak dapat disimpulkan', 'Inconclusive', null],
    none: ['Tidak ada autokorelasi', 'No autocorrelation', true],
    'inconclusive-negative': ['Tidak dapat disimpulkan', 'Inconclusive', null],
    negative: ['Autokorelasi negatif', 'Negative autocorrelation', false],
  };
  const [id, en, ok] = words[decision];
  return { id: `${id} (${t('id')})`, en: `${en} (${t('en')})`, ok };
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
    const predictors = r.coefficients.filter((c) => c.name !== (interceptIdx >= 0 ? keptNames[interceptIdx] : '(Intercept)') && Number.isFinite(c.p));
    let verdict: Verdict;
    if (predictors.length === 0) {
      verdict = unavailable({ id: 'Uji Glejser', en: 'The Glejser test' }, 'no predictors');
    } else {
      const worst = predictors.reduce((a, b) => (b.p < a.p ? b : a));
      const ok = worst.p >= alpha;
      const detail = (l: 'id' | 'en') =>
        ok
          ? `Glejser: ${l === 'id' ? 'p terkecil' : 'smallest p'} ${pText(worst.p, alpha, l).replace(/^p /, '')}, ${worst.name}`
          : `Glejser: ${worst.name}, ${pText(worst.p, alpha, l)}`;
      verdict = {
        id: `${ok ? 'Tidak terjadi heteroskedastisitas' : 'Terjadi heteroskedastisitas'} (${detail('id')})`,
        en: `${ok ? 'No heteroskedasticity' : 'Heteroskedasticity present'} (${detail('en')})`,
        ok,
      };
    }
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
      const d = (l: 'id' | 'en') => `d = ${fmt(r.statistic, l)}, ${r.method === 'none' ? (l === 'id' ? 'p tidak tersedia' : 'p not available') : pText(r.p, alpha, l)}`;
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
