import type Database from 'better-sqlite3';

/** A numbered, pure schema change. `up` runs inside the runner's transaction and must not commit or change user_version itself. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
