import { basename } from 'node:path';
import { regressionReport } from '../../../analysis/regression/report';
import type { DataRow } from '../../../analysis/regression/modelFrame';
import { getProjectInfo, type Project } from '../../../db';
import { loadQuestionnaire } from '../../../db/queries/questionnaire';
import { isNumericQuestion, loadRows } from '../../../db/queries/responses';
import { deleteSavedAnalysis, getSavedAnalysis, listSavedAnalyses, saveAnalysis, type SavedAnalysis } from '../../../db/queries/saved-analyses';
import { listSeriesValues } from '../../../db/queries/series';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError } from '../envelope';
import { regressionSpec, type RegressionRun, type RegressionVariable, type RegressionSpec } from './contract';
import type { regressionContract } from './contract';

/** Saved-analysis kinds of this area (table saved_analyses). */
export const REGRESSION_KINDS = ['regression', 'logistic'] as const;

interface Dataset {
  rows: DataRow[];
  variables: RegressionVariable[];
}

const countWith = (rows: readonly DataRow[], name: string): number =>
  rows.reduce((s, r) => {
    const v = r[name];
    return s + (v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? 0 : 1);
  }, 0);

/** Questionnaire answers: numeric questions (integer, decimal, Likert, calculate) and categorical ones (select_one, location, enumerator). */
function surveyDataset(p: Project): Dataset & { available: boolean } {
  const stored = loadQuestionnaire(p.db);
  if (!stored) return { available: false, rows: [], variables: [] };
  const { rows } = loadRows(p.db);
  const questionnaire = stored.questionnaire;
  const lists = new Map(questionnaire.choiceLists.map((l) => [l.name, l.choices]));
  const variables: RegressionVariable[] = [];
  for (const q of questionnaire.questions) {
    if (q.personalData) continue;
    if (isNumericQuestion(q)) variables.push({ name: q.name, label: q.label, kind: 'numeric', n: countWith(rows, q.name) });
    else if (q.type === 'select_one') {
      const levels = (lists.get(q.listName ?? '') ?? []).map((c) => ({ value: c.value, label: c.label }));
      variables.push({ name: q.name, label: q.label, kind: 'categorical', levels, n: countWith(rows, q.name) });
    }
  }
  for (const [name, id, en] of [
    ['_location', 'Lokasi', 'Location'],
    ['_enumerator', 'Enumerator', 'Enumerator'],
  ] as const) {
    const values = [...new Set(rows.map((r) => r[name]).filter((v): v is string => typeof v === 'string' && v.trim() !== ''))].sort();
    if (values.length > 1) variables.push({ name, label: { id, en }, kind: 'categorical', levels: values.map((v) => ({ value: v, label: { id: v, en: v } })), n: countWith(rows, name) });
  }
  return { available: true, rows: rows as DataRow[], variables };
}

/** Variable name of an observed administrative series: the indicator, with sector and programme when set. */
export function seriesVariableName(indicator: string, sector: string, programme: string): string {
  const detail = [sector, programme].filter((s) => s !== '').join(', ');
  return detail ? `${indicator} (${detail})` : indicator;
}

/** Observed administrative series side by side, one row per year (a year missing in a series is a missing value), plus `year`. */
function seriesDataset(p: Project): Dataset & { years: number } {
  const values = listSeriesValues(p.db).filter((v) => v.kind === 'observed');
  const byYear = new Map<number, Record<string, number | null>>();
  const names: string[] = [];
  for (const v of values) {
    const name = seriesVariableName(v.indicator, v.sector, v.programme);
    if (!names.includes(name)) names.push(name);
    let row = byYear.get(v.year);
    if (!row) byYear.set(v.year, (row = { year: v.year }));
    row[name] = v.value;
  }
  const rows = [...byYear.keys()].sort((a, b) => a - b).map((y) => byYear.get(y)!);
  const variables: RegressionVariable[] = names.map((name) => ({ name, label: { id: name, en: name }, kind: 'numeric', n: countWith(rows, name) }));
  if (rows.length > 0) variables.unshift({ name: 'year', label: { id: 'Tahun', en: 'Year' }, kind: 'numeric', n: rows.length });
  return { rows, variables, years: rows.length };
}

function title(p: Project): string {
  return getProjectInfo(p.db).title || basename(p.path);
}

/** Runs one regression spec on the project's current data; expected failures become BAD_INPUT naming the field. */
export function runRegression(p: Project, spec: RegressionSpec): RegressionRun {
  const ds = spec.source === 'survey' ? surveyDataset(p) : seriesDataset(p);
  const known = new Map(ds.variables.map((v) => [v.name, v]));
  const check = (name: string, field: string) => {
    if (!known.has(name)) throw new ApiError('BAD_INPUT', `There is no variable "${name}" in the ${spec.source === 'survey' ? 'questionnaire data' : 'administrative series'}`, field);
  };
  check(spec.y, 'y');
  spec.x.forEach((x, i) => check(x, `x.${i}`));
  spec.factors.forEach((f, i) => check(f, `factors.${i}`));
  if (spec.x.length === 0 && spec.factors.length === 0) throw new ApiError('BAD_INPUT', 'Choose at least one independent variable', 'x');
  if (spec.x.includes(spec.y) || spec.factors.includes(spec.y)) throw new ApiError('BAD_INPUT', `"${spec.y}" is the dependent variable and cannot also be an independent one`, 'x');
  // categorical predictors always enter as factors
  const factors = [...new Set([...spec.factors, ...spec.x.filter((x) => known.get(x)?.kind === 'categorical')])];
  const refs = Object.fromEntries(Object.entries(spec.refs).filter(([k, v]) => factors.includes(k) && v !== ''));
  const t0 = performance.now();
  try {
    const report = regressionReport({
      rows: ds.rows,
      y: spec.y,
      x: spec.x,
      factors,
      reference: refs,
      intercept: spec.intercept,
      logistic: spec.logistic,
      cutoff: spec.cutoff,
      event: spec.event,
      alpha: spec.alpha,
    });
    return { spec, report, source: title(p), ms: performance.now() - t0 };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('BAD_INPUT', e instanceof Error ? e.message : String(e), 'y');
  }
}

function requireRegression(p: Project, id: string): SavedAnalysis {
  const saved = getSavedAnalysis(p.db, id);
  if (!saved || !(REGRESSION_KINDS as readonly string[]).includes(saved.kind)) throw new ApiError('NOT_FOUND', `No saved regression with id ${id}`, 'id');
  return saved;
}

/** The regression handlers: every run recomputes from the project's current data (fast for survey sizes; see the report). */
export function regressionHandlers(session: AreaSession): AreaHandlers<typeof regressionContract> {
  return {
    'regression.variables': () => {
      const p = session.requireProject();
      const survey = surveyDataset(p);
      const series = seriesDataset(p);
      return {
        survey: { available: survey.available, responses: survey.rows.length, variables: survey.variables },
        series: { available: series.years > 0, years: series.years, variables: series.variables },
        title: title(p),
      };
    },
    'regression.run': (spec) => runRegression(session.requireProject(), spec),
    'regression.saved.list': () => {
      const db = session.requireProject().db;
      return REGRESSION_KINDS.flatMap((k) => listSavedAnalyses(db, k)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    'regression.saved.save': ({ id, name, spec }) => {
      const p = session.requireProject();
      const kind = spec.logistic ? 'logistic' : 'regression';
      const saved = p.db.transaction(() => {
        let target = id;
        if (id !== undefined) {
          const existing = requireRegression(p, id);
          // switching between linear and logistic: the item keeps its name under the new kind
          if (existing.kind !== kind) {
            deleteSavedAnalysis(p.db, id);
            target = undefined;
          }
        }
        return saveAnalysis(p.db, { id: target, kind, name, spec });
      })();
      session.touched();
      return saved;
    },
    'regression.saved.open': ({ id }) => {
      const p = session.requireProject();
      const saved = requireRegression(p, id);
      const parsed = regressionSpec.safeParse(saved.spec);
      if (!parsed.success) throw new ApiError('BAD_INPUT', `The saved regression "${saved.name}" has an unreadable specification: ${parsed.error.issues[0]?.message ?? ''}`, 'id');
      return { saved, run: runRegression(p, parsed.data) };
    },
    'regression.saved.delete': ({ id }) => {
      const p = session.requireProject();
      requireRegression(p, id);
      deleteSavedAnalysis(p.db, id);
      session.touched();
      return null;
    },
  };
}
