import { z } from 'zod';
import type { Problem, Questionnaire } from '../../../analysis/form/types';
import type { SkippedRow } from '../../../analysis/form/xlsform';
import { returns } from '../area';
import { questionnaireSchema } from '../entry/schemas';
import type { FormExportResult, LostQuestion } from './service';

export type { LostQuestion, FormExportResult } from './service';
export type { SkippedRow } from '../../../analysis/form/xlsform';

const path = z.string().trim().min(1, 'a file path is required').max(4096, 'the path is too long');

/** The questionnaire designer: XLSForm import/export and live checking of an unsaved questionnaire. */
export const formContract = {
  /**
   * Imports an XLSForm as the project's questionnaire, all or nothing. BAD_INPUT (field `path`)
   * lists every problem as `sheet row N, column C: message`, one per line; BAD_INPUT (field
   * `replace`) when questions holding answers would be deleted and `replace` is not true.
   */
  'form.importXlsForm': {
    input: z.strictObject({ path, replace: z.boolean().optional() }),
    output: returns<{ questionnaire: Questionnaire; skipped: SkippedRow[]; deleted: LostQuestion[]; answersDeleted: number }>(),
  },
  /** Writes the saved questionnaire to an .xlsx XLSForm (`.xlsx` is added when missing). */
  'form.exportXlsForm': { input: z.strictObject({ path }), output: returns<FormExportResult>() },
  /** Problems of an unsaved questionnaire, and the saved questions it would delete that hold answers. */
  'form.validate': { input: z.strictObject({ questionnaire: questionnaireSchema }), output: returns<{ problems: Problem[]; lost: LostQuestion[] }>() },
} as const;
