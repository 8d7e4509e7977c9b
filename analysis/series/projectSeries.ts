import { cagr, growth, meanGrowth } from './growth';
import { projectCagr, projectConstantRate, projectMeanGrowth } from './projection';
import { linearTrend, logLinearTrend, projectLinearTrend, projectLogLinearTrend } from './trend';
import { checkSeries } from './validate';
import type { YearValue, YearValueInterval } from './types';

export interface ProjectSeriesInput {
  /** The observed annual series (any order; consecutive integer years, values > 0). */
  series: readonly YearValue[];
  /** Last projected year (default 2030). Must be after the last observed year. */
  to?: number;
  /**
   * Constant annual rate in percent for `projections.constant` (15 for 15%). When absent,
   * `projections.constant` is an empty array: no rate is assumed (not the article's 15%).
   */
  rate?: number;
  /** Prediction-interval level for the trend projections (default 0.95). */
  level?: number;
  /** Apply Duan's smearing factor to the log-linear point forecast (default false). */
  smearing?: boolean;
}

/**
 * Output of `kajian project <csv> --year YEAR --value VALUE --to 2030 [--rate 15] --json`.
 * Percentages are percents (18.45 for 18.45%). Field names are the CLI contract.
 */
export interface ProjectSeriesOutput {
  growth: { year: number; percent: number }[];
  meanGrowth: number;
  cagr: number;
  linear: { slope: number; intercept: number; se: number; t: number; p: number; rSquared: number };
  logLinear: { slope: number; annualGrowth: number; rSquared: number };
  projections: {
    constant: YearValue[];
    cagr: YearValue[];
    meanGrowth: YearValue[];
    linear: YearValueInterval[];
    logLinear: YearValueInterval[];
  };
}

/**
 * Everything the `kajian project` command reports for one annual series: year-over-year growth
 * (`growth`), its arithmetic mean (`meanGrowth`), the CAGR (`cagr`), the linear and log-linear
 * OLS trends (`linearTrend`, `logLinearTrend`, through olsFit), and projections from the year
 * after the last observation to `to` by five stated methods: constant rate (only when `rate`
 * is given; otherwise an empty array), CAGR, compounded mean growth, linear trend with
 * prediction intervals and log-linear trend with back-transformed prediction intervals (point
 * = exp(fit), or smeared when `smearing`). Nothing is rounded or adjusted towards printed
 * figures; compare with them through `compareWithPrinted`.
 *
 * Needs at least 3 observations, consecutive integer years, values > 0; errors are
 * SeriesError naming the year and row. See the individual functions for formulas and references.
 */
export function projectSeries(input: ProjectSeriesInput): ProjectSeriesOutput {
  const to = input.to ?? 2030;
  const sorted = checkSeries(input.series, { minPoints: 3, purpose: 'projection', positive: true, consecutive: true });
  const series: YearValue[] = sorted.map((p) => ({ year: p.year, value: p.value }));
  const last = series[series.length - 1];
  const lin = linearTrend(series);
  const log = logLinearTrend(series);
  return {
    growth: growth(series).map((g) => ({ year: g.year, percent: g.percent })),
    meanGrowth: meanGrowth(series),
    cagr: cagr(series),
    linear: { slope: lin.slope, intercept: lin.intercept, se: lin.se, t: lin.t, p: lin.p, rSquared: lin.rSquared },
    logLinear: { slope: log.slope, annualGrowth: log.annualGrowth, rSquared: log.rSquared },
    projections: {
      constant: input.rate === undefined ? [] : projectConstantRate(last, input.rate, to),
      cagr: projectCagr(series, to),
      meanGrowth: projectMeanGrowth(series, to),
      linear: projectLinearTrend(series, to, input.level ?? 0.95),
      logLinear: projectLogLinearTrend(series, to, { level: input.level ?? 0.95, smearing: input.smearing ?? false }),
    },
  };
}
