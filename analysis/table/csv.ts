/**
 * CSV reading (RFC 4180 with the variations spreadsheets write): quoted fields with doubled
 * quotes and embedded newlines, CRLF/LF/CR line ends, a UTF-8 byte-order mark, and the delimiter
 * detected among comma, semicolon (Excel in Indonesian/European locales) and tab.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvTable {
  header: string[];
  /** Data rows as strings; short rows are padded with '' (and reported), long rows reported. */
  rows: string[][];
  delimiter: Delimiter;
  /** Problems found while reading, with 1-based line numbers as a text editor shows them. */
  problems: CsvProblem[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export class CsvError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** Picks the delimiter that occurs most (outside quotes) on the first line. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Splits CSV text into records of fields. Throws CsvError for an unclosed quote (naming its line). */
export function parseCsvRecords(text: string, delimiter: Delimiter): { fields: string[]; line: number }[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { fields: string[]; line: number }[] = [];
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      inQuotes = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new CsvError(`a quoted field opened on line ${quoteLine} is never closed`, quoteLine);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * Reads CSV text with a header row. Empty lines are skipped; headers are trimmed; a missing or
 * duplicated header name is an error naming the column.
 */
export function readCsv(text: string, options: { delimiter?: Delimiter } = {}): CsvTable {
  const delimiter = options.delimiter ?? detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const records = parseCsvRecords(text, delimiter).filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
  if (records.length === 0) throw new CsvError('the file is empty');
  const header = records[0]!.fields.map((h) => h.trim());
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') throw new CsvError(`column ${i + 1} has no name in the header row`, records[0]!.line);
    const prev = seen.get(h);
    if (prev !== undefined) throw new CsvError(`the column name "${h}" appears twice (columns ${prev + 1} and ${i + 1})`, records[0]!.line);
    seen.set(h, i);
  });
  const problems: CsvProblem[] = [];
  const rows = records.slice(1).map((r) => {
    if (r.fields.length > header.length) problems.push({ line: r.line, message: `${r.fields.length} fields where the header has ${header.length}` });
    if (r.fields.length < header.length) {
      problems.push({ line: r.line, message: `${r.fields.length} fields where the header has ${header.length}` });
      return [...r.fields, ...Array<string>(header.length - r.fields.length).fill('')];
    }
    return r.fields.slice(0, header.length);
  });
  return { header, rows, delimiter, problems };
}

/** Converts a CSV table to records; cells that parse as finite numbers become numbers, empty cells null. */
export function csvToRecords(table: CsvTable): Record<string, string | number | null>[] {
  return table.rows.map((row) => {
    const rec: Record<string, string | number | null> = Object.create(null) as Record<string, string | number | null>;
    table.header.forEach((h, i) => {
      rec[h] = parseCell(row[i] ?? '');
    });
    return rec;
  });
}

/** '' → null; a plain decimal number (point as decimal separator) → number; anything else stays text. */
export function parseCell(raw: string): string | number | null {
  const v = raw.trim();
  if (v === '') return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v)) return Number(v);
  return raw;
}
