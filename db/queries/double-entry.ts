import type Database from 'better-sqlite3';
import type { AnswerValue } from './responses';
import { getResponse, setAnswer } from './responses';
import { loadQuestionnaire } from './questionnaire';

export interface Discrepancy {
  name: string;
  label: { id: string; en: string };
  first: AnswerValue;
  second: AnswerValue;
}

/** The first entry and its verification (second) entry, whichever of the two ids is given. */
export function entryPair(db: Database.Database, id: string): { first: string; second: string } | null {
  const row = db.prepare('SELECT id, entry_pass, verifies_response_id FROM responses WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { id: string; entry_pass: number; verifies_response_id: string | null }
    | undefined;
  if (!row) return null;
  if (row.entry_pass === 2 && row.verifies_response_id) return { first: row.verifies_response_id, second: row.id };
  const second = db.prepare('SELECT id FROM responses WHERE verifies_response_id = ? AND entry_pass = 2 AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1').get(row.id) as
    | { id: string }
    | undefined;
  return second ? { first: row.id, second: second.id } : null;
}

/** Field-by-field differences between the two independent entries of one paper form. */
export function discrepancies(db: Database.Database, id: string): Discrepancy[] {
  const pair = entryPair(db, id);
  const q = loadQuestionnaire(db);
  if (!pair || !q) return [];
  const a = getResponse(db, pair.first).answers;
  const b = getResponse(db, pair.second).answers;
  return q.questionnaire.questions
    .filter((x) => x.type !== 'note' && x.type !== 'calculate')
    .filter((x) => (a[x.name] ?? null) !== (b[x.name] ?? null))
    .map((x) => ({ name: x.name, label: x.label, first: a[x.name] ?? null, second: b[x.name] ?? null }));
}

/** Resolves one discrepancy: both entries take the chosen (or retyped) value. */
export function resolveDiscrepancy(db: Database.Database, id: string, name: string, value: AnswerValue, actor: string): Discrepancy[] {
  const pair = entryPair(db, id);
  if (!pair) throw new Error('This response has no second entry to compare with');
  db.transaction(() => {
    setAnswer(db, pair.first, name, value, { actor, reason: 'double entry resolution' });
    setAnswer(db, pair.second, name, value, { actor, reason: 'double entry resolution' });
  })();
  return discrepancies(db, id);
}

export interface EnumeratorAgreement {
  enumerator: string;
  forms: number;
  fieldsCompared: number;
  fieldsAgreed: number;
  /** Agreed / compared, as percent. */
  agreementPercent: number;
}

/**
 * Agreement of double entry per enumerator (of the first entry): over every verified form, the
 * fields answered in either entry, and how many of them hold the same value in both.
 */
export function agreementByEnumerator(db: Database.Database): EnumeratorAgreement[] {
  const q = loadQuestionnaire(db);
  if (!q) return [];
  const names = q.questionnaire.questions.filter((x) => x.type !== 'note' && x.type !== 'calculate').map((x) => x.name);
  const pairs = db
    .prepare(
      `SELECT f.id AS first, s.id AS second, f.enumerator FROM responses s JOIN responses f ON f.id = s.verifies_response_id
       WHERE s.entry_pass = 2 AND s.deleted_at IS NULL AND f.deleted_at IS NULL ORDER BY f.enumerator`,
    )
    .all() as { first: string; second: string; enumerator: string }[];
  const by = new Map<string, EnumeratorAgreement>();
  for (const p of pairs) {
    const a = getResponse(db, p.first).answers;
    const b = getResponse(db, p.second).answers;
    const e = by.get(p.enumerator) ?? { enumerator: p.enumerator, forms: 0, fieldsCompared: 0, fieldsAgreed: 0, agreementPercent: 0 };
    e.forms++;
    for (const n of names) {
      const x = a[n] ?? null;
      const y = b[n] ?? null;
      if (x === null && y === null) continue;
      e.fieldsCompared++;
      if (x === y) e.fieldsAgreed++;
    }
    by.set(p.enumerator, e);
  }
  return [...by.values()].map((e) => ({ ...e, agreementPercent: e.fieldsCompared ? (100 * e.fieldsAgreed) / e.fieldsCompared : 100 }));
}
