/**
 * Helpers shared by the survey statistics: missing values, canonical category keys,
 * numeric parsing, category ordering and metadata look-up. Pure; never mutate inputs.
 */
import type { Cell, Lang, LocalizedText, MetaInput, Row, VariableMeta } from './types';

/** True for a missing answer: null, undefined, a blank string, or a non-finite number. */
export function isMissing(value: Cell | undefined): value is null | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return !Number.isFinite(value);
  return value.trim() === '';
}

/**
 * The canonical key of a category: its text form, trimmed. So the number 1 and the
 * string "1" (as read from a CSV) are the same category. Numbers are written with
 * JavaScript's shortest round-trip form (2 and 2.0 are both "2").
 */
export function categoryKey(value: string | number): string {
  return typeof value === 'number' ? String(value) : value.trim();
}

/** Parses a cell as a number: finite numbers as is, numeric strings ("3", " 2.5 ") parsed; otherwise null. */
export function toNumber(value: Cell | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const t = value.trim();
  if (t === '') return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** The choice codes of a select-multiple answer ("JKK  JKM" -> ["JKK", "JKM"]); [] when missing. */
export function splitChoices(value: Cell | undefined): string[] {
  if (isMissing(value)) return [];
  return String(value)
    .trim()
    .split(/\s+/)
    .filter((s) => s !== '');
}

/**
 * Finds a variable's metadata. A single VariableMeta must carry the variable's name
 * (a mismatch is a caller error and throws); a list is searched by name.
 */
export function findMeta(meta: MetaInput | undefined, name: string): VariableMeta | undefined {
  if (meta === undefined) return undefined;
  if (isMetaList(meta)) return meta.find((m) => m.name === name);
  if (meta.name !== name) {
    throw new Error(`Metadata is for variable "${meta.name}", not "${name}"`);
  }
  return meta;
}

/** Throws when metadata marks the variable as select-multiple (use multipleResponse()). */
export function assertSingleChoice(meta: VariableMeta | undefined, analysis: string): void {
  if (meta?.type === 'multiple') {
    throw new Error(`"${meta.name}" is a select-multiple variable: ${analysis} needs single answers (use multipleResponse)`);
  }
}

function isMetaList(meta: MetaInput): meta is readonly VariableMeta[] {
  return Array.isArray(meta);
}

/** A category as analyses report it. */
export interface Category {
  key: string;
  /** The value as stored (the value label's value when labelled, else the first value seen). */
  value: string | number;
  label: string;
  /** Position of its value label in the metadata, or -1 when unlabelled. */
  labelIndex: number;
}

/** Picks one language of a localized text. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/**
 * Orders categories: first the labelled values in value-label order (all of them,
 * observed or not, when `includeUnobservedLabels`), then the unlabelled observed values
 * sorted numerically when every key is a number, else alphabetically (locale-independent
 * code-point order).
 */
export function orderCategories(
  observed: ReadonlyMap<string, string | number>,
  meta: VariableMeta | undefined,
  lang: Lang,
  includeUnobservedLabels: boolean,
): Category[] {
  const out: Category[] = [];
  const seen = new Set<string>();
  (meta?.valueLabels ?? []).forEach((vl, i) => {
    const key = categoryKey(vl.value);
    if (seen.has(key)) return;
    if (!includeUnobservedLabels && !observed.has(key)) return;
    seen.add(key);
    out.push({ key, value: vl.value, label: pick(vl.label, lang), labelIndex: i });
  });
  const rest = [...observed.entries()].filter(([k]) => !seen.has(k));
  const allNumeric = rest.every(([k]) => Number.isFinite(Number(k)) && k !== '');
  rest.sort(([a], [b]) => (allNumeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of rest) out.push({ key, value, label: String(value), labelIndex: -1 });
  return out;
}

/** Collects the observed categories of a single-choice variable (key -> first value seen). */
export function observedCategories(rows: readonly Row[], variable: string): Map<string, string | number> {
  const m = new Map<string, string | number>();
  for (const r of rows) {
    const v = r[variable];
    if (isMissing(v)) continue;
    const key = categoryKey(v);
    if (!m.has(key)) m.set(key, typeof v === 'string' ? v.trim() : v);
  }
  return m;
}
