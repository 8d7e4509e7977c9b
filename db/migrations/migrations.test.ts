import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, schemaVersion, KAJIAN_APPLICATION_ID } from '../migrate';
import { migration001 } from './001-initial';
import { migration002 } from './002-lookup-indexes';
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
