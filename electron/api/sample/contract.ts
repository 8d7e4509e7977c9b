import { z } from 'zod';
import { returns, type AreaContract } from '../area';
import type { SAMPLE_METHODS } from './names';
import type { ReproduceReport } from './reproduce';

export type { Bilingual, FigureStatus, Quantity, QuantityUnit, ReproduceReport, ReproducedFigure } from './reproduce';

export interface SampleCreated {
  /** Absolute path of the sample project. */
  path: string;
  /** False when a Kajian project already existed at the path (it is left as it is). */
  created: boolean;
}

const path = z.string().trim().min(1, 'a file path is required').max(4096, 'the path is too long');

/** The sample study (synthetic data matching the article) and the "Reproduce the article" view. */
export const sampleContract = {
  /** Writes the sample study at `path` (relative paths are taken in the default folder) unless a Kajian project is there already. Does not open it. */
  'sample.create': { input: z.strictObject({ path }), output: returns<SampleCreated>() },
  /** Each printed figure of the article beside Kajian's value from the open project. */
  'sample.reproduce': { input: z.strictObject({}), output: returns<ReproduceReport>() },
} as const satisfies AreaContract & Record<(typeof SAMPLE_METHODS)[number], unknown>;
