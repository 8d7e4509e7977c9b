import { z } from 'zod';

/**
 * Input schemas of the survey analyses (API inputs and the JSON `spec` of saved analyses).
 * One schema per kind; a saved analysis stores exactly the parsed spec of its kind.
 */
const name = z.string().trim().min(1, 'a variable name is required').max(200);
const scalar = z.union([z.string().max(500), z.number()]);
const text = z.strictObject({ id: z.string().max(500), en: z.string().max(500) });

export const conditionSchema = z.strictObject({
  variable: name,
  op: z.enum(['=', '!=', '<', '<=', '>', '>=', 'in', 'missing', 'notMissing', 'contains']),
  value: z.union([scalar, z.array(scalar).max(1000)]).optional(),
});

export const filterSchema = z.strictObject({ all: z.array(conditionSchema).max(50) });

export const langSchema = z.enum(['id', 'en']);

export const frequenciesSpec = z.strictObject({ variable: name, filter: filterSchema.optional() });

export const crosstabSpec = z.strictObject({ row: name, col: name, filter: filterSchema.optional() });

export const dimensionSchema = z.strictObject({
  name,
  label: text,
  items: z.array(name).min(1, 'a dimension needs at least one item').max(200),
  reverse: z.array(name).max(200).optional(),
  weight: z.number().positive('weights must be positive').finite().optional(),
});

export const bandSchema = z.strictObject({ upTo: z.number().finite(), label: text });

export const indexSpec = z.strictObject({
  dimensions: z.array(dimensionSchema).min(1, 'the index needs at least one dimension').max(50),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  bands: z.array(bandSchema).min(1).max(20).optional(),
  groupBy: name.nullable().optional(),
  missingRule: z.enum(['complete', 'partial']).optional(),
  filter: filterSchema.optional(),
});

export const reliabilitySpec = z.strictObject({
  items: z.array(name).min(2, 'reliability needs at least two items').max(200),
  reverse: z.array(name).max(200).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  filter: filterSchema.optional(),
});

export const summarySpec = z.strictObject({
  participation: z.strictObject({ variable: name, yes: z.union([scalar, z.array(scalar).min(1).max(50)]) }),
  reason: z.strictObject({ variable: name }),
  /** The index; when absent, the one derived from the questionnaire's dimension tags. */
  index: indexSpec.optional(),
  filter: filterSchema.optional(),
});

export const ANALYSIS_KINDS = ['frequencies', 'crosstab', 'index', 'reliability', 'summary'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const specByKind = {
  frequencies: frequenciesSpec,
  crosstab: crosstabSpec,
  index: indexSpec,
  reliability: reliabilitySpec,
  summary: summarySpec,
} as const;

export type FilterSpec = z.output<typeof filterSchema>;
export type FrequenciesSpec = z.output<typeof frequenciesSpec>;
export type CrosstabSpec = z.output<typeof crosstabSpec>;
export type IndexSpecInput = z.output<typeof indexSpec>;
export type ReliabilitySpec = z.output<typeof reliabilitySpec>;
export type SummarySpecInput = z.output<typeof summarySpec>;

export type AnyAnalysisSpec =
  | { kind: 'frequencies'; spec: FrequenciesSpec }
  | { kind: 'crosstab'; spec: CrosstabSpec }
  | { kind: 'index'; spec: IndexSpecInput }
  | { kind: 'reliability'; spec: ReliabilitySpec }
  | { kind: 'summary'; spec: SummarySpecInput };

/** A saved analysis as stored: discriminated by kind. */
export const savedSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('frequencies'), spec: frequenciesSpec }),
  z.strictObject({ kind: z.literal('crosstab'), spec: crosstabSpec }),
  z.strictObject({ kind: z.literal('index'), spec: indexSpec }),
  z.strictObject({ kind: z.literal('reliability'), spec: reliabilitySpec }),
  z.strictObject({ kind: z.literal('summary'), spec: summarySpec }),
]);
