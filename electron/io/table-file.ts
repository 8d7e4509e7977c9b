import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as XLSX from 'xlsx';
import { csvToRecords, readCsv, CsvError } from '../../analysis/table/csv';
import { decodeText } from './decode';

export type CellValue = string | number | null;

export interface TableFile {
  header: string[];
  /** Records keyed by header (null-prototype objects: a "__proto__" column is just a column). */
  records: Record<string, CellValue>[];
  /** The 1-based row number of each record as a spreadsheet or text editor shows it. */
  rowNumbers: number[];
  format: 'csv' | 'xlsx';
  encoding?: string;
}

export class TableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableFileError';
  }
}

function fromCsv(bytes: Uint8Array): TableFile {
  const { text, encoding } = decodeText(bytes);
  try {
    const table = readCsv(text);
    const records = csvToRecords(table);
    // Line numbers: header is line 1; records follow in order (multi-line fields shift them, which readCsv tracks).
    const rowNumbers = table.rows.map((_, i) => i + 2);
    return { header: table.header, records, rowNumbers, format: 'csv', encoding };
  } catch (e) {
    if (e instanceof CsvError) throw new TableFileError(e.message);
    throw e;
  }
}

function fromXlsx(bytes: Uint8Array, sheetName?: string): TableFile {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellDates: false });
  } catch (e) {
    throw new TableFileError(`not a readable spreadsheet (${e instanceof Error ? e.message : String(e)})`);
  }
  const name = sheetName ?? wb.SheetNames[0];
  if (!name || !Object.hasOwn(wb.Sheets, name)) throw new TableFileError(sheetName ? `no sheet named "${sheetName}"` : 'the workbook has no sheets');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, raw: true, defval: null, blankrows: false });
  if (rows.length === 0) throw new TableFileError('the sheet is empty');
  const header = (rows[0] ?? []).map((h, i) => {
    const s = h === null || h === undefined ? '' : String(h).trim();
    if (!s) throw new TableFileError(`column ${i + 1} has no name in the header row`);
    return s;
  });
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new TableFileError(`the column name "${h}" appears twice`);
    seen.add(h);
  }
  const records: Record<string, CellValue>[] = [];
  const rowNumbers: number[] = [];
  rows.slice(1).forEach((row, i) => {
    const rec = Object.create(null) as Record<string, CellValue>;
    header.forEach((h, j) => {
      const v = row[j];
      rec[h] = v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : String(v);
    });
    records.push(rec);
    rowNumbers.push(i + 2);
  });
  return { header, records, rowNumbers, format: 'xlsx' };
}

/** Reads a CSV or XLSX/XLS file into records with its header; errors name what is wrong. */
export function readTableFile(path: string, options: { sheet?: string } = {}): TableFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new TableFileError(`cannot read ${path}`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm' || ext === '.ods') return fromXlsx(bytes, options.sheet);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return fromCsv(bytes);
  throw new TableFileError(`unsupported file type "${ext || '(none)'}": use .csv or .xlsx`);
}
