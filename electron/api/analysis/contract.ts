import { z } from 'zod';
import type { Reliability } from '../../../analysis/survey';
import type { SavedAnalysis } from '../../../db/queries/saved-analyses';
import { returns, type AreaContract } from '../area';
import type { AnalysisResult, AnalysisVariable, CrosstabResult, FrequenciesResult, IndexResult, SummaryResult } from './service';
import type { ANALYSIS_METHODS } from './names';
import { ANALYSIS_KINDS, crosstabSpec, frequenciesSpec, indexSpec, langSchema, reliabilitySpec, summarySpec, type IndexSpecInput, type SummarySpecInput } from './spec';

export type { SavedAnalysis };

export interface AnalysisVariables {
  variables: AnalysisVariable[];
  /** Responses analysed (complete, not deleted). */
  responses: number;
  /** The index derived from the questionnaire's dimension tags, and the summary's default variables. */
  defaults: { index: IndexSpecInput; summary: SummarySpecInput };
  /** The project title, for chart captions. */
  source: string;
}

export interface SavedAnalysisOpened {
  saved: SavedAnalysis;
  result: AnalysisResult;
}

const lang = { lang: langSchema.default('id') };
const id = z.string().trim().min(1, 'an id is required').max(100);

/** The survey analyses: frequencies, crosstabs, the effectiveness index with reliability, the study summary, saved analyses. */
export const analysisContract = {
  'analysis.variables': { input: z.strictObject({}), output: returns<AnalysisVariables>() },
  'analysis.frequencies': { input: frequenciesSpec.extend(lang), output: returns<FrequenciesResult>() },
  'analysis.crosstab': { input: crosstabSpec.extend(lang), output: returns<CrosstabResult>() },
  'analysis.index': { input: indexSpec.extend(lang), output: returns<IndexResult>() },
  'analysis.reliability': { input: reliabilitySpec, output: returns<Reliability>() },
  'analysis.summary': { input: summarySpec.extend(lang), output: returns<SummaryResult>() },
  'analysis.saved.list': { input: z.strictObject({ kind: z.enum(ANALYSIS_KINDS).optional() }), output: returns<SavedAnalysis[]>() },
  'analysis.saved.save': {
    input: z.strictObject({
      id: id.optional(),
      kind: z.enum(ANALYSIS_KINDS),
      name: z.string().trim().min(1, 'a name is required').max(200, 'the name is longer than 200 characters'),
      spec: z.unknown(),
    }),
    output: returns<SavedAnalysis>(),
  },
  'analysis.saved.open': { input: z.strictObject({ id, ...lang }), output: returns<SavedAnalysisOpened>() },
  'analysis.saved.delete': { input: z.strictObject({ id }), output: returns<null>() },
} as const satisfies AreaContract & Record<(typeof ANALYSIS_METHODS)[number], unknown>;
