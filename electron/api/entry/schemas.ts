import { z } from 'zod';

const text = z.strictObject({ id: z.string().max(4000), en: z.string().max(4000) });
const name = z.string().min(1, 'a name is required').max(120);

/** The questionnaire model (analysis/form/types.ts) as an input schema. */
export const questionnaireSchema = z.strictObject({
  title: z.string().trim().min(1, 'a title is required').max(200),
  formId: name,
  version: z.string().max(60),
  defaultLanguage: z.enum(['id', 'en']),
  questions: z
    .array(
      z.strictObject({
        name,
        type: z.enum(['select_one', 'select_multiple', 'likert', 'integer', 'decimal', 'text', 'date', 'note', 'calculate']),
        label: text,
        hint: text,
        required: z.boolean(),
        requiredMessage: text,
        constraint: z.string().max(2000),
        constraintMessage: text,
        relevant: z.string().max(2000),
        calculation: z.string().max(2000),
        listName: z.string().max(120).nullable(),
        group: z.strictObject({ name: z.string().max(240), label: text }).nullable(),
        personalData: z.boolean(),
        dimension: z.enum(['akses', 'pemahaman', 'manfaat']).nullable(),
        reverse: z.boolean(),
        appearance: z.string().max(200),
      }),
    )
    .max(2000),
  choiceLists: z
    .array(z.strictObject({ name, choices: z.array(z.strictObject({ value: z.string().max(120), label: text })).max(1000) }))
    .max(500),
});

export const answerInput = z.union([z.string().max(1_000_000), z.number(), z.null()]);
export const id = z.string().min(1).max(64);
