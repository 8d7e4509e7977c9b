import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, schemaVersion, KAJIAN_APPLICATION_ID } from '../migrate';
import { migration001 } from './001-initial';
import { migration002 } from './002-lookup-indexes';
import { migration003 } from './003-integer-answer-keys';
import { LATEST_SCHEMA_VERSION, migrations } from './index';

function memory(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const indexes = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migration 1: initial schema', () => {
  test('creates every domain table as STRICT', () => {
    const db = memory();
    migrate(db, [migration001], 1);
    expect(schemaVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(KAJIAN_APPLICATION_ID);
    expect(tables(db)).toEqual([
      'answers', 'audit_log', 'case_attributes', 'cases', 'choice_lists', 'choices', 'coders', 'codes', 'documents',
      'fgd_participants', 'fgd_ratings', 'fgd_sessions', 'memos', 'project_meta', 'questionnaires', 'questions',
      'respondents', 'responses', 'saved_analyses', 'segments', 'series',
    ]);
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    expect(strict.every((t) => t.strict === 1)).toBe(true);
  });

  test('enforces types, checks and foreign keys', () => {
    const db = memory();
    migrate(db, [migration001], 1);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO questionnaires (id, title, form_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('q1', 'Survei', 'survei', now, now);
    expect(() =>
      db.prepare('INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES (?, ?, ?, ?, ?)').run('x', 'q1', 1, 'a', 'geopoint'),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare('INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES (?, ?, ?, ?, ?)').run('x', 'missing', 1, 'a', 'text'),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare('INSERT INTO series (id, indicator, year, value) VALUES (?, ?, ?, ?)').run('s', 'peserta', 'dua ribu', 3.2)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.prepare('INSERT INTO series (id, indicator, sector, year, value, unit) VALUES (?, ?, ?, ?, ?, ?)').run('s1', 'peserta', 'informal', 2020, 3.2, 'juta');
    expect(db.prepare('SELECT value FROM series').get()).toEqual({ value: 3.2 });
  });

  test('answers keep numbers as numbers (bound as REAL) and text as text', () => {
    const db = memory();
    migrate(db, [migration001], 1);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO questionnaires (id, title, form_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('q1', 'S', 's', now, now);
    db.prepare("INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES ('a', 'q1', 1, 'age', 'integer')").run();
    db.prepare("INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES ('b', 'q1', 2, 'city', 'select_one')").run();
    db.prepare("INSERT INTO respondents (id, code, created_at) VALUES ('r', 'R001', ?)").run(now);
    db.prepare("INSERT INTO responses (id, questionnaire_id, respondent_id, created_at, updated_at) VALUES ('resp', 'q1', 'r', ?, ?)").run(now, now);
    const put = db.prepare('INSERT INTO answers (response_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)');
    put.run('resp', 'a', 41, now);
    put.run('resp', 'b', 'surabaya', now);
    expect(db.prepare('SELECT question_id, typeof(value) AS t FROM answers ORDER BY question_id').all()).toEqual([
      { question_id: 'a', t: 'real' },
      { question_id: 'b', t: 'text' },
    ]);
    db.prepare("DELETE FROM responses WHERE id = 'resp'").run();
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
  });
});

describe('migration 2: lookup indexes', () => {
  test('adds its indexes on top of version 1', () => {
    const db = memory();
    migrate(db, [migration001], 1);
    const before = indexes(db);
    expect(migrate(db, [migration001, migration002], 2)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(indexes(db).filter((n) => !before.includes(n))).toEqual(['saved_analyses_by_kind', 'segments_by_coder', 'series_by_indicator']);
  });
});

describe('migration 3: integer answer keys', () => {
  const now = '2026-01-01T00:00:00.000Z';
  /** A version-2 file with two questions, three responses (one a second entry of another) and their answers. */
  function v2(): Database.Database {
    const db = memory();
    migrate(db, [migration001, migration002], 2);
    db.prepare('INSERT INTO questionnaires (id, title, form_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('qn', 'S', 's', now, now);
    db.prepare("INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES ('q-city', 'qn', 2, 'city', 'select_one')").run();
    db.prepare("INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES ('q-age', 'qn', 1, 'age', 'integer')").run();
    db.prepare("INSERT INTO respondents (id, code, created_at) VALUES ('p1', 'R001', ?)").run(now);
    const resp = db.prepare("INSERT INTO responses (id, questionnaire_id, respondent_id, created_at, updated_at, entry_pass, verifies_response_id) VALUES (?, 'qn', 'p1', ?, ?, ?, ?)");
    resp.run('r-b', '2026-01-02', now, 1, null);
    resp.run('r-a', '2026-01-01', now, 1, null);
    resp.run('r-b2', '2026-01-03', now, 2, 'r-b');
    const put = db.prepare('INSERT INTO answers (response_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)');
    put.run('r-a', 'q-age', 41, now);
    put.run('r-a', 'q-city', 'medan', now);
    put.run('r-b', 'q-age', 37.5, now);
    put.run('r-b2', 'q-city', 'surabaya', now);
    return db;
  }

  test('keeps every answer, keyed by the seq of its response and question, in creation and position order', () => {
    const db = v2();
    expect(migrate(db, [migration001, migration002, migration003], 3)).toEqual([3]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT seq, id, verifies_response_id FROM responses ORDER BY seq').all()).toEqual([
      { seq: 1, id: 'r-a', verifies_response_id: null },
      { seq: 2, id: 'r-b', verifies_response_id: null },
      { seq: 3, id: 'r-b2', verifies_response_id: 'r-b' },
    ]);
    expect(db.prepare('SELECT seq, id, name FROM questions ORDER BY seq').all()).toEqual([
      { seq: 1, id: 'q-age', name: 'age' },
      { seq: 2, id: 'q-city', name: 'city' },
    ]);
    expect(db.prepare('SELECT r.id AS response, q.name AS question, a.value, typeof(a.value) AS t FROM answers a JOIN responses r ON r.seq = a.response_seq JOIN questions q ON q.seq = a.question_seq ORDER BY r.seq, q.seq').all()).toEqual([
      { response: 'r-a', question: 'age', value: 41, t: 'real' },
      { response: 'r-a', question: 'city', value: 'medan', t: 'text' },
      { response: 'r-b', question: 'age', value: 37.5, t: 'real' },
      { response: 'r-b2', question: 'city', value: 'surabaya', t: 'text' },
    ]);
    expect(indexes(db)).toEqual(expect.arrayContaining(['questions_by_position', 'responses_by_questionnaire', 'responses_by_respondent', 'responses_by_verified']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  test('the new keys are enforced and cascade: deleting a response or a question deletes its answers', () => {
    const db = v2();
    migrate(db, [migration001, migration002, migration003], 3);
    expect(() => db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES (99, 1, 1)').run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES ('q-age', 'qn', 9, 'dup', 'text')").run()).toThrow(/UNIQUE constraint failed: questions.id/);
    // A new response gets the next seq without naming it.
    db.prepare("INSERT INTO responses (id, questionnaire_id, respondent_id, created_at, updated_at) VALUES ('r-c', 'qn', 'p1', ?, ?)").run(now, now);
    expect(db.prepare("SELECT seq FROM responses WHERE id = 'r-c'").get()).toEqual({ seq: 4 });
    db.prepare("DELETE FROM responses WHERE id = 'r-b'").run(); // its second entry goes with it
    expect(db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 2 });
    db.prepare("DELETE FROM questions WHERE id = 'q-city'").run();
    expect(db.prepare('SELECT response_seq, question_seq, value FROM answers').all()).toEqual([{ response_seq: 1, question_seq: 1, value: 41 }]);
  });

  test('a dangling reference in a table the migration does not rebuild does not stop it', () => {
    const db = v2();
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO choices (id, list_id, position, value) VALUES ('c1', 'no-such-list', 1, 'x')").run();
    db.pragma('foreign_keys = ON');
    expect(migrate(db, [migration001, migration002, migration003], 3)).toEqual([3]);
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 4 });
  });

  test('a broken reference in the old file fails the migration and leaves the file at version 2', () => {
    const db = v2();
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO responses (id, questionnaire_id, respondent_id, created_at, updated_at) VALUES ('orphan', 'qn', 'nobody', ?, ?)").run(now, now);
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, [migration001, migration002, migration003], 3)).toThrow(/broken reference.*responses/);
    expect(schemaVersion(db)).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM answers WHERE response_id = ?').get('r-a')).toEqual({ n: 2 });
  });
});

describe('the runner', () => {
  test('applies all migrations from zero and is idempotent', () => {
    const db = memory();
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db)).toEqual([]);
  });

  test('a failing migration leaves nothing behind: schema and version unchanged', () => {
    const db = memory();
    migrate(db, [migration001], 1);
    const broken = { version: 2, name: 'broken', up: (d: Database.Database) => { d.exec('CREATE TABLE half_done (x INTEGER) STRICT'); d.exec('THIS IS NOT SQL'); } };
    expect(() => migrate(db, [migration001, broken], 2)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
  });

  test('refuses a gap in the numbering', () => {
    const db = memory();
    const three = { version: 3, name: 'three', up: () => undefined };
    expect(() => migrate(db, [migration001, three], 3)).toThrow(/not consecutive at version 3/);
    expect(schemaVersion(db)).toBe(0);
  });
});
