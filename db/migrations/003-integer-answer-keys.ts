import type { Migration } from './types';

/**
 * Answers keyed by small integers instead of two UUID texts.
 *
 * A survey holds tens of answers per response, so `answers` is the one table with millions of
 * rows; keyed by (response UUID, question UUID) each row carried 72 bytes of keys, and a
 * 100,000-row import spent most of its time comparing them in the B-tree. Now:
 * - `responses` and `questions` get `seq INTEGER PRIMARY KEY` (the rowid, assigned by SQLite on
 *   insert and stable across VACUUM); their UUID `id` stays, NOT NULL UNIQUE, and is still what
 *   every other table, the API and a merge between machines use;
 * - `answers` is (response_seq, question_seq, value), WITHOUT ROWID, keyed by both. `updated_at`
 *   per answer is dropped: nothing read it; the response's `updated_at` and, once complete,
 *   the audit log keep when answers change.
 * - `responses_listed` serves the responses grid's default order (a page at offset 99,900 of
 *   100,000 took 150 ms of sorting before).
 * - No secondary index on answers by question: every read goes by response (the primary key),
 *   and the by-question scans (removing a question, the index pivot) read the whole table anyway.
 *
 * Rebuilding a parent table needs foreign keys off (the 12-step procedure in SQLite's ALTER
 * TABLE documentation): the runner turns them off for this migration and runs
 * `foreign_key_check` on the three rebuilt tables before it commits. Answers whose response or
 * question no longer exists (impossible with foreign keys on) are not carried over.
 */
export const migration003: Migration = {
  version: 3,
  name: 'integer answer keys',
  foreignKeysOff: true,
  foreignKeyCheck: ['questions', 'responses', 'answers'],
  up(db) {
    db.exec(`
      CREATE TABLE questions_new (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('select_one', 'select_multiple', 'likert', 'integer', 'decimal', 'text', 'date', 'note', 'calculate')),
        label_id TEXT NOT NULL DEFAULT '',
        label_en TEXT NOT NULL DEFAULT '',
        hint_id TEXT NOT NULL DEFAULT '',
        hint_en TEXT NOT NULL DEFAULT '',
        required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
        required_message_id TEXT NOT NULL DEFAULT '',
        required_message_en TEXT NOT NULL DEFAULT '',
        constraint_expr TEXT NOT NULL DEFAULT '',
        constraint_message_id TEXT NOT NULL DEFAULT '',
        constraint_message_en TEXT NOT NULL DEFAULT '',
        relevant_expr TEXT NOT NULL DEFAULT '',
        calculation TEXT NOT NULL DEFAULT '',
        list_name TEXT,
        group_name TEXT,
        group_label_id TEXT NOT NULL DEFAULT '',
        group_label_en TEXT NOT NULL DEFAULT '',
        personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),
        dimension TEXT CHECK (dimension IS NULL OR dimension IN ('akses', 'pemahaman', 'manfaat')),
        reverse_keyed INTEGER NOT NULL DEFAULT 0 CHECK (reverse_keyed IN (0, 1)),
        appearance TEXT NOT NULL DEFAULT '',
        UNIQUE (questionnaire_id, name)
      ) STRICT;
      INSERT INTO questions_new (id, questionnaire_id, position, name, type, label_id, label_en, hint_id, hint_en, required,
        required_message_id, required_message_en, constraint_expr, constraint_message_id, constraint_message_en, relevant_expr,
        calculation, list_name, group_name, group_label_id, group_label_en, personal_data, dimension, reverse_keyed, appearance)
      SELECT id, questionnaire_id, position, name, type, label_id, label_en, hint_id, hint_en, required,
        required_message_id, required_message_en, constraint_expr, constraint_message_id, constraint_message_en, relevant_expr,
        calculation, list_name, group_name, group_label_id, group_label_en, personal_data, dimension, reverse_keyed, appearance
      FROM questions ORDER BY questionnaire_id, position;

      CREATE TABLE responses_new (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
        respondent_id TEXT NOT NULL REFERENCES respondents(id),
        enumerator TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        interview_date TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
        entry_pass INTEGER NOT NULL DEFAULT 1 CHECK (entry_pass IN (1, 2)),
        verifies_response_id TEXT REFERENCES responses(id) ON DELETE CASCADE,
        source TEXT NOT NULL DEFAULT 'entry' CHECK (source IN ('entry', 'import', 'sample')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT,
        deleted_at TEXT
      ) STRICT;
      INSERT INTO responses_new (id, questionnaire_id, respondent_id, enumerator, location, interview_date, status, entry_pass,
        verifies_response_id, source, created_at, updated_at, completed_at, deleted_at)
      SELECT id, questionnaire_id, respondent_id, enumerator, location, interview_date, status, entry_pass,
        verifies_response_id, source, created_at, updated_at, completed_at, deleted_at
      FROM responses ORDER BY created_at, id;

      CREATE TABLE answers_new (
        response_seq INTEGER NOT NULL REFERENCES responses(seq) ON DELETE CASCADE,
        question_seq INTEGER NOT NULL REFERENCES questions(seq) ON DELETE CASCADE,
        value ANY,
        PRIMARY KEY (response_seq, question_seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO answers_new (response_seq, question_seq, value)
      SELECT r.seq, q.seq, a.value FROM answers a
        JOIN responses_new r ON r.id = a.response_id
        JOIN questions_new q ON q.id = a.question_id
      ORDER BY r.seq, q.seq;

      DROP TABLE answers;
      DROP TABLE responses;
      DROP TABLE questions;
      ALTER TABLE questions_new RENAME TO questions;
      ALTER TABLE responses_new RENAME TO responses;
      ALTER TABLE answers_new RENAME TO answers;

      CREATE INDEX questions_by_position ON questions (questionnaire_id, position);
      CREATE INDEX responses_by_questionnaire ON responses (questionnaire_id, deleted_at);
      CREATE INDEX responses_by_respondent ON responses (respondent_id);
      CREATE INDEX responses_by_verified ON responses (verifies_response_id) WHERE verifies_response_id IS NOT NULL;
      -- The responses grid's default order (first entries, not deleted, by creation): a page at any offset walks this index instead of sorting every response.
      CREATE INDEX responses_listed ON responses (questionnaire_id, created_at, id) WHERE deleted_at IS NULL AND entry_pass = 1;
    `);
  },
};
