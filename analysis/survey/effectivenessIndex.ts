/**
 * Composite effectiveness index over Likert items grouped in dimensions (for the first
 * study: akses, pemahaman, manfaat on a 1-5 scale; the article reports 2.8).
 *
 * Scoring, per respondent:
 * - Answers are read as numbers; a value outside [min, max] (for example a 9 or 99
 *   "don't know" code) or non-numeric text is treated as missing.
 * - Reverse-keyed items are recoded as (min + max - x).
 * - Dimension score = mean of its items. Missing-data rule (`missingRule`):
 *   'complete' (default): a dimension is scored only when every one of its items is
 *   answered, and the overall score only when every dimension is scored (listwise, so
 *   n is the same for the index and for each dimension's alpha);
 *   'partial': a dimension is the mean of the items answered (at least one), and the
 *   overall score the weighted mean of the dimensions scored, weights renormalised
 *   (like SPSS COMPUTE MEAN(...)).
 * - Overall = Σ w_d · score_d / Σ w_d (equal weights unless `weight` is given; weights
 *   must be positive).
 *
 * Summaries (overall and per dimension, over the respondents scored): n, mean, sd
 * (n - 1), 95% t-based CI as R t.test(x)$conf.int, Cronbach's alpha via reliability()
 * (listwise on the dimension's items; for the overall index on all items of all
 * dimensions), and the interpretation band (both languages).
 *
 * Bands: the first band whose `upTo` is >= the mean (no rounding). Default for a 1-5
 * scale (equal intervals of 0.8, a common convention in Indonesian survey reports):
 * 1.00-1.80 sangat rendah / very low, 1.81-2.60 rendah / low, 2.61-3.40 sedang /
 * moderate, 3.41-4.20 tinggi / high, 4.21-5.00 sangat tinggi / very high. For another
 * [min, max] the default is five equal-width bands with the same labels. A mean above the
 * last `upTo` has band null.
 *
 * With `groupBy`, the same summaries per category of that variable (value-label order,
 * then sorted; rows with a missing group value are left out of the groups only).
 */
import { applyFilter } from './filter';
import { finiteOrNull, mean, meanConfidenceInterval, variance } from './describe';
import { reliability } from './reliability';
import type { AnalysisOptions, Cell, LocalizedText, MetaInput, Row } from './types';
import { categoryKey, findMeta, isMissing, observedCategories, orderCategories, toNumber } from './values';

export interface IndexDimension {
  name: string;
  label: LocalizedText;
  items: readonly string[];
  reverse?: readonly string[];
  /** Weight in the overall index (default 1). */
  weight?: number;
}

export interface IndexBand {
  upTo: number;
  label: LocalizedText;
}

export interface IndexSpec {
  dimensions: readonly IndexDimension[];
  min?: number;
  max?: number;
  bands?: readonly IndexBand[];
  groupBy?: string;
  missingRule?: 'complete' | 'partial';
}

export interface ScoreSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  ci: [number, number] | null;
  alpha: number | null;
  band: LocalizedText | null;
}

export interface DimensionSummary extends ScoreSummary {
  name: string;
  label: LocalizedText;
  weight: number;
}

export interface IndexGroup {
  value: string | number;
  label: string;
  /** Rows in this group. */
  base: number;
  overall: ScoreSummary;
  dimensions: DimensionSummary[];
}

export interface EffectivenessIndex {
  /** Rows after the filter. */
  base: number;
  overall: ScoreSummary;
  dimensions: DimensionSummary[];
  groups: IndexGroup[] | null;
  bands: IndexBand[];
  missingRule: 'complete' | 'partial';
  min: number;
  max: number;
}

/** Per-respondent scores (null when the missing-data rule leaves the score undefined). */
export interface RespondentScores {
  overall: number | null;
  dimensions: Record<string, number | null>;
}

const DEFAULT_LABELS: LocalizedText[] = [
  { id: 'sangat rendah', en: 'very low' },
  { id: 'rendah', en: 'low' },
  { id: 'sedang', en: 'moderate' },
  { id: 'tinggi', en: 'high' },
  { id: 'sangat tinggi', en: 'very high' },
];

/** The default bands for a scale [min, max] (see the module comment). */
export function defaultBands(min = 1, max = 5): IndexBand[] {
  if (min === 1 && max === 5) {
    return [1.8, 2.6, 3.4, 4.2, 5].map((upTo, i) => ({ upTo, label: DEFAULT_LABELS[i] }));
  }
  const w = (max - min) / 5;
  return DEFAULT_LABELS.map((label, i) => ({ upTo: i === 4 ? max : min + w * (i + 1), label }));
}

/** The band of a value: the first whose upTo >= value; null for null or above the last band. */
export function bandOf(value: number | null, bands: readonly IndexBand[]): LocalizedText | null {
  if (value === null) return null;
  const b = bands.find((x) => value <= x.upTo);
  return b ? b.label : null;
}

function validate(spec: IndexSpec): { min: number; max: number; bands: IndexBand[] } {
  const min = spec.min ?? 1;
  const max = spec.max ?? 5;
  if (!(min < max)) throw new RangeError('Index scale needs min < max');
  if (spec.dimensions.length === 0) throw new Error('Index needs at least one dimension');
  const names = new Set<string>();
  for (const d of spec.dimensions) {
    if (names.has(d.name)) throw new Error(`Duplicate dimension "${d.name}"`);
    names.add(d.name);
    if (d.items.length === 0) throw new Error(`Dimension "${d.name}" has no items`);
    for (const r of d.reverse ?? []) {
      if (!d.items.includes(r)) throw new Error(`Reverse-keyed item "${r}" is not in dimension "${d.name}"`);
    }
    const w = d.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w)) throw new RangeError(`Dimension "${d.name}" needs a positive weight`);
  }
  const bands = spec.bands ? [...spec.bands] : defaultBands(min, max);
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i].upTo > bands[i - 1].upTo)) throw new Error('Bands must have increasing upTo');
  }
  return { min, max, bands };
}

/** An item answer on the scale, or null (missing, non-numeric or out of range). */
function itemValue(cell: Cell | undefined, min: number, max: number): number | null {
  const x = toNumber(cell);
  return x !== null && x >= min && x <= max ? x : null;
}

/**
 * Scores every respondent (rows after the optional filter, in order) by the rules in the
 * module comment. Pure: returns new objects.
 */
export function indexScores(rows: readonly Row[], spec: IndexSpec, options: AnalysisOptions = {}): RespondentScores[] {
  const { min, max } = validate(spec);
  const rule = spec.missingRule ?? 'complete';
  return applyFilter(rows, options.filter).map((row) => {
    const dims: Record<string, number | null> = {};
    let wSum = 0;
    let sum = 0;
    let allScored = true;
    for (const d of spec.dimensions) {
      const rev = d.reverse ?? [];
      const vals: number[] = [];
      let answeredAll = true;
      for (const it of d.items) {
        const x = itemValue(row[it], min, max);
        if (x === null) answeredAll = false;
        else vals.push(rev.includes(it) ? min + max - x : x);
      }
      const score = (rule === 'complete' ? answeredAll : vals.length > 0) ? mean(vals) : null;
      dims[d.name] = score;
      if (score === null) allScored = false;
      else {
        const w = d.weight ?? 1;
        wSum += w;
        sum += w * score;
      }
    }
    const overall = (rule === 'complete' ? allScored : wSum > 0) ? sum / wSum : null;
    return { overall, dimensions: dims };
  });
}

function summarise(scores: readonly (number | null)[], alpha: number | null, bands: readonly IndexBand[]): ScoreSummary {
  const x = scores.filter((s): s is number => s !== null);
  const m = finiteOrNull(mean(x));
  return {
    n: x.length,
    mean: m,
    sd: finiteOrNull(Math.sqrt(variance(x))),
    ci: meanConfidenceInterval(x),
    alpha,
    band: bandOf(m, bands),
  };
}

/** Rows with index items outside [min, max] or non-numeric set to null (new objects). */
function cleanRows(rows: readonly Row[], items: readonly string[], min: number, max: number): Row[] {
  return rows.map((r) => {
    const copy: Record<string, Cell | undefined> = { ...r };
    for (const it of items) copy[it] = itemValue(r[it], min, max);
    return copy;
  });
}

function analyse(
  rows: readonly Row[],
  spec: IndexSpec,
  min: number,
  max: number,
  bands: readonly IndexBand[],
): { overall: ScoreSummary; dimensions: DimensionSummary[] } {
  const scores = indexScores(rows, spec);
  const allItems = [...new Set(spec.dimensions.flatMap((d) => d.items))];
  const allReverse = [...new Set(spec.dimensions.flatMap((d) => d.reverse ?? []))];
  const clean = cleanRows(rows, allItems, min, max);
  const overallAlpha = reliability(clean, allItems, { reverse: allReverse, min, max }).alpha;
  return {
    overall: summarise(
      scores.map((s) => s.overall),
      overallAlpha,
      bands,
    ),
    dimensions: spec.dimensions.map((d) => ({
      name: d.name,
      label: d.label,
      weight: d.weight ?? 1,
      ...summarise(
        scores.map((s) => s.dimensions[d.name]),
        reliability(clean, d.items, { reverse: d.reverse ?? [], min, max }).alpha,
        bands,
      ),
    })),
  };
}

/**
 * The effectiveness index (see the module comment). `meta` labels the groupBy
 * categories; `options.lang` picks the group label language, `options.filter` the
 * subpopulation.
 */
export function effectivenessIndex(
  rows: readonly Row[],
  spec: IndexSpec,
  meta?: MetaInput,
  options: AnalysisOptions = {},
): EffectivenessIndex {
  const { min, max, bands } = validate(spec);
  const lang = options.lang ?? 'id';
  const data = applyFilter(rows, options.filter);
  const whole = analyse(data, spec, min, max, bands);
  let groups: IndexGroup[] | null = null;
  if (spec.groupBy !== undefined) {
    const g = spec.groupBy;
    const cats = orderCategories(observedCategories(data, g), findMeta(meta, g), lang, false);
    groups = cats.map((c) => {
      const sub = data.filter((r) => !isMissing(r[g]) && categoryKey(r[g] as string | number) === c.key);
      return { value: c.value, label: c.label, base: sub.length, ...analyse(sub, spec, min, max, bands) };
    });
  }
  return {
    base: data.length,
    ...whole,
    groups,
    bands: [...bands],
    missingRule: spec.missingRule ?? 'complete',
    min,
    max,
  };
}
