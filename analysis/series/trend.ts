import tquantile from '@stdlib/stats-base-dists-t-quantile';
import { olsFit } from '../regression/ols';
import { SeriesError } from './errors';
import { checkSeries, checkTargetYear } from './validate';
import type { YearValue, YearValueInterval } from './types';

/** A straight-line trend y = intercept + slope * year fitted by least squares. */
export interface TrendFit {
  n: number;
  /** Slope per year (on the log scale for the log-linear trend). */
  slope: number;
  /** Value of the line at year 0, as the coefficient of R's lm(y ~ year). */
  intercept: number;
  /** Standard error of the slope. */
  se: number;
  /** t statistic of the slope (slope / se). */
  t: number;
  /** Two-sided p value of the slope, t distribution with n - 2 df. */
  p: number;
  rSquared: number;
  /** Residual standard error sqrt(RSS / (n - 2)). */
  sigma: number;
  dfResidual: number;
  /** Observed years, ascending, and the fitted values and residuals in that order. */
  years: number[];
  fitted: number[];
  residuals: number[];
  /** Centre subtracted from the years before fitting (their mean); see `fitTrend`. */
  center: number;
  /** Value of the line at year = center (the intercept of the centred fit). */
  valueAtCenter: number;
  /** (X'X)^-1 of the centred design [1, year - center] (for prediction variances). */
  covUnscaled: number[][];
}

/** Linear trend of the values themselves. */
export type LinearTrend = TrendFit;

/** Trend of ln(value), with its implied constant annual growth. */
export interface LogLinearTrend extends TrendFit {
  /** 100 * (exp(slope) - 1): the constant annual growth the trend implies, as percent. */
  annualGrowth: number;
  /** Duan's smearing factor mean(exp(residuals)) (>= 1 by Jensen's inequality). */
  smearingFactor: number;
}

/**
 * Least-squares line y ~ year through `olsFit` (QR; ../regression/ols). The years are centred
 * on their mean before fitting (design [1, year - mean]); this changes no estimate, standard
 * error of the slope, t, p, R² or prediction, but avoids the cancellation that the raw design
 * [1, 2020..2024] causes in prediction variances. The intercept at year 0 is recovered as
 * b0 - slope * mean, matching R's coef(lm(y ~ year))[1].
 */
function fitTrend(years: readonly number[], y: readonly number[]): TrendFit {
  const n = years.length;
  let center = 0;
  for (const x of years) center += x;
  center /= n;
  const X = years.map((x) => [1, x - center]);
  const fit = olsFit({ y, X, names: ['(Intercept)', 'year'], hasIntercept: true });
  if (fit.rank < 2) {
    throw new SeriesError('too-few-points', {
      en: 'a trend needs at least two different years',
      id: 'tren memerlukan sedikitnya dua tahun yang berbeda',
    });
  }
  const slope = fit.coefficients[1];
  return {
    n,
    slope,
    intercept: fit.coefficients[0] - slope * center,
    se: fit.standardErrors[1],
    t: fit.tValues[1],
    p: fit.pValues[1],
    rSquared: fit.rSquared,
    sigma: fit.sigma,
    dfResidual: fit.dfResidual,
    years: [...years],
    fitted: [...fit.fitted],
    residuals: [...fit.residuals],
    center,
    valueAtCenter: fit.coefficients[0],
    covUnscaled: fit.covUnscaled.map((row) => [...row]),
  };
}

/**
 * Ordinary least-squares linear trend value = a + b * year, as R's
 * summary(lm(value ~ year)): slope b, intercept a, standard error of b, t = b / se,
 * two-sided p from t with n - 2 df, and R². Fitted by `olsFit` (QR) with centred years
 * (see TrendFit.center). Gaps between years are allowed (the regressor is the year itself);
 * needs at least 3 observations (1 residual df) with distinct integer years.
 * Table 2 of the seed article gives b = 0.76, se = 0.02, t = 38, R² = 0.99793.
 *
 * Reference: R Core Team, stats::lm / summary.lm; Draper & Smith, Applied Regression
 * Analysis (3rd ed., 1998), ch. 1.
 */
export function linearTrend(series: readonly YearValue[]): LinearTrend {
  const sorted = checkSeries(series, { minPoints: 3, purpose: 'linear trend' });
  return fitTrend(
    sorted.map((p) => p.year),
    sorted.map((p) => p.value),
  );
}

/**
 * Log-linear (exponential) trend ln(value) = a + b * year, fitted by OLS on the log scale
 * through `olsFit`, as R's summary(lm(log(value) ~ year)); slope, intercept, se, t, p and R²
 * are those of the log-scale fit. annualGrowth = 100 * (exp(b) - 1) is the constant yearly
 * growth the trend implies (17.9223% for Table 2). smearingFactor = mean(exp(residuals))
 * (Duan 1983). Every value must be > 0 (SeriesError naming year and row); at least 3
 * observations with distinct integer years.
 *
 * References: R Core Team, stats::lm; Duan, N. (1983) Smearing estimate: a nonparametric
 * retransformation method. JASA 78(383), 605-610.
 */
export function logLinearTrend(series: readonly YearValue[]): LogLinearTrend {
  const sorted = checkSeries(series, { minPoints: 3, purpose: 'log-linear trend', positive: true });
  const base = fitTrend(
    sorted.map((p) => p.year),
    sorted.map((p) => Math.log(p.value)),
  );
  let smear = 0;
  for (const e of base.residuals) smear += Math.exp(e);
  smear /= base.residuals.length;
  return { ...base, annualGrowth: 100 * Math.expm1(base.slope), smearingFactor: smear };
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new SeriesError('invalid-argument', {
      en: `the interval level must lie strictly between 0 and 1, got ${String(level)}`,
      id: `tingkat interval harus di antara 0 dan 1 (tidak termasuk), didapat ${String(level)}`,
    });
  }
}

/**
 * Point prediction and prediction interval of a fitted trend at year x0, as R's
 * predict.lm(fit, newdata, interval = "prediction", level): fit ± q * sigma * sqrt(1 + h),
 * h = x0' (X'X)^-1 x0 with x0 = [1, year - center], q the (1 + level)/2 quantile of t
 * with the residual df.
 */
function predictTrend(fit: TrendFit, year: number, level: number): { fit: number; low: number; high: number } {
  const d = year - fit.center;
  const C = fit.covUnscaled;
  const yhat = fit.valueAtCenter + fit.slope * d;
  const h = C[0][0] + 2 * C[0][1] * d + C[1][1] * d * d;
  const q = tquantile((1 + level) / 2, fit.dfResidual);
  const half = q * fit.sigma * Math.sqrt(1 + h);
  return { fit: yhat, low: yhat - half, high: yhat + half };
}

/** Years after the last observed one up to `to`, after checking `to`. */
function horizonYears(fit: TrendFit, to: number): number[] {
  const last = fit.years[fit.years.length - 1];
  checkTargetYear(to, last);
  const out: number[] = [];
  for (let y = last + 1; y <= to; y++) out.push(y);
  return out;
}

/**
 * Projection of the linear trend from the year after the last observation to `to`, each year
 * with its prediction interval at `level` (default 0.95), as R's
 * predict(lm(value ~ year), newdata, interval = "prediction").
 *
 * Reference: R Core Team, stats::predict.lm; Draper & Smith (1998), sec. 3.
 */
export function projectLinearTrend(series: readonly YearValue[], to: number, level = 0.95): YearValueInterval[] {
  checkLevel(level);
  const fit = linearTrend(series);
  return horizonYears(fit, to).map((year) => {
    const p = predictTrend(fit, year, level);
    return { year, value: p.fit, piLow: p.low, piHigh: p.high };
  });
}

export interface LogLinearProjectionOptions {
  /** Interval level, default 0.95. */
  level?: number;
  /**
   * When true the point forecast is exp(fit) * smearingFactor (Duan 1983), an estimate of the
   * mean on the original scale; when false (default) it is exp(fit), the median under
   * symmetric log-scale errors. The interval is exp of the log-scale interval either way.
   */
  smearing?: boolean;
}

/**
 * Projection of the log-linear trend: the log-scale prediction and interval of
 * predict(lm(log(value) ~ year), newdata, interval = "prediction") back-transformed with exp
 * (so the interval is asymmetric around the point). Optional smearing correction of the
 * point forecast (Duan 1983); the interval bounds are not smeared (a monotone transform
 * keeps the quantiles of a prediction interval).
 *
 * References: R Core Team, stats::predict.lm; Duan (1983) JASA 78, 605-610.
 */
export function projectLogLinearTrend(
  series: readonly YearValue[],
  to: number,
  options: LogLinearProjectionOptions = {},
): YearValueInterval[] {
  const level = options.level ?? 0.95;
  checkLevel(level);
  const fit = logLinearTrend(series);
  const factor = options.smearing ? fit.smearingFactor : 1;
  return horizonYears(fit, to).map((year) => {
    const p = predictTrend(fit, year, level);
    return { year, value: Math.exp(p.fit) * factor, piLow: Math.exp(p.low), piHigh: Math.exp(p.high) };
  });
}
