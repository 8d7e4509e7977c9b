import type Database from 'better-sqlite3';

/** A numbered, pure schema change. `up` runs inside the runner's transaction and must not commit or change user_version itself. */
export interface Migration {
  version: number;
  name: string;
  /**
   * Rebuilds a table other tables reference: the runner turns foreign keys off around its
   * transaction (they cannot change inside one), runs `PRAGMA foreign_key_check` before
   * committing, and turns them back on.
   */
  foreignKeysOff?: boolean;
  /** The tables whose references `foreign_key_check` verifies (those the migration rebuilt); all when absent. */
  foreignKeyCheck?: readonly string[];
  up(db: Database.Database): void;
}
