import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { householderQr, qrComplementBasis, qrCrossprodInverse, symmetricEigenvalues } from './linalg';
import { imhofProbability } from './imhof';
import { panProbability } from './pan';

export type DurbinWatsonAlternative = 'greater' | 'less' | 'two.sided';

export interface DurbinWatsonOptions {
  /** "greater" (default): true autocorrelation > 0; "less": < 0; "two.sided". As lmtest. */
  alternative?: DurbinWatsonAlternative;
  /** Exact (Pan) p-value; default n < 100, as lmtest. */
  exact?: boolean;
  /** Number of terms of Pan's quadrature (lmtest default 15). */
  iterations?: number;
}

/**
 * Largest number of eigenvalues for which the exact p-value uses Pan's algorithm (lmtest's
 * method). Beyond it Pan's alternating sum loses digits to rounding: feeding lmtest's own
 * Fortran routine eigenvalues that differ by 1e-14 moves its p by ~1e-7 at 77 eigenvalues,
 * ~4e-5 at 87 and ~1.6e-3 at 96, so Imhof's method (accurate to ~1e-10 there) is used instead.
 */
export const PAN_MAX_EIGENVALUES = 60;

export interface DurbinWatsonResult {
  /** d = sum (e_t - e_{t-1})^2 / sum e_t^2. */
  statistic: number;
  p: number;
  /** How the p-value was obtained. 'none' when n < 3 or too small for the approximation (p set to 1, as lmtest). */
  method: 'exact' | 'normal' | 'none';
  /** For method 'exact': Pan's algorithm (as lmtest) or Imhof's (more than PAN_MAX_EIGENVALUES eigenvalues). */
  exactAlgorithm?: 'pan' | 'imhof';
  alternative: DurbinWatsonAlternative;
  n: number;
  /** Number of columns of X. */
  k: number;
}

function tailP(pLess: number, alternative: DurbinWatsonAlternative): number {
  // pLess = P(D < d) under H0.
  if (alternative === 'greater') return pLess;
  if (alternative === 'less') return 1 - pLess;
  return 2 * Math.min(pLess, 1 - pLess);
}

/**
 * Durbin-Watson test for first-order autocorrelation of OLS residuals, as lmtest::dwtest
 * (lmtest 0.9-40): d = sum (e_t - e_{t-1})^2 / sum e_t^2 with the residuals in the given order.
 * p-value (default alternative "greater", positive autocorrelation):
 * - exact (default when n < 100): P(D < d) on the eigenvalues of M A greater than 1e-10,
 *   M = I - X(X'X)^-1 X', A the tridiagonal first-difference matrix (diagonal 1, 2, ..., 2, 1;
 *   off-diagonals -1), by Pan's algorithm with 15 terms as lmtest for up to
 *   PAN_MAX_EIGENVALUES (60) eigenvalues, and by Imhof's method beyond, where Pan's sum is
 *   dominated by rounding (deviation from lmtest, whose own value there is only good to
 *   about 1e-4..1e-3 near n = 100). The eigenvalues are computed as those of Q2' A Q2, Q2 an
 *   orthonormal basis of the residual space, which are the non-zero eigenvalues of M A. If
 *   the result falls outside [0, 1] the normal approximation is used, as lmtest does.
 * - otherwise: normal approximation with the exact mean and variance of D given X
 *   (lmtest's formulas; p = 1 when n < max(5, k)).
 * `residuals` must be the OLS residuals of a regression on X (n x k, full column rank; put
 * the intercept column in X). Throws for a rank-deficient X or mismatched lengths.
 *
 * References: Durbin & Watson (1950, 1951, 1971), Biometrika; Pan (1968); Farebrother (1980)
 * AS 153.
 */
export function durbinWatson(
  residuals: readonly number[],
  X: readonly (readonly number[])[],
  options: DurbinWatsonOptions = {},
): DurbinWatsonResult {
  const n = residuals.length;
  if (X.length !== n) throw new RangeError(`Durbin-Watson: X has ${X.length} rows but there are ${n} residuals.`);
  if (!residuals.every(Number.isFinite)) throw new RangeError('Durbin-Watson: residuals must be finite numbers.');
  const alternative = options.alternative ?? 'greater';
  const iterations = options.iterations ?? 15;
  const k = n > 0 ? X[0].length : 0;
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    den += residuals[t] * residuals[t];
    if (t > 0) num += (residuals[t] - residuals[t - 1]) ** 2;
  }
  if (!(den > 0)) throw new RangeError('Durbin-Watson: all residuals are zero.');
  const statistic = num / den;
  const base = { statistic, alternative, n, k };
  if (n < 3) return { ...base, p: 1, method: 'none' };

  const qr = householderQr(X);
  if (qr.rank < k) throw new RangeError('Durbin-Watson: the design matrix is rank-deficient; drop aliased columns first.');

  let exact = options.exact ?? n < 100;
  if (exact) {
    const basis = qrComplementBasis(qr); // n - k columns
    // A q for each basis vector q, then Q2' A Q2.
    const aq = basis.map((q) =>
      q.map((_, t) => {
        let v = (t === 0 || t === n - 1 ? 1 : 2) * q[t];
        if (t > 0) v -= q[t - 1];
        if (t < n - 1) v -= q[t + 1];
        return v;
      }),
    );
    const m = basis.length;
    const S = Array.from({ length: m }, (_, i) =>
      Array.from({ length: m }, (_, j) => {
        let s = 0;
        for (let t = 0; t < n; t++) s += basis[i][t] * aq[j][t];
        return s;
      }),
    );
    // Symmetrise against rounding.
    for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) S[i][j] = S[j][i] = (S[i][j] + S[j][i]) / 2;
    const ev = symmetricEigenvaluesAbove(S, 1e-10);
    const usePan = ev.length <= PAN_MAX_EIGENVALUES;
    const pLess = ev.length === 0 ? Number.NaN : usePan ? panProbability(ev, statistic, iterations) : imhofProbability(ev, statistic);
    const p = tailP(pLess, alternative);
    if (Number.isFinite(p) && p >= 0 && p <= 1) return { ...base, p, method: 'exact', exactAlgorithm: usePan ? 'pan' : 'imhof' };
    exact = false;
  }

  if (n < Math.max(5, k)) return { ...base, p: 1, method: 'none' };
  // Normal approximation (lmtest): moments of D from traces with AX and (X'X)^-1.
  const Q1 = qrCrossprodInverse(qr);
  const AX = X.map((row, t) =>
    row.map((_, j) => {
      if (t === 0) return X[0][j] - X[1][j];
      if (t === n - 1) return X[n - 1][j] - X[n - 2][j];
      return -X[t - 1][j] + 2 * X[t][j] - X[t + 1][j];
    }),
  );
  const cross = (A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => {
        let s = 0;
        for (let t = 0; t < n; t++) s += A[t][i] * B[t][j];
        return s;
      }),
    );
  const mul = (A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => {
        let s = 0;
        for (let m = 0; m < k; m++) s += A[i][m] * B[m][j];
        return s;
      }),
    );
  const trace = (A: readonly (readonly number[])[]): number => A.reduce((s, row, i) => s + row[i], 0);
  const XAXQ = mul(cross(X, AX), Q1);
  const P = 2 * (n - 1) - trace(XAXQ);
  const Q = 2 * (3 * n - 4) - 2 * trace(mul(cross(AX, AX), Q1)) + trace(mul(XAXQ, XAXQ));
  const dmean = P / (n - k);
  const dvar = (2 / ((n - k) * (n - k + 2))) * (Q - P * dmean);
  const sd = Math.sqrt(dvar);
  let p: number;
  if (alternative === 'greater') p = normalCdf(statistic, dmean, sd);
  else if (alternative === 'less') p = normalCdf(-statistic, -dmean, sd);
  else p = 2 * normalCdf(-Math.abs(statistic - dmean), 0, sd);
  return { ...base, p, method: 'normal' };
}

function symmetricEigenvaluesAbove(S: readonly (readonly number[])[], tol: number): number[] {
  return symmetricEigenvalues(S).filter((v) => v > tol);
}
