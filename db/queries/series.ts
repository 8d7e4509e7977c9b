import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { csvToRecords, readCsv, CsvError } from '../../analysis/table/csv';
import { newId, nowIso } from '../ids';

/**
 * Administrative series (table `series`): one value of one indicator in one year, with its
 * sector, programme, unit and source, either observed or a published projection (the figures a
 * report printed, kept to be compared with Kajian's own projections, never used as data).
 */

export const SECTORS = ['', 'formal', 'informal'] as const;
export const PROGRAMMES = ['', 'JKK', 'JKM', 'JHT', 'JKP'] as const;
export const SERIES_KINDS = ['observed', 'published_projection'] as const;
export type Sector = (typeof SECTORS)[number];
export type Programme = (typeof PROGRAMMES)[number];
export type SeriesKind = (typeof SERIES_KINDS)[number];

/** The columns of a series value, in the order of the grid and of an import file. */
export const SERIES_COLUMNS = ['indicator', 'sector', 'programme', 'year', 'value', 'unit', 'source', 'kind'] as const;
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** Lowest and highest year accepted (a guard against typing 202 or 20200). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const MAX_TEXT = 200;

export interface SeriesValue {
  id: string;
  indicator: string;
  sector: Sector;
  programme: Programme;
  year: number;
  value: number;
  unit: string;
  source: string;
  kind: SeriesKind;
}

/** A value to write: without `id` it is inserted or, when its key exists, updates that row; with `id` it updates that row. */
export interface SeriesValueInput {
  id?: string;
  indicator: string;
  sector: Sector;
  programme: Programme;
  year: number;
  value: number;
  unit: string;
  source: string;
  kind: SeriesKind;
}

/** One series: the identity shared by its values. */
export interface SeriesKey {
  indicator: string;
  sector: Sector;
  programme: Programme;
}

/** A series as listed: its key and kind, how many years it holds, its span, unit and source. */
export interface SeriesSummary extends SeriesKey {
  kind: SeriesKind;
  n: number;
  firstYear: number;
  lastYear: number;
  /** The distinct units and sources of its values, joined with "; " when they differ. */
  unit: string;
  source: string;
}

/** A problem of one cell: the file's row (1-based as a spreadsheet shows it; the header is row 1) or the request's row, the column, the value as read. */
export interface SeriesCellError {
  row: number;
  column: string;
  value: string | number | null;
  /** English text. */
  message: string;
  messages: { id: string; en: string };
}

export type SeriesImportReport =
  | { ok: true; inserted: number; updated: number; total: number }
  | { ok: false; errors: SeriesCellError[] };

/** Thrown by the writers when some rows are invalid; nothing has been written. */
export class SeriesStoreError extends Error {
  readonly errors: SeriesCellError[];
  constructor(errors: SeriesCellError[]) {
    super(errors.map((e) => `row ${e.row}, ${e.column}: ${e.message}`).join('; '));
    this.name = 'SeriesStoreError';
    this.errors = errors;
  }
}

type Cell = string | number | null | undefined;

function cellError(row: number, column: string, value: Cell, en: string, id: string): SeriesCellError {
  return { row, column, value: value === undefined ? null : value, message: en, messages: { id, en } };
}

function asText(v: Cell): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Reads a number typed in a cell: a JSON/CSV number, or text with a point (3.2) or a single
 * decimal comma (3,2, as spreadsheets in Indonesian write it). "3,200" is refused as ambiguous
 * (thousands or decimals); grouping separators are not guessed.
 */
export function parseNumberCell(v: Cell): { ok: true; value: number } | { ok: false; en: string; id: string } {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, en: 'not a finite number', id: 'bukan bilangan terhingga' };
  }
  const s = asText(v);
  if (s === '') return { ok: false, en: 'a number is required', id: 'angka wajib diisi' };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { ok: true, value: Number(s) };
  const comma = /^([+-]?\d+),(\d+)$/.exec(s);
  if (comma) {
    if (comma[2]!.length === 3) {
      return {
        ok: false,
        en: `"${s}" is ambiguous (3,200 may be 3.2 or 3200): write it without grouping, with a point or a comma as the decimal separator and not exactly three decimals`,
        id: `"${s}" bermakna ganda (3,200 bisa 3,2 atau 3200): tulis tanpa pemisah ribuan`,
      };
    }
    return { ok: true, value: Number(`${comma[1]}.${comma[2]}`) };
  }
  return { ok: false, en: `"${s}" is not a number`, id: `"${s}" bukan angka` };
}

/**
 * Checks one value to write (from the grid or a file row) and normalises it: text trimmed,
 * sector and kind lower-case, programme upper-case, year a whole number from 1900 to 2200,
 * value a finite number. Returns the clean value or the errors of its cells, each naming the
 * row given and the column.
 */
export function validateSeriesRow(raw: Partial<Record<SeriesColumn, Cell>>, row: number): { value: SeriesValueInput } | { errors: SeriesCellError[] } {
  const errors: SeriesCellError[] = [];
  const indicator = asText(raw.indicator);
  if (indicator === '') errors.push(cellError(row, 'indicator', raw.indicator, 'the indicator is required', 'indikator wajib diisi'));
  else if (indicator.length > MAX_TEXT) errors.push(cellError(row, 'indicator', raw.indicator, `longer than ${MAX_TEXT} characters`, `lebih dari ${MAX_TEXT} karakter`));

  const sector = asText(raw.sector).toLowerCase();
  if (!(SECTORS as readonly string[]).includes(sector)) {
    errors.push(cellError(row, 'sector', raw.sector, 'the sector must be formal, informal or empty', 'sektor harus formal, informal atau kosong'));
  }
  const programme = asText(raw.programme).toUpperCase();
  if (!(PROGRAMMES as readonly string[]).includes(programme)) {
    errors.push(cellError(row, 'programme', raw.programme, 'the programme must be JKK, JKM, JHT, JKP or empty', 'program harus JKK, JKM, JHT, JKP atau kosong'));
  }

  let year = NaN;
  const y = parseNumberCell(raw.year);
  if (!y.ok) errors.push(cellError(row, 'year', raw.year, `the year: ${y.en}`, `tahun: ${y.id}`));
  else if (!Number.isInteger(y.value) || y.value < MIN_YEAR || y.value > MAX_YEAR) {
    errors.push(cellError(row, 'year', raw.year, `the year must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`, `tahun harus bilangan bulat ${MIN_YEAR} sampai ${MAX_YEAR}`));
  } else year = y.value;

  let value = NaN;
  const v = parseNumberCell(raw.value);
  if (!v.ok) errors.push(cellError(row, 'value', raw.value, `the value: ${v.en}`, `nilai: ${v.id}`));
  else value = v.value;

  const unit = asText(raw.unit);
  if (unit.length > MAX_TEXT) errors.push(cellError(row, 'unit', raw.unit, `longer than ${MAX_TEXT} characters`, `lebih dari ${MAX_TEXT} karakter`));
  const source = asText(raw.source);
  if (source.length > MAX_TEXT) errors.push(cellError(row, 'source', raw.source, `longer than ${MAX_TEXT} characters`, `lebih dari ${MAX_TEXT} karakter`));

  const kindText = asText(raw.kind).toLowerCase().replace(/[\s-]+/g, '_');
  const kind = kindText === '' ? 'observed' : kindText;
  if (!(SERIES_KINDS as readonly string[]).includes(kind)) {
    errors.push(cellError(row, 'kind', raw.kind, 'the kind must be observed or published_projection', 'jenis harus observed atau published_projection'));
  }
  if (errors.length > 0) return { errors };
  return {
    value: { indicator, sector: sector as Sector, programme: programme as Programme, year, value, unit, source, kind: kind as SeriesKind },
  };
}

const keyOf = (v: SeriesKey & { kind: string; year: number }) => JSON.stringify([v.indicator, v.sector, v.programme, v.kind, v.year]);

/** Lists every stored value, by indicator, sector, programme, kind and year. */
export function listSeriesValues(db: Database.Database): SeriesValue[] {
  return db
    .prepare('SELECT id, indicator, sector, programme, year, value, unit, source, kind FROM series ORDER BY indicator, sector, programme, kind, year')
    .all() as SeriesValue[];
}

/** Lists the stored series: one entry per indicator, sector, programme and kind. */
export function listSeries(db: Database.Database): SeriesSummary[] {
  const out: SeriesSummary[] = [];
  const units = new Map<SeriesSummary, Set<string>>();
  const sources = new Map<SeriesSummary, Set<string>>();
  let current: SeriesSummary | null = null;
  for (const v of listSeriesValues(db)) {
    if (!current || current.indicator !== v.indicator || current.sector !== v.sector || current.programme !== v.programme || current.kind !== v.kind) {
      current = { indicator: v.indicator, sector: v.sector, programme: v.programme, kind: v.kind, n: 0, firstYear: v.year, lastYear: v.year, unit: '', source: '' };
      out.push(current);
      units.set(current, new Set());
      sources.set(current, new Set());
    }
    current.n += 1;
    current.firstYear = Math.min(current.firstYear, v.year);
    current.lastYear = Math.max(current.lastYear, v.year);
    if (v.unit) units.get(current)!.add(v.unit);
    if (v.source) sources.get(current)!.add(v.source);
  }
  for (const s of out) {
    s.unit = [...units.get(s)!].join('; ');
    s.source = [...sources.get(s)!].join('; ');
  }
  return out;
}

/** The values of one series and kind, ascending by year. */
export function seriesOf(db: Database.Database, indicator: string, sector: Sector, programme: Programme, kind: SeriesKind): SeriesValue[] {
  return db
    .prepare(
      'SELECT id, indicator, sector, programme, year, value, unit, source, kind FROM series WHERE indicator = ? AND sector = ? AND programme = ? AND kind = ? ORDER BY year',
    )
    .all(indicator, sector, programme, kind) as SeriesValue[];
}

function audit(db: Database.Database, entityId: string, field: string, oldValue: unknown, newValue: unknown): void {
  db.prepare('INSERT INTO audit_log (uuid, at, actor, entity, entity_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    newId(),
    nowIso(),
    'user',
    'series',
    entityId,
    field,
    oldValue === undefined ? null : (oldValue as string | number | null),
    newValue === undefined ? null : (newValue as string | number | null),
  );
}

/**
 * Writes values all or nothing (one transaction). A value with `id` updates that row (an
 * unknown id is an error); without `id`, a value whose key (indicator, sector, programme, kind,
 * year) exists updates that row, otherwise it is inserted. Two values of the request with the
 * same key, or an edit that would give a row the key of another, are errors naming the row
 * (1-based in the request) and the column 'year'. Changes of existing rows go to audit_log.
 * Throws SeriesStoreError; nothing is written then.
 */
export function upsertSeriesValues(db: Database.Database, values: readonly SeriesValueInput[], rowNumbers?: readonly number[]): { inserted: number; updated: number; ids: string[] } {
  const rowOf = (i: number) => rowNumbers?.[i] ?? i + 1;
  const errors: SeriesCellError[] = [];
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const k = keyOf(v);
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push(
        cellError(
          rowOf(i),
          'year',
          v.year,
          `the same indicator, sector, programme, kind and year as row ${rowOf(first)}`,
          `indikator, sektor, program, jenis dan tahun sama dengan baris ${rowOf(first)}`,
        ),
      );
    } else seen.set(k, i);
  });
  if (errors.length > 0) throw new SeriesStoreError(errors);

  const byId = db.prepare('SELECT id, indicator, sector, programme, year, value, unit, source, kind FROM series WHERE id = ?');
  const byKey = db.prepare('SELECT id, indicator, sector, programme, year, value, unit, source, kind FROM series WHERE indicator = ? AND sector = ? AND programme = ? AND kind = ? AND year = ?');
  const insert = db.prepare('INSERT INTO series (id, indicator, sector, programme, year, value, unit, source, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE series SET indicator = ?, sector = ?, programme = ?, year = ?, value = ?, unit = ?, source = ?, kind = ? WHERE id = ?');

  let inserted = 0;
  let updated = 0;
  const ids: string[] = [];
  db.transaction(() => {
    // Resolve every target row first so that a swap of keys inside one request is checked as a whole.
    const targets = values.map((v, i) => {
      if (v.id !== undefined) {
        const old = byId.get(v.id) as SeriesValue | undefined;
        if (!old) errors.push(cellError(rowOf(i), 'id', v.id, 'no stored value has this id (it may have been deleted)', 'tidak ada nilai tersimpan dengan id ini (mungkin sudah dihapus)'));
        return old ?? null;
      }
      return (byKey.get(v.indicator, v.sector, v.programme, v.kind, v.year) as SeriesValue | undefined) ?? null;
    });
    const touched = new Set(targets.filter((t): t is SeriesValue => t !== null).map((t) => t.id));
    values.forEach((v, i) => {
      const other = byKey.get(v.indicator, v.sector, v.programme, v.kind, v.year) as SeriesValue | undefined;
      const target = targets[i];
      if (other && other.id !== target?.id && !touched.has(other.id)) {
        errors.push(
          cellError(
            rowOf(i),
            'year',
            v.year,
            `another stored value already has this indicator, sector, programme, kind and year (${v.year})`,
            `nilai lain yang tersimpan sudah memiliki indikator, sektor, program, jenis dan tahun ini (${v.year})`,
          ),
        );
      }
    });
    if (errors.length > 0) throw new SeriesStoreError(errors);
    // Move touched rows out of the way of each other's keys, then write.
    for (const t of targets) if (t) db.prepare('UPDATE series SET year = -year - 1 WHERE id = ?').run(t.id);
    values.forEach((v, i) => {
      const target = targets[i];
      if (target) {
        update.run(v.indicator, v.sector, v.programme, v.year, v.value, v.unit, v.source, v.kind, target.id);
        for (const c of SERIES_COLUMNS) {
          if (target[c] !== v[c]) audit(db, target.id, c, target[c], v[c]);
        }
        updated += 1;
        ids.push(target.id);
      } else {
        const id = newId();
        insert.run(id, v.indicator, v.sector, v.programme, v.year, v.value, v.unit, v.source, v.kind);
        inserted += 1;
        ids.push(id);
      }
    });
  })();
  return { inserted, updated, ids };
}

/** Deletes values by id, all or nothing (an unknown id is an error naming its position); deletions go to audit_log. */
export function deleteSeriesValues(db: Database.Database, ids: readonly string[]): number {
  const byId = db.prepare('SELECT id, indicator, year, value FROM series WHERE id = ?');
  const del = db.prepare('DELETE FROM series WHERE id = ?');
  let n = 0;
  db.transaction(() => {
    const errors: SeriesCellError[] = [];
    ids.forEach((id, i) => {
      if (!byId.get(id)) errors.push(cellError(i + 1, 'id', id, 'no stored value has this id', 'tidak ada nilai tersimpan dengan id ini'));
    });
    if (errors.length > 0) throw new SeriesStoreError(errors);
    for (const id of ids) {
      const old = byId.get(id) as { indicator: string; year: number; value: number };
      n += del.run(id).changes;
      audit(db, id, 'deleted', `${old.indicator} ${old.year}`, null);
    }
  })();
  return n;
}

/** Column names an import file may use (case-insensitive), English and Indonesian. */
const COLUMN_ALIASES: Record<string, SeriesColumn> = {
  indicator: 'indicator',
  indikator: 'indicator',
  sector: 'sector',
  sektor: 'sector',
  programme: 'programme',
  program: 'programme',
  year: 'year',
  tahun: 'year',
  value: 'value',
  nilai: 'value',
  unit: 'unit',
  satuan: 'unit',
  source: 'source',
  sumber: 'source',
  kind: 'kind',
  jenis: 'kind',
};

const REQUIRED_COLUMNS: readonly SeriesColumn[] = ['indicator', 'year', 'value'];

/** A table read from a file: its header, records keyed by header, and each record's row number in the file. */
export interface SeriesTableInput {
  header: readonly string[];
  records: readonly Record<string, Cell>[];
  rowNumbers: readonly number[];
}

/**
 * Checks every row of a table before anything is written: the header must name the columns
 * indicator, year and value (sector, programme, unit, source, kind optional; Indonesian names
 * indikator, sektor, program, tahun, nilai, satuan, sumber, jenis accepted; unknown columns are
 * errors so a misspelt column is not dropped silently), and each row must pass
 * `validateSeriesRow`; two rows with the same key are an error at the later one.
 */
export function validateSeriesTable(table: SeriesTableInput): { values: SeriesValueInput[]; rowNumbers: number[]; errors: SeriesCellError[] } {
  const errors: SeriesCellError[] = [];
  const mapping = new Map<string, SeriesColumn>();
  const used = new Map<SeriesColumn, string>();
  for (const h of table.header) {
    const col = COLUMN_ALIASES[h.trim().toLowerCase()];
    if (!col || !Object.hasOwn(COLUMN_ALIASES, h.trim().toLowerCase())) {
      errors.push(
        cellError(1, h, h, `unknown column "${h}"; the columns are ${SERIES_COLUMNS.join(', ')}`, `kolom "${h}" tidak dikenal; kolom yang dikenal: ${SERIES_COLUMNS.join(', ')}`),
      );
      continue;
    }
    const dup = used.get(col);
    if (dup !== undefined) {
      errors.push(cellError(1, h, h, `the columns "${dup}" and "${h}" both give ${col}`, `kolom "${dup}" dan "${h}" sama-sama berisi ${col}`));
      continue;
    }
    used.set(col, h);
    mapping.set(h, col);
  }
  for (const col of REQUIRED_COLUMNS) {
    if (!used.has(col)) errors.push(cellError(1, col, null, `the column "${col}" is missing`, `kolom "${col}" tidak ada`));
  }
  if (errors.length > 0) return { values: [], rowNumbers: [], errors };
  if (table.records.length === 0) {
    return { values: [], rowNumbers: [], errors: [cellError(2, '', null, 'the file has a header but no data rows', 'berkas hanya berisi judul kolom, tanpa baris data')] };
  }
  const values: SeriesValueInput[] = [];
  const rowNumbers: number[] = [];
  const seen = new Map<string, number>();
  table.records.forEach((rec, i) => {
    const row = table.rowNumbers[i] ?? i + 2;
    const raw: Partial<Record<SeriesColumn, Cell>> = {};
    for (const [h, col] of mapping) raw[col] = rec[h];
    const checked = validateSeriesRow(raw, row);
    if ('errors' in checked) {
      // Report the column as the file names it.
      for (const e of checked.errors) errors.push({ ...e, column: used.get(e.column as SeriesColumn) ?? e.column });
      return;
    }
    const k = keyOf(checked.value);
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push(
        cellError(
          row,
          used.get('year') ?? 'year',
          rec[used.get('year') ?? 'year'],
          `the same indicator, sector, programme, kind and year as row ${first}`,
          `indikator, sektor, program, jenis dan tahun sama dengan baris ${first}`,
        ),
      );
      return;
    }
    seen.set(k, row);
    values.push(checked.value);
    rowNumbers.push(row);
  });
  return { values, rowNumbers, errors };
}

/**
 * Imports a table all or nothing: every row is validated first; with any error nothing is
 * written and the report lists each error by row and column; otherwise the values are upserted
 * in one transaction (an existing value with the same indicator, sector, programme, kind and
 * year is updated).
 */
export function importSeriesTable(db: Database.Database, table: SeriesTableInput): SeriesImportReport {
  const checked = validateSeriesTable(table);
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  try {
    const { inserted, updated } = upsertSeriesValues(db, checked.values, checked.rowNumbers);
    return { ok: true, inserted, updated, total: inserted + updated };
  } catch (e) {
    if (e instanceof SeriesStoreError) return { ok: false, errors: e.errors };
    throw e;
  }
}

/**
 * Loads a UTF-8 CSV file of series values (such as resources/sample/series.csv: columns
 * indicator, sector, programme, year, value, unit, source, kind) into the project, all or
 * nothing, as `importSeriesTable`. A file that cannot be read or parsed is reported as an error
 * of row 1. (The interface imports CSV and XLSX through electron/io/table-file.ts; this reader
 * is for the sample-study generator and scripts, which need no Windows-1252 fallback.)
 */
export function loadSeriesCsv(db: Database.Database, path: string): SeriesImportReport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [cellError(1, '', null, `cannot read ${path} as UTF-8 text (${why})`, `berkas ${path} tidak dapat dibaca sebagai teks UTF-8 (${why})`)] };
  }
  try {
    const table = readCsv(text);
    if (table.problems.length > 0) {
      return {
        ok: false,
        errors: table.problems.map((p) => cellError(p.line, '', null, p.message, `jumlah kolom tidak sesuai judul kolom (${p.message})`)),
      };
    }
    return importSeriesTable(db, { header: table.header, records: csvToRecords(table), rowNumbers: table.rows.map((_, i) => i + 2) });
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, errors: [cellError(e.line ?? 1, '', null, e.message, e.message)] };
    throw e;
  }
}
