/**
 * The shape of the low-level least-squares fit shared by every consumer
 * (linear regression tables, assumption tests, series trends and projections).
 * Implemented in ./ols.ts by `olsFit`.
 */
export interface OlsFitInput {
  /** Response, length n. Never mutated. */
  y: readonly number[];
  /** Design matrix, n rows x p columns (an intercept column of 1s included by the caller when wanted). Never mutated. */
  X: readonly (readonly number[])[];
  /** Column names, length p (used to name aliased / rank-deficient columns). */
  names: readonly string[];
  /** Optional case weights (> 0), length n: weighted least squares as R's lm(weights=). */
  weights?: readonly number[];
  /** True when X carries an intercept column (changes R² and the F test, as in R). */
  hasIntercept: boolean;
  /** Relative rank tolerance of the pivoted QR (default 1e-9; R's lm uses 1e-7). */
  tol?: number;
  /** Arithmetic of the QR: 'auto' (default; double, recomputed in double-double when ill-conditioned). */
  precision?: 'auto' | 'double' | 'double-double';
}

export interface OlsFit {
  n: number;
  /** Number of columns of X. */
  p: number;
  /** Numerical rank found by the pivoted QR. */
  rank: number;
  /** Names of columns dropped as linearly dependent on earlier ones (empty when full rank). */
  aliased: string[];
  /** Estimates in the original column order (NaN for aliased columns). */
  coefficients: number[];
  standardErrors: number[];
  tValues: number[];
  pValues: number[];
  /** (X'WX)^-1 in the original column order (NaN rows/cols for aliased). */
  covUnscaled: number[][];
  fitted: number[];
  residuals: number[];
  dfResidual: number;
  /** Residual standard error sqrt(RSS/df). */
  sigma: number;
  rss: number;
  /** Total SS about the (weighted) mean when hasIntercept, about 0 otherwise (as R). */
  tss: number;
  rSquared: number;
  adjRSquared: number;
  fStatistic: number;
  fDf1: number;
  fDf2: number;
  fP: number;
  logLik: number;
  aic: number;
  bic: number;
  /** Number of rows that entered the fit (non-zero weight; = n without weights), R's nobs(). */
  nObs: number;
  /** Hat values (diagonal of the weighted hat matrix), as R's hatvalues(); 0 for zero-weight rows. */
  leverage: number[];
  /** Arithmetic that produced the numbers: 'double' or 'double-double' (ill-conditioned designs). */
  precision: 'double' | 'double-double';
  /** 1-norm condition estimate of R after scaling the columns of (weighted) X to unit length. */
  conditionEstimate: number;
}
