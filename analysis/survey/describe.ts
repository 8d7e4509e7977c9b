/**
 * Small descriptive helpers (mean, sample variance, Pearson correlation, t-based
 * confidence interval of a mean). Two-pass formulas for accuracy. Pure.
 */
import qt from '@stdlib/stats-base-dists-t-quantile';

/** Arithmetic mean; NaN for an empty list. */
export function mean(x: readonly number[]): number {
  if (x.length === 0) return NaN;
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** Sample variance with denominator n - 1 (R var()); NaN when n < 2. */
export function variance(x: readonly number[]): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = mean(x);
  let ss = 0;
  for (const v of x) ss += (v - m) * (v - m);
  return ss / (n - 1);
}

/** Sample covariance with denominator n - 1 (R cov()); NaN when n < 2. */
export function covariance(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2 || y.length !== n) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (n - 1);
}

/** Pearson correlation (R cor()); NaN when either variable is constant or n < 2. */
export function correlation(x: readonly number[], y: readonly number[]): number {
  const c = covariance(x, y);
  const d = Math.sqrt(variance(x) * variance(y));
  return d > 0 ? c / d : NaN;
}

/**
 * Two-sided t-based confidence interval of a mean, as R `t.test(x, conf.level = level)$conf.int`:
 * mean ± qt((1 + level) / 2, n - 1) · sd / sqrt(n). Null when n < 2.
 */
export function meanConfidenceInterval(x: readonly number[], level = 0.95): [number, number] | null {
  const n = x.length;
  if (n < 2) return null;
  const m = mean(x);
  const half = qt((1 + level) / 2, n - 1) * Math.sqrt(variance(x) / n);
  return [m - half, m + half];
}

/** A finite number, or null (for JSON-friendly "undefined statistic" results). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
