import { z } from 'zod';
import type { RegressionReport } from '../../../analysis/regression/report';
import type { SavedAnalysis } from '../../../db/queries/saved-analyses';
import { returns, type AreaContract } from '../area';
import type { REGRESSION_METHODS } from './names';

export type { RegressionReport, LinearReport, LogisticReport, ResidualPlots } from '../../../analysis/regression/report';
export type { Verdict } from '../../../analysis/regression/assumptions';

export type RegressionSource = 'survey' | 'series';

/** A variable the regression can use: numeric, or categorical (a factor, with its levels). */
export interface RegressionVariable {
  name: string;
  label: { id: string; en: string };
  kind: 'numeric' | 'categorical';
  /** Categorical: the stored values with their labels, in questionnaire order. */
  levels?: { value: string; label: { id: string; en: string } }[];
  /** Cases with a value. */
  n: number;
}

export interface RegressionVariables {
  survey: { available: boolean; responses: number; variables: RegressionVariable[] };
  series: { available: boolean; years: number; variables: RegressionVariable[] };
  /** The project title, for captions. */
  title: string;
}

const name = z.string().trim().min(1, 'a variable is required').max(300);

/** What a regression is: saved as the spec of a saved analysis (kind 'regression' or 'logistic') and recomputed when opened. */
export const regressionSpec = z.strictObject({
  source: z.enum(['survey', 'series']).default('survey'),
  y: name,
  x: z.array(name).max(50, 'at most 50 predictors').default([]),
  factors: z.array(name).max(50).default([]),
  refs: z.record(z.string().max(300), z.string().max(300)).default({}),
  intercept: z.boolean().default(true),
  logistic: z.boolean().default(false),
  cutoff: z.number().gt(0, 'the cut-off must lie between 0 and 1').lt(1, 'the cut-off must lie between 0 and 1').default(0.5),
  /** Logistic: outcome value counted as the event (default: a 0/1 outcome, event 1). */
  event: z.string().max(300).optional(),
  alpha: z.number().gt(0).lt(1).default(0.05),
});
export type RegressionSpec = z.output<typeof regressionSpec>;
export type RegressionSpecInput = z.input<typeof regressionSpec>;

export interface RegressionRun {
  spec: RegressionSpec;
  report: RegressionReport;
  /** Caption source under charts: the project title (the UI adds the data source in its language). */
  source: string;
  /** Milliseconds the computation took (shown so users know what to expect for large data). */
  ms: number;
}

export interface SavedRegressionOpened {
  saved: SavedAnalysis;
  run: RegressionRun;
}

const id = z.string().trim().min(1, 'an id is required').max(100);

/** Linear and logistic regression on the questionnaire data or the administrative series, and saved regressions. */
export const regressionContract = {
  'regression.variables': { input: z.strictObject({}), output: returns<RegressionVariables>() },
  'regression.run': { input: regressionSpec, output: returns<RegressionRun>() },
  'regression.saved.list': { input: z.strictObject({}), output: returns<SavedAnalysis[]>() },
  'regression.saved.save': {
    input: z.strictObject({
      id: id.optional(),
      name: z.string().trim().min(1, 'a name is required').max(200, 'the name is longer than 200 characters'),
      spec: regressionSpec,
    }),
    output: returns<SavedAnalysis>(),
  },
  'regression.saved.open': { input: z.strictObject({ id }), output: returns<SavedRegressionOpened>() },
  'regression.saved.delete': { input: z.strictObject({ id }), output: returns<null>() },
} as const satisfies AreaContract & Record<(typeof REGRESSION_METHODS)[number], unknown>;
