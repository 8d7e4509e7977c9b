import { z } from 'zod';
import type { BadCell, ColumnMapping, ImportNote, ImportOutcome } from '../../../db/queries/import-responses';
import type { ExportResult } from '../../../db/queries/export-responses';
import { returns } from '../area';
import type { JobStatus } from './jobs';

export type { BadCell, ColumnMapping, ImportNote, ImportOutcome, ExportResult, JobStatus };

const path = z.string().trim().min(1, 'a file path is required').max(4096, 'the path is too long');
const jobId = z.string().uuid('not a job id');

/** A column and its target: a question name, `question/choice`, `@respondent` ... or null to skip it. */
const mapping = z
  .array(z.strictObject({ index: z.number().int().min(0), column: z.string().max(10_000), target: z.string().max(400).nullable(), note: z.strictObject({ id: z.string().max(1000), en: z.string().max(1000) }).optional() }))
  .max(10_000);

/** Where a column can go, for the mapping table's choices. */
export interface MappingTarget {
  value: string;
  kind: 'header' | 'question' | 'choice';
  label: { id: string; en: string };
}

export interface TransferPreview {
  path: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  header: string[];
  /** Data rows in the file. */
  totalRows: number;
  /** The first rows (at most 10), cells by column, with their spreadsheet row numbers. */
  sample: { row: number; cells: (string | number | null)[] }[];
  mapping: ColumnMapping[];
  targets: MappingTarget[];
  notes: { id: string; en: string }[];
}

/** The import/export area: preview and mapping, import in a worker (start / progress / cancel), export. */
export const transferContract = {
  'transfer.preview': { input: z.strictObject({ path }), output: returns<TransferPreview>() },
  'transfer.importStart': { input: z.strictObject({ path, mapping: mapping.optional() }), output: returns<{ jobId: string }>() },
  'transfer.progress': { input: z.strictObject({ jobId }), output: returns<JobStatus>() },
  'transfer.cancel': { input: z.strictObject({ jobId }), output: returns<{ cancelled: boolean }>() },
  'transfer.import': { input: z.strictObject({ path, mapping: mapping.optional() }), output: returns<ImportOutcome & { notes: ImportNote[] }>() },
  'transfer.export': {
    input: z.strictObject({ path, labels: z.boolean().default(false), includePersonal: z.boolean().default(false) }),
    output: returns<ExportResult>(),
  },
} as const;
