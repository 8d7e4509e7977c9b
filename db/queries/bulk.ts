import type Database from 'better-sqlite3';

/**
 * Multi-row INSERT for bulk writes: rows are buffered and written `rowsPerStatement` at a time
 * with one `INSERT ... VALUES (...), (...), ...` (one call into SQLite instead of one per row);
 * `flush()` writes what is left with a statement sized to it. Values are always bound, never
 * spliced into the SQL. `placeholders` is one row's VALUES tuple, e.g. `(?, ?, 'import')`.
 */
export class BulkInsert {
  private readonly buffer: unknown[];
  private readonly perRow: number;
  private readonly full: Database.Statement;
  private at = 0;
  /** Statements for the shorter last batches, by row count (a chunked writer meets the same ones again). */
  private readonly partial = new Map<number, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly head: string,
    private readonly placeholders: string,
    private readonly rowsPerStatement = 64,
  ) {
    this.perRow = (placeholders.match(/\?/g) ?? []).length;
    if (this.perRow * rowsPerStatement > 32_000) throw new Error('BulkInsert: too many parameters per statement');
    this.full = db.prepare(this.sql(rowsPerStatement));
    this.buffer = new Array<unknown>(this.perRow * rowsPerStatement);
  }

  private sql(rows: number): string {
    return `${this.head} VALUES ${Array.from({ length: rows }, () => this.placeholders).join(', ')}`;
  }

  /** Adds one value of the current row; a row is complete after as many values as the placeholders take. */
  value(v: unknown): void {
    this.buffer[this.at++] = v;
    if (this.at === this.buffer.length) {
      this.full.run(this.buffer);
      this.at = 0;
    }
  }

  /** Adds one row (its values in placeholder order). */
  add(...values: unknown[]): void {
    if (values.length !== this.perRow) throw new Error(`BulkInsert: a row takes ${this.perRow} values, not ${values.length}`);
    for (const v of values) this.value(v);
  }

  /** Writes the buffered rows. */
  flush(): void {
    if (this.at === 0) return;
    const rows = this.at / this.perRow;
    let stmt = this.partial.get(rows);
    if (!stmt) {
      stmt = this.db.prepare(this.sql(rows));
      if (this.partial.size < 64) this.partial.set(rows, stmt);
    }
    stmt.run(this.buffer.slice(0, this.at));
    this.at = 0;
  }
}
