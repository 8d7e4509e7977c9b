import { evaluateForm } from '../../../analysis/entry/evaluate-form';
import { parseAnswer } from '../../../analysis/entry/parse-answer';
import { validateQuestionnaire } from '../../../analysis/form/types';
import { agreementByEnumerator, discrepancies, resolveDiscrepancy } from '../../../db/queries/double-entry';
import { loadQuestionnaire, saveQuestionnaire, type StoredQuestionnaire } from '../../../db/queries/questionnaire';
import { listResponses } from '../../../db/queries/response-list';
import {
  auditTrail,
  createResponse,
  deleteResponse,
  duplicateRespondents,
  getResponse,
  ResponseError,
  restoreResponse,
  setAnswer,
  setResponseHeader,
} from '../../../db/queries/responses';
import type Database from 'better-sqlite3';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError } from '../envelope';
import type { entryContract, EntryView } from './contract';

type Lang = 'id' | 'en';

function requireQuestionnaire(db: Database.Database): StoredQuestionnaire {
  const q = loadQuestionnaire(db);
  if (!q) throw new ApiError('NOT_FOUND', 'The project has no questionnaire yet: design one or import an XLSForm first');
  return q;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Reads a response and evaluates its form; clears answers that became irrelevant and stores
 * changed calculations (so what is stored always matches what the form shows).
 */
function view(db: Database.Database, id: string, language: Lang, actor: string): EntryView {
  const q = requireQuestionnaire(db);
  let response = getResponse(db, id);
  let state = evaluateForm(q.questionnaire, response.answers, { language, today: today() });
  if (state.toClear.length || state.calculated.length) {
    db.transaction(() => {
      for (const name of state.toClear) setAnswer(db, id, name, null, { actor, reason: 'not relevant' });
      for (const c of state.calculated) setAnswer(db, id, c.name, c.value, { actor, reason: 'calculated' });
    })();
    response = getResponse(db, id);
    state = evaluateForm(q.questionnaire, response.answers, { language, today: today() });
  }
  const { answers, ...header } = response;
  const duplicates =
    header.entryPass === 1
      ? duplicateRespondents(db, header.respondentCode, id).map((d) => ({ id: d.id, respondentCode: d.respondentCode, enumerator: d.enumerator }))
      : [];
  return { header, answers: { ...answers }, state, duplicates };
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ResponseError) throw new ApiError(e.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'BAD_INPUT', e.message, e.field);
    throw e;
  }
}

export function entryHandlers(session: AreaSession): AreaHandlers<typeof entryContract> {
  const db = () => session.requireProject().db;
  return {
    'questionnaire.get': () => {
      const q = loadQuestionnaire(db());
      return { questionnaire: q?.questionnaire ?? null, problems: q ? validateQuestionnaire(q.questionnaire) : [] };
    },
    'questionnaire.save': ({ questionnaire }) => {
      const problems = validateQuestionnaire(questionnaire);
      const blocking = problems.filter((p) => p.field === 'name' || p.field === 'list' || p.field === 'choice');
      if (blocking.length) throw new ApiError('BAD_INPUT', blocking[0]!.message, blocking[0]!.question ?? blocking[0]!.list ?? undefined);
      const saved = saveQuestionnaire(db(), questionnaire);
      session.touched();
      return { questionnaire: saved.questionnaire, problems };
    },
    'entry.new': ({ respondentCode, enumerator, location, interviewDate, verifies, language }) =>
      wrap(() => {
        requireQuestionnaire(db());
        if (verifies) getResponse(db(), verifies);
        const id = createResponse(db(), { respondentCode, enumerator, location, interviewDate, ...(verifies ? { entryPass: 2 as const, verifiesResponseId: verifies } : {}) });
        session.touched();
        return view(db(), id, language, enumerator || 'kajian');
      }),
    'entry.open': ({ id, language }) => wrap(() => view(db(), id, language, 'kajian')),
    'entry.answer': ({ id, name, raw, actor, reason, language }) =>
      wrap(() => {
        const q = requireQuestionnaire(db());
        const question = q.questionnaire.questions.find((x) => x.name === name);
        if (!question) throw new ApiError('BAD_INPUT', `No question named "${name}"`, 'name');
        const parsed = parseAnswer(question, raw, q.questionnaire);
        if (!parsed.ok) {
          const label = question.label[language] || question.label.id || question.name;
          return { view: view(db(), id, language, actor), error: `${label}: ${parsed.message[language]}` };
        }
        setAnswer(db(), id, name, parsed.value, { actor, ...(reason ? { reason } : {}) });
        return { view: view(db(), id, language, actor), error: null };
      }),
    'entry.header': ({ id, patch, actor, reason, language }) =>
      wrap(() => {
        setResponseHeader(db(), id, patch, { actor, ...(reason ? { reason } : {}) });
        return view(db(), id, language, actor);
      }),
    'entry.complete': ({ id, actor, language }) =>
      wrap(() => {
        const v = view(db(), id, language, actor);
        if (v.state.errorCount > 0) return { view: v, completed: false };
        if (v.header.status !== 'complete') setResponseHeader(db(), id, { status: 'complete' }, { actor });
        session.touched();
        return { view: view(db(), id, language, actor), completed: true };
      }),
    'entry.audit': ({ id }) => wrap(() => auditTrail(db(), id)),
    'entry.compare': ({ id }) => wrap(() => discrepancies(db(), id)),
    'entry.resolve': ({ id, name, raw, actor, language }) =>
      wrap(() => {
        const q = requireQuestionnaire(db());
        const question = q.questionnaire.questions.find((x) => x.name === name);
        if (!question) throw new ApiError('BAD_INPUT', `No question named "${name}"`, 'name');
        const parsed = parseAnswer(question, raw, q.questionnaire);
        if (!parsed.ok) throw new ApiError('BAD_INPUT', `${question.label[language] || question.name}: ${parsed.message[language]}`, 'raw');
        return resolveDiscrepancy(db(), id, name, parsed.value, actor);
      }),
    'entry.agreement': () => agreementByEnumerator(db()),
    'responses.list': (query) => {
      try {
        return listResponses(db(), query);
      } catch (e) {
        throw new ApiError('BAD_INPUT', e instanceof Error ? e.message : String(e));
      }
    },
    'responses.delete': ({ ids }) =>
      wrap(() => {
        db().transaction(() => ids.forEach((id) => deleteResponse(db(), id)))();
        session.touched();
        return { deleted: ids.length };
      }),
    'responses.restore': ({ ids }) =>
      wrap(() => {
        db().transaction(() => ids.forEach((id) => restoreResponse(db(), id)))();
        session.touched();
        return { restored: ids.length };
      }),
  };
}
