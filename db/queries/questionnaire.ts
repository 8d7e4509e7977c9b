import type Database from 'better-sqlite3';
import type { ChoiceList, Question, Questionnaire } from '../../analysis/form/types';
import { newId, nowIso } from '../ids';

interface QuestionRow {
  seq: number;
  id: string;
  position: number;
  name: string;
  type: Question['type'];
  label_id: string;
  label_en: string;
  hint_id: string;
  hint_en: string;
  required: number;
  required_message_id: string;
  required_message_en: string;
  constraint_expr: string;
  constraint_message_id: string;
  constraint_message_en: string;
  relevant_expr: string;
  calculation: string;
  list_name: string | null;
  group_name: string | null;
  group_label_id: string;
  group_label_en: string;
  personal_data: number;
  dimension: Question['dimension'];
  reverse_keyed: number;
  appearance: string;
}

export interface StoredQuestionnaire {
  id: string;
  questionnaire: Questionnaire;
  /** Question name -> question id (the UUID other records and the API use). */
  questionIds: Map<string, string>;
  /** Question name -> question seq (the integer key of its answers). */
  questionSeqs: Map<string, number>;
}

const cache = new WeakMap<Database.Database, { key: string; stored: StoredQuestionnaire }>();

/**
 * The questionnaire, cached per connection and re-read only when its `updated_at` changes (every
 * save sets it), so per-answer saves do not reload every question. Callers must not mutate it.
 */
export function cachedQuestionnaire(db: Database.Database): StoredQuestionnaire | null {
  const head = db.prepare('SELECT id, updated_at FROM questionnaires ORDER BY created_at, id LIMIT 1').get() as { id: string; updated_at: string } | undefined;
  if (!head) return null;
  const key = `${head.id}@${head.updated_at}`;
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.stored;
  const stored = loadQuestionnaire(db);
  if (stored) cache.set(db, { key, stored });
  return stored;
}

/** The project's questionnaire (the first one created), or null when there is none yet. */
export function loadQuestionnaire(db: Database.Database): StoredQuestionnaire | null {
  const head = db.prepare('SELECT id, title, form_id, version, default_language FROM questionnaires ORDER BY created_at, id LIMIT 1').get() as
    | { id: string; title: string; form_id: string; version: string; default_language: 'id' | 'en' }
    | undefined;
  if (!head) return null;
  const rows = db.prepare('SELECT * FROM questions WHERE questionnaire_id = ? ORDER BY position').all(head.id) as QuestionRow[];
  const lists = db.prepare('SELECT id, name FROM choice_lists WHERE questionnaire_id = ? ORDER BY rowid').all(head.id) as { id: string; name: string }[];
  const choiceStmt = db.prepare('SELECT value, label_id, label_en FROM choices WHERE list_id = ? ORDER BY position');
  const choiceLists: ChoiceList[] = lists.map((l) => ({
    name: l.name,
    choices: (choiceStmt.all(l.id) as { value: string; label_id: string; label_en: string }[]).map((c) => ({ value: c.value, label: { id: c.label_id, en: c.label_en } })),
  }));
  const questions: Question[] = rows.map((r) => ({
    name: r.name,
    type: r.type,
    label: { id: r.label_id, en: r.label_en },
    hint: { id: r.hint_id, en: r.hint_en },
    required: r.required === 1,
    requiredMessage: { id: r.required_message_id, en: r.required_message_en },
    constraint: r.constraint_expr,
    constraintMessage: { id: r.constraint_message_id, en: r.constraint_message_en },
    relevant: r.relevant_expr,
    calculation: r.calculation,
    listName: r.list_name,
    group: r.group_name === null ? null : { name: r.group_name, label: { id: r.group_label_id, en: r.group_label_en } },
    personalData: r.personal_data === 1,
    dimension: r.dimension,
    reverse: r.reverse_keyed === 1,
    appearance: r.appearance,
  }));
  return {
    id: head.id,
    questionnaire: { title: head.title, formId: head.form_id, version: head.version, defaultLanguage: head.default_language, questions, choiceLists },
    questionIds: new Map(rows.map((r) => [r.name, r.id])),
    questionSeqs: new Map(rows.map((r) => [r.name, r.seq])),
  };
}

/**
 * Saves the questionnaire in one transaction: questions keep their ids (and so their answers) by
 * name; questions no longer present are deleted with their answers; choice lists are replaced.
 * Returns the stored questionnaire.
 */
export function saveQuestionnaire(db: Database.Database, q: Questionnaire): StoredQuestionnaire {
  const now = nowIso();
  db.transaction(() => {
    let current = loadQuestionnaire(db);
    let qid = current?.id;
    if (!qid) {
      qid = newId();
      db.prepare('INSERT INTO questionnaires (id, title, form_id, version, default_language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        qid, q.title, q.formId, q.version, q.defaultLanguage, now, now,
      );
      current = null;
    } else {
      db.prepare('UPDATE questionnaires SET title = ?, form_id = ?, version = ?, default_language = ?, updated_at = ? WHERE id = ?').run(
        q.title, q.formId, q.version, q.defaultLanguage, now, qid,
      );
    }
    const existing = current?.questionIds ?? new Map<string, string>();
    const keep = new Set(q.questions.map((x) => x.name));
    // Their answers go by ON DELETE CASCADE: answers have no index by question (every read goes by
    // response), so each removed question costs one scan of the answers table, a rare edit.
    const removed = [...existing].filter(([name]) => !keep.has(name)).map(([, id]) => id);
    if (removed.length > 0) db.prepare(`DELETE FROM questions WHERE id IN (${removed.map(() => '?').join(', ')})`).run(...removed);
    // Positions are rewritten in two passes so reordering never collides.
    db.prepare('UPDATE questions SET position = -position - 1 WHERE questionnaire_id = ?').run(qid);
    const insert = db.prepare(`INSERT INTO questions (id, questionnaire_id, position, name, type, label_id, label_en, hint_id, hint_en, required,
      required_message_id, required_message_en, constraint_expr, constraint_message_id, constraint_message_en, relevant_expr, calculation,
      list_name, group_name, group_label_id, group_label_en, personal_data, dimension, reverse_keyed, appearance)
      VALUES (@id, @qid, @position, @name, @type, @label_id, @label_en, @hint_id, @hint_en, @required, @required_message_id, @required_message_en,
      @constraint_expr, @constraint_message_id, @constraint_message_en, @relevant_expr, @calculation, @list_name, @group_name, @group_label_id,
      @group_label_en, @personal_data, @dimension, @reverse_keyed, @appearance)
      ON CONFLICT(id) DO UPDATE SET position = excluded.position, name = excluded.name, type = excluded.type, label_id = excluded.label_id,
      label_en = excluded.label_en, hint_id = excluded.hint_id, hint_en = excluded.hint_en, required = excluded.required,
      required_message_id = excluded.required_message_id, required_message_en = excluded.required_message_en, constraint_expr = excluded.constraint_expr,
      constraint_message_id = excluded.constraint_message_id, constraint_message_en = excluded.constraint_message_en, relevant_expr = excluded.relevant_expr,
      calculation = excluded.calculation, list_name = excluded.list_name, group_name = excluded.group_name, group_label_id = excluded.group_label_id,
      group_label_en = excluded.group_label_en, personal_data = excluded.personal_data, dimension = excluded.dimension,
      reverse_keyed = excluded.reverse_keyed, appearance = excluded.appearance`);
    q.questions.forEach((x, i) => {
      insert.run({
        id: existing.get(x.name) ?? newId(),
        qid,
        position: i + 1,
        name: x.name,
        type: x.type,
        label_id: x.label.id,
        label_en: x.label.en,
        hint_id: x.hint.id,
        hint_en: x.hint.en,
        required: x.required ? 1 : 0,
        required_message_id: x.requiredMessage.id,
        required_message_en: x.requiredMessage.en,
        constraint_expr: x.constraint,
        constraint_message_id: x.constraintMessage.id,
        constraint_message_en: x.constraintMessage.en,
        relevant_expr: x.relevant,
        calculation: x.calculation,
        list_name: x.listName,
        group_name: x.group?.name ?? null,
        group_label_id: x.group?.label.id ?? '',
        group_label_en: x.group?.label.en ?? '',
        personal_data: x.personalData ? 1 : 0,
        dimension: x.dimension,
        reverse_keyed: x.reverse ? 1 : 0,
        appearance: x.appearance,
      });
    });
    db.prepare('DELETE FROM choice_lists WHERE questionnaire_id = ?').run(qid);
    const list = db.prepare('INSERT INTO choice_lists (id, questionnaire_id, name) VALUES (?, ?, ?)');
    const choice = db.prepare('INSERT INTO choices (id, list_id, position, value, label_id, label_en) VALUES (?, ?, ?, ?, ?, ?)');
    for (const l of q.choiceLists) {
      const lid = newId();
      list.run(lid, qid, l.name);
      l.choices.forEach((c, i) => choice.run(newId(), lid, i + 1, c.value, c.label.id, c.label.en));
    }
  })();
  cache.delete(db);
  return loadQuestionnaire(db)!;
}
