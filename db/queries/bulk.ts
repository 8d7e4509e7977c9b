import type Database from 'better-sqlite3';

/**
 * Multi-row INSERT for bulk writes: rows are buffered and written `rowsPerStatement` at a time
 * with one `INSERT ... VALUES (...), (...), ...` (one call into SQLite instead of one per row);
 * `flush()` writes what is left with a statement sized to it. Values are always bound, never
 * spliced into the SQL. `placeholders` is one row's VALUES tuple, e.g. `(?, ?, 'import')`.
 */
export class BulkInsert {
  private readonly buffer: unknown[] = [];
  private readonly perRow: number;
  private readonly full: Database.Statement;
  private rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly head: string,
    private readonly placeholders: string,
    private readonly rowsPerStatement = 64,
  ) {
    this.perRow = (placeholders.match(/\?/g) ?? []).length;
    if (this.perRow * rowsPerStatement > 32_000) throw new Error('BulkInsert: too many parameters per statement');
    this.full = db.prepare(this.sql(rowsPerStatement));
  }

  private sql(rows: number): string {
    return `${this.head} VALUES ${Array.from({ length: rows }, () => this.placeholders).join(', ')}`;
  }

  /** Adds one row (its values in placeholder order). */
  add(...values: unknown[]): void {
    for (const v of values) this.buffer.push(v);
    if (++this.rows === this.rowsPerStatement) this.writeFull();
  }

  private writeFull(): void {
    this.full.run(this.buffer);
    this.buffer.length = 0;
    this.rows = 0;
  }

  /** Writes the buffered rows. */
  flush(): void {
    if (this.rows === 0) return;
    if (this.rows === this.rowsPerStatement) return this.writeFull();
    this.db.prepare(this.sql(this.rows)).run(this.buffer);
    this.buffer.length = 0;
    this.rows = 0;
  }
}
