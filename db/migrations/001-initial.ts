import type { Migration } from './types';

/**
 * The initial schema: the whole Kajian domain, so later work extends rather than rewrites.
 * Every record that may be merged between machines has a UUID text primary key.
 * All tables are STRICT; booleans are INTEGER 0/1 with CHECKs.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE project_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE coders (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'coder' CHECK (role IN ('coder', 'enumerator', 'supervisor', 'analyst')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE questionnaires (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        form_id TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT '1',
        default_language TEXT NOT NULL DEFAULT 'id' CHECK (default_language IN ('id', 'en')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE choice_lists (
        id TEXT PRIMARY KEY,
        questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (questionnaire_id, name)
      ) STRICT;

      CREATE TABLE choices (
        id TEXT PRIMARY KEY,
        list_id TEXT NOT NULL REFERENCES choice_lists(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        value TEXT NOT NULL,
        label_id TEXT NOT NULL DEFAULT '',
        label_en TEXT NOT NULL DEFAULT '',
        UNIQUE (list_id, value)
      ) STRICT;

      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
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
      CREATE INDEX questions_by_position ON questions (questionnaire_id, position);

      CREATE TABLE respondents (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX respondents_by_code ON respondents (code);

      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
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
      CREATE INDEX responses_by_questionnaire ON responses (questionnaire_id, deleted_at);
      CREATE INDEX responses_by_respondent ON responses (respondent_id);

      CREATE TABLE answers (
        response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        value ANY,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (response_id, question_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX answers_by_question ON answers (question_id, value);

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_attributes (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        value ANY,
        PRIMARY KEY (case_id, name)
      ) STRICT;

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('interview', 'fgd', 'other')),
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE codes (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES codes(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        color TEXT NOT NULL DEFAULT '#0072B2',
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE segments (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
        coder_id TEXT REFERENCES coders(id) ON DELETE SET NULL,
        start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (end_offset > start_offset)
      ) STRICT;
      CREATE INDEX segments_by_document ON segments (document_id, start_offset);
      CREATE INDEX segments_by_code ON segments (code_id);

      CREATE TABLE memos (
        id TEXT PRIMARY KEY,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'document', 'code', 'segment', 'response', 'analysis', 'fgd_session')),
        target_id TEXT,
        coder_id TEXT REFERENCES coders(id) ON DELETE SET NULL,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fgd_sessions (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        held_on TEXT,
        location TEXT NOT NULL DEFAULT '',
        moderator TEXT NOT NULL DEFAULT '',
        document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fgd_participants (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES fgd_sessions(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
        role TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE fgd_ratings (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES fgd_sessions(id) ON DELETE CASCADE,
        participant_id TEXT REFERENCES fgd_participants(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        value REAL NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE series (
        id TEXT PRIMARY KEY,
        indicator TEXT NOT NULL,
        sector TEXT NOT NULL DEFAULT '' CHECK (sector IN ('', 'formal', 'informal')),
        programme TEXT NOT NULL DEFAULT '' CHECK (programme IN ('', 'JKK', 'JKM', 'JHT', 'JKP')),
        year INTEGER NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'observed' CHECK (kind IN ('observed', 'published_projection')),
        UNIQUE (indicator, sector, programme, kind, year)
      ) STRICT;

      CREATE TABLE saved_analyses (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL DEFAULT '',
        old_value ANY,
        new_value ANY,
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX audit_by_entity ON audit_log (entity, entity_id, at);
    `);
  },
};
