import { z } from 'zod';
import type { SeriesImportReport, SeriesSummary, SeriesValue } from '../../../db/queries/series';
import { returns } from '../area';
import type { SeriesAnalysis } from './analyse';

export type { SeriesAnalysis, SeriesAnalysisOk, SeriesAnalysisProblem, PrintedAnalysis, TargetAnalysis, TrendSummary, LogTrendSummary, SeriesProjections, ProjectionMethod } from './analyse';
export type { SeriesImportReport, SeriesSummary, SeriesValue, SeriesCellError, Sector, Programme, SeriesKind } from '../../../db/queries/series';

const indicator = z.string().trim().min(1, 'an indicator is required').max(200, 'the indicator is longer than 200 characters');
const sector = z.enum(['', 'formal', 'informal']);
const programme = z.enum(['', 'JKK', 'JKM', 'JHT', 'JKP']);
const year = z.number().int('a whole year').min(1900).max(2200);
const cell = z.union([z.number(), z.string().max(200), z.null()]);

/** One grid row to write: cells as typed (checked row by row by the handler, so errors name the row and column). */
const rowInput = z.strictObject({
  id: z.string().uuid().optional(),
  indicator: cell,
  sector: cell.optional(),
  programme: cell.optional(),
  year: cell,
  value: cell,
  unit: cell.optional(),
  source: cell.optional(),
  kind: cell.optional(),
});

export interface SeriesListing {
  values: SeriesValue[];
  series: SeriesSummary[];
}

/** The administrative-series area: store, grid edits, file import and the projection analysis. */
export const seriesContract = {
  'series.list': { input: z.strictObject({}), output: returns<SeriesListing>() },
  'series.save': {
    input: z.strictObject({ rows: z.array(rowInput).min(1, 'no rows to save').max(10_000) }),
    output: returns<{ inserted: number; updated: number; ids: string[] }>(),
  },
  'series.delete': {
    input: z.strictObject({ ids: z.array(z.string().uuid()).min(1, 'no rows to delete').max(10_000) }),
    output: returns<{ deleted: number }>(),
  },
  'series.import': {
    input: z.strictObject({ path: z.string().trim().min(1, 'a file path is required').max(4096), sheet: z.string().max(200).optional() }),
    output: returns<SeriesImportReport>(),
  },
  'series.analyse': {
    input: z.strictObject({
      indicator,
      sector: sector.default(''),
      programme: programme.default(''),
      to: year.default(2030),
      rate: z.number().gt(-100, 'the rate must be greater than -100%').lt(10_000).optional(),
      level: z.number().gt(0).lt(1).default(0.95),
      smearing: z.boolean().default(false),
      printed: z
        .strictObject({
          /** Printed figures to compare; when absent the stored published projection of the series is used. */
          values: z.array(z.strictObject({ year, value: z.number() })).max(200).optional(),
          /** Decimals the figures were printed with; inferred from the figures when absent. */
          decimals: z.number().int().min(0).max(6).optional(),
        })
        .optional(),
      target: z
        .strictObject({ year, values: z.array(z.number().positive('a target must be greater than 0')).min(1).max(2) })
        .optional(),
    }),
    output: returns<SeriesAnalysis>(),
  },
} as const;
