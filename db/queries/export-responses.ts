import type Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Question, Questionnaire } from '../../analysis/form/types';
import { loadRows, type AnswerValue } from './responses';
import { EXCEL_CELL_LIMIT, writeXlsx, type SheetCell } from './xlsx-writer';

/**
 * Exporting responses as CSV or XLSX with a codebook (variable, label, type, value labels): codes
 * or labels; personal-data questions left out unless asked for; text cells that a spreadsheet
 * would run as a formula (= + - @, tab, carriage return first) neutralised with a leading '.
 * CSV has no sheets, so its codebook is written beside it as `<name>.codebook.csv`.
 */

export interface ExportOptions {
  /** Choice labels instead of codes (select_multiple: labels joined by "; "). */
  labels?: boolean;
  /** Include questions marked as personal data (names, phone numbers, NIK...). */
  includePersonal?: boolean;
  /** Label language; the questionnaire's default language when absent. */
  language?: 'id' | 'en';
}

export interface ExportTables {
  data: SheetCell[][];
  codebook: SheetCell[][];
  rows: number;
  columns: string[];
  /** Personal-data questions left out. */
  excluded: string[];
}

export const HEADER_COLUMNS = [
  { name: 'respondent_id', key: '_respondent', label: { id: 'ID responden', en: 'Respondent ID' } },
  { name: 'enumerator', key: '_enumerator', label: { id: 'Pencacah', en: 'Enumerator' } },
  { name: 'location', key: '_location', label: { id: 'Lokasi', en: 'Location' } },
  { name: 'interview_date', key: '_date', label: { id: 'Tanggal wawancara', en: 'Interview date' } },
  { name: 'status', key: '_status', label: { id: 'Status', en: 'Status' } },
] as const;

/** A text cell made safe for spreadsheets: a leading = + - @ (or tab / CR) is prefixed with '. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function pick(t: { id: string; en: string }, lang: 'id' | 'en'): string {
  return (lang === 'id' ? t.id || t.en : t.en || t.id).trim();
}

function valueLabels(q: Question, questionnaire: Questionnaire, lang: 'id' | 'en'): Map<string, string> {
  const list = q.listName ? questionnaire.choiceLists.find((l) => l.name === q.listName) : undefined;
  return new Map((list?.choices ?? []).map((c) => [c.value, pick(c.label, lang) || c.value]));
}

/** The data and codebook tables of an export (what both file formats write). */
export function exportTables(db: Database.Database, opts: ExportOptions = {}): ExportTables {
  const { questionnaire: stored, rows } = loadRows(db, { includeDrafts: true });
  const questionnaire = stored.questionnaire;
  const lang = opts.language ?? questionnaire.defaultLanguage;
  const questions = questionnaire.questions.filter((q) => q.type !== 'note');
  const kept = questions.filter((q) => opts.includePersonal || !q.personalData);
  const excluded = questions.filter((q) => q.personalData && !opts.includePersonal).map((q) => q.name);
  const columns = [...HEADER_COLUMNS.map((h) => h.name), ...kept.map((q) => q.name)];
  const labelMaps = new Map(kept.map((q) => [q, valueLabels(q, questionnaire, lang)]));
  const cell = (q: Question, v: AnswerValue): SheetCell => {
    if (v === null) return null;
    if (opts.labels && (q.type === 'select_one' || q.type === 'likert' || q.type === 'select_multiple')) {
      const labels = labelMaps.get(q)!;
      if (q.type === 'select_multiple') return neutralise(String(v).split(' ').filter(Boolean).map((c) => labels.get(c) ?? c).join('; '));
      return neutralise(labels.get(String(v)) ?? String(v));
    }
    return typeof v === 'number' ? v : neutralise(v);
  };
  const data: SheetCell[][] = [columns];
  for (const r of rows) {
    const line: SheetCell[] = HEADER_COLUMNS.map((h) => {
      const v = r[h.key];
      return v === null || v === undefined ? null : typeof v === 'number' ? v : neutralise(v);
    });
    for (const q of kept) line.push(cell(q, r[q.name] ?? null));
    data.push(line);
  }
  const codebook: SheetCell[][] = [['variable', 'label', 'type', 'value labels']];
  for (const h of HEADER_COLUMNS) codebook.push([h.name, pick(h.label, lang), h.name === 'interview_date' ? 'date' : 'text', h.name === 'status' ? 'complete; draft' : null]);
  for (const q of kept) {
    const labels = labelMaps.get(q)!;
    codebook.push([
      q.name,
      neutralise(pick(q.label, lang)),
      q.type,
      labels.size > 0 ? neutralise([...labels].map(([code, label]) => `${code} = ${label}`).join('; ')) : null,
    ]);
  }
  return { data, codebook, rows: rows.length, columns, excluded };
}

function csvField(v: SheetCell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (UTF-8 with a byte-order mark so Excel reads it as UTF-8; CRLF line ends). */
export function toCsv(rows: readonly SheetCell[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface XlsxExport {
  bytes: Buffer;
  /** Cells longer than Excel's 32,767-character limit, cut to fit (row number as Excel shows it, column). */
  truncated: { row: number; column: string }[];
}

/** An .xlsx with the data sheet ("data") and the codebook sheet ("codebook"). */
export function toXlsx(t: ExportTables): XlsxExport {
  const truncated: { row: number; column: string }[] = [];
  const data = t.data.map((r, i) =>
    r.map((v, j) => {
      if (typeof v === 'string' && v.length > EXCEL_CELL_LIMIT) {
        truncated.push({ row: i + 1, column: t.columns[j] ?? '' });
        return v.slice(0, EXCEL_CELL_LIMIT);
      }
      return v;
    }),
  );
  return { bytes: writeXlsx([{ name: 'data', rows: data }, { name: 'codebook', rows: t.codebook }]), truncated };
}

export interface ExportResult {
  path: string;
  format: 'csv' | 'xlsx';
  /** Where the CSV's codebook went (XLSX keeps it in its own sheet). */
  codebookPath: string | null;
  rows: number;
  columns: string[];
  excluded: string[];
  truncated: { row: number; column: string }[];
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Writes the export to `path` (.csv or .xlsx, chosen by the extension). */
export function writeExport(db: Database.Database, path: string, opts: ExportOptions = {}): ExportResult {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new ExportError(`export to .csv or .xlsx, not "${ext || '(no extension)'}"`);
  const t = exportTables(db, opts);
  const base = { path, rows: t.rows, columns: t.columns, excluded: t.excluded };
  try {
    if (ext === '.csv') {
      const codebookPath = path.slice(0, -ext.length) + '.codebook.csv';
      writeFileSync(path, toCsv(t.data));
      writeFileSync(codebookPath, toCsv(t.codebook));
      return { ...base, format: 'csv', codebookPath, truncated: [] };
    }
    const x = toXlsx(t);
    writeFileSync(path, x.bytes);
    return { ...base, format: 'xlsx', codebookPath: null, truncated: x.truncated };
  } catch (e) {
    if (e instanceof Error && 'code' in e) throw new ExportError(`cannot write ${path} (${String((e as NodeJS.ErrnoException).code)})`);
    throw e;
  }
}
