import { imhofProbability } from './imhof';

export type DurbinWatsonDecision = 'positive' | 'inconclusive-positive' | 'none' | 'inconclusive-negative' | 'negative';

export type DurbinWatsonBounds =
  | { defined: true; n: number; k: number; alpha: number; dL: number; dU: number }
  | { defined: false; n: number; k: number; alpha: number; reason: string };

/** Eigenvalues 2(1 - cos(pi j / n)) for j = from..to of the Durbin-Watson matrix A. */
function dwMatrixEigenvalues(n: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let j = from; j <= to; j++) out.push(2 * (1 - Math.cos((Math.PI * j) / n)));
  return out;
}

/**
 * alpha-quantile of sum lambda_i z_i^2 / sum z_i^2: root of F(d) - alpha with F from Imhof's
 * method, by the Illinois variant of regula falsi inside a bracket started from the normal
 * approximation (mean and variance of the ratio) and widened to [min lambda, max lambda] if
 * needed; stops when the bracket is narrower than 1e-11 or |F - alpha| < 1e-13.
 */
function ratioQuantile(lambda: readonly number[], alpha: number): number {
  const m = lambda.length;
  const lmin = Math.min(...lambda);
  const lmax = Math.max(...lambda);
  const mean = lambda.reduce((s, v) => s + v, 0) / m;
  const variance = (2 * lambda.reduce((s, v) => s + (v - mean) ** 2, 0)) / (m * (m + 2));
  const sd = Math.sqrt(variance);
  const g = (d: number): number => imhofProbability(lambda, d) - alpha;
  let a = Math.max(lmin, mean - 6 * sd);
  let b = Math.min(lmax, mean + 1 * sd);
  let fa = g(a);
  let fb = g(b);
  if (!(fa < 0)) {
    a = lmin;
    fa = -alpha;
  }
  if (!(fb > 0)) {
    b = lmax;
    fb = 1 - alpha;
  }
  let side = 0;
  for (let it = 0; it < 200; it++) {
    const x = (a * fb - b * fa) / (fb - fa);
    const fx = g(x);
    if (Math.abs(fx) < 1e-13) return x;
    if (fx < 0) {
      a = x;
      fa = fx;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = x;
      fb = fx;
      if (side === 1) fa /= 2;
      side = 1;
    }
    if (b - a < 1e-11) break;
  }
  return (a * fb - b * fa) / (fb - fa);
}

/**
 * Durbin-Watson critical bounds d_L and d_U (Durbin & Watson 1950, 1951) for a regression
 * with an intercept and k regressors besides it (k' in the tables), n observations, lower
 * tail level alpha (default 0.05), as tabulated by Savin & White (1977, Econometrica 45,
 * 1989-1996).
 *
 * Under H0, d = sum nu_i z_i^2 / sum z_i^2 with nu_1 <= ... <= nu_{n-k-1} the non-zero
 * eigenvalues of M A. With lambda_j = 2(1 - cos(pi j / n)), j = 0..n-1, the eigenvalues of A
 * (lambda_0 = 0 belongs to the constant vector, which the intercept removes), the
 * Durbin-Watson theorem gives lambda_i <= nu_i <= lambda_{i+k} (i = 1..n-k-1), so d is
 * bounded by d_L = sum_{i=1}^{n-k-1} lambda_i z_i^2 / sum z_i^2 and
 * d_U = sum_{i=1}^{n-k-1} lambda_{i+k} z_i^2 / sum z_i^2. Each bound is the alpha-quantile of
 * its bounding distribution, found by root-finding (regula falsi) on its CDF computed by Imhof's
 * method (./imhof.ts; Pan's quadrature is inaccurate for n beyond about 100).
 *
 * Not defined (returned with a reason instead of numbers) when n < 6 (the tables start at
 * 6), k < 1, or n - k - 1 < 2 (too few residual degrees of freedom for the bounding
 * distributions), or alpha outside (0, 1).
 */
export function durbinWatsonBounds(n: number, k: number, alpha = 0.05): DurbinWatsonBounds {
  const base = { n, k, alpha };
  if (!Number.isInteger(n) || !Number.isInteger(k)) {
    return { defined: false, ...base, reason: 'n and k must be whole numbers.' };
  }
  if (!(alpha > 0 && alpha < 1)) return { defined: false, ...base, reason: 'alpha must lie between 0 and 1.' };
  if (k < 1) return { defined: false, ...base, reason: 'The bounds need at least one regressor besides the intercept.' };
  if (n < 6) return { defined: false, ...base, reason: 'The bounds are defined from n = 6 observations (as the Savin-White tables).' };
  const m = n - k - 1;
  if (m < 2) {
    return { defined: false, ...base, reason: `Too few residual degrees of freedom (n - k - 1 = ${m}); at least 2 are needed.` };
  }
  const dL = ratioQuantile(dwMatrixEigenvalues(n, 1, m), alpha);
  const dU = ratioQuantile(dwMatrixEigenvalues(n, k + 1, n - 1), alpha);
  return { defined: true, ...base, dL, dU };
}

/**
 * The bounds-test decision for a Durbin-Watson statistic d: positive autocorrelation if
 * d < dL; inconclusive if dL <= d <= dU; none if dU < d < 4 - dU; inconclusive if
 * 4 - dU <= d <= 4 - dL; negative autocorrelation if d > 4 - dL.
 */
export function durbinWatsonDecision(d: number, dL: number, dU: number): DurbinWatsonDecision {
  if (d < dL) return 'positive';
  if (d <= dU) return 'inconclusive-positive';
  if (d < 4 - dU) return 'none';
  if (d <= 4 - dL) return 'inconclusive-negative';
  return 'negative';
}
