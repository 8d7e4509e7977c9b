/**
 * Linear regression with the tables SPSS prints (Model Summary, ANOVA, Coefficients,
 * Collinearity Diagnostics) plus R's car::vif GVIF, from rows of records.
 *
 * Fit: `olsFit` (QR; R's lm / lm(weights=) semantics, see ./ols). Model building: see
 * ./modelFrame (listwise deletion, treatment-coded factors named `name=level`).
 *
 * - Coefficients: B, SE, t, two-sided p, 95% CI B ± qt(0.975, df) SE (R's confint.lm).
 * - Standardised Beta (SPSS): B × sd(x)/sd(y), with weighted SDs under weights
 *   (SPSS WLS); null for the intercept.
 * - Tolerance and VIF per column as SPSS (VIF = 1/(1-R²_j), R²_j of the column on the other
 *   predictors), computed as the diagonal of the inverse of cov2cor(vcov) without the
 *   intercept, which equals SPSS's definition and car::vif for one-column terms.
 * - GVIF per term (Fox & Monette 1992, as car::vif): det(R11) det(R22) / det(R) of the
 *   correlation matrix of the estimates; reported with GVIF^(1/(2 Df)).
 * - Collinearity diagnostics as SPSS (Belsley, Kuh & Welsch 1980): eigenvalues of the
 *   cross-product of the (weighted) design matrix, constant included, every column scaled
 *   to unit length; condition index sqrt(max eigenvalue / eigenvalue); variance proportions
 *   (v_jk² / λ_k) / Σ_k (v_jk² / λ_k).
 * - Residual diagnostics: ZPRED (fitted values standardised by their mean and SD, weighted
 *   when weights are given), SRESID (internally studentised residuals as R's rstandard:
 *   sqrt(w) e / (s sqrt(1 - h)); NaN for zero-weight cases), leverage (R's hatvalues).
 * - GVIF Df counts the term's non-aliased columns.
 * Aliased columns (rank deficiency) are listed by name; their rows carry null statistics.
 */
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import { inversePositiveDefinite, logDetPositiveDefinite, symmetricEigen } from '../linalg/symmetric';
import { buildModelFrame, type ModelSpec, type ModelTerm } from './modelFrame';
import { olsFit } from './ols';
import type { OlsFit } from './types';

export interface LinearRegressionSpec extends ModelSpec {
  /** Confidence level of the coefficient intervals (default 0.95). */
  confidence?: number;
}

export interface CoefficientRow {
  term: string;
  /** null when the column is aliased (linearly dependent on earlier ones). */
  estimate: number | null;
  se: number | null;
  /** t statistic. */
  statistic: number | null;
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Standardised coefficient (SPSS Beta); null for the intercept. */
  beta: number | null;
  tolerance: number | null;
  vif: number | null;
}

export interface GvifRow {
  term: string;
  gvif: number | null;
  df: number;
  /** GVIF^(1/(2 Df)), comparable to sqrt(VIF) across terms. */
  gvifAdjusted: number | null;
}

export interface CollinearityDimension {
  dimension: number;
  eigenvalue: number;
  conditionIndex: number;
  /** Variance proportions, one per design column in `collinearity.columns` order. */
  varianceProportions: number[];
}

export interface LinearRegressionResult {
  /** Cases used in the fit (listwise complete). */
  n: number;
  /** Cases excluded for a missing value. */
  nExcluded: number;
  /** Cases with a non-zero weight (= n without weights). */
  nObs: number;
  response: string;
  terms: ModelTerm[];
  aliased: string[];
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
  modelSummary: { r: number; rSquared: number; adjRSquared: number; seEstimate: number };
  anova: {
    regression: { ss: number; df: number; ms: number; f: number; p: number };
    residual: { ss: number; df: number; ms: number };
    total: { ss: number; df: number };
  };
  collinearity: { columns: string[]; dimensions: CollinearityDimension[] };
  gvif: GvifRow[];
  design: { columnNames: string[]; X: number[][]; rowIndex: number[]; weights?: number[] };
  y: number[];
  fitted: number[];
  residuals: number[];
  zpred: number[];
  sresid: number[];
  leverage: number[];
  fit: OlsFit;
}

function weightedMeanSd(v: readonly number[], w: readonly number[] | undefined): { mean: number; sd: number } {
  const ww = w ?? v.map(() => 1);
  let sw = 0;
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    sw += ww[i];
    s += ww[i] * v[i];
  }
  const mean = s / sw;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += ww[i] * (v[i] - mean) ** 2;
  // frequency-weight convention (SPSS): denominator sum(w) - 1
  return { mean, sd: Math.sqrt(ss / (sw - 1)) };
}

/** Fit a linear regression from records and build the SPSS-style tables (see module comment). */
export function linearRegression(spec: LinearRegressionSpec): LinearRegressionResult {
  const frame = buildModelFrame(spec);
  if (frame.nUsed === 0) throw new Error('No complete cases: every row has a missing value in the model variables');
  const y = frame.yRaw.map((v, k) => {
    const t = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isFinite(t)) throw new Error(`Response "${spec.y}" has the non-numeric value "${String(v)}" in row ${frame.rowIndex[k] + 1}`);
    return t;
  });
  const names = frame.columnNames;
  const fit = olsFit({ y, X: frame.X, names, weights: frame.weights, hasIntercept: frame.hasIntercept });
  const p = names.length;
  const aliasedSet = new Set(fit.aliased);
  const df = fit.dfResidual;
  const level = spec.confidence ?? 0.95;
  const q = df > 0 ? tquantile(1 - (1 - level) / 2, df) : NaN;

  // rows with non-zero weight, for SDs / standardisation (zero weights do not enter the fit)
  const w = frame.weights;
  const inFit = frame.X.map((_, i) => !w || w[i] > 0);
  const pick = <T,>(a: readonly T[]): T[] => a.filter((_, i) => inFit[i]);
  const wFit = w ? pick(w) : undefined;
  const ySd = weightedMeanSd(pick(y), wFit).sd;

  // VIF / tolerance / GVIF from cov2cor of vcov without the intercept and aliased columns
  const slopeCols = names.map((_, j) => j).filter((j) => !(frame.hasIntercept && j === 0) && !aliasedSet.has(names[j]));
  const V = fit.covUnscaled;
  const corr = slopeCols.map((a) => slopeCols.map((b) => V[a][b] / Math.sqrt(V[a][a] * V[b][b])));
  const vifByCol = new Map<number, number>();
  let logDetAll = NaN;
  if (slopeCols.length > 0) {
    try {
      const inv = inversePositiveDefinite(corr);
      slopeCols.forEach((j, k) => vifByCol.set(j, inv[k][k]));
      logDetAll = logDetPositiveDefinite(corr);
    } catch {
      // numerically singular correlation of the estimates (extreme collinearity short of aliasing): VIFs left null
    }
  }
  const sub = (keep: number[]): number[][] => keep.map((a) => keep.map((b) => corr[a][b]));
  const gvif: GvifRow[] = frame.terms.map((term) => {
    const inside = term.columns.map((c) => slopeCols.indexOf(c)).filter((k) => k >= 0);
    const df = inside.length;
    if (df === 0 || Number.isNaN(logDetAll)) return { term: term.name, gvif: null, df, gvifAdjusted: null };
    const outside = slopeCols.map((_, k) => k).filter((k) => !inside.includes(k));
    const g = Math.exp(logDetPositiveDefinite(sub(inside)) + (outside.length ? logDetPositiveDefinite(sub(outside)) : 0) - logDetAll);
    return { term: term.name, gvif: g, df, gvifAdjusted: g ** (1 / (2 * df)) };
  });

  const coefficients: CoefficientRow[] = names.map((term, j) => {
    if (aliasedSet.has(term)) {
      return { term, estimate: null, se: null, statistic: null, p: null, ciLow: null, ciHigh: null, beta: null, tolerance: null, vif: null };
    }
    const b = fit.coefficients[j];
    const se = fit.standardErrors[j];
    const isIntercept = frame.hasIntercept && j === 0;
    const vif = vifByCol.get(j);
    const xSd = isIntercept ? NaN : weightedMeanSd(pick(frame.X.map((r) => r[j])), wFit).sd;
    return {
      term,
      estimate: b,
      se,
      statistic: fit.tValues[j],
      p: fit.pValues[j],
      ciLow: b - q * se,
      ciHigh: b + q * se,
      beta: isIntercept ? null : (b * xSd) / ySd,
      tolerance: vif === undefined ? null : 1 / vif,
      vif: vif ?? null,
    };
  });

  // SPSS collinearity diagnostics on the kept columns of sqrt(w) X scaled to unit length
  const keptCols = names.map((_, j) => j).filter((j) => !aliasedSet.has(names[j]));
  const rowsFit = frame.X.map((r, i) => ({ r, s: w ? Math.sqrt(w[i]) : 1 })).filter((_, i) => inFit[i]);
  const colNorm = keptCols.map((j) => Math.sqrt(rowsFit.reduce((s, { r, s: sw }) => s + (r[j] * sw) ** 2, 0)));
  const cross = keptCols.map((a, ia) =>
    keptCols.map((b, ib) => rowsFit.reduce((s, { r, s: sw }) => s + r[a] * sw * r[b] * sw, 0) / (colNorm[ia] * colNorm[ib])),
  );
  const eig = symmetricEigen(cross);
  const phi = keptCols.map((_, j) => eig.values.map((lam, k) => eig.vectors[j][k] ** 2 / lam));
  const phiSum = phi.map((row) => row.reduce((s, v) => s + v, 0));
  const dimensions: CollinearityDimension[] = eig.values.map((lam, k) => ({
    dimension: k + 1,
    eigenvalue: lam,
    conditionIndex: Math.sqrt(eig.values[0] / lam),
    varianceProportions: keptCols.map((_, j) => phi[j][k] / phiSum[j]),
  }));

  // ZPRED and SRESID
  const { mean: fMean, sd: fSd } = weightedMeanSd(pick(fit.fitted), wFit);
  const zpred = fit.fitted.map((f) => (f - fMean) / fSd);
  const sresid = fit.residuals.map((e, i) => {
    if (!inFit[i]) return NaN; // zero weight: not part of the fit (R's rstandard omits such cases)
    const sw = w ? Math.sqrt(w[i]) : 1;
    return (sw * e) / (fit.sigma * Math.sqrt(1 - fit.leverage[i]));
  });

  const dfReg = fit.fDf1;
  const ssReg = fit.tss - fit.rss;
  return {
    n: frame.nUsed,
    nExcluded: frame.nExcluded,
    nObs: fit.nObs,
    response: spec.y,
    terms: frame.terms,
    aliased: fit.aliased,
    coefficients,
    rSquared: fit.rSquared,
    adjRSquared: fit.adjRSquared,
    residualSE: fit.sigma,
    fStatistic: fit.fStatistic,
    fDf1: fit.fDf1,
    fDf2: fit.fDf2,
    fP: fit.fP,
    logLik: fit.logLik,
    aic: fit.aic,
    bic: fit.bic,
    modelSummary: { r: Math.sqrt(fit.rSquared), rSquared: fit.rSquared, adjRSquared: fit.adjRSquared, seEstimate: fit.sigma },
    anova: {
      regression: { ss: ssReg, df: dfReg, ms: ssReg / dfReg, f: fit.fStatistic, p: fit.fP },
      residual: { ss: fit.rss, df: fit.dfResidual, ms: fit.rss / fit.dfResidual },
      total: { ss: fit.tss, df: fit.nObs - (frame.hasIntercept ? 1 : 0) },
    },
    collinearity: { columns: keptCols.map((j) => names[j]), dimensions },
    gvif,
    design: { columnNames: names, X: frame.X, rowIndex: frame.rowIndex, weights: frame.weights },
    y,
    fitted: fit.fitted,
    residuals: fit.residuals,
    zpred,
    sresid,
    leverage: fit.leverage,
    fit,
  };
}
