/** Survey statistics: frequencies, multiple response, crosstabs, reliability, the effectiveness index and the study summary. */
export type * from './types';
export { filterRows } from './filter';
export { wilsonInterval } from './wilson';
export { frequencies } from './frequencies';
export type { FrequencyOptions, FrequencyRow, FrequencyTable } from './frequencies';
export { multipleResponse } from './multipleResponse';
export type { MultipleResponseOptions, MultipleResponseRow, MultipleResponseTable } from './multipleResponse';
export { contingencyTests } from './contingency';
export type { ContingencyTests } from './contingency';
export { fisherExact2x2 } from './fisher';
export { crosstab } from './crosstab';
export type { Crosstab } from './crosstab';
export { reliability } from './reliability';
export type { Reliability, ReliabilityItem, ReliabilityOptions } from './reliability';
export { effectivenessIndex, indexScores, defaultBands, bandOf } from './effectivenessIndex';
export type {
  DimensionSummary,
  EffectivenessIndex,
  IndexBand,
  IndexDimension,
  IndexGroup,
  IndexSpec,
  RespondentScores,
  ScoreSummary,
} from './effectivenessIndex';
export { summary } from './summary';
export type { StudySummary, SummaryReason, SummaryScore, SummarySpec } from './summary';
export { isMissing } from './values';
