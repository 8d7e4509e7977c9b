import { basename } from 'node:path';
import { getProjectInfo, type Project } from '../../../db';
import { ResponseError } from '../../../db/queries/responses';
import { deleteSavedAnalysis, getSavedAnalysis, listSavedAnalyses, saveAnalysis } from '../../../db/queries/saved-analyses';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError } from '../envelope';
import type { analysisContract } from './contract';
import {
  AnalysisInputError,
  defaultIndexSpec,
  defaultSummarySpec,
  parseSaved,
  projectDataset,
  runAnalysis,
  runCrosstab,
  runFrequencies,
  runIndex,
  runReliability,
  runSummary,
  type Dataset,
} from './service';
import { specByKind } from './spec';

function source(p: Project): string {
  return getProjectInfo(p.db).title || basename(p.path);
}

/** Maps expected failures to API errors that name the field at fault. */
function api<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AnalysisInputError) throw new ApiError('BAD_INPUT', e.message, e.field);
    if (e instanceof ResponseError && e.code === 'NO_QUESTIONNAIRE') throw new ApiError('NOT_FOUND', 'The project has no questionnaire yet: create or import one first');
    throw e;
  }
}

/** The survey-analysis handlers: every call recomputes from the project's current responses. */
export function analysisHandlers(session: AreaSession): AreaHandlers<typeof analysisContract> {
  const dataset = (): Dataset => {
    const p = session.requireProject();
    return projectDataset(p.db, source(p));
  };
  return {
    'analysis.variables': () =>
      api(() => {
        const ds = dataset();
        return { variables: ds.variables, responses: ds.rows.length, defaults: { index: defaultIndexSpec(ds.variables), summary: defaultSummarySpec() }, source: ds.source };
      }),
    'analysis.frequencies': ({ lang, ...spec }) => api(() => runFrequencies(dataset(), spec, lang)),
    'analysis.crosstab': ({ lang, ...spec }) => api(() => runCrosstab(dataset(), spec, lang)),
    'analysis.index': ({ lang, ...spec }) => api(() => runIndex(dataset(), spec, lang)),
    'analysis.reliability': (spec) => api(() => runReliability(dataset(), spec)),
    'analysis.summary': ({ lang, ...spec }) => api(() => runSummary(dataset(), spec, lang)),
    'analysis.saved.list': ({ kind }) => listSavedAnalyses(session.requireProject().db, kind),
    'analysis.saved.save': ({ id, kind, name, spec }) => {
      const p = session.requireProject();
      const parsed = specByKind[kind].safeParse(spec);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = ['spec', ...issue.path.map(String)].join('.');
        throw new ApiError('BAD_INPUT', `analysis.saved.save: ${field}: ${issue.message}`, field);
      }
      if (id !== undefined) {
        const existing = getSavedAnalysis(p.db, id);
        if (!existing) throw new ApiError('NOT_FOUND', `No saved analysis with id ${id}`, 'id');
        if (existing.kind !== kind) throw new ApiError('BAD_INPUT', `The saved analysis "${existing.name}" is a ${existing.kind} analysis, not ${kind}`, 'kind');
      }
      const saved = saveAnalysis(p.db, { id, kind, name, spec: parsed.data });
      session.touched();
      return saved;
    },
    'analysis.saved.open': ({ id, lang }) => {
      const p = session.requireProject();
      const saved = getSavedAnalysis(p.db, id);
      if (!saved) throw new ApiError('NOT_FOUND', `No saved analysis with id ${id}`, 'id');
      return api(() => ({ saved, result: runAnalysis(projectDataset(p.db, source(p)), parseSaved(saved), lang) }));
    },
    'analysis.saved.delete': ({ id }) => {
      const p = session.requireProject();
      if (!deleteSavedAnalysis(p.db, id)) throw new ApiError('NOT_FOUND', `No saved analysis with id ${id}`, 'id');
      session.touched();
      return null;
    },
  };
}
