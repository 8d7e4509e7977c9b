import type Database from 'better-sqlite3';
import type { Question, Questionnaire } from '../../../analysis/form/types';
import {
  crosstab,
  effectivenessIndex,
  frequencies,
  multipleResponse,
  reliability,
  summary,
  wilsonInterval,
  type Crosstab,
  type EffectivenessIndex,
  type FrequencyTable,
  type Lang,
  type LocalizedText,
  type MultipleResponseTable,
  type Reliability,
  type Row,
  type StudySummary,
  type VariableMeta,
} from '../../../analysis/survey';
import { loadRows } from '../../../db/queries/responses';
import type { SavedAnalysis } from '../../../db/queries/saved-analyses';
import {
  savedSpecSchema,
  type AnyAnalysisSpec,
  type CrosstabSpec,
  type FilterSpec,
  type FrequenciesSpec,
  type IndexSpecInput,
  type ReliabilitySpec,
  type SummarySpecInput,
} from './spec';

/**
 * The survey analyses run on a dataset: the project's responses (complete, non-deleted, first
 * pass; from loadRows) with metadata derived from the questionnaire, or a CSV file's records
 * (CLI). Every function here recomputes from the rows; nothing is cached.
 */

/** An error in an analysis request that names the field at fault. */
export class AnalysisInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AnalysisInputError';
  }
}

export type VariableKind = 'categorical' | 'numeric' | 'multiple' | 'text';

/** One variable as the analysis screens list it. */
export interface AnalysisVariable {
  name: string;
  label: LocalizedText;
  /** The question type, or 'system' for response columns such as _location. */
  type: Question['type'] | 'system';
  kind: VariableKind;
  valueLabels: { value: string; label: LocalizedText }[];
  dimension: Question['dimension'];
  reverse: boolean;
}

export interface Dataset {
  rows: Row[];
  meta: VariableMeta[] | undefined;
  variables: AnalysisVariable[];
  /** Where the rows come from, for chart captions ("project title" or the CSV file name). */
  source: string;
}

/** The participation and reason variables of the first study (defaults of `kajian summary`). */
export const DEFAULT_PARTICIPATION = { variable: 'peserta_aktif', yes: 'ya' } as const;
export const DEFAULT_REASON = { variable: 'alasan_tidak_ikut' } as const;

export const DIMENSION_LABELS: Record<'akses' | 'pemahaman' | 'manfaat', LocalizedText> = {
  akses: { id: 'Akses', en: 'Access' },
  pemahaman: { id: 'Pemahaman', en: 'Understanding' },
  manfaat: { id: 'Manfaat yang dirasakan', en: 'Perceived benefit' },
};

const SYSTEM_VARIABLES: { name: string; label: LocalizedText }[] = [
  { name: '_location', label: { id: 'Lokasi wawancara', en: 'Interview location' } },
  { name: '_enumerator', label: { id: 'Pencacah', en: 'Enumerator' } },
];

function kindOf(q: Question): VariableKind {
  switch (q.type) {
    case 'select_one':
    case 'likert':
      return 'categorical';
    case 'select_multiple':
      return 'multiple';
    case 'integer':
    case 'decimal':
    case 'calculate':
      return 'numeric';
    default:
      return 'text';
  }
}

/** The analysable variables of a questionnaire (notes and personal data left out), then the system columns. */
export function variablesOf(q: Questionnaire): AnalysisVariable[] {
  const lists = new Map(q.choiceLists.map((l) => [l.name, l.choices]));
  const vars: AnalysisVariable[] = q.questions
    .filter((x) => x.type !== 'note' && !x.personalData)
    .map((x) => ({
      name: x.name,
      label: x.label.id || x.label.en ? { id: x.label.id || x.label.en, en: x.label.en || x.label.id } : { id: x.name, en: x.name },
      type: x.type,
      kind: kindOf(x),
      valueLabels: (x.listName ? (lists.get(x.listName) ?? []) : []).map((c) => ({
        value: c.value,
        label: { id: c.label.id || c.label.en || c.value, en: c.label.en || c.label.id || c.value },
      })),
      dimension: x.dimension,
      reverse: x.reverse,
    }));
  for (const s of SYSTEM_VARIABLES) vars.push({ name: s.name, label: s.label, type: 'system', kind: 'categorical', valueLabels: [], dimension: null, reverse: false });
  return vars;
}

/** Variable metadata for the statistics (value labels from the choice lists). */
export function metaOf(variables: readonly AnalysisVariable[]): VariableMeta[] {
  return variables.map((v) => ({
    name: v.name,
    label: v.label,
    type: v.kind === 'multiple' ? 'multiple' : v.kind === 'numeric' ? 'numeric' : 'categorical',
    valueLabels: v.valueLabels,
  }));
}

/** The index the questionnaire describes: one dimension per tag (akses, pemahaman, manfaat) with its items and reverse flags, equal weights. */
export function defaultIndexSpec(variables: readonly AnalysisVariable[]): IndexSpecInput {
  const dims: IndexSpecInput['dimensions'] = [];
  for (const d of ['akses', 'pemahaman', 'manfaat'] as const) {
    const items = variables.filter((v) => v.dimension === d);
    if (items.length === 0) continue;
    const reverse = items.filter((v) => v.reverse).map((v) => v.name);
    dims.push({ name: d, label: DIMENSION_LABELS[d], items: items.map((v) => v.name), ...(reverse.length ? { reverse } : {}) });
  }
  return { dimensions: dims, min: 1, max: 5 };
}

export function defaultSummarySpec(): SummarySpecInput {
  return { participation: { ...DEFAULT_PARTICIPATION }, reason: { ...DEFAULT_REASON } };
}

/** The project's dataset (complete responses only unless includeDrafts). */
export function projectDataset(db: Database.Database, source: string, opts: { includeDrafts?: boolean } = {}): Dataset {
  const { questionnaire, rows } = loadRows(db, opts);
  const variables = variablesOf(questionnaire.questionnaire);
  return { rows, meta: metaOf(variables), variables, source };
}

/** A dataset from plain records (a CSV file): every column categorical text or numbers, no labels. */
export function recordsDataset(records: Row[], header: readonly string[], source: string): Dataset {
  const variables: AnalysisVariable[] = header.map((h) => ({
    name: h,
    label: { id: h, en: h },
    type: 'text',
    kind: 'categorical',
    valueLabels: [],
    dimension: null,
    reverse: false,
  }));
  return { rows: records, meta: undefined, variables, source };
}

function requireVariable(ds: Dataset, name: string, field: string): AnalysisVariable {
  const v = ds.variables.find((x) => x.name === name);
  if (!v) throw new AnalysisInputError(`${field}: there is no variable named "${name}"`, field);
  return v;
}

function checkFilter(ds: Dataset, filter: FilterSpec | undefined): void {
  filter?.all.forEach((c, i) => requireVariable(ds, c.variable, `filter.all.${i}.variable`));
}

/** Runs a statistic, turning its input errors (a select-multiple variable in a crosstab...) into AnalysisInputError. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AnalysisInputError) throw e;
    if (e instanceof Error) throw new AnalysisInputError(e.message);
    throw e;
  }
}

export interface MultipleResponseResult extends MultipleResponseTable {
  /** Wilson 95% interval of each row's percentage of cases, in percent units. */
  ci: [number, number][];
}

export type FrequenciesResult =
  | { kind: 'single'; variable: AnalysisVariable; table: FrequencyTable }
  | { kind: 'multiple'; variable: AnalysisVariable; table: MultipleResponseResult };

export function runFrequencies(ds: Dataset, spec: FrequenciesSpec, lang: Lang): FrequenciesResult {
  const v = requireVariable(ds, spec.variable, 'variable');
  checkFilter(ds, spec.filter);
  return guarded(() => {
    if (v.kind === 'multiple') {
      const t = multipleResponse(ds.rows, v.name, v.valueLabels, { lang, filter: spec.filter });
      const ci = t.rows.map((r) => {
        const [lo, hi] = wilsonInterval(r.n, t.cases);
        return [100 * lo, 100 * hi] as [number, number];
      });
      return { kind: 'multiple', variable: v, table: { ...t, ci } };
    }
    return { kind: 'single', variable: v, table: frequencies(ds.rows, v.name, ds.meta, { lang, filter: spec.filter }) };
  });
}

export interface CrosstabResult {
  row: AnalysisVariable;
  col: AnalysisVariable;
  table: Crosstab;
}

export function runCrosstab(ds: Dataset, spec: CrosstabSpec, lang: Lang): CrosstabResult {
  const row = requireVariable(ds, spec.row, 'row');
  const col = requireVariable(ds, spec.col, 'col');
  if (row.kind === 'multiple') throw new AnalysisInputError(`row: "${row.name}" is a select-multiple question; choose a single-answer question`, 'row');
  if (col.kind === 'multiple') throw new AnalysisInputError(`col: "${col.name}" is a select-multiple question; choose a single-answer question`, 'col');
  checkFilter(ds, spec.filter);
  return { row, col, table: guarded(() => crosstab(ds.rows, row.name, col.name, ds.meta, { lang, filter: spec.filter })) };
}

export interface DimensionReliability {
  name: string;
  label: LocalizedText;
  reliability: Reliability;
}

export interface IndexResult {
  spec: IndexSpecInput;
  index: EffectivenessIndex;
  /** Reliability of each dimension's items and of all items together (reverse-keyed, fixed scale). */
  reliability: { dimensions: DimensionReliability[]; overall: Reliability | null };
  groupBy: AnalysisVariable | null;
}

function checkIndexSpec(ds: Dataset, spec: IndexSpecInput): void {
  spec.dimensions.forEach((d, i) => {
    d.items.forEach((it, j) => requireVariable(ds, it, `dimensions.${i}.items.${j}`));
    (d.reverse ?? []).forEach((it, j) => {
      if (!d.items.includes(it)) throw new AnalysisInputError(`dimensions.${i}.reverse.${j}: "${it}" is not an item of dimension "${d.name}"`, `dimensions.${i}.reverse.${j}`);
    });
  });
  if (spec.groupBy) requireVariable(ds, spec.groupBy, 'groupBy');
  checkFilter(ds, spec.filter);
}

export function runIndex(ds: Dataset, spec: IndexSpecInput, lang: Lang): IndexResult {
  if (spec.dimensions.length === 0) throw new AnalysisInputError('dimensions: the index needs at least one dimension with items', 'dimensions');
  checkIndexSpec(ds, spec);
  const groupBy = spec.groupBy ? requireVariable(ds, spec.groupBy, 'groupBy') : null;
  return guarded(() => {
    const index = effectivenessIndex(
      ds.rows,
      {
        dimensions: spec.dimensions,
        min: spec.min,
        max: spec.max,
        bands: spec.bands,
        groupBy: spec.groupBy ?? undefined,
        missingRule: spec.missingRule,
      },
      ds.meta,
      { lang, filter: spec.filter },
    );
    const min = spec.min ?? 1;
    const max = spec.max ?? 5;
    const dims = spec.dimensions.map((d) => ({
      name: d.name,
      label: d.label,
      reliability: reliability(ds.rows, d.items, { reverse: d.reverse ?? [], min, max, filter: spec.filter }),
    }));
    const allItems = spec.dimensions.flatMap((d) => d.items);
    const overall = allItems.length >= 2 ? reliability(ds.rows, allItems, { reverse: spec.dimensions.flatMap((d) => d.reverse ?? []), min, max, filter: spec.filter }) : null;
    return { spec, index, reliability: { dimensions: dims, overall }, groupBy };
  });
}

export function runReliability(ds: Dataset, spec: ReliabilitySpec): Reliability {
  spec.items.forEach((it, i) => requireVariable(ds, it, `items.${i}`));
  (spec.reverse ?? []).forEach((it, i) => {
    if (!spec.items.includes(it)) throw new AnalysisInputError(`reverse.${i}: "${it}" is not one of the items`, `reverse.${i}`);
  });
  checkFilter(ds, spec.filter);
  return guarded(() => reliability(ds.rows, spec.items, { reverse: spec.reverse ?? [], min: spec.min, max: spec.max, filter: spec.filter }));
}

export interface SummaryResult {
  spec: SummarySpecInput & { index: IndexSpecInput };
  summary: StudySummary;
}

export function runSummary(ds: Dataset, spec: SummarySpecInput, lang: Lang): SummaryResult {
  requireVariable(ds, spec.participation.variable, 'participation.variable');
  requireVariable(ds, spec.reason.variable, 'reason.variable');
  const index = spec.index ?? defaultIndexSpec(ds.variables);
  if (index.dimensions.length === 0) throw new AnalysisInputError('index: no question is tagged with a dimension (akses, pemahaman, manfaat); define the index', 'index');
  checkIndexSpec(ds, index);
  checkFilter(ds, spec.filter);
  const result = guarded(() =>
    summary(ds.rows, {
      participation: spec.participation,
      reason: spec.reason,
      index: { dimensions: index.dimensions, min: index.min, max: index.max, bands: index.bands, missingRule: index.missingRule },
      meta: ds.meta,
      lang,
      filter: spec.filter,
    }),
  );
  return { spec: { ...spec, index }, summary: result };
}

export type AnalysisResult =
  | { kind: 'frequencies'; result: FrequenciesResult }
  | { kind: 'crosstab'; result: CrosstabResult }
  | { kind: 'index'; result: IndexResult }
  | { kind: 'reliability'; result: Reliability }
  | { kind: 'summary'; result: SummaryResult };

/** Runs any analysis from its kind and spec (a saved analysis, recomputed from the data). */
export function runAnalysis(ds: Dataset, a: AnyAnalysisSpec, lang: Lang): AnalysisResult {
  switch (a.kind) {
    case 'frequencies':
      return { kind: a.kind, result: runFrequencies(ds, a.spec, lang) };
    case 'crosstab':
      return { kind: a.kind, result: runCrosstab(ds, a.spec, lang) };
    case 'index':
      return { kind: a.kind, result: runIndex(ds, a.spec, lang) };
    case 'reliability':
      return { kind: a.kind, result: runReliability(ds, a.spec) };
    case 'summary':
      return { kind: a.kind, result: runSummary(ds, a.spec, lang) };
  }
}

/** Parses a stored saved analysis into its kind and spec (throws AnalysisInputError when the stored spec no longer parses). */
export function parseSaved(saved: Pick<SavedAnalysis, 'kind' | 'spec'>): AnyAnalysisSpec {
  const parsed = savedSpecSchema.safeParse({ kind: saved.kind, spec: saved.spec });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AnalysisInputError(`the saved ${saved.kind} analysis cannot be read: ${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  return parsed.data as AnyAnalysisSpec;
}

/**
 * Recomputes a saved analysis from the project's current data (what the report pack calls).
 * Returns the spec it ran and the result.
 */
export function runSavedAnalysis(db: Database.Database, saved: Pick<SavedAnalysis, 'kind' | 'spec'>, lang: Lang, source = ''): AnalysisResult {
  return runAnalysis(projectDataset(db, source), parseSaved(saved), lang);
}
