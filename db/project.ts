import Database from 'better-sqlite3';
import { copyFileSync, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ProjectError } from './errors';
import { newId, nowIso } from './ids';
import { KAJIAN_APPLICATION_ID, migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';

export interface OpenOptions {
  /** Path of a better-sqlite3 native addon built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
}

let defaultNativeBinding: string | undefined;

/** Set once by the Electron main process so every project opens with the Electron build of the addon. */
export function setDefaultNativeBinding(path: string | undefined): void {
  defaultNativeBinding = path;
}

export interface Project {
  readonly path: string;
  readonly db: Database.Database;
  /** Versions migrated when the file was opened (empty when it was current). */
  readonly migratedFrom: number | null;
  /** Path of the backup written before migrating, if any. */
  readonly backupPath: string | null;
  close(): void;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function dbOptions(opts: OpenOptions | undefined, extra: Database.Options = {}): Database.Options {
  const nativeBinding = opts?.nativeBinding ?? defaultNativeBinding;
  return nativeBinding ? { ...extra, nativeBinding } : extra;
}

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // FULL: every committed answer is fsynced, so it survives a power cut as well as a crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 3000');
}

function wrap(path: string, db: Database.Database, migratedFrom: number | null, backupPath: string | null): Project {
  let open = true;
  return {
    path,
    db,
    migratedFrom,
    backupPath,
    close() {
      if (!open) return;
      open = false;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}

/** Creates a new, empty project file at `path` (refused if anything exists there). */
export function createProject(path: string, init: { title: string; language?: 'id' | 'en' }, opts?: OpenOptions): Project {
  if (existsSync(path)) throw new ProjectError('EXISTS', `A file already exists at ${path}`);
  if (!existsSync(dirname(path))) throw new ProjectError('NOT_FOUND', `The folder ${dirname(path)} does not exist`);
  const db = new Database(path, dbOptions(opts));
  try {
    applyPragmas(db);
    migrate(db);
    const now = nowIso();
    const put = db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      put.run('id', newId());
      put.run('title', init.title);
      put.run('language', init.language ?? 'id');
      put.run('created_at', now);
      put.run('updated_at', now);
    })();
  } catch (e) {
    db.close();
    throw e;
  }
  return wrap(path, db, null, null);
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Inspects a file without changing a byte of it: SQLite header, application_id, user_version.
 * Throws a ProjectError for anything that is not an openable Kajian project.
 */
export function inspectProjectFile(path: string, opts?: OpenOptions): { version: number } {
  if (!existsSync(path)) throw new ProjectError('NOT_FOUND', `No file at ${path}`);
  if (!statSync(path).isFile()) throw new ProjectError('NOT_KAJIAN', `${path} is a folder, not a Kajian project`);
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw new ProjectError('NOT_KAJIAN', `${basename(path)} is not a Kajian project (not an SQLite database)`);
  }
  const appId = header.readUInt32BE(68);
  const version = header.readUInt32BE(60);
  if (appId !== KAJIAN_APPLICATION_ID) {
    throw new ProjectError('NOT_KAJIAN', `${basename(path)} is an SQLite database but not a Kajian project`);
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new ProjectError(
      'TOO_NEW',
      `${basename(path)} was saved by a newer Kajian (project format ${version}); this version reads up to format ${LATEST_SCHEMA_VERSION}. Update Kajian to open it.`,
    );
  }
  // A read-only integrity probe: catches truncated or damaged files before anything is written.
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, dbOptions(opts, { readonly: true, fileMustExist: true }));
    const result = probe.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
    probe.prepare("SELECT value FROM project_meta WHERE key = 'title'").get();
  } catch (e) {
    if (e instanceof ProjectError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/locked|busy/i.test(msg)) throw new ProjectError('LOCKED', `${basename(path)} is in use by another program`);
    throw new ProjectError('CORRUPT', `${basename(path)} is damaged and cannot be opened (${msg})`);
  } finally {
    probe?.close();
  }
  return { version };
}

/** The path of the backup copy written beside `path` before migrating from `version`. */
export function backupPathFor(path: string, version: number, at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return join(dirname(path), `${basename(path, '.kajian')}.backup-v${version}-${stamp}.kajian`);
}

/**
 * Opens an existing project. Files that are not Kajian projects, damaged files and files from a
 * newer Kajian are refused with a ProjectError before any byte is written. An older project is
 * copied to a backup beside it, then migrated in one transaction.
 */
export function openProject(path: string, opts?: OpenOptions): Project {
  const { version } = inspectProjectFile(path, opts);
  let backupPath: string | null = null;
  if (version < LATEST_SCHEMA_VERSION) {
    backupPath = backupPathFor(path, version);
    copyFileSync(path, backupPath);
    for (const side of ['-wal', '-shm']) {
      if (existsSync(path + side)) copyFileSync(path + side, backupPath + side);
    }
  }
  const db = new Database(path, dbOptions(opts, { fileMustExist: true }));
  try {
    applyPragmas(db);
    if (version < LATEST_SCHEMA_VERSION) {
      try {
        migrate(db);
      } catch (e) {
        throw new ProjectError('MIGRATION_FAILED', `Could not update ${basename(path)} (${e instanceof Error ? e.message : String(e)}); the file is unchanged and a copy is at ${backupPath}`);
      }
    }
    if (schemaVersion(db) !== LATEST_SCHEMA_VERSION) throw new ProjectError('CORRUPT', `${basename(path)} has an unexpected format`);
  } catch (e) {
    db.close();
    throw e;
  }
  return wrap(path, db, version < LATEST_SCHEMA_VERSION ? version : null, backupPath);
}
