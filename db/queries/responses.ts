import type Database from 'better-sqlite3';
import type { Question } from '../../analysis/form/types';
import { newId, nowIso } from '../ids';
import { cachedQuestionnaire, type StoredQuestionnaire } from './questionnaire';

export type AnswerValue = string | number | null;

export interface ResponseHeader {
  id: string;
  respondentCode: string;
  enumerator: string;
  location: string;
  interviewDate: string | null;
  status: 'draft' | 'complete';
  entryPass: 1 | 2;
  verifiesResponseId: string | null;
  source: 'entry' | 'import' | 'sample';
  createdAt: string;
  updatedAt: string;
}

export interface ResponseWithAnswers extends ResponseHeader {
  /** Answers by question name. */
  answers: Record<string, AnswerValue>;
}

export class ResponseError extends Error {
  constructor(
    readonly code: 'NO_QUESTIONNAIRE' | 'NOT_FOUND' | 'UNKNOWN_QUESTION',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ResponseError';
  }
}

function requireQuestionnaire(db: Database.Database): StoredQuestionnaire {
  const q = cachedQuestionnaire(db);
  if (!q) throw new ResponseError('NO_QUESTIONNAIRE', 'The project has no questionnaire yet');
  return q;
}

interface HeaderRow {
  id: string;
  code: string;
  enumerator: string;
  location: string;
  interview_date: string | null;
  status: 'draft' | 'complete';
  entry_pass: 1 | 2;
  verifies_response_id: string | null;
  source: 'entry' | 'import' | 'sample';
  created_at: string;
  updated_at: string;
}

const HEADER_SQL = `SELECT r.id, p.code, r.enumerator, r.location, r.interview_date, r.status, r.entry_pass, r.verifies_response_id, r.source, r.created_at, r.updated_at
  FROM responses r JOIN respondents p ON p.id = r.respondent_id`;

function header(r: HeaderRow): ResponseHeader {
  return {
    id: r.id,
    respondentCode: r.code,
    enumerator: r.enumerator,
    location: r.location,
    interviewDate: r.interview_date,
    status: r.status,
    entryPass: r.entry_pass,
    verifiesResponseId: r.verifies_response_id,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewResponse {
  respondentCode: string;
  enumerator?: string;
  location?: string;
  interviewDate?: string | null;
  entryPass?: 1 | 2;
  verifiesResponseId?: string | null;
  source?: 'entry' | 'import' | 'sample';
}

/** Creates a draft response (and its respondent when the code is new). Returns its id. */
export function createResponse(db: Database.Database, init: NewResponse): string {
  const q = requireQuestionnaire(db);
  const now = nowIso();
  const id = newId();
  db.transaction(() => {
    const existing = db.prepare('SELECT id FROM respondents WHERE code = ? ORDER BY created_at LIMIT 1').get(init.respondentCode) as { id: string } | undefined;
    const respondentId = existing?.id ?? newId();
    if (!existing) db.prepare('INSERT INTO respondents (id, code, created_at) VALUES (?, ?, ?)').run(respondentId, init.respondentCode, now);
    db.prepare(
      `INSERT INTO responses (id, questionnaire_id, respondent_id, enumerator, location, interview_date, status, entry_pass, verifies_response_id, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
    ).run(id, q.id, respondentId, init.enumerator ?? '', init.location ?? '', init.interviewDate ?? null, init.entryPass ?? 1, init.verifiesResponseId ?? null, init.source ?? 'entry', now, now);
  })();
  return id;
}

/** Other first-pass responses with the same respondent code (a duplicate-ID warning when non-empty). */
export function duplicateRespondents(db: Database.Database, respondentCode: string, exceptResponseId?: string): ResponseHeader[] {
  const rows = db
    .prepare(`${HEADER_SQL} WHERE p.code = ? AND r.entry_pass = 1 AND r.deleted_at IS NULL AND r.id IS NOT ? ORDER BY r.created_at`)
    .all(respondentCode, exceptResponseId ?? null) as HeaderRow[];
  return rows.map(header);
}

export function getResponse(db: Database.Database, id: string): ResponseWithAnswers {
  const q = requireQuestionnaire(db);
  const row = db.prepare(`${HEADER_SQL} WHERE r.id = ? AND r.deleted_at IS NULL`).get(id) as HeaderRow | undefined;
  if (!row) throw new ResponseError('NOT_FOUND', `No response with id ${id}`);
  const names = new Map([...q.questionSeqs].map(([name, seq]) => [seq, name]));
  const answers: Record<string, AnswerValue> = Object.create(null) as Record<string, AnswerValue>;
  for (const a of db.prepare('SELECT question_seq, value FROM answers WHERE response_seq = (SELECT seq FROM responses WHERE id = ?)').all(id) as { question_seq: number; value: AnswerValue }[]) {
    const name = names.get(a.question_seq);
    if (name) answers[name] = a.value;
  }
  return { ...header(row), answers };
}

export interface SetAnswerOptions {
  actor: string;
  reason?: string;
}

/**
 * Saves one answer durably (its own transaction). Once a response is complete, every change is
 * written to the audit log with the old and new value, who and when. Returns whether it changed.
 */
export function setAnswer(db: Database.Database, responseId: string, questionName: string, value: AnswerValue, opts: SetAnswerOptions): boolean {
  const q = requireQuestionnaire(db);
  const questionSeq = q.questionSeqs.get(questionName);
  if (questionSeq === undefined) throw new ResponseError('UNKNOWN_QUESTION', `No question named "${questionName}"`, questionName);
  const normalised = value === '' ? null : value;
  return db.transaction(() => {
    const resp = db.prepare('SELECT seq, status FROM responses WHERE id = ? AND deleted_at IS NULL').get(responseId) as { seq: number; status: string } | undefined;
    if (!resp) throw new ResponseError('NOT_FOUND', `No response with id ${responseId}`);
    const old = db.prepare('SELECT value FROM answers WHERE response_seq = ? AND question_seq = ?').get(resp.seq, questionSeq) as { value: AnswerValue } | undefined;
    const oldValue = old?.value ?? null;
    if (oldValue === normalised) return false;
    const now = nowIso();
    if (normalised === null) db.prepare('DELETE FROM answers WHERE response_seq = ? AND question_seq = ?').run(resp.seq, questionSeq);
    else
      db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES (?, ?, ?) ON CONFLICT(response_seq, question_seq) DO UPDATE SET value = excluded.value').run(
        resp.seq, questionSeq, normalised,
      );
    db.prepare('UPDATE responses SET updated_at = ? WHERE seq = ?').run(now, resp.seq);
    if (resp.status === 'complete') {
      db.prepare('INSERT INTO audit_log (uuid, at, actor, entity, entity_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        newId(), now, opts.actor, 'response', responseId, questionName, oldValue, normalised, opts.reason ?? '',
      );
    }
    return true;
  })();
}

export type HeaderField = 'respondentCode' | 'enumerator' | 'location' | 'interviewDate' | 'status';

/** Updates a response's header fields (audited once complete, like answers). */
export function setResponseHeader(db: Database.Database, responseId: string, patch: Partial<Record<HeaderField, string | null>>, opts: SetAnswerOptions): void {
  db.transaction(() => {
    const before = getResponse(db, responseId);
    const now = nowIso();
    const audit = db.prepare('INSERT INTO audit_log (uuid, at, actor, entity, entity_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const columns: Record<Exclude<HeaderField, 'respondentCode'>, string> = { enumerator: 'enumerator', location: 'location', interviewDate: 'interview_date', status: 'status' };
    for (const [field, value] of Object.entries(patch) as [HeaderField, string | null][]) {
      const old = before[field];
      if (old === value) continue;
      if (field === 'respondentCode') {
        const code = String(value ?? '');
        const existing = db.prepare('SELECT id FROM respondents WHERE code = ? ORDER BY created_at LIMIT 1').get(code) as { id: string } | undefined;
        const rid = existing?.id ?? newId();
        if (!existing) db.prepare('INSERT INTO respondents (id, code, created_at) VALUES (?, ?, ?)').run(rid, code, now);
        db.prepare('UPDATE responses SET respondent_id = ?, updated_at = ? WHERE id = ?').run(rid, now, responseId);
      } else {
        db.prepare(`UPDATE responses SET ${columns[field]} = ?, updated_at = ?${field === 'status' && value === 'complete' ? ', completed_at = ?' : ''} WHERE id = ?`).run(
          ...(field === 'status' && value === 'complete' ? [value, now, now, responseId] : [value, now, responseId]),
        );
      }
      if (before.status === 'complete') audit.run(newId(), now, opts.actor, 'response', responseId, `_${field}`, old, value, opts.reason ?? '');
    }
  })();
}

export interface AuditEntry {
  at: string;
  actor: string;
  field: string;
  oldValue: AnswerValue;
  newValue: AnswerValue;
  reason: string;
}

export function auditTrail(db: Database.Database, responseId: string): AuditEntry[] {
  return (
    db.prepare("SELECT at, actor, field, old_value, new_value, reason FROM audit_log WHERE entity = 'response' AND entity_id = ? ORDER BY id").all(responseId) as {
      at: string;
      actor: string;
      field: string;
      old_value: AnswerValue;
      new_value: AnswerValue;
      reason: string;
    }[]
  ).map((r) => ({ at: r.at, actor: r.actor, field: r.field, oldValue: r.old_value, newValue: r.new_value, reason: r.reason }));
}

/** Soft-deletes a response (undo restores it). */
export function deleteResponse(db: Database.Database, id: string): void {
  const r = db.prepare('UPDATE responses SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(nowIso(), id);
  if (r.changes === 0) throw new ResponseError('NOT_FOUND', `No response with id ${id}`);
}

export function restoreResponse(db: Database.Database, id: string): void {
  const r = db.prepare('UPDATE responses SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id);
  if (r.changes === 0) throw new ResponseError('NOT_FOUND', `No deleted response with id ${id}`);
}

export type Row = Record<string, AnswerValue>;

/**
 * Every non-deleted first-pass response as a record keyed by question name (select_multiple as
 * space-separated codes), plus `_id`, `_respondent`, `_enumerator`, `_location`, `_date`, `_status`.
 * This is what every analysis reads.
 */
export function loadRows(db: Database.Database, opts: { includeDrafts?: boolean } = {}): { questionnaire: StoredQuestionnaire; rows: Row[] } {
  const q = requireQuestionnaire(db);
  const names = new Map([...q.questionSeqs].map(([name, seq]) => [seq, name]));
  const headers = db
    .prepare(`${HEADER_SQL} WHERE r.questionnaire_id = ? AND r.deleted_at IS NULL AND r.entry_pass = 1 ${opts.includeDrafts ? '' : "AND r.status = 'complete'"} ORDER BY r.created_at, r.id`)
    .all(q.id) as HeaderRow[];
  const byId = new Map<string, Row>();
  const rows: Row[] = headers.map((h) => {
    const row: Row = Object.create(null) as Row;
    row._id = h.id;
    row._respondent = h.code;
    row._enumerator = h.enumerator;
    row._location = h.location;
    row._date = h.interview_date;
    row._status = h.status;
    for (const question of q.questionnaire.questions) if (question.type !== 'note') row[question.name] = null;
    byId.set(h.id, row);
    return row;
  });
  const answers = db.prepare(
    `SELECT r.id AS response_id, a.question_seq, a.value FROM answers a JOIN responses r ON r.seq = a.response_seq
     WHERE r.questionnaire_id = ? AND r.deleted_at IS NULL AND r.entry_pass = 1`,
  );
  for (const a of answers.iterate(q.id) as Iterable<{ response_id: string; question_seq: number; value: AnswerValue }>) {
    const row = byId.get(a.response_id);
    const name = names.get(a.question_seq);
    if (row && name) row[name] = a.value;
  }
  return { questionnaire: q, rows };
}

/** Question types whose answers are numbers. */
export function isNumericQuestion(q: Question): boolean {
  return q.type === 'integer' || q.type === 'decimal' || q.type === 'likert' || q.type === 'calculate';
}
