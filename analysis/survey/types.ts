/**
 * Shared shapes of the survey statistics (analysis/survey/).
 *
 * A dataset is a list of rows, one per respondent, keyed by variable name. Missing
 * answers are `null`, `undefined`, an empty (or blank) string or a non-finite number.
 * Select-multiple answers are stored as XLSForm / KoboToolbox store them: one
 * space-separated string of choice codes ("JKK JKM").
 */

/** One cell of a dataset. */
export type Cell = number | string | null;

/** One respondent's answers, keyed by variable name. Never mutated by this module. */
export type Row = Readonly<Record<string, Cell | undefined>>;

/** Languages the UI speaks (Bahasa Indonesia by default). */
export type Lang = 'id' | 'en';

/** A text in both UI languages. */
export interface LocalizedText {
  id: string;
  en: string;
}

/** The label of one coded value. */
export interface ValueLabel {
  value: string | number;
  label: LocalizedText;
}

/** Variable metadata (from the questionnaire: XLSForm survey and choices sheets). */
export interface VariableMeta {
  name: string;
  label?: LocalizedText;
  valueLabels?: readonly ValueLabel[];
  type: 'categorical' | 'numeric' | 'multiple';
}

/**
 * Metadata as callers hold it: one variable's metadata, or the whole dataset's list
 * (looked up by name).
 */
export type MetaInput = VariableMeta | readonly VariableMeta[];

/** A condition on one variable (see filter.ts for the exact semantics). */
export interface Condition {
  variable: string;
  op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'missing' | 'notMissing' | 'contains';
  /** A scalar for comparisons and 'contains', an array for 'in'; unused for 'missing'/'notMissing'. */
  value?: string | number | readonly (string | number)[];
}

/** A subpopulation: rows for which every condition holds. */
export interface Filter {
  all: readonly Condition[];
}

/** Options every analysis accepts. */
export interface AnalysisOptions {
  /** Language of labels in the result (default 'id'). */
  lang?: Lang;
  /** Subpopulation to analyse; the result's `base` is the number of rows that pass it. */
  filter?: Filter;
}
