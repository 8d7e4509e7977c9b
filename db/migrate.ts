import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

/** The SQLite application_id that marks a file as a Kajian project ("KJN1"). */
export const KAJIAN_APPLICATION_ID = 0x4b4a4e31;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every migration above the file's user_version, in order, inside ONE transaction, and
 * records the new version. Either all pending migrations apply or none do.
 * Returns the versions applied.
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = migrations,
  target: number = LATEST_SCHEMA_VERSION,
): number[] {
  const from = schemaVersion(db);
  const pending = list.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return [];
  for (let i = 1; i < pending.length; i++) {
    if (pending[i]!.version !== pending[i - 1]!.version + 1) {
      throw new Error(`Migrations are not consecutive at version ${pending[i]!.version}`);
    }
  }
  const fkOff = pending.some((m) => m.foreignKeysOff);
  const fkBefore = db.pragma('foreign_keys', { simple: true }) as number;
  const run = db.transaction(() => {
    for (const m of pending) m.up(db);
    if (fkOff) {
      // Only the tables the migrations rebuilt: a dangling reference elsewhere (older than this
      // migration) must not make the project impossible to open.
      const tables = pending.some((m) => m.foreignKeysOff && !m.foreignKeyCheck) ? null : [...new Set(pending.flatMap((m) => m.foreignKeyCheck ?? []))];
      type Broken = { table: string; rowid: number; parent: string };
      const broken = tables === null ? (db.pragma('foreign_key_check') as Broken[]) : tables.flatMap((t) => db.prepare('SELECT * FROM pragma_foreign_key_check(?)').all(t) as Broken[]);
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new Error(`Migration left ${broken.length} broken reference(s), first: ${first.table} row ${first.rowid} → ${first.parent}`);
      }
    }
    db.pragma(`application_id = ${KAJIAN_APPLICATION_ID}`);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  });
  if (fkOff) db.pragma('foreign_keys = OFF');
  try {
    run.immediate();
  } finally {
    if (fkOff) db.pragma(`foreign_keys = ${fkBefore ? 'ON' : 'OFF'}`);
  }
  return pending.map((m) => m.version);
}
