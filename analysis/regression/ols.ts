/**
 * Ordinary and weighted least squares, the low-level fit behind linear regression,
 * the assumption tests and the series trends. Reproduces R's lm()/summary.lm():
 *
 * - Solved by Householder QR with dqrdc2-style limited pivoting (see ../linalg/qr), never
 *   by the normal equations. Columns linearly dependent on earlier ones (relative tolerance
 *   `tol`, default 1e-9; R's default is 1e-7, which declares NIST Filip rank-deficient) are
 *   reported by name in `aliased` and get NaN coefficients, as R's NA.
 * - Weights as lm(weights = w): minimises sum w (y - Xb)^2; rows with w = 0 do not enter the
 *   fit or the degrees of freedom (their fitted values are still x'b), as lm.wfit.
 * - R², adjusted R², F as summary.lm (centred about the weighted mean when hasIntercept,
 *   uncentred otherwise); when the model is only an intercept, R² = adj R² = 0 and F is NaN.
 * - logLik as logLik.lm: 0.5 (sum log w - N (log 2pi + 1 - log N + log sum w r²)) over
 *   non-zero weights, df = rank + 1; AIC = -2 logLik + 2 df; BIC = -2 logLik + log(N) df.
 *
 * Reference: R Core Team, src/library/stats/R/lm.R (lm.wfit, summary.lm, logLik.lm).
 */
import fcdf from '@stdlib/stats-base-dists-f-cdf';
import tcdf from '@stdlib/stats-base-dists-t-cdf';
import { accurateSum } from '../linalg/doubleDouble';
import { qrLeastSquares } from '../linalg/qr';
import type { OlsFit, OlsFitInput } from './types';

/** Upper-tail probability of F(d1, d2) at f, computed as a lower tail for accuracy at tiny p. */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!Number.isFinite(f) || !(d1 > 0) || !(d2 > 0)) return NaN;
  if (f <= 0) return 1;
  return fcdf(1 / f, d2, d1);
}

/** Two-sided p-value of a t statistic with df degrees of freedom. */
export function tTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return NaN;
  return 2 * tcdf(-Math.abs(t), df);
}

/**
 * Fit y on X by (weighted) least squares; see the module comment for the exact variant.
 * Throws on non-finite data, negative weights or mismatched lengths.
 */
export function olsFit(input: OlsFitInput): OlsFit {
  const { y, X, names, weights, hasIntercept } = input;
  const n = y.length;
  if (X.length !== n) throw new Error(`olsFit: X has ${X.length} rows but y has ${n}`);
  const p = names.length;
  for (let i = 0; i < n; i++) {
    if (X[i].length !== p) throw new Error(`olsFit: row ${i} of X has ${X[i].length} columns, expected ${p}`);
    if (!Number.isFinite(y[i])) throw new Error(`olsFit: y[${i}] is not a finite number`);
    for (let j = 0; j < p; j++) if (!Number.isFinite(X[i][j])) throw new Error(`olsFit: X[${i}][${j}] is not a finite number`);
  }
  if (weights) {
    if (weights.length !== n) throw new Error(`olsFit: weights has length ${weights.length}, expected ${n}`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(weights[i]) || weights[i] < 0) throw new Error(`olsFit: weight ${i} must be finite and >= 0`);
    }
  }

  // rows entering the fit (non-zero weight)
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (!weights || weights[i] > 0) used.push(i);
  const N = used.length;
  const sw = used.map((i) => (weights ? Math.sqrt(weights[i]) : 1));
  const Xc = new Float64Array(N * p);
  const yw = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const row = X[used[k]];
    for (let j = 0; j < p; j++) Xc[j * N + k] = row[j] * sw[k];
    yw[k] = y[used[k]] * sw[k];
  }
  const qr = qrLeastSquares(Xc, N, p, yw, { tol: input.tol, precision: input.precision });
  const rank = qr.rank;
  const kept = qr.pivot.slice(0, rank);
  const aliased = qr.pivot.slice(rank).sort((a, b) => a - b).map((j) => names[j]);

  const coefficients = new Array<number>(p).fill(NaN);
  kept.forEach((j, k) => (coefficients[j] = qr.coef[k]));
  const covUnscaled: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  kept.forEach((ja, a) => kept.forEach((jb, b) => (covUnscaled[ja][jb] = qr.covUnscaled[a][b])));

  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  const leverage = new Array<number>(n).fill(0);
  const isUsed = new Uint8Array(n);
  used.forEach((i, k) => {
    isUsed[i] = 1;
    const r = qr.residuals[k] / sw[k];
    residuals[i] = r;
    fitted[i] = y[i] - r;
    // hat value h = || sqrt(w) x_kept' Rinv ||^2
    let h = 0;
    for (let b = 0; b < rank; b++) {
      let s = 0;
      for (let a = 0; a <= b; a++) s += X[i][kept[a]] * qr.rInverse[a][b];
      h += s * s;
    }
    leverage[i] = h * sw[k] * sw[k];
  });
  for (let i = 0; i < n; i++) {
    if (isUsed[i]) continue;
    let f = 0;
    for (let a = 0; a < rank; a++) f += X[i][kept[a]] * qr.coef[a];
    fitted[i] = f;
    residuals[i] = y[i] - f;
  }

  const dfResidual = N - rank;
  const rss = qr.rss;
  const w = used.map((i) => (weights ? weights[i] : 1));
  const f = used.map((i) => fitted[i]);
  let mss: number;
  if (hasIntercept) {
    const sumW = accurateSum(w);
    const m = accurateSum(f.map((v, k) => (w[k] * v) / sumW));
    mss = accurateSum(f.map((v, k) => w[k] * (v - m) * (v - m)));
  } else {
    mss = accurateSum(f.map((v, k) => w[k] * v * v));
  }
  const tss = mss + rss;
  const resvar = rss / dfResidual;
  const sigma = Math.sqrt(resvar);
  const standardErrors = coefficients.map((_, j) => Math.sqrt(resvar * covUnscaled[j][j]));
  const tValues = coefficients.map((b, j) => b / standardErrors[j]);
  const pValues = tValues.map((t) => tTwoSided(t, dfResidual));

  const dfInt = hasIntercept ? 1 : 0;
  let rSquared = 0;
  let adjRSquared = 0;
  let fStatistic = NaN;
  let fDf1 = rank - dfInt;
  let fP = NaN;
  if (rank !== dfInt) {
    rSquared = mss / tss;
    adjRSquared = 1 - (1 - rSquared) * ((N - dfInt) / dfResidual);
    fStatistic = mss / (rank - dfInt) / resvar;
    fP = fUpperTail(fStatistic, fDf1, dfResidual);
  } else {
    fDf1 = 0;
  }

  const sumLogW = weights ? accurateSum(w.map(Math.log)) : 0;
  const logLik = 0.5 * (sumLogW - N * (Math.log(2 * Math.PI) + 1 - Math.log(N) + Math.log(rss)));
  const dfLogLik = rank + 1;
  const aic = -2 * logLik + 2 * dfLogLik;
  const bic = -2 * logLik + Math.log(N) * dfLogLik;

  return {
    n,
    p,
    rank,
    aliased,
    coefficients,
    standardErrors,
    tValues,
    pValues,
    covUnscaled,
    fitted,
    residuals,
    dfResidual,
    sigma,
    rss,
    tss,
    rSquared,
    adjRSquared,
    fStatistic,
    fDf1,
    fDf2: dfResidual,
    fP,
    logLik,
    aic,
    bic,
    nObs: N,
    leverage,
    precision: qr.precision,
    conditionEstimate: qr.conditionEstimate,
  };
}
