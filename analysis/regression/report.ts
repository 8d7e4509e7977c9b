/**
 * One regression "report": what the Regression view, the saved analyses and the `kajian regress`
 * CLI show, assembled from the pure statistics next to this file (no statistics of its own
 * except the large-n Durbin-Watson bounds below):
 *
 * - linear: `linearRegression` (./linear: SPSS tables, VIF/GVIF, collinearity diagnostics,
 *   ZPRED/SRESID) + the classic assumption tests (./assumptions `classicAssumptions`) +
 *   residual plot data (../normality `normalityPlotData`) + the ZPRED x SRESID scatter.
 * - logistic: `logisticRegression` (./logistic) + tolerance/VIF of the same design (they depend
 *   on the predictors only, so they are taken from a linear fit of the row number on the same
 *   design, as SPSS users obtain them).
 *
 * Large n. `classicAssumptions` computes the Durbin-Watson bounds dL/dU exactly (Imhof on n
 * eigenvalues), which costs about 1 s at n = 2,000 and grows faster than n. The printed
 * Savin-White tables stop at n = 2,000, so beyond LARGE_N (intercept models) dL/dU are the
 * alpha-quantiles of the two bounding distributions by a Cornish-Fisher expansion (mean,
 * variance and skewness of sum(lambda z²)/sum(z²), which are exact; within 3e-6 of the exact
 * bounds at n = 2,000, see electron/cli/regression.test.ts), and the tests are computed by
 * `classicAssumptionsFast` from one shared QR of X in typed arrays (the same formulas as the
 * functions classicAssumptions calls; `classicAssumptionsLargeN` runs those functions one by
 * one and is the reference it is tested against in report.test.ts). Shapiro-Wilk is defined
 * for 3 <= n <= 5,000 (Royston's algorithm, as R's shapiro.test); above that its fields are
 * null with the reason.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { chiSquareUpper } from '../distributions/chisquare-upper';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { kolmogorovSmirnovNormal, normalityPlotData, shapiroWilk, type NormalityPlotData } from '../normality';
import {
  breuschPagan,
  classicAssumptions,
  durbinWatson,
  durbinWatsonDecision,
  glejser,
  type ClassicAssumptionsResult,
} from './assumptions';
import { dwVerdict, errorMessage, glejserVerdict, heteroVerdict, normalityVerdict, unavailable } from './assumptions/verdicts';
import { linearRegression, type CoefficientRow, type CollinearityDimension, type GvifRow, type LinearRegressionResult } from './linear';
import { logisticRegression, type LogisticRegressionResult } from './logistic';
import { fUpperTail, tTwoSided } from './ols';
import type { DataRow, ModelTerm } from './modelFrame';

/** Above this n the assumption tests are run one by one with approximate DW bounds (see module comment). */
export const LARGE_N = 2000;
/** Plots carry at most this many points (evenly spaced in sorted order; the tests always use every case). */
export const MAX_PLOT_POINTS = 4000;

export interface RegressionRequest {
  rows: readonly DataRow[];
  y: string;
  x: readonly string[];
  factors?: readonly string[];
  reference?: Readonly<Record<string, string>>;
  intercept?: boolean;
  logistic?: boolean;
  /** Logistic: outcome value counted as the event (default: a 0/1 outcome, event 1). */
  event?: string;
  /** Logistic classification cut-off (default 0.5). */
  cutoff?: number;
  /** Significance level of the verdicts (default 0.05). */
  alpha?: number;
}

export interface ResidualPlots {
  /** Histogram with the normal curve, P-P and Q-Q of the unstandardised residuals. */
  normality: NormalityPlotData;
  /** Regression standardised predicted value (ZPRED) against studentised residual (SRESID). */
  scatter: { zpred: number; sresid: number }[];
  /** True when pp/qq/scatter were thinned to MAX_PLOT_POINTS points. */
  thinned: boolean;
}

export interface LinearReport {
  kind: 'linear';
  n: number;
  nExcluded: number;
  response: string;
  terms: ModelTerm[];
  aliased: string[];
  hasIntercept: boolean;
  coefficients: CoefficientRow[];
  rSquared: number;
  adjRSquared: number;
  residualSE: number;
  fStatistic: number;
  fDf1: number;
  fDf2: number;
  fP: number;
  logLik: number;
  aic: number;
  bic: number;
  modelSummary: LinearRegressionResult['modelSummary'];
  anova: LinearRegressionResult['anova'];
  collinearity: { columns: string[]; dimensions: CollinearityDimension[] };
  gvif: GvifRow[];
  assumptions: ClassicAssumptionsResult;
  /** 'exact': classicAssumptions as is; 'large-n': tests one by one, approximate dL/dU. */
  assumptionsMethod: 'exact' | 'large-n';
  plots: ResidualPlots | null;
}

export interface LogisticReport extends Omit<LogisticRegressionResult, 'design' | 'y' | 'fitted' | 'linearPredictor'> {
  kind: 'logistic';
  /** Tolerance and VIF per design column (null for the intercept and aliased columns). */
  collinearity: { term: string; tolerance: number | null; vif: number | null }[];
}

export type RegressionReport = LinearReport | LogisticReport;

/** Evenly spaced indices 0..n-1, at most `max` of them, always including the ends. */
function thinIndex(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
}

/**
 * alpha-quantile of R = sum(lambda z²)/sum(z²), z iid N(0,1): Cornish-Fisher with the exact mean
 * mean(lambda), variance 2 S2/(m(m+2)) and third central moment 8 S3/(m(m+2)(m+4)), S_k the k-th
 * central power sum of lambda (R is independent of sum z², so its moments follow from those of
 * the quadratic form; Durbin & Watson 1950).
 */
function ratioQuantileApprox(lambda: readonly number[], alpha: number): number {
  const m = lambda.length;
  let mean = 0;
  for (const l of lambda) mean += l;
  mean /= m;
  let s2 = 0;
  let s3 = 0;
  for (const l of lambda) {
    const d = l - mean;
    s2 += d * d;
    s3 += d * d * d;
  }
  const variance = (2 * s2) / (m * (m + 2));
  const mu3 = (8 * s3) / (m * (m + 2) * (m + 4));
  const sd = Math.sqrt(variance);
  const skew = mu3 / (sd * sd * sd);
  const z = normalQuantile(alpha, 0, 1);
  return mean + sd * (z + ((z * z - 1) * skew) / 6);
}

/** Durbin-Watson dL/dU for large n by ratioQuantileApprox on the bounding eigenvalues (as durbinWatsonBounds). */
export function durbinWatsonBoundsApprox(n: number, k: number, alpha = 0.05): { dL: number; dU: number } {
  const m = n - k - 1;
  const lam = (from: number, to: number): number[] => {
    const out = new Array<number>(to - from + 1);
    for (let j = from; j <= to; j++) out[j - from] = 2 * (1 - Math.cos((Math.PI * j) / n));
    return out;
  };
  return { dL: ratioQuantileApprox(lam(1, m), alpha), dU: ratioQuantileApprox(lam(k + 1, n - 1), alpha) };
}

/** Shapiro-Wilk (null with its reason outside 3..5000) and K-S with the Lilliefors p: the same in both large-n paths. */
function normalityTests(residuals: readonly number[], alpha: number): Pick<ClassicAssumptionsResult, 'shapiroWilk' | 'kolmogorovSmirnov'> {
  let shapiroWilkResult: ClassicAssumptionsResult['shapiroWilk'];
  try {
    const r = shapiroWilk(residuals);
    shapiroWilkResult = { w: r.w, p: r.p, verdict: normalityVerdict(r.p, alpha, { id: 'Shapiro-Wilk ', en: 'Shapiro-Wilk ' }) };
  } catch (e) {
    shapiroWilkResult = { w: null, p: null, error: errorMessage(e), verdict: unavailable({ id: 'Uji Shapiro-Wilk', en: 'The Shapiro-Wilk test' }, errorMessage(e)) };
  }
  const ksr = kolmogorovSmirnovNormal(residuals);
  const lp = Number.isFinite(ksr.lillieforsP) ? ksr.lillieforsP : null;
  return {
    shapiroWilk: shapiroWilkResult,
    kolmogorovSmirnov: {
      d: ksr.d,
      p: ksr.p,
      lillieforsP: lp,
      verdict: normalityVerdict(ksr.p, alpha, { id: 'Kolmogorov-Smirnov ', en: 'Kolmogorov-Smirnov ' }),
      lillieforsVerdict:
        lp === null
          ? unavailable({ id: 'Koreksi Lilliefors', en: 'The Lilliefors correction' }, 'n < 5')
          : normalityVerdict(lp, alpha, { id: 'Kolmogorov-Smirnov, koreksi Lilliefors ', en: 'Kolmogorov-Smirnov, Lilliefors correction ' }),
    },
  };
}

/**
 * The classic assumption tests for large n (n > LARGE_N, intercept model): the same tests as
 * classicAssumptions, one by one, with approximate dL/dU (see the module comment). X must be
 * of full column rank (the caller passes the kept columns).
 */
export function classicAssumptionsLargeN(X: readonly (readonly number[])[], residuals: readonly number[], names: readonly string[], alpha = 0.05): ClassicAssumptionsResult {
  const n = residuals.length;
  const k = names.length - 1;
  const normality = normalityTests(residuals, alpha);
  const bp = (studentize: boolean): ClassicAssumptionsResult['breuschPagan'] => {
    const r = breuschPagan(residuals, X, { studentize });
    return { statistic: r.statistic, df: r.df, p: r.p, verdict: heteroVerdict(r.p, alpha, studentize ? 'Breusch-Pagan (Koenker) ' : 'Breusch-Pagan ') };
  };
  const g = glejser(residuals, X, { names, hasIntercept: true });
  const dwr = durbinWatson(residuals, X);
  const { dL, dU } = durbinWatsonBoundsApprox(n, k, alpha);
  const decision = durbinWatsonDecision(dwr.statistic, dL, dU);
  return {
    n,
    k,
    alpha,
    durbinWatson: { statistic: dwr.statistic, p: dwr.p, pMethod: dwr.method, dL, dU, decision, verdict: dwVerdict(dwr.statistic, dL, dU, decision) },
    breuschPagan: bp(true),
    breuschPaganOriginal: bp(false),
    glejser: { fStatistic: g.fStatistic, df1: g.df1, df2: g.df2, p: g.p, coefficients: g.coefficients, verdict: glejserVerdict(g.coefficients, names[0]!, alpha) },
    ...normality,
  };
}

/**
 * One Householder QR of the (full-rank) design, column-major in a Float64Array, shared by every
 * auxiliary regression of the large-n tests: the auxiliary regressions of Breusch-Pagan and
 * Glejser are on the same X, so only Q'z changes. O(n p²) once, then O(n p) per test. No pivoting:
 * the caller has removed aliased columns (a zero pivot throws).
 */
class DesignQr {
  readonly a: Float64Array;
  readonly vtv: Float64Array;
  readonly rdiag: Float64Array;
  constructor(X: readonly (readonly number[])[], readonly n: number, readonly p: number) {
    const a = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      const row = X[i];
      for (let j = 0; j < p; j++) a[j * n + i] = row[j];
    }
    const vtv = new Float64Array(p);
    const rdiag = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const c = j * n;
      let scale = 0;
      for (let i = j; i < n; i++) scale = Math.max(scale, Math.abs(a[c + i]));
      if (!(scale > 0)) throw new RangeError(`column ${j + 1} of the design is linearly dependent on the others`);
      let ss = 0;
      for (let i = j; i < n; i++) ss += (a[c + i] / scale) ** 2;
      const norm = scale * Math.sqrt(ss);
      const alpha = a[c + j] > 0 ? -norm : norm;
      const ajj = a[c + j];
      a[c + j] = ajj - alpha;
      vtv[j] = norm * norm - ajj * ajj + a[c + j] * a[c + j];
      rdiag[j] = alpha;
      for (let k = j + 1; k < p; k++) {
        const ck = k * n;
        let sdot = 0;
        for (let i = j; i < n; i++) sdot += a[c + i] * a[ck + i];
        const f = (2 * sdot) / vtv[j];
        for (let i = j; i < n; i++) a[ck + i] -= f * a[c + i];
      }
    }
    this.a = a;
    this.vtv = vtv;
    this.rdiag = rdiag;
  }
  /** Q'z (a new array). */
  qty(z: ArrayLike<number>): Float64Array {
    const { a, n, p, vtv } = this;
    const out = Float64Array.from(z);
    for (let j = 0; j < p; j++) {
      const c = j * n;
      let sdot = 0;
      for (let i = j; i < n; i++) sdot += a[c + i] * out[i];
      const f = (2 * sdot) / vtv[j];
      for (let i = j; i < n; i++) out[i] -= f * a[c + i];
    }
    return out;
  }
  /** R[i][j] (upper triangle). */
  r(i: number, j: number): number {
    return i === j ? this.rdiag[i] : this.a[j * this.n + i];
  }
  /** Inverse of R (upper triangular), row-major p x p. */
  rInverse(): number[][] {
    const p = this.p;
    const inv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let j = p - 1; j >= 0; j--) {
      inv[j][j] = 1 / this.r(j, j);
      for (let i = j - 1; i >= 0; i--) {
        let s = 0;
        for (let k = i + 1; k <= j; k++) s += this.r(i, k) * inv[k][j];
        inv[i][j] = -s / this.r(i, i);
      }
    }
    return inv;
  }
}

/**
 * The same tests as classicAssumptionsLargeN (and so as classicAssumptions), computed from one
 * shared QR of X in typed arrays for speed at large n: Breusch-Pagan (both, lmtest formulas),
 * Glejser (|e| on X, OLS F and t tests), Durbin-Watson with lmtest's normal-approximation p
 * (the exact mean and variance of d given X) and Cornish-Fisher dL/dU, K-S with Lilliefors p,
 * Shapiro-Wilk (null above n = 5000). X must have full column rank and its first column must be
 * the intercept. Agrees with the one-by-one path to rounding (report.test.ts).
 */
export function classicAssumptionsFast(X: readonly (readonly number[])[], residuals: readonly number[], names: readonly string[], alpha = 0.05): ClassicAssumptionsResult {
  const n = residuals.length;
  const p = names.length;
  const k = p - 1;
  const qr = new DesignQr(X, n, p);
  const normality = normalityTests(residuals, alpha);

  // sum of squares of the fitted part of z on X = sum_{i<p} (Q'z)_i^2
  const fittedSs = (z: ArrayLike<number>): { qz: Float64Array; ssFit: number } => {
    const qz = qr.qty(z);
    let ssFit = 0;
    for (let i = 0; i < p; i++) ssFit += qz[i] * qz[i];
    return { qz, ssFit };
  };
  let sumE2 = 0;
  for (let i = 0; i < n; i++) sumE2 += residuals[i] * residuals[i];
  const sigma2 = sumE2 / n;
  // Breusch-Pagan (lmtest::bptest). Both auxiliary responses are centred (mean 0), so the fitted
  // part of the intercept adds nothing beyond rounding.
  const w = new Float64Array(n);
  let ssw = 0;
  for (let i = 0; i < n; i++) {
    w[i] = residuals[i] * residuals[i] - sigma2;
    ssw += w[i] * w[i];
  }
  const fw = fittedSs(w).ssFit;
  const bpK = (n * fw) / ssw;
  const bpO = 0.5 * (fw / (sigma2 * sigma2));
  const bp = (statistic: number, studentize: boolean): ClassicAssumptionsResult['breuschPagan'] => {
    const pv = chiSquareUpper(statistic, k);
    return { statistic, df: k, p: pv, verdict: heteroVerdict(pv, alpha, studentize ? 'Breusch-Pagan (Koenker) ' : 'Breusch-Pagan ') };
  };

  // Glejser: |e| on X
  const absE = new Float64Array(n);
  let sumAbs = 0;
  for (let i = 0; i < n; i++) {
    absE[i] = Math.abs(residuals[i]);
    sumAbs += absE[i];
  }
  const meanAbs = sumAbs / n;
  let tssAbs = 0;
  for (let i = 0; i < n; i++) tssAbs += (absE[i] - meanAbs) ** 2;
  const { qz } = fittedSs(absE);
  let rssAbs = 0;
  for (let i = p; i < n; i++) rssAbs += qz[i] * qz[i];
  const dfRes = n - p;
  const s2 = rssAbs / dfRes;
  const rinv = qr.rInverse();
  const coef = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) coef[i] += rinv[i][j] * qz[j];
  const coefficients = names.map((name, j) => {
    let v = 0;
    for (let l = j; l < p; l++) v += rinv[j][l] * rinv[j][l];
    const se = Math.sqrt(s2 * v);
    const t = coef[j] / se;
    return { name, estimate: coef[j], standardError: se, t, p: tTwoSided(t, dfRes) };
  });
  const glF = (tssAbs - rssAbs) / k / s2;
  const glP = fUpperTail(glF, k, dfRes);

  // Durbin-Watson: d, and lmtest's normal approximation (mean and variance of d given X)
  let num = 0;
  for (let t = 1; t < n; t++) num += (residuals[t] - residuals[t - 1]) ** 2;
  const d = num / sumE2;
  const Q1 = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (let l = Math.max(i, j); l < p; l++) s += rinv[i][l] * rinv[j][l];
    return s;
  }));
  const xa = X;
  const XAX = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const AXAX = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const ax = new Float64Array(p);
  for (let t = 0; t < n; t++) {
    const row = xa[t];
    for (let j = 0; j < p; j++) {
      ax[j] = t === 0 ? row[j] - xa[1][j] : t === n - 1 ? row[j] - xa[n - 2][j] : -xa[t - 1][j] + 2 * row[j] - xa[t + 1][j];
    }
    for (let i = 0; i < p; i++) {
      const xi = row[i];
      const ai = ax[i];
      const r1 = XAX[i];
      const r2 = AXAX[i];
      for (let j = 0; j < p; j++) {
        r1[j] += xi * ax[j];
        r2[j] += ai * ax[j];
      }
    }
  }
  const mul = (A: number[][], B: number[][]) => A.map((row) => B[0].map((_, j) => row.reduce((s, v, l) => s + v * B[l][j], 0)));
  const trace = (A: number[][]) => A.reduce((s, row, i) => s + row[i], 0);
  const XAXQ = mul(XAX, Q1);
  const P = 2 * (n - 1) - trace(XAXQ);
  const Qv = 2 * (3 * n - 4) - 2 * trace(mul(AXAX, Q1)) + trace(mul(XAXQ, XAXQ));
  const dmean = P / (n - p);
  const dvar = (2 / ((n - p) * (n - p + 2))) * (Qv - P * dmean);
  const dwP = normalCdf(d, dmean, Math.sqrt(dvar));
  const { dL, dU } = durbinWatsonBoundsApprox(n, k, alpha);
  const decision = durbinWatsonDecision(d, dL, dU);
  return {
    n,
    k,
    alpha,
    durbinWatson: { statistic: d, p: dwP, pMethod: 'normal', dL, dU, decision, verdict: dwVerdict(d, dL, dU, decision) },
    breuschPagan: bp(bpK, true),
    breuschPaganOriginal: bp(bpO, false),
    glejser: { fStatistic: glF, df1: k, df2: dfRes, p: glP, coefficients, verdict: glejserVerdict(coefficients, names[0]!, alpha) },
    ...normality,
  };
}

/** The assumption tests for a fitted design, choosing the exact or the large-n path. */
export function assumptionTests(
  X: readonly (readonly number[])[],
  residuals: readonly number[],
  names: readonly string[],
  hasIntercept: boolean,
  aliased: readonly string[],
  alpha = 0.05,
): { result: ClassicAssumptionsResult; method: 'exact' | 'large-n' } {
  if (residuals.length <= LARGE_N || !hasIntercept) return { result: classicAssumptions({ X, residuals, names, hasIntercept, alpha }), method: 'exact' };
  const keep = names.map((_, j) => j).filter((j) => !aliased.includes(names[j]));
  const Xk = keep.length === names.length ? X : X.map((row) => keep.map((j) => row[j]));
  return { result: classicAssumptionsFast(Xk, residuals, keep.map((j) => names[j]), alpha), method: 'large-n' };
}

function residualPlots(lr: LinearRegressionResult): ResidualPlots | null {
  const used = lr.residuals.map((_, i) => i).filter((i) => Number.isFinite(lr.sresid[i]));
  if (used.length < 2) return null;
  const normality = normalityPlotData(used.map((i) => lr.residuals[i]));
  const keep = thinIndex(normality.pp.length, MAX_PLOT_POINTS);
  const thinned = keep.length < normality.pp.length;
  const scatterIdx = thinIndex(used.length, MAX_PLOT_POINTS).map((k) => used[k]);
  return {
    normality: thinned ? { ...normality, pp: keep.map((i) => normality.pp[i]), qq: keep.map((i) => normality.qq[i]) } : normality,
    scatter: scatterIdx.map((i) => ({ zpred: lr.zpred[i], sresid: lr.sresid[i] })),
    thinned,
  };
}

/** Runs a linear or logistic regression and assembles everything the report shows. Throws with a readable message on bad input. */
export function regressionReport(req: RegressionRequest): RegressionReport {
  const spec = { rows: req.rows, y: req.y, x: req.x, factors: req.factors, reference: req.reference, intercept: req.intercept };
  if (req.logistic) {
    const lg = logisticRegression({ ...spec, event: req.event, cutoff: req.cutoff });
    const rows = req.rows.map((r, i) => {
      const v = r[req.y];
      const missing = v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && !Number.isFinite(v));
      return { ...r, [req.y]: missing ? null : i };
    });
    let collinearity: LogisticReport['collinearity'];
    try {
      collinearity = linearRegression({ ...spec, rows }).coefficients.map((c) => ({ term: c.term, tolerance: c.tolerance, vif: c.vif }));
    } catch {
      collinearity = lg.coefficients.map((c) => ({ term: c.term, tolerance: null, vif: null }));
    }
    const { design: _design, y: _y, fitted: _fitted, linearPredictor: _lp, ...rest } = lg;
    return { kind: 'logistic', ...rest, collinearity };
  }
  const lr = linearRegression(spec);
  const { result, method } = assumptionTests(lr.design.X, lr.residuals, lr.design.columnNames, lr.fit.rank > 0 && (req.intercept ?? true), lr.aliased, req.alpha);
  return {
    kind: 'linear',
    n: lr.n,
    nExcluded: lr.nExcluded,
    response: lr.response,
    terms: lr.terms,
    aliased: lr.aliased,
    hasIntercept: req.intercept ?? true,
    coefficients: lr.coefficients,
    rSquared: lr.rSquared,
    adjRSquared: lr.adjRSquared,
    residualSE: lr.residualSE,
    fStatistic: lr.fStatistic,
    fDf1: lr.fDf1,
    fDf2: lr.fDf2,
    fP: lr.fP,
    logLik: lr.logLik,
    aic: lr.aic,
    bic: lr.bic,
    modelSummary: lr.modelSummary,
    anova: lr.anova,
    collinearity: lr.collinearity,
    gvif: lr.gvif,
    assumptions: result,
    assumptionsMethod: method,
    plots: residualPlots(lr),
  };
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/**
 * The `kajian regress --json` document (field names are the public contract of the issue).
 * Numbers at full precision; a number that cannot be computed is null, with `reason` beside it
 * where a test could not run (e.g. Shapiro-Wilk for n > 5000).
 */
export function regressionJson(report: RegressionReport): Record<string, unknown> {
  if (report.kind === 'logistic') {
    const vif = new Map(report.collinearity.map((c) => [c.term, c]));
    return {
      model: 'logistic',
      n: report.n,
      nExcluded: report.nExcluded,
      outcome: report.outcome,
      coefficients: report.coefficients.map((c) => {
        const z = c.estimate !== null && c.se !== null ? normalQuantile(0.975, 0, 1) * c.se : null;
        return {
          term: c.term,
          estimate: num(c.estimate),
          se: num(c.se),
          statistic: num(c.statistic),
          wald: num(c.wald),
          p: num(c.p),
          ciLow: z === null ? null : num((c.estimate as number) - z),
          ciHigh: z === null ? null : num((c.estimate as number) + z),
          beta: null,
          tolerance: num(vif.get(c.term)?.tolerance),
          vif: num(vif.get(c.term)?.vif),
          oddsRatio: num(c.oddsRatio),
          orCiLow: num(c.orLow),
          orCiHigh: num(c.orHigh),
        };
      }),
      logLik: report.logLik,
      aic: report.aic,
      bic: report.bic,
      deviance: report.deviance,
      nullDeviance: report.nullDeviance,
      lrChiSquare: report.lrChiSquare,
      lrDf: report.lrDf,
      lrP: report.lrP,
      mcfadden: report.mcFaddenR2,
      coxSnell: report.coxSnellR2,
      nagelkerke: report.nagelkerkeR2,
      hosmerLemeshow: { statistic: report.hosmerLemeshow.statistic, df: report.hosmerLemeshow.df, p: report.hosmerLemeshow.p },
      classification: {
        cutoff: report.classification.cutoff,
        /** rows = observed (non-event, event), columns = predicted (non-event, event) */
        table: report.classification.counts,
        accuracy: report.classification.accuracy,
      },
      converged: report.converged,
      iterations: report.iterations,
      separation: report.separation.kind,
      warnings: report.warnings.map((w) => w.message),
    };
  }
  const a = report.assumptions;
  const reason = (e?: string) => (e ? { reason: e } : {});
  return {
    model: 'linear',
    n: report.n,
    nExcluded: report.nExcluded,
    aliased: report.aliased,
    coefficients: report.coefficients.map((c) => ({
      term: c.term,
      estimate: num(c.estimate),
      se: num(c.se),
      statistic: num(c.statistic),
      p: num(c.p),
      ciLow: num(c.ciLow),
      ciHigh: num(c.ciHigh),
      beta: num(c.beta),
      tolerance: num(c.tolerance),
      vif: num(c.vif),
    })),
    rSquared: report.rSquared,
    adjRSquared: report.adjRSquared,
    residualSE: report.residualSE,
    fStatistic: num(report.fStatistic),
    fDf1: report.fDf1,
    fDf2: report.fDf2,
    fP: num(report.fP),
    logLik: report.logLik,
    aic: report.aic,
    bic: report.bic,
    durbinWatson: {
      statistic: a.durbinWatson.statistic,
      p: a.durbinWatson.p,
      pMethod: a.durbinWatson.pMethod,
      dL: a.durbinWatson.dL,
      dU: a.durbinWatson.dU,
      decision: a.durbinWatson.decision,
      boundsMethod: report.assumptionsMethod === 'exact' ? 'imhof' : 'cornish-fisher',
      ...reason(a.durbinWatson.error ?? a.durbinWatson.boundsReason),
    },
    breuschPagan: { statistic: a.breuschPagan.statistic, df: a.breuschPagan.df, p: a.breuschPagan.p, ...reason(a.breuschPagan.error) },
    breuschPaganOriginal: { statistic: a.breuschPaganOriginal.statistic, df: a.breuschPaganOriginal.df, p: a.breuschPaganOriginal.p, ...reason(a.breuschPaganOriginal.error) },
    glejser: {
      fStatistic: a.glejser.fStatistic,
      df1: a.glejser.df1,
      df2: a.glejser.df2,
      p: a.glejser.p,
      coefficients: a.glejser.coefficients.map((c) => ({ term: c.name, estimate: num(c.estimate), se: num(c.standardError), statistic: num(c.t), p: num(c.p) })),
      ...reason(a.glejser.error),
    },
    shapiroWilk: { w: a.shapiroWilk.w, p: a.shapiroWilk.p, ...reason(a.shapiroWilk.error) },
    kolmogorovSmirnov: { d: a.kolmogorovSmirnov.d, p: a.kolmogorovSmirnov.p, lillieforsP: a.kolmogorovSmirnov.lillieforsP, ...reason(a.kolmogorovSmirnov.error) },
    verdicts: {
      shapiroWilk: a.shapiroWilk.verdict,
      kolmogorovSmirnov: a.kolmogorovSmirnov.verdict,
      breuschPagan: a.breuschPagan.verdict,
      breuschPaganOriginal: a.breuschPaganOriginal.verdict,
      glejser: a.glejser.verdict,
      durbinWatson: a.durbinWatson.verdict,
    },
  };
}
