import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
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

function unzip(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name);
  if (!e) return null;
  if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw new ReadTableError(`damaged zip entry ${name}`);
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.toString('utf8');
  if (e.method === 8) return inflateRawSync(data).toString('utf8');
  throw new ReadTableError(`zip compression method ${e.method} is not read by the fast reader`);
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

function columnIndex(ref: string): number {
  let n = 0;
  for (let k = 0; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
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

/** Rows of the first sheet: [spreadsheet row number, cells by column]. Empty rows are left out. */
/**
 * Rows of the first sheet: [spreadsheet row number, cells by column]. Empty rows are left out.
 * With `limit`, scanning stops after that many non-empty rows and `lastRow` comes from the
 * sheet's <dimension> (the row count of a preview without reading every cell).
 */
function fastXlsxRows(buf: Buffer, limit = Number.POSITIVE_INFINITY): { rows: [number, ImportCell[]][]; sheets: number; lastRow?: number } {
  const entries = zipEntries(buf);
  const { path, sheets } = firstSheetPath(entries, buf);
  const xml = unzip(buf, entries, path);
  if (xml === null) throw new ReadTableError(`the workbook lists ${path} but the file lacks it`);
  const strings = sharedStrings(unzip(buf, entries, 'xl/sharedStrings.xml'));
  const rows: [number, ImportCell[]][] = [];
  let i = xml.indexOf('<sheetData');
  if (i < 0) return { rows, sheets };
  let rowNo = 0;
  let cells: ImportCell[] | null = null;
  let nonEmpty = false;
  let nextCol = 0;
  const flush = () => {
    if (cells && nonEmpty) rows.push([rowNo, cells]);
    cells = null;
    nonEmpty = false;
  };
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) break;
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 99 /* c */ && cells) {
      const c2 = xml.charCodeAt(i + 2);
      if (c2 !== 32 && c2 !== 62 && c2 !== 47 && c2 !== 10 && c2 !== 13 && c2 !== 9) {
        i += 2;
        continue;
      }
      const gt = xml.indexOf('>', i);
      const tag = xml.slice(i, gt);
      const ref = attr(tag, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (xml.charCodeAt(gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const end = xml.indexOf('</c>', gt);
      const inner = xml.slice(gt + 1, end);
      i = end + 4;
      const type = attr(tag, 't');
      let value: ImportCell = null;
      if (type === 'inlineStr') value = texts(inner);
      else {
        const v0 = inner.indexOf('<v');
        if (v0 >= 0) {
          const vgt = inner.indexOf('>', v0);
          const raw = inner.charCodeAt(vgt - 1) === 47 ? '' : inner.slice(vgt + 1, inner.indexOf('</v>', vgt));
          if (type === 's') value = strings[Number(raw)] ?? null;
          else if (type === 'str' || type === 'e' || type === 'd') value = unescapeXml(raw);
          else if (type === 'b') value = raw === '1' ? 1 : 0;
          else value = raw === '' ? null : Number(raw);
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
    if (c1 === 114 /* r */ && xml.startsWith('<row', i)) {
      flush();
      if (rows.length >= limit) {
        const dim = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml.slice(0, xml.indexOf('<sheetData')));
        if (dim) return { rows, sheets, lastRow: Number(dim[1]) };
        // No dimension: the last <row r="..."> of the sheet.
        const lastTag = xml.lastIndexOf('<row ');
        const r = lastTag > i ? attr(xml.slice(lastTag, xml.indexOf('>', lastTag)), 'r') : null;
        return { rows, sheets, ...(r ? { lastRow: Number(r) } : {}) };
      }
      const gt = xml.indexOf('>', i);
      const r = attr(xml.slice(i, gt), 'r');
      rowNo = r ? Number(r) : rowNo + 1;
      nextCol = 0;
      cells = [];
      if (xml.charCodeAt(gt - 1) === 47) cells = null;
      i = gt + 1;
      continue;
    }
    if (c1 === 47 /* / */ && xml.startsWith('</sheetData', i)) break;
    i += 1;
  }
  flush();
  return { rows, sheets };
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

function tableFromRows(rows: [number, ImportCell[]][], maxRows: number, lastRow?: number): Omit<ReadTable, 'format' | 'notes'> {
  if (rows.length === 0) throw new ReadTableError('the file is empty');
  const [, headCells] = rows[0]!;
  const header = headCells.map((h, i) => {
    const s = h === null ? '' : String(h).replace(/^\uFEFF/, '').trim();
    if (!s) throw new ReadTableError(`column ${i + 1} has no name in the header row`);
    return s;
  });
  const body = rows.slice(1);
  const problems: NonNullable<ImportTable['problems']> = [];
  const kept = body.slice(0, maxRows);
  const out: ImportCell[][] = kept.map(([rowNo, cells]) => {
    if (cells.length > header.length) {
      const extra = cells.slice(header.length).filter((c) => c !== null);
      if (extra.length > 0)
        problems.push({
          row: rowNo,
          column: `(column ${header.length + 1})`,
          value: String(extra[0]),
          en: `the row has values beyond the last named column (${header.length} columns)`,
          id: `baris berisi nilai di luar kolom terakhir yang bernama (${header.length} kolom)`,
        });
      return cells.slice(0, header.length);
    }
    return cells;
  });
  // A preview cut short: the data rows up to the sheet's last row (blank rows inside it included).
  const totalRows = lastRow !== undefined && lastRow > (rows[rows.length - 1]?.[0] ?? 0) ? lastRow - rows[0]![0] : body.length;
  return { header, rows: out, rowNumbers: kept.map(([n]) => n), totalRows, problems };
}

export interface ReadOptions {
  /** Keep at most this many data rows (a preview). */
  maxRows?: number;
}

/** Reads a .csv/.txt/.tsv or .xlsx/.xlsm (.xls/.ods through SheetJS) file. Errors name what is wrong. */
export function readImportTable(path: string, opts: ReadOptions = {}): ReadTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new ReadTableError(`cannot read ${path}`);
  }
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
    const notes =
      read.sheets > 1
        ? [{ en: `Only the first sheet is read; the other ${read.sheets - 1} (for example KoboToolbox repeat groups) are not imported.`, id: `Hanya lembar pertama yang dibaca; ${read.sheets - 1} lembar lain (misalnya grup ulang KoboToolbox) tidak diimpor.` }]
        : [];
    return { ...tableFromRows(read.rows, maxRows, read.lastRow), format: 'xlsx', notes };
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
