import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { detectDelimiter, parseCsvRecords, CsvError } from '../../../analysis/table/csv';
import type { ImportCell, ImportTable } from '../../../db/queries/import-responses';
import { decodeText } from '../../io/decode';

/**
 * Reads a CSV or XLSX file into an import table (header + rows of cells by position, so a
 * column called "__proto__" or a repeated column name is just a column). XLSX is read by a
 * small streaming-style scanner of the sheet XML (unzip + indexOf), many times faster than
 * building a SheetJS workbook; files it cannot read (xls, ods, unusual zips) go to SheetJS.
 */

export interface ReadTable extends ImportTable {
  format: 'csv' | 'xlsx';
  encoding?: string;
  /** Data rows in the file, even when `maxRows` cut `rows` short (an XLSX preview takes it from the sheet's dimension). */
  totalRows: number;
  /** Facts worth telling the user (other sheets not read, ...). */
  notes: { en: string; id: string }[];
}

export class ReadTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadTableError';
  }
}

// ---------------------------------------------------------------- zip

interface ZipEntry {
  method: number;
  compressedSize: number;
  offset: number;
}

function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ReadTableError('not an XLSX file (no zip directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ReadTableError('damaged zip directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw new ReadTableError('zip64 is not read by the fast reader');
    out.set(name, { method, compressedSize, offset: local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function unzipBytes(buf: Buffer, entries: Map<string, ZipEntry>, name: string): Buffer | null {
  const e = entries.get(name);
  if (!e) return null;
  if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw new ReadTableError(`damaged zip entry ${name}`);
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method === 8) return inflateRawSync(data);
  throw new ReadTableError(`zip compression method ${e.method} is not read by the fast reader`);
}

function unzip(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  return unzipBytes(buf, entries, name)?.toString('utf8') ?? null;
}

// ---------------------------------------------------------------- xml helpers

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function unescapeXml(s: string): string {
  let out = s;
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_, e: string) => {
      switch (e) {
        case 'amp': return '&';
        case 'lt': return '<';
        case 'gt': return '>';
        case 'quot': return '"';
        case 'apos': return "'";
        default: {
          const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        }
      }
    });
  }
  if (out.includes('_x')) out = out.replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

function attr(tag: string, name: string): string | null {
  const key = ` ${name}="`;
  let i = tag.indexOf(key);
  if (i < 0) {
    // Attributes may also follow a newline or tab.
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return m ? m[1]! : null;
  }
  i += key.length;
  return tag.slice(i, tag.indexOf('"', i));
}

/** The text of every <t> in a fragment (rich-text runs joined; phonetic runs left out). */
function texts(xml: string): string {
  let s = xml;
  if (s.includes('<rPh')) s = s.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  let i = 0;
  for (;;) {
    i = s.indexOf('<t', i);
    if (i < 0) break;
    const c = s.charCodeAt(i + 2);
    if (c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
      i += 2;
      continue;
    }
    const gt = s.indexOf('>', i);
    if (s.charCodeAt(gt - 1) === 47) {
      i = gt + 1;
      continue;
    }
    const end = s.indexOf('</t>', gt);
    out += s.slice(gt + 1, end);
    i = end + 4;
  }
  return unescapeXml(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    i = xml.indexOf('<si', i);
    if (i < 0) break;
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf('</si>', gt);
    out.push(texts(xml.slice(gt + 1, end)));
    i = end + 5;
  }
  return out;
}


function firstSheetPath(entries: Map<string, ZipEntry>, buf: Buffer): { path: string; sheets: number } {
  const wb = unzip(buf, entries, 'xl/workbook.xml');
  if (!wb) throw new ReadTableError('not an XLSX workbook (no xl/workbook.xml)');
  const sheetTags = wb.match(/<sheet\b[^>]*>/g) ?? [];
  if (sheetTags.length === 0) throw new ReadTableError('the workbook has no sheets');
  const rid = /\br:id="([^"]*)"/.exec(sheetTags[0]!)?.[1] ?? /\bid="([^"]*)"/.exec(sheetTags[0]!)?.[1];
  const rels = unzip(buf, entries, 'xl/_rels/workbook.xml.rels') ?? '';
  let target: string | undefined;
  for (const rel of rels.match(/<Relationship\b[^>]*>/g) ?? []) if (attr(rel, 'Id') === rid) target = attr(rel, 'Target') ?? undefined;
  if (!target) target = 'worksheets/sheet1.xml';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  return { path, sheets: sheetTags.length };
}

/** Where a scan of sheet rows stands between pieces of the sheet XML. */
interface ScanState {
  rowNo: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
// Needles as bytes: Buffer.indexOf with a string needle encodes it on every call.
const END_C = Buffer.from('</c>', 'latin1');
const OPEN_V = Buffer.from('<v', 'latin1');
const END_V = Buffer.from('</v>', 'latin1');

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * A number written in XML as ASCII bytes, exactly as Number() would read it: plain decimals with
 * at most 15 significant digits and 22 decimal places are computed as an integer over a power of
 * ten (both exact in a double, so the one division rounds correctly: Clinger's fast path);
 * anything else (exponents, long digits, stray characters) goes through Number().
 */
export function readNumber(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  let neg = false;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
  }
  const first = i;
  let mant = 0;
  let digits = 0;
  let scale = -1;
  for (; i < to; i++) {
    const b = buf[i]!;
    if (b >= 0x30 && b <= 0x39) {
      if (digits > 0 || b !== 0x30) digits++;
      mant = mant * 10 + (b - 0x30);
      if (scale >= 0) scale++;
    } else if (b === 0x2e && scale < 0) scale = 0;
    else return Number(Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('latin1'));
  }
  if (i === first || digits > 15 || scale > 22 || (scale === 0 && i === first + 1))
    return Number(Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('latin1'));
  const v = scale > 0 ? mant / POW10[scale]! : mant;
  return neg ? -v : v;
}

/** The column of a cell reference's letters (A = 0). */
function columnOfBytes(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = buf[k]!;
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/**
 * Scans the rows in buf[from, to) (sheet XML as UTF-8 bytes) and hands each non-empty one to
 * `emit` (spreadsheet row number, cells by column); `emit` returns false to stop. Returns the
 * offset of the row it stopped at, or -1 when the piece was read to its end. A piece must hold
 * whole rows. Works on bytes so that only text cells are ever decoded.
 */
function scanSheetRows(buf: Buffer, from: number, to: number, strings: readonly string[], state: ScanState, emit: (rowNo: number, cells: ImportCell[]) => boolean): number {
  let i = from;
  let cells: ImportCell[] | null = null;
  let nonEmpty = false;
  let nextCol = 0;
  let rowStart = from;
  const flush = (): boolean => {
    const ok = cells && nonEmpty ? emit(state.rowNo, cells) : true;
    cells = null;
    nonEmpty = false;
    return ok;
  };
  for (;;) {
    i = buf.indexOf(LT, i);
    if (i < 0 || i >= to) break;
    const c1 = buf[i + 1];
    if (c1 === 0x63 /* c */ && cells) {
      const c2 = buf[i + 2];
      if (!isSpace(c2) && c2 !== GT && c2 !== SLASH) {
        i += 2;
        continue;
      }
      // Attributes up to '>': r (the reference) and t (the type); the rest (s, cm, vm) is not needed.
      const gt = buf.indexOf(GT, i);
      let col = nextCol;
      let t0 = -1;
      let t1 = -1;
      for (let k = i + 2; k < gt; k++) {
        if (buf[k] !== 0x3d /* = */ || buf[k + 1] !== QUOTE) continue;
        const vEnd = buf.indexOf(QUOTE, k + 2);
        if (isSpace(buf[k - 2])) {
          if (buf[k - 1] === 0x72 /* r */) col = columnOfBytes(buf, k + 2, vEnd);
          else if (buf[k - 1] === 0x74 /* t */) {
            t0 = k + 2;
            t1 = vEnd;
          }
        }
        k = vEnd;
      }
      nextCol = col + 1;
      if (buf[gt - 1] === SLASH) {
        i = gt + 1;
        continue;
      }
      const end = buf.indexOf(END_C, gt + 1);
      i = end + 4;
      // The type: none or "n" (a number), "s" (a shared string), "b", "str", "e", "d", "inlineStr";
      // any other is read as a number, as readers of the format do.
      const tLen = t1 - t0;
      const t1c = buf[t0];
      const t =
        t0 < 0 || (tLen === 1 && t1c === 0x6e)
          ? 0x6e
          : tLen === 1 && (t1c === 0x73 || t1c === 0x62)
            ? t1c
            : (tLen === 1 && (t1c === 0x65 || t1c === 0x64)) || (tLen === 3 && buf.toString('latin1', t0, t1) === 'str')
              ? 0x2a /* text */
              : tLen === 9 && buf.toString('latin1', t0, t1) === 'inlineStr'
                ? 0x69
                : 0x6e;
      let value: ImportCell = null;
      if (t === 0x69) value = texts(buf.toString('utf8', gt + 1, end));
      else {
        const v0 = buf.indexOf(OPEN_V, gt + 1);
        if (v0 >= 0 && v0 < end) {
          const vgt = buf.indexOf(GT, v0);
          const vs = vgt + 1;
          const ve = buf[vgt - 1] === SLASH ? vs : buf.indexOf(END_V, vs);
          if (ve === vs) value = null;
          else if (t === 0x73 /* s */) value = strings[readNumber(buf, vs, ve)] ?? null;
          else if (t === 0x6e /* n */) value = readNumber(buf, vs, ve);
          else if (t === 0x62 /* b */) value = buf[vs] === 0x31 ? 1 : 0;
          else value = unescapeXml(buf.toString('utf8', vs, ve)); // str, e, d (t === 0x2a)
        }
      }
      if (value === '') value = null;
      if (value !== null) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
        nonEmpty = true;
      }
      continue;
    }
    if (c1 === 0x72 /* r */ && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 && (isSpace(buf[i + 4]) || buf[i + 4] === GT || buf[i + 4] === SLASH)) {
      if (!flush()) return rowStart;
      rowStart = i;
      const gt = buf.indexOf(GT, i);
      // The row tag is short: read as text, its r= may follow a space, a tab or a newline.
      const r = attr(buf.toString('latin1', i, gt), 'r');
      state.rowNo = r ? Number(r) : state.rowNo + 1;
      nextCol = 0;
      cells = buf[gt - 1] === SLASH ? null : [];
      i = gt + 1;
      continue;
    }
    if (c1 === SLASH && buf[i + 2] === 0x73 && buf.toString('latin1', i, i + 11) === '</sheetData') break;
    i += 1;
  }
  return flush() ? -1 : rowStart;
}

/**
 * Rows of the first sheet: [spreadsheet row number, cells by column]. Empty rows are left out.
 * With `limit`, scanning stops after that many non-empty rows and `lastRow` comes from the
 * sheet's <dimension> (the row count of a preview without reading every cell).
 */
function fastXlsxRows(buf: Buffer, limit = Number.POSITIVE_INFINITY): { rows: [number, ImportCell[]][]; sheets: number; lastRow?: number } {
  const entries = zipEntries(buf);
  const { path, sheets } = firstSheetPath(entries, buf);
  const xml = unzipBytes(buf, entries, path);
  if (xml === null) throw new ReadTableError(`the workbook lists ${path} but the file lacks it`);
  const strings = sharedStrings(unzip(buf, entries, 'xl/sharedStrings.xml'));
  const rows: [number, ImportCell[]][] = [];
  const start = xml.indexOf('<sheetData', 0, 'latin1');
  if (start < 0) return { rows, sheets };
  const stoppedAt = scanSheetRows(xml, start, xml.length, strings, { rowNo: 0 }, (rowNo, cells) => {
    if (rows.length >= limit) return false;
    rows.push([rowNo, cells]);
    return true;
  });
  if (stoppedAt >= 0) {
    const dim = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml.toString('utf8', 0, start));
    if (dim) return { rows, sheets, lastRow: Number(dim[1]) };
    // No dimension: the last <row r="..."> of the sheet.
    const lastTag = xml.lastIndexOf('<row ', undefined, 'latin1');
    const r = lastTag > stoppedAt ? attr(xml.toString('utf8', lastTag, xml.indexOf(GT, lastTag)), 'r') : null;
    return { rows, sheets, ...(r ? { lastRow: Number(r) } : {}) };
  }
  return { rows, sheets };
}

/**
 * Streams the rows of an XLSX file's first sheet: the sheet is inflated by zlib on Node's thread
 * pool in pieces while this thread scans each piece's whole rows, so reading overlaps unzipping
 * and no 100 MB string of sheet XML is ever built. `emit` gets each non-empty row.
 */
async function streamXlsxRows(buf: Buffer, emit: (rowNo: number, cells: ImportCell[]) => void): Promise<{ sheets: number }> {
  const entries = zipEntries(buf);
  const { path, sheets } = firstSheetPath(entries, buf);
  const entry = entries.get(path);
  if (!entry) throw new ReadTableError(`the workbook lists ${path} but the file lacks it`);
  const strings = sharedStrings(unzip(buf, entries, 'xl/sharedStrings.xml'));
  if (buf.readUInt32LE(entry.offset) !== 0x04034b50) throw new ReadTableError(`damaged zip entry ${path}`);
  const startAt = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
  const data = buf.subarray(startAt, startAt + entry.compressedSize);
  const state: ScanState = { rowNo: 0 };
  const each = (rowNo: number, cells: ImportCell[]) => {
    emit(rowNo, cells);
    return true;
  };
  if (entry.method === 0) {
    scanSheetRows(data, 0, data.length, strings, state, each);
    return { sheets };
  }
  if (entry.method !== 8) throw new ReadTableError(`zip compression method ${entry.method} is not read by the fast reader`);
  let carry: Buffer = Buffer.alloc(0);
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(data);
  for await (const chunk of inflate as AsyncIterable<Buffer>) {
    const piece = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = piece.lastIndexOf('</row>', undefined, 'latin1');
    if (cut < 0) {
      carry = piece;
      continue;
    }
    scanSheetRows(piece, 0, cut + 6, strings, state, each);
    carry = Buffer.from(piece.subarray(cut + 6));
  }
  scanSheetRows(carry, 0, carry.length, strings, state, each);
  return { sheets };
}

function sheetJsRows(buf: Buffer): { rows: [number, ImportCell[]][]; sheets: number } {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false });
  } catch (e) {
    throw new ReadTableError(`not a readable spreadsheet (${e instanceof Error ? e.message : String(e)})`);
  }
  const name = wb.SheetNames[0];
  if (!name || !Object.hasOwn(wb.Sheets, name)) throw new ReadTableError('the workbook has no sheets');
  const sheet = wb.Sheets[name]!;
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  const rows: [number, ImportCell[]][] = [];
  aoa.forEach((r, k) => {
    const cells = r.map((v): ImportCell => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : String(v)));
    if (cells.some((c) => c !== null)) rows.push([range.s.r + k + 1, cells]);
  });
  return { rows, sheets: wb.SheetNames.length };
}

/** The header row's names (a column without a name is an error naming it). */
function headerOf(cells: readonly ImportCell[]): string[] {
  return cells.map((h, i) => {
    const s = h === null ? '' : String(h).replace(/^\uFEFF/, '').trim();
    if (!s) throw new ReadTableError(`column ${i + 1} has no name in the header row`);
    return s;
  });
}

/** A data row cut to the header's width; values beyond it are a problem of that row. */
function fitRow(cells: ImportCell[], width: number, rowNo: number, problem: (p: NonNullable<ImportTable['problems']>[number]) => void): ImportCell[] {
  if (cells.length <= width) return cells;
  const extra = cells.slice(width).filter((c) => c !== null);
  if (extra.length > 0)
    problem({
      row: rowNo,
      column: `(column ${width + 1})`,
      value: String(extra[0]),
      en: `the row has values beyond the last named column (${width} columns)`,
      id: `baris berisi nilai di luar kolom terakhir yang bernama (${width} kolom)`,
    });
  return cells.slice(0, width);
}

function sheetNotes(sheets: number): ReadTable['notes'] {
  return sheets > 1
    ? [{ en: `Only the first sheet is read; the other ${sheets - 1} (for example KoboToolbox repeat groups) are not imported.`, id: `Hanya lembar pertama yang dibaca; ${sheets - 1} lembar lain (misalnya grup ulang KoboToolbox) tidak diimpor.` }]
    : [];
}

function tableFromRows(rows: [number, ImportCell[]][], maxRows: number, lastRow?: number): Omit<ReadTable, 'format' | 'notes'> {
  if (rows.length === 0) throw new ReadTableError('the file is empty');
  const header = headerOf(rows[0]![1]);
  const body = rows.slice(1);
  const problems: NonNullable<ImportTable['problems']> = [];
  const kept = body.slice(0, maxRows);
  const out: ImportCell[][] = kept.map(([rowNo, cells]) => fitRow(cells, header.length, rowNo, (p) => problems.push(p)));
  // A preview cut short: the data rows up to the sheet's last row (blank rows inside it included).
  const totalRows = lastRow !== undefined && lastRow > (rows[rows.length - 1]?.[0] ?? 0) ? lastRow - rows[0]![0] : body.length;
  return { header, rows: out, rowNumbers: kept.map(([n]) => n), totalRows, problems };
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new ReadTableError(`cannot read ${path}`);
  }
}

export interface ReadOptions {
  /** Keep at most this many data rows (a preview). */
  maxRows?: number;
}

/** Reads a .csv/.txt/.tsv or .xlsx/.xlsm (.xls/.ods through SheetJS) file. Errors name what is wrong. */
export function readImportTable(path: string, opts: ReadOptions = {}): ReadTable {
  const bytes = readBytes(path);
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || ext === '.ods') {
    if (bytes.length === 0) throw new ReadTableError('the file is empty');
    let read: { rows: [number, ImportCell[]][]; sheets: number; lastRow?: number };
    try {
      read = ext === '.xls' || ext === '.ods' ? sheetJsRows(bytes) : fastXlsxRows(bytes, maxRows + 1);
    } catch (e) {
      if (!(e instanceof ReadTableError) || /no sheets/.test(e.message)) throw e;
      read = sheetJsRows(bytes);
    }
    return { ...tableFromRows(read.rows, maxRows, read.lastRow), format: 'xlsx', notes: sheetNotes(read.sheets) };
  }
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const { text, encoding } = decodeText(bytes);
    let records: { fields: string[]; line: number }[];
    try {
      records = parseCsvRecords(text, detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
    } catch (e) {
      if (e instanceof CsvError) throw new ReadTableError(e.message);
      throw e;
    }
    const rows: [number, ImportCell[]][] = [];
    for (const r of records) {
      const cells = r.fields.map((f) => (f === '' ? null : f));
      if (cells.some((c) => c !== null && c.trim() !== '')) rows.push([r.line, cells]);
    }
    return { ...tableFromRows(rows, maxRows), format: 'csv', encoding, notes: [] };
  }
  throw new ReadTableError(`unsupported file type "${ext || '(none)'}": use .csv or .xlsx`);
}

/** What streamImportTable hands over: the header first, then each data row. */
export interface TableSink {
  header(header: string[], info: { format: 'csv' | 'xlsx'; encoding?: string }): void;
  row(cells: ImportCell[], rowNo: number): void;
  /** A row with values beyond the last named column (its extra cells are dropped). */
  problem(p: NonNullable<ImportTable['problems']>[number]): void;
}

/**
 * Reads a whole table row by row into `sink` (the import path: nothing but the current piece is
 * held). XLSX streams through streamXlsxRows; CSV and the SheetJS formats are read whole first.
 * The same header rules and problems as readImportTable. Returns the notes.
 */
export async function streamImportTable(path: string, sink: TableSink): Promise<{ format: 'csv' | 'xlsx'; notes: ReadTable['notes'] }> {
  const bytes = readBytes(path);
  const ext = extname(path).toLowerCase();
  let width = -1;
  const take = (rowNo: number, cells: ImportCell[]) => {
    if (width < 0) {
      const header = headerOf(cells);
      width = header.length;
      sink.header(header, { format: 'xlsx' });
      return;
    }
    sink.row(fitRow(cells, width, rowNo, sink.problem), rowNo);
  };
  if ((ext === '.xlsx' || ext === '.xlsm') && bytes.length > 0) {
    let sheets: number | null = null;
    try {
      sheets = (await streamXlsxRows(bytes, take)).sheets;
    } catch (e) {
      // The fast reader could not read this file at all: SheetJS reads it whole, as readImportTable does.
      if (!(e instanceof ReadTableError) || width >= 0 || /no sheets/.test(e.message)) throw e;
    }
    if (sheets !== null) {
      if (width < 0) throw new ReadTableError('the file is empty');
      return { format: 'xlsx', notes: sheetNotes(sheets) };
    }
  }
  const table = readImportTable(path);
  sink.header(table.header, { format: table.format, ...(table.encoding ? { encoding: table.encoding } : {}) });
  for (const p of table.problems ?? []) sink.problem(p);
  table.rows.forEach((cells, k) => sink.row(cells, table.rowNumbers[k]!));
  return { format: table.format, notes: table.notes };
}
