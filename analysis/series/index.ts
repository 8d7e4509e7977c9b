/** Administrative series: growth, trends, projections and checks against printed figures. */
export type { YearValue, YearValueInterval, Bilingual } from './types';
export { SeriesError } from './errors';
export type { SeriesErrorCode, SeriesErrorDetail } from './errors';
export { growth, meanGrowth, cagr } from './growth';
export type { GrowthRow } from './growth';
export { targetRate } from './targetRate';
export { projectConstantRate, projectCagr, projectMeanGrowth, projectionTable } from './projection';
export type { ProjectionTable, ProjectionTableRow } from './projection';
export { linearTrend, logLinearTrend, projectLinearTrend, projectLogLinearTrend } from './trend';
export type { TrendFit, LinearTrend, LogLinearTrend, LogLinearProjectionOptions } from './trend';
export { compareWithPrinted, oneStepFromPrinted, roundedChain, ratesConsistentWithPrinted, roundHalfAway } from './compare';
export type { PrintedComparison, PrintedComparisonRow, MethodCheck, MethodSummary, ConsistentRates, RateInterval } from './compare';
export { printedProjectionCandidates } from './candidates';
export { seriesWarnings } from './warnings';
export type { SeriesWarning, SeriesWarningCode } from './warnings';
export { projectSeries } from './projectSeries';
export type { ProjectSeriesInput, ProjectSeriesOutput } from './projectSeries';
