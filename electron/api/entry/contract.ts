import { z } from 'zod';
import type { Problem, Questionnaire } from '../../../analysis/form/types';
import type { FormState } from '../../../analysis/entry/evaluate-form';
import type { AuditEntry, ResponseHeader } from '../../../db/queries/responses';
import type { Discrepancy, EnumeratorAgreement } from '../../../db/queries/double-entry';
import type { ResponseListPage } from '../../../db/queries/response-list';
import { returns } from '../area';
import { answerInput, id, questionnaireSchema } from './schemas';

export interface EntryView {
  header: ResponseHeader;
  answers: Record<string, string | number | null>;
  state: FormState;
  /** Other responses with the same respondent ID (first entry only). */
  duplicates: { id: string; respondentCode: string; enumerator: string }[];
}

const headerPatch = z.strictObject({
  respondentCode: z.string().trim().min(1, 'a respondent ID is required').max(60).optional(),
  enumerator: z.string().max(120).optional(),
  location: z.string().max(120).optional(),
  interviewDate: z.union([z.iso.date('use YYYY-MM-DD'), z.null()]).optional(),
});

const language = z.enum(['id', 'en']);
const actor = z.string().trim().min(1, 'who is entering the data is required').max(120);

export const entryContract = {
  'questionnaire.get': { input: z.strictObject({}), output: returns<{ questionnaire: Questionnaire | null; problems: Problem[] }>() },
  'questionnaire.save': { input: z.strictObject({ questionnaire: questionnaireSchema }), output: returns<{ questionnaire: Questionnaire; problems: Problem[] }>() },
  'entry.new': {
    input: z.strictObject({
      respondentCode: z.string().trim().min(1, 'a respondent ID is required').max(60),
      enumerator: z.string().max(120),
      location: z.string().max(120),
      interviewDate: z.union([z.iso.date('use YYYY-MM-DD'), z.null()]),
      verifies: id.optional(),
      language,
    }),
    output: returns<EntryView>(),
  },
  'entry.open': { input: z.strictObject({ id, language }), output: returns<EntryView>() },
  'entry.answer': {
    input: z.strictObject({ id, name: z.string().min(1).max(120), raw: answerInput, actor, reason: z.string().max(500).optional(), language }),
    output: returns<{ view: EntryView; error: string | null }>(),
  },
  'entry.header': { input: z.strictObject({ id, patch: headerPatch, actor, reason: z.string().max(500).optional(), language }), output: returns<EntryView>() },
  'entry.complete': { input: z.strictObject({ id, actor, language }), output: returns<{ view: EntryView; completed: boolean }>() },
  'entry.audit': { input: z.strictObject({ id }), output: returns<AuditEntry[]>() },
  'entry.compare': { input: z.strictObject({ id }), output: returns<Discrepancy[]>() },
  'entry.resolve': { input: z.strictObject({ id, name: z.string().min(1).max(120), raw: answerInput, actor, language }), output: returns<Discrepancy[]>() },
  'entry.agreement': { input: z.strictObject({}), output: returns<EnumeratorAgreement[]>() },
  'responses.list': {
    input: z.strictObject({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
      sort: z.strictObject({ column: z.string().max(120), direction: z.enum(['asc', 'desc']) }).optional(),
      filters: z.array(z.strictObject({ column: z.string().max(120), value: z.string().max(200) })).max(50).optional(),
      search: z.string().max(200).optional(),
      labels: z.boolean().optional(),
      language: language.optional(),
    }),
    output: returns<ResponseListPage>(),
  },
  'responses.delete': { input: z.strictObject({ ids: z.array(id).min(1).max(100_000) }), output: returns<{ deleted: number }>() },
  'responses.restore': { input: z.strictObject({ ids: z.array(id).min(1).max(100_000) }), output: returns<{ restored: number }>() },
} as const;
