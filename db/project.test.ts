import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createProject, openProject, ProjectError, getProjectInfo, setProjectTitle, LATEST_SCHEMA_VERSION, migrate, KAJIAN_APPLICATION_ID } from './index';
import { migration001 } from './migrations/001-initial';
import { sha256, tempDir } from './test-helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let counter = 0;
const fresh = (ext = '.kajian') => join(tmp.dir, `p${++counter}${ext}`);

function expectProjectError(fn: () => unknown, code: string, message: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectError);
    expect((e as ProjectError).code).toBe(code);
    expect((e as ProjectError).message).toMatch(message);
    return;
  }
  throw new Error('expected a ProjectError');
}

describe('create, close, reopen', () => {
  test('a new project keeps its title, WAL mode and foreign keys across reopen', () => {
    const path = fresh();
    const p = createProject(path, { title: 'Studi BPJS Ketenagakerjaan' });
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const info = getProjectInfo(p.db);
    expect(info.title).toBe('Studi BPJS Ketenagakerjaan');
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.counts.responses).toBe(0);
    p.close();
    const q = openProject(path);
    expect(getProjectInfo(q.db).title).toBe('Studi BPJS Ketenagakerjaan');
    expect(getProjectInfo(q.db).id).toBe(info.id);
    expect(q.migratedFrom).toBeNull();
    setProjectTitle(q.db, 'Judul baru');
    q.close();
    const r = openProject(path);
    expect(getProjectInfo(r.db).title).toBe('Judul baru');
    r.close();
  });

  test('refuses to overwrite an existing file or write into a missing folder', () => {
    const path = fresh();
    writeFileSync(path, 'hello');
    expectProjectError(() => createProject(path, { title: 'x' }), 'EXISTS', /already exists/);
    expect(readFileSync(path, 'utf8')).toBe('hello');
    expectProjectError(() => createProject(join(tmp.dir, 'no-such-folder', 'a.kajian'), { title: 'x' }), 'NOT_FOUND', /does not exist/);
  });
});

describe('files that are not openable are refused and left byte-identical', () => {
  test('missing file', () => {
    expectProjectError(() => openProject(join(tmp.dir, 'nothing.kajian')), 'NOT_FOUND', /No file/);
  });

  test('a text file', () => {
    const path = fresh('.txt');
    writeFileSync(path, 'nama,umur\nBudi,41\n');
    const before = sha256(path);
    expectProjectError(() => openProject(path), 'NOT_KAJIAN', /not a Kajian project/);
    expect(sha256(path)).toBe(before);
  });

  test('an SQLite database of another program', () => {
    const path = fresh('.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = sha256(path);
    expectProjectError(() => openProject(path), 'NOT_KAJIAN', /SQLite database but not a Kajian project/);
    expect(sha256(path)).toBe(before);
    expect(existsSync(path + '-wal')).toBe(false);
  });

  test('a damaged project', () => {
    const good = fresh();
    const p = createProject(good, { title: 'x' });
    p.db.exec("INSERT INTO coders (id, name, created_at) SELECT hex(randomblob(16)), 'c', 'now' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)");
    p.close();
    const path = fresh();
    const bytes = readFileSync(good);
    // Keep the header (so it still looks like a Kajian file) and overwrite pages after it.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    const before = sha256(path);
    expectProjectError(() => openProject(path), 'CORRUPT', /damaged/);
    expect(sha256(path)).toBe(before);
  });

  test('a project from a newer Kajian', () => {
    const path = fresh();
    createProject(path, { title: 'future' }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256(path);
    expectProjectError(() => openProject(path), 'TOO_NEW', new RegExp(`newer Kajian \\(project format ${LATEST_SCHEMA_VERSION + 5}\\)`));
    expect(sha256(path)).toBe(before);
  });
});

describe('migrating an older project', () => {
  test('writes a backup beside the file first, then migrates and keeps the data', () => {
    const path = fresh();
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    migrate(db, [migration001], 1);
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('title', 'Lama'), ('id', 'abc'), ('language', 'id'), ('created_at', 'x'), ('updated_at', 'x')").run();
    db.close();
    const before = sha256(path);
    const p = openProject(path);
    expect(p.migratedFrom).toBe(1);
    expect(p.backupPath).not.toBeNull();
    expect(sha256(p.backupPath!)).toBe(before);
    expect(p.backupPath!).toMatch(/\.backup-v1-.*\.kajian$/);
    expect(getProjectInfo(p.db).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(getProjectInfo(p.db).title).toBe('Lama');
    p.close();
    // The backup is itself an openable (older) project.
    const copy = fresh();
    copyFileSync(p.backupPath!, copy);
    const again = openProject(copy);
    expect(getProjectInfo(again.db).title).toBe('Lama');
    again.close();
    expect(readdirSync(tmp.dir).some((f) => f.includes('.backup-v1-'))).toBe(true);
    expect(new Database(path, { readonly: true }).pragma('application_id', { simple: true })).toBe(KAJIAN_APPLICATION_ID);
  });
});
