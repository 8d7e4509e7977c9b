import type Database from 'better-sqlite3';
import qt from '@stdlib/stats-base-dists-t-quantile';
import { bandOf, crosstab, defaultBands, frequencies, type Crosstab, type FrequencyTable, type Lang, type Row } from '../../../analysis/survey';
import { loadQuestionnaire } from '../../../db/queries/questionnaire';
import { answerCounts, indexSums, pairCounts, type ScaleSums, type StoredValue } from '../../../db/queries/survey-aggregates';
import { ResponseError } from '../../../db/queries/responses';
import { AnalysisInputError, metaOf, variablesOf, type AnalysisVariable } from './service';
import type { IndexSpecInput } from './spec';

/**
 * Analyses of a whole project computed from SQL aggregates (GROUP BY inside SQLite) instead of
 * loading every answer: for very large response sets (the 1,000,000-response benchmark) and the
 * CLI on a project without a filter. Same responses as loadRows() (complete, not deleted, first
 * pass).
 *
 * - Frequencies and crosstabs: SQLite counts the answers (pairs); the counts are expanded into
 *   rows that share one object per category (a million-element array of a handful of objects)
 *   and passed to the tested frequencies() / crosstab(), so the results are exactly theirs.
 * - The index (missing rule 'complete', no subgroups, no filter): SQLite returns the sufficient
 *   statistics (n, Σx, Σx² per item, Σ and Σ² of the sum and overall scores); mean, sd (n - 1),
 *   the t-based 95% CI (as R t.test) and Cronbach's alpha (k/(k-1)(1 - Σs²ᵢ/s²ₜ)) follow. Tests
 *   check them against effectivenessIndex() on the same data.
 */

interface ProjectMeta {
  questionnaireId: string;
  questionIds: Map<string, string>;
  variables: AnalysisVariable[];
}

function projectMeta(db: Database.Database): ProjectMeta {
  const q = loadQuestionnaire(db);
  if (!q) throw new ResponseError('NO_QUESTIONNAIRE', 'The project has no questionnaire yet');
  return { questionnaireId: q.id, questionIds: q.questionIds, variables: variablesOf(q.questionnaire) };
}

function questionId(meta: ProjectMeta, name: string, field: string): string {
  const id = meta.questionIds.get(name);
  const v = meta.variables.find((x) => x.name === name);
  if (!id || !v) throw new AnalysisInputError(`${field}: there is no question named "${name}"`, field);
  if (v.kind === 'multiple') throw new AnalysisInputError(`${field}: "${name}" is a select-multiple question`, field);
  return id;
}

/** n rows that all share `row` (no per-row allocation). */
function repeat(out: Row[], row: Row, n: number): void {
  for (let i = 0; i < n; i++) out.push(row);
}

/** Frequencies of one question over the whole project, from SQL counts (identical to frequencies()). */
export function aggregateFrequencies(db: Database.Database, variable: string, lang: Lang = 'id'): FrequencyTable {
  const meta = projectMeta(db);
  const qid = questionId(meta, variable, 'variable');
  const rows: Row[] = [];
  for (const c of answerCounts(db, meta.questionnaireId, qid)) repeat(rows, Object.freeze({ [variable]: c.value }), c.n);
  return frequencies(rows, variable, metaOf(meta.variables), { lang });
}

/** Crosstab of two questions over the whole project, from SQL pair counts (identical to crosstab()). */
export function aggregateCrosstab(db: Database.Database, rowVar: string, colVar: string, lang: Lang = 'id'): Crosstab {
  const meta = projectMeta(db);
  const a = questionId(meta, rowVar, 'row');
  const b = questionId(meta, colVar, 'col');
  const rows: Row[] = [];
  for (const c of pairCounts(db, meta.questionnaireId, a, b)) repeat(rows, Object.freeze({ [rowVar]: c.a as StoredValue, [colVar]: c.b as StoredValue }), c.n);
  return crosstab(rows, rowVar, colVar, metaOf(meta.variables), { lang });
}

export interface AggregateScore {
  name: string;
  n: number;
  mean: number | null;
  sd: number | null;
  ci: [number, number] | null;
  alpha: number | null;
}

export interface AggregateIndex {
  overall: AggregateScore & { band: { id: string; en: string } | null };
  dimensions: AggregateScore[];
}

function moments(n: number, sum: number, sumSq: number): { mean: number | null; variance: number | null } {
  if (n === 0) return { mean: null, variance: null };
  const mean = sum / n;
  if (n < 2) return { mean, variance: null };
  return { mean, variance: Math.max(0, (sumSq - n * mean * mean) / (n - 1)) };
}

function alphaOf(s: ScaleSums): number | null {
  const k = s.itemSum.length;
  if (k < 2 || s.n < 2) return null;
  let itemVar = 0;
  for (let j = 0; j < k; j++) itemVar += moments(s.n, s.itemSum[j]!, s.itemSumSq[j]!).variance!;
  const totalVar = moments(s.n, s.totalSum, s.totalSumSq).variance!;
  return totalVar > 0 ? (k / (k - 1)) * (1 - itemVar / totalVar) : null;
}

function score(name: string, n: number, sum: number, sumSq: number, alpha: number | null): AggregateScore {
  const { mean, variance } = moments(n, sum, sumSq);
  const sd = variance === null ? null : Math.sqrt(variance);
  const ci: [number, number] | null = mean !== null && sd !== null ? [mean - qt(0.975, n - 1) * (sd / Math.sqrt(n)), mean + qt(0.975, n - 1) * (sd / Math.sqrt(n))] : null;
  return { name, n, mean, sd, ci, alpha };
}

/** The effectiveness index over the whole project from SQL sufficient statistics (missing rule 'complete'). */
export function aggregateIndex(db: Database.Database, spec: Pick<IndexSpecInput, 'dimensions' | 'min' | 'max' | 'bands'>): AggregateIndex {
  const meta = projectMeta(db);
  const min = spec.min ?? 1;
  const max = spec.max ?? 5;
  const dims = spec.dimensions.map((d, i) => ({
    weight: d.weight ?? 1,
    items: d.items.map((it, j) => ({ questionId: questionId(meta, it, `dimensions.${i}.items.${j}`), reverse: (d.reverse ?? []).includes(it) })),
  }));
  const sums = indexSums(db, meta.questionnaireId, dims, min, max);
  const dimensions = spec.dimensions.map((d, k) => {
    const s = sums.dimensions[k]!;
    const kItems = d.items.length;
    // Dimension score = sum / k: mean and sd scale by 1/k.
    return score(d.name, s.n, s.totalSum / kItems, s.totalSumSq / (kItems * kItems), alphaOf(s));
  });
  const o = score('overall', sums.all.n, sums.overallSum, sums.overallSumSq, alphaOf(sums.all));
  return { overall: { ...o, band: bandOf(o.mean, spec.bands ?? defaultBands(min, max)) }, dimensions };
}
