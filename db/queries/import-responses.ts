import type Database from 'better-sqlite3';
import { parseAnswer } from '../../analysis/entry/parse-answer';
import { evaluateForm } from '../../analysis/entry/evaluate-form';
import { checkConstraint, checkRequired, dateQuestionNames } from '../../analysis/form/expr';
import { blankQuestion, type Question, type Questionnaire } from '../../analysis/form/types';
import { newId, nowIso } from '../ids';
import { BulkInsert } from './bulk';
import { loadQuestionnaire, type StoredQuestionnaire } from './questionnaire';

/**
 * Importing responses from a table (CSV or XLSX already read into rows, including KoboToolbox
 * exports with codes or labels): columns are mapped to questions (automatically by name, label
 * or KoboToolbox group path, and editable), every cell is checked with the same parser as data
 * entry, and only when no cell is bad are all rows written, in ONE transaction.
 *
 * Mapping targets are strings: a question name (`umur`), one choice of a select_multiple
 * question as a 0/1 column (`pekerjaan/2`), or a response-header field: `@respondent`,
 * `@enumerator`, `@location`, `@date`, `@status`. `null` skips the column.
 */

export type ImportCell = string | number | null;

/** A table as read from a file: its header and rows of cells by column position. */
export interface ImportTable {
  header: string[];
  rows: ImportCell[][];
  /** The 1-based row number of each row as a spreadsheet shows it (header = 1). */
  rowNumbers: number[];
  /** Problems found while reading (a CSV row with more fields than the header): reported as bad cells. */
  problems?: { row: number; column: string; value: string; en: string; id: string }[];
}

export const HEADER_TARGETS = ['@respondent', '@enumerator', '@location', '@date', '@status'] as const;
export type HeaderTarget = (typeof HEADER_TARGETS)[number];

/** One column and where its values go. Duplicated column names are told apart by `index`. */
export interface ColumnMapping {
  index: number;
  column: string;
  target: string | null;
  /** Why the column was mapped or skipped automatically (English and Indonesian). */
  note?: { id: string; en: string };
}

export interface BadCell {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string;
  value: string;
  reason: string;
  reasonId: string;
}

export interface ImportNote {
  column: string;
  en: string;
  id: string;
}

export type ImportOutcome =
  | { ok: true; imported: number; answers: number; respondentsCreated: number; skippedColumns: string[]; notes: ImportNote[] }
  | { ok: false; imported: 0; errorCount: number; errors: BadCell[]; truncated: boolean; notes: ImportNote[] };

export class ImportError extends Error {
  constructor(
    readonly code: 'NO_QUESTIONNAIRE' | 'BAD_MAPPING' | 'EMPTY',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** KoboToolbox (and ODK) system columns: never answers. `_uuid`/`_id` may stand in for the respondent ID. */
const SYSTEM_COLUMNS = new Set([
  '_id', '_uuid', '_submission_time', '_index', '_validation_status', '_submitted_by', '_status', '_notes', '_tags', '_version', '__version__',
  '_xform_id_string', '_attachments', '_geolocation', '_parent_index', '_parent_table_name', '_submission__id', '_submission__uuid',
  'meta/instanceid', 'meta/instancename', 'meta/deprecatedid', 'meta/rootuuid', 'formhub/uuid', 'instanceid',
]);

const HEADER_SYNONYMS: Record<HeaderTarget, string[]> = {
  '@respondent': ['respondent_id', 'respondent', 'respondent_code', 'id_responden', 'kode_responden', 'responden', 'respondent id', 'id responden'],
  '@enumerator': ['enumerator', 'enumerator_name', 'pencacah', 'enumerator_id', 'petugas'],
  '@location': ['location', 'lokasi', 'wilayah'],
  '@date': ['interview_date', 'tanggal_wawancara', 'tanggal wawancara', 'interview date'],
  '@status': ['status'],
};

/** Question types that hold answers a file can carry (calculations and notes are Kajian's own). */
function importable(q: Question): boolean {
  return q.type !== 'note' && q.type !== 'calculate';
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

function listOf(q: Question, questionnaire: Questionnaire) {
  return q.listName ? questionnaire.choiceLists.find((l) => l.name === q.listName) : undefined;
}

/** The automatic mapping of a header: by name, label, KoboToolbox group path and per-choice columns. */
export function autoMapping(header: readonly string[], questionnaire: Questionnaire): ColumnMapping[] {
  const questions = questionnaire.questions;
  const byName = new Map<string, Question>();
  const byLabel = new Map<string, Question>();
  for (const q of questions) {
    byName.set(norm(q.name), q);
    for (const l of [q.label.id, q.label.en]) if (l.trim() && !byLabel.has(norm(l))) byLabel.set(norm(l), q);
  }
  const taken = new Set<string>();
  const seenColumns = new Map<string, number>();
  const out: ColumnMapping[] = header.map((column, index) => ({ index, column, target: null }));
  const findQuestion = (text: string): Question | undefined => byName.get(norm(text)) ?? byLabel.get(norm(text));
  for (const m of out) {
    const h = m.column;
    const key = norm(h);
    const first = seenColumns.get(key);
    if (first !== undefined) {
      m.note = { en: `same name as column ${first + 1}: skipped`, id: `namanya sama dengan kolom ${first + 1}: dilewati` };
      continue;
    }
    seenColumns.set(key, m.index);
    if (SYSTEM_COLUMNS.has(key)) {
      m.note = { en: 'KoboToolbox system column: skipped', id: 'kolom sistem KoboToolbox: dilewati' };
      continue;
    }
    const segments = h.split('/').map((s) => s.trim()).filter(Boolean);
    const last = segments[segments.length - 1] ?? h;
    let q = findQuestion(h) ?? (segments.length > 1 ? findQuestion(last) : undefined);
    if (q && !importable(q)) {
      m.note = { en: `"${q.name}" is calculated by Kajian: skipped`, id: `"${q.name}" dihitung oleh Kajian: dilewati` };
      continue;
    }
    if (q) {
      if (taken.has(q.name)) {
        m.note = { en: `"${q.name}" is already mapped from another column: skipped`, id: `"${q.name}" sudah dipetakan dari kolom lain: dilewati` };
        continue;
      }
      taken.add(q.name);
      m.target = q.name;
      continue;
    }
    // KoboToolbox one-column-per-choice: `group/question/choice` (codes) or `Question label/Choice label`.
    if (segments.length >= 2) {
      const prefix = segments.slice(0, -1);
      q = findQuestion(prefix[prefix.length - 1]!) ?? findQuestion(prefix.join('/'));
      if (q && q.type === 'select_multiple') {
        const list = listOf(q, questionnaire);
        const choice = list?.choices.find((c) => norm(c.value) === norm(last)) ?? list?.choices.find((c) => norm(c.label.id) === norm(last) || norm(c.label.en) === norm(last));
        if (choice) {
          m.target = `${q.name}/${choice.value}`;
          continue;
        }
      }
    }
    const header = (Object.keys(HEADER_SYNONYMS) as HeaderTarget[]).find((t) => HEADER_SYNONYMS[t].includes(key));
    if (header && !taken.has(header)) {
      taken.add(header);
      m.target = header;
      continue;
    }
    m.note = { en: 'no question with this name or label', id: 'tidak ada pertanyaan dengan nama atau label ini' };
  }
  // A whole select_multiple column makes its per-choice columns redundant.
  for (const m of out) {
    if (m.target && m.target.includes('/') && taken.has(m.target.split('/')[0]!)) {
      m.target = null;
      m.note = { en: 'the question is read from its own column', id: 'pertanyaan dibaca dari kolomnya sendiri' };
    }
  }
  if (!taken.has('@respondent')) {
    const stand = out.find((m) => norm(m.column) === '_uuid') ?? out.find((m) => norm(m.column) === '_id');
    if (stand) {
      stand.target = '@respondent';
      stand.note = { en: 'KoboToolbox submission ID used as the respondent ID', id: 'ID kiriman KoboToolbox dipakai sebagai ID responden' };
    }
  }
  return out;
}

type Target =
  | { kind: 'question'; question: Question; index: number }
  | { kind: 'choice'; question: Question; choice: string; index: number }
  | { kind: 'header'; field: HeaderTarget; index: number };

/** Checks a mapping against the questionnaire; throws ImportError naming the column. */
function resolveMapping(mapping: readonly ColumnMapping[], header: readonly string[], questionnaire: Questionnaire): Target[] {
  const byName = new Map(questionnaire.questions.map((q) => [q.name, q]));
  const used = new Map<string, string>();
  const targets: Target[] = [];
  for (const m of mapping) {
    if (m.target === null || m.target === '') continue;
    if (!Number.isInteger(m.index) || m.index < 0 || m.index >= header.length) throw new ImportError('BAD_MAPPING', `column "${m.column}" is not in the file`, m.column);
    const where = `column "${header[m.index]}"`;
    const prior = used.get(m.target);
    if (prior !== undefined) throw new ImportError('BAD_MAPPING', `${where} and column "${prior}" both go to ${m.target}`, m.column);
    used.set(m.target, header[m.index]!);
    if ((HEADER_TARGETS as readonly string[]).includes(m.target)) {
      targets.push({ kind: 'header', field: m.target as HeaderTarget, index: m.index });
      continue;
    }
    const slash = m.target.indexOf('/');
    const q = byName.get(slash < 0 ? m.target : m.target.slice(0, slash));
    if (!q) throw new ImportError('BAD_MAPPING', `${where}: there is no question named "${m.target}"`, m.column);
    if (!importable(q)) throw new ImportError('BAD_MAPPING', `${where}: "${q.name}" is a ${q.type} and takes no imported values`, m.column);
    if (slash < 0) {
      targets.push({ kind: 'question', question: q, index: m.index });
      continue;
    }
    const code = m.target.slice(slash + 1);
    if (q.type !== 'select_multiple') throw new ImportError('BAD_MAPPING', `${where}: one column per choice needs a select_multiple question, "${q.name}" is ${q.type}`, m.column);
    if (!listOf(q, questionnaire)?.choices.some((c) => c.value === code)) throw new ImportError('BAD_MAPPING', `${where}: "${code}" is not a choice of "${q.name}"`, m.column);
    targets.push({ kind: 'choice', question: q, choice: code, index: m.index });
  }
  for (const t of targets) {
    if (t.kind === 'choice' && used.has(t.question.name)) {
      throw new ImportError('BAD_MAPPING', `column "${header[t.index]}" goes to one choice of "${t.question.name}", which another column fills whole`, header[t.index]);
    }
  }
  return targets;
}

/** Days from 1899-12-30: Excel's serial dates (the 1900 leap-year quirk only shifts serials before 61). */
function excelSerialToIso(serial: number): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null;
  const day = Math.floor(serial);
  const ms = Date.UTC(1899, 11, day < 61 ? 31 : 30) + (day < 61 ? day - 1 : day) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const SHOWN_VALUE = 200;
const shown = (v: ImportCell): string => {
  const s = v === null ? '' : String(v);
  return s.length > SHOWN_VALUE ? `${s.slice(0, SHOWN_VALUE)}… (${s.length.toLocaleString('en')} characters)` : s;
};

/** Why a cell is bad, in both languages. */
class Bad {
  constructor(
    readonly en: string,
    readonly id: string,
  ) {}
}

/** A checked cell: its stored value (null: empty) or why it is bad. */
type Checked = string | number | null | Bad;

interface Checker {
  check(raw: ImportCell): Checked;
}

const fromParse = (r: ReturnType<typeof parseAnswer>): Checked => (r.ok ? r.value : new Bad(r.message.en, r.message.id));

function dateChecker(question: Question, questionnaire: Questionnaire): Checker {
  return {
    check(raw) {
      if (typeof raw === 'number') {
        const iso = excelSerialToIso(raw);
        if (iso === null) return new Bad(`${raw} is not a date serial number`, `${raw} bukan nomor seri tanggal`);
        return iso;
      }
      let text = raw;
      // KoboToolbox and ISO date-times: the date part.
      if (text !== null && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(text.trim())) text = text.trim().slice(0, 10);
      return fromParse(parseAnswer(question, text, questionnaire));
    },
  };
}

/** Splits a label-style select_multiple cell into labels: by ; or , first, else by matching known labels word by word. */
function labelsToCodes(text: string, labels: Map<string, string>): string[] | null {
  const bySep = text.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  if (bySep.length > 1 && bySep.every((s) => labels.has(norm(s)))) return bySep.map((s) => labels.get(norm(s))!);
  const words = text.trim().split(/\s+/);
  // best[i]: codes covering words[0..i), or null.
  const best: (string[] | null)[] = [[]];
  for (let i = 1; i <= words.length; i++) {
    best[i] = null;
    for (let j = i - 1; j >= 0 && best[i] === null; j--) {
      const prev = best[j];
      if (!prev) continue;
      const code = labels.get(norm(words.slice(j, i).join(' ')));
      if (code !== undefined) best[i] = [...prev, code];
    }
  }
  return best[words.length] ?? null;
}

function choiceChecker(question: Question, questionnaire: Questionnaire): Checker {
  const list = listOf(question, questionnaire);
  const labels = new Map<string, string>();
  for (const c of list?.choices ?? []) for (const l of [c.label.id, c.label.en]) if (l.trim() && !labels.has(norm(l))) labels.set(norm(l), c.value);
  // Choice columns repeat a few values: each distinct cell is checked once (numbers and texts apart).
  const cache = new Map<string, Checked>();
  const numbers = new Map<number, Checked>();
  return {
    check(raw) {
      if (typeof raw === 'number') {
        const hit = numbers.get(raw);
        if (hit !== undefined) return hit;
      }
      const key = raw === null ? '' : String(raw);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      let r = parseAnswer(question, raw, questionnaire);
      if (!r.ok && raw !== null) {
        const text = String(raw).trim();
        if (question.type === 'select_multiple') {
          const codes = labelsToCodes(text, labels);
          if (codes) r = parseAnswer(question, codes.join(' '), questionnaire);
        } else {
          const code = labels.get(norm(text));
          if (code !== undefined) r = parseAnswer(question, code, questionnaire);
        }
      }
      const out = fromParse(r);
      if (cache.size < 10_000) cache.set(key, out);
      if (typeof raw === 'number' && numbers.size < 10_000) numbers.set(raw, out);
      return out;
    },
  };
}

const FAST_INTEGER = 1;
const FAST_DECIMAL = 2;
const FAST_TEXT = 3;

/** A character trim() never removes (so a text starting and ending with one is kept as it is). */
const printableAscii = (c: number) => c > 32 && c < 127;

/** The check of one cell for one question: its stored value, null when empty, or { en, id } saying why it is bad (exported for tests). */
export function checkCell(question: Question, questionnaire: Questionnaire, raw: ImportCell): string | number | null | { en: string; id: string } {
  const c = checkerFor(question, questionnaire).check(raw);
  return c instanceof Bad ? { en: c.en, id: c.id } : c;
}

function checkerFor(question: Question, questionnaire: Questionnaire): Checker {
  if (question.type === 'date') return dateChecker(question, questionnaire);
  if (question.type === 'select_one' || question.type === 'select_multiple' || question.type === 'likert') return choiceChecker(question, questionnaire);
  // Fast paths for the cells a spreadsheet gives as they are, with exactly parseAnswer's result
  // (import-responses.test.ts compares them on edge cases): a safe integer for an integer question,
  // a finite number for a decimal, a text with something in it for a text question. -0 is 0.
  const slow = (raw: ImportCell) => fromParse(parseAnswer(question, raw, questionnaire));
  if (question.type === 'integer') return { check: (raw) => (typeof raw === 'number' && Number.isSafeInteger(raw) ? raw + 0 : slow(raw)) };
  if (question.type === 'decimal') return { check: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw + 0 : slow(raw)) };
  if (question.type === 'text')
    return {
      check: (raw) => (typeof raw === 'string' && printableAscii(raw.charCodeAt(0)) && printableAscii(raw.charCodeAt(raw.length - 1)) ? raw : slow(raw)),
    };
  return { check: slow };
}

const DATE_HEADER: Question = blankQuestion('_date', 'date');

function choiceFlag(raw: ImportCell, code: string): boolean | null | 'bad' {
  if (raw === null) return null;
  const s = String(raw).trim().toLowerCase();
  if (s === '' ) return null;
  if (s === '1' || s === 'true' || s === 'ya' || s === 'yes' || s === code.toLowerCase()) return true;
  if (s === '0' || s === 'false' || s === 'tidak' || s === 'no') return false;
  return 'bad';
}

export interface ImportProgress {
  phase: 'check' | 'write';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Called now and then (about every 2,000 rows). */
  onProgress?: (p: ImportProgress) => void;
  /** Most bad cells kept in the report (the count is always complete). */
  maxErrors?: number;
  /** Called inside the transaction just before it commits; throwing there rolls everything back (cancel). */
  beforeCommit?: () => void;
}

/**
 * Checked rows, column-wise, ready to write or to post between threads (plain arrays and typed
 * arrays clone cheaply): row k's answers are answerQuestion/answerValue[answerStart[k] ..
 * answerStart[k + 1]), the question as its position in the questionnaire.
 */
export interface CheckedRows {
  count: number;
  respondent: string[];
  enumerator: string[];
  location: string[];
  date: (string | null)[];
  complete: Uint8Array;
  answerStart: Int32Array;
  answerQuestion: Int32Array;
  answerValue: (string | number)[];
}

/** Collects checked rows into CheckedRows blocks. */
class RowBlock {
  respondent: string[] = [];
  enumerator: string[] = [];
  location: string[] = [];
  date: (string | null)[] = [];
  complete: number[] = [];
  answerStart: number[] = [0];
  answerQuestion: number[] = [];
  answerValue: (string | number)[] = [];

  get count(): number {
    return this.respondent.length;
  }

  take(): CheckedRows {
    const out: CheckedRows = {
      count: this.respondent.length,
      respondent: this.respondent,
      enumerator: this.enumerator,
      location: this.location,
      date: this.date,
      complete: Uint8Array.from(this.complete),
      answerStart: Int32Array.from(this.answerStart),
      answerQuestion: Int32Array.from(this.answerQuestion),
      answerValue: this.answerValue,
    };
    this.respondent = [];
    this.enumerator = [];
    this.location = [];
    this.date = [];
    this.complete = [];
    this.answerStart = [0];
    this.answerQuestion = [];
    this.answerValue = [];
    return out;
  }
}

/** What checking found, besides the rows: the report when a cell is bad, notes and skipped columns. */
export interface CheckSummary {
  rows: number;
  errorCount: number;
  errors: BadCell[];
  truncated: boolean;
  notes: ImportNote[];
  skippedColumns: string[];
}

/**
 * The checks of an import, row by row, with no database: resolves the mapping against the
 * questionnaire (throws ImportError naming the column), then `add(cells, rowNo)` checks one row
 * with the same parser and constraints as data entry. Rows are kept only while no cell is bad
 * (after the first bad cell only the report grows). Pure, so a worker thread can run it while
 * another thread writes.
 */
export class RowChecker {
  private readonly targets: Target[];
  private readonly checkers: (Checker | null)[];
  private readonly targetQuestion: number[];
  private readonly fast: number[];
  /** Positions of the required questions some column fills. */
  private readonly required: number[] = [];
  /** Questions whose cell in the current row was bad (not also reported as missing). */
  private readonly badInRow: number[] = [];
  private readonly choiceGroups: { question: number; cols: { choice: string; index: number }[]; order: string[] }[];
  private readonly dateHeader: Checker;
  private readonly constrained: boolean;
  private readonly dateNames: ReturnType<typeof dateQuestionNames>;
  private readonly columnOf = new Map<number, number>();
  private readonly questionIndex = new Map<Question, number>();
  private readonly maxErrors: number;
  private block = new RowBlock();
  private readonly qs: number[] = [];
  private readonly vs: (string | number)[] = [];
  readonly notes: ImportNote[] = [];
  readonly skippedColumns: string[];
  readonly errors: BadCell[] = [];
  errorCount = 0;
  rows = 0;

  constructor(
    private readonly questionnaire: Questionnaire,
    private readonly header: readonly string[],
    mapping: readonly ColumnMapping[],
    opts: { maxErrors?: number } = {},
  ) {
    this.targets = resolveMapping(mapping, header, questionnaire);
    if (!this.targets.some((t) => t.kind !== 'header')) throw new ImportError('BAD_MAPPING', 'no column is mapped to a question');
    const mappedIdx = new Set(this.targets.map((t) => t.index));
    this.skippedColumns = header.filter((_, i) => !mappedIdx.has(i));
    if (!this.targets.some((t) => t.kind === 'header' && t.field === '@respondent'))
      this.notes.push({ column: '', en: 'No respondent ID column: each response gets its row number as its respondent ID.', id: 'Tidak ada kolom ID responden: tiap respons memakai nomor barisnya sebagai ID responden.' });
    this.maxErrors = opts.maxErrors ?? 10_000;
    questionnaire.questions.forEach((q, i) => this.questionIndex.set(q, i));
    this.checkers = this.targets.map((t) => (t.kind === 'question' ? checkerFor(t.question, questionnaire) : null));
    this.targetQuestion = this.targets.map((t) => (t.kind === 'header' ? -1 : this.questionIndex.get(t.question)!));
    this.fast = this.targets.map((t) =>
      t.kind !== 'question' ? 0 : t.question.type === 'integer' ? FAST_INTEGER : t.question.type === 'decimal' ? FAST_DECIMAL : t.question.type === 'text' ? FAST_TEXT : 0,
    );
    const groups = new Map<Question, { choice: string; index: number }[]>();
    for (const t of this.targets) if (t.kind === 'choice') groups.set(t.question, [...(groups.get(t.question) ?? []), { choice: t.choice, index: t.index }]);
    this.choiceGroups = [...groups].map(([q, cols]) => ({ question: this.questionIndex.get(q)!, cols, order: listOf(q, questionnaire)?.choices.map((c) => c.value) ?? [] }));
    this.dateHeader = dateChecker(DATE_HEADER, questionnaire);
    this.constrained = questionnaire.questions.some((q) => q.constraint.trim() !== '');
    this.dateNames = dateQuestionNames(questionnaire);
    for (const t of this.targets) if (t.kind !== 'header') {
      const qi = this.questionIndex.get(t.question)!;
      if (!this.columnOf.has(qi)) this.columnOf.set(qi, t.index);
    }
    // Required questions: a complete row must answer each one the form asks (as completing a
    // response in data entry does); one no column holds is told once, not as a bad cell per row.
    questionnaire.questions.forEach((q, i) => {
      if (!q.required || !importable(q)) return;
      if (this.columnOf.has(i)) this.required.push(i);
      else
        this.notes.push({
          column: '',
          en: `"${q.name}" is required but no column holds it: its answers stay empty.`,
          id: `"${q.name}" wajib dijawab tetapi tidak ada kolom yang memuatnya: jawabannya tetap kosong.`,
        });
    });
  }

  /** Records a bad cell (or a problem found while reading, with its column name). */
  bad(row: number, column: number | string, value: ImportCell, en: string, id: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors)
      this.errors.push({ row, column: typeof column === 'string' ? column : (this.header[column] ?? `#${column + 1}`), value: shown(value), reason: en, reasonId: id });
  }

  /** Checks one row (cells by column position; rowNo as a spreadsheet shows it). */
  add(cells: readonly ImportCell[], rowNo: number): void {
    this.rows++;
    let respondent = String(rowNo);
    let enumerator = '';
    let location = '';
    let date: string | null = null;
    let complete = true;
    const qs = this.qs;
    const vs = this.vs;
    qs.length = 0;
    vs.length = 0;
    this.badInRow.length = 0;
    const targets = this.targets;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k]!;
      const raw = cells[t.index] ?? null;
      if (t.kind === 'question') {
        // The commonest cells inline (the same tests as checkerFor's fast paths), the rest through the checker.
        const fast = this.fast[k]!;
        if (typeof raw === 'number' && ((fast === FAST_INTEGER && Number.isSafeInteger(raw)) || (fast === FAST_DECIMAL && Number.isFinite(raw)))) {
          qs.push(this.targetQuestion[k]!);
          vs.push(raw + 0);
          continue;
        }
        if (fast === FAST_TEXT && typeof raw === 'string' && printableAscii(raw.charCodeAt(0)) && printableAscii(raw.charCodeAt(raw.length - 1))) {
          qs.push(this.targetQuestion[k]!);
          vs.push(raw);
          continue;
        }
        const c = this.checkers[k]!.check(raw);
        if (c instanceof Bad) {
          this.bad(rowNo, t.index, raw, c.en, c.id);
          this.badInRow.push(this.targetQuestion[k]!);
        }
        else if (c !== null) {
          qs.push(this.targetQuestion[k]!);
          vs.push(c);
        }
      } else if (t.kind === 'header') {
        const text = raw === null ? '' : String(raw).trim();
        switch (t.field) {
          case '@respondent':
            if (text === '') this.bad(rowNo, t.index, raw, 'the respondent ID is empty', 'ID responden kosong');
            else if (text.length > 200) this.bad(rowNo, t.index, raw, 'the respondent ID is longer than 200 characters', 'ID responden lebih dari 200 karakter');
            else respondent = text;
            break;
          case '@enumerator':
            enumerator = text;
            break;
          case '@location':
            location = text;
            break;
          case '@date': {
            const c = this.dateHeader.check(raw);
            if (c instanceof Bad) this.bad(rowNo, t.index, raw, c.en, c.id);
            else date = c === null ? null : String(c);
            break;
          }
          case '@status': {
            const st = text.toLowerCase();
            if (st === '' || st === 'complete' || st === 'selesai' || st === 'lengkap') complete = true;
            else if (st === 'draft' || st === 'draf') complete = false;
            else this.bad(rowNo, t.index, raw, 'the status is "complete" or "draft"', 'status berisi "selesai" atau "draf"');
            break;
          }
        }
      }
    }
    for (const g of this.choiceGroups) {
      const picked = new Set<string>();
      let any = false;
      for (const { choice, index } of g.cols) {
        const f = choiceFlag(cells[index] ?? null, choice);
        if (f === 'bad') {
          this.bad(rowNo, index, cells[index] ?? null, 'a one-choice column holds 1 (chosen), 0 or nothing', 'kolom satu pilihan berisi 1 (dipilih), 0 atau kosong');
          this.badInRow.push(g.question);
        }
        else if (f !== null) {
          any = true;
          if (f) picked.add(choice);
        }
      }
      if (any && picked.size > 0) {
        qs.push(g.question);
        vs.push(g.order.filter((c) => picked.has(c)).join(' '));
      }
    }
    // Constraints, as data entry applies them when a field is left (`.` is the answer, ${...} the row's other answers).
    if (this.constrained && qs.length) {
      const questions = this.questionnaire.questions;
      const answersByName = new Map<string, string | number | null>();
      for (let k = 0; k < qs.length; k++) answersByName.set(questions[qs[k]!]!.name, vs[k]!);
      for (let k = 0; k < qs.length; k++) {
        const q = questions[qs[k]!]!;
        if (!q.constraint.trim()) continue;
        const v = vs[k]!;
        const en = checkConstraint(q, v, answersByName, { dateNames: this.dateNames, language: 'en' });
        if (!en.ok) {
          const id = checkConstraint(q, v, answersByName, { dateNames: this.dateNames, language: 'id' });
          this.bad(rowNo, this.columnOf.get(qs[k]!) ?? 0, v, `${q.name}: ${en.message}`, `${q.name}: ${id.ok ? en.message : id.message}`);
        }
      }
    }
    if (complete && this.required.length > 0) this.checkRequired(qs, vs, rowNo);
    if (this.errorCount > 0) return;
    const b = this.block;
    b.respondent.push(respondent);
    b.enumerator.push(enumerator);
    b.location.push(location);
    b.date.push(date);
    b.complete.push(complete ? 1 : 0);
    for (let k = 0; k < qs.length; k++) {
      b.answerQuestion.push(qs[k]!);
      b.answerValue.push(vs[k]!);
    }
    b.answerStart.push(b.answerQuestion.length);
  }

  /**
   * A complete row leaving a required question empty is bad unless the form would not ask it
   * (its relevance, with earlier hidden questions empty, as evaluateForm decides in data entry).
   */
  private checkRequired(qs: readonly number[], vs: readonly (string | number)[], rowNo: number): void {
    const answered = new Set(qs);
    if (this.required.every((i) => answered.has(i))) return;
    const questions = this.questionnaire.questions;
    const record: Record<string, string | number | null> = Object.create(null) as Record<string, string | number | null>;
    for (let k = 0; k < qs.length; k++) record[questions[qs[k]!]!.name] = vs[k]!;
    const state = evaluateForm(this.questionnaire, record, { language: 'en' });
    for (const i of this.required) {
      if (answered.has(i) || this.badInRow.includes(i) || !state.questions[i]!.relevant) continue;
      const q = questions[i]!;
      const en = checkRequired(q, null, 'en');
      const id = checkRequired(q, null, 'id');
      this.bad(rowNo, this.columnOf.get(i)!, null, `${q.name}: ${en.ok ? 'required' : en.message}`, `${q.name}: ${id.ok ? 'wajib' : id.message}`);
    }
  }

  /** Rows checked since the last call (none once a cell was bad). */
  take(): CheckedRows {
    return this.block.take();
  }

  /** How many checked rows wait to be taken. */
  get pending(): number {
    return this.block.count;
  }

  summary(): CheckSummary {
    return { rows: this.rows, errorCount: this.errorCount, errors: this.errors, truncated: this.errorCount > this.errors.length, notes: this.notes, skippedColumns: this.skippedColumns };
  }
}

/**
 * Writes checked rows as responses (source 'import') inside ONE transaction that the writer
 * opens and that only `commit()` ends: rows may arrive in blocks (from another thread) and are
 * written as they come; `rollback()` (or a throw anywhere) leaves the project as it was.
 */
export class ImportWriter {
  private readonly now = nowIso();
  private readonly codes = new Map<string, string>();
  private readonly qseq: number[];
  private readonly putRespondent: BulkInsert;
  private readonly putResponse: BulkInsert;
  private readonly putAnswer: BulkInsert;
  private readonly fkBefore: number;
  private nextSeq: number;
  private open = true;
  private began = false;
  written = 0;
  answers = 0;
  respondentsCreated = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly stored: StoredQuestionnaire,
  ) {
    // The page cache stays at its default (2 MB): every insert here appends to its B-tree, so
    // full pages spill to the WAL as the transaction goes and are never touched again (a 256 MB
    // cache made the same import slower: all 100 MB went to the WAL at the commit instead).
    // Foreign-key enforcement is off for this connection while the import writes (it cannot change
    // inside a transaction): every key written here is one this writer just made or read inside
    // the same transaction (respondents, response seqs, the questionnaire checked below, its
    // questions' seqs), and checking each of millions of answers twice cost a sixth of the write.
    // bulk-import tests run PRAGMA foreign_key_check after imports.
    this.fkBefore = db.pragma('foreign_keys', { simple: true }) as number;
    try {
      db.pragma('foreign_keys = OFF');
      // BEGIN may fail (another connection holds the write lock past busy_timeout): restored below.
      db.exec('BEGIN IMMEDIATE');
      this.began = true;
      // The questionnaire may have changed since the rows were checked against it: they must still fit.
      const now = loadQuestionnaire(db);
      const same =
        now !== null &&
        now.id === stored.id &&
        JSON.stringify(now.questionnaire) === JSON.stringify(stored.questionnaire) &&
        JSON.stringify([...now.questionSeqs]) === JSON.stringify([...stored.questionSeqs]);
      if (!same) throw new ImportError('BAD_MAPPING', 'the questionnaire changed while the file was being read: start the import again');
      for (const r of db.prepare('SELECT code, id FROM respondents ORDER BY created_at DESC, id DESC').iterate() as Iterable<{ code: string; id: string }>) this.codes.set(r.code, r.id);
      this.nextSeq = (db.prepare('SELECT ifnull(max(seq), 0) AS m FROM responses').get() as { m: number }).m + 1;
      this.qseq = stored.questionnaire.questions.map((q) => stored.questionSeqs.get(q.name)!);
      this.putRespondent = new BulkInsert(db, 'INSERT INTO respondents (id, code, created_at)', '(?, ?, ?)');
      this.putResponse = new BulkInsert(
        db,
        'INSERT INTO responses (seq, id, questionnaire_id, respondent_id, enumerator, location, interview_date, status, entry_pass, source, created_at, updated_at, completed_at)',
        "(?, ?, ?, ?, ?, ?, ?, ?, 1, 'import', ?, ?, ?)",
      );
      this.putAnswer = new BulkInsert(db, 'INSERT INTO answers (response_seq, question_seq, value)', '(?, ?, ?)', 512);
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  /** Writes a block of checked rows (in file order). */
  write(rows: CheckedRows): void {
    if (!this.open) throw new Error('the import transaction has ended');
    try {
      const { now, stored } = this;
      // Rows go in chunks: a chunk's respondents and responses are written before its answers,
      // which reference them.
      const CHUNK = 256;
      for (let from = 0; from < rows.count; from += CHUNK) {
        const to = Math.min(rows.count, from + CHUNK);
        const first = this.nextSeq;
        for (let i = from; i < to; i++) {
          const code = rows.respondent[i]!;
          let rid = this.codes.get(code);
          if (rid === undefined) {
            rid = newId();
            this.codes.set(code, rid);
            this.putRespondent.add(rid, code, now);
            this.respondentsCreated++;
          }
          const complete = rows.complete[i] === 1;
          // UUID v7 ids increase, so they sort in file order (the rows share one created_at).
          this.putResponse.add(this.nextSeq++, newId(), stored.id, rid, rows.enumerator[i], rows.location[i], rows.date[i], complete ? 'complete' : 'draft', now, now, complete ? now : null);
        }
        this.putRespondent.flush();
        this.putResponse.flush();
        for (let i = from; i < to; i++) {
          const seq = first + (i - from);
          const put = this.putAnswer;
          for (let k = rows.answerStart[i]!; k < rows.answerStart[i + 1]!; k++) {
            put.value(seq);
            put.value(this.qseq[rows.answerQuestion[k]!]);
            put.value(rows.answerValue[k]);
          }
        }
        this.putAnswer.flush();
      }
      this.written += rows.count;
      this.answers += rows.answerStart[rows.count]!;
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  /** Commits everything written (after `beforeCommit`, which may throw to cancel). */
  commit(beforeCommit?: () => void): void {
    if (!this.open) throw new Error('the import transaction has ended');
    try {
      beforeCommit?.();
      this.db.exec('COMMIT');
      this.open = false;
    } catch (e) {
      this.rollback();
      throw e;
    } finally {
      this.restore();
    }
  }

  /** Undoes everything written. Safe to call more than once. */
  rollback(): void {
    if (this.open) {
      this.open = false;
      if (this.began && this.db.inTransaction) this.db.exec('ROLLBACK');
    }
    this.restore();
  }

  private restore(): void {
    this.db.pragma(`foreign_keys = ${this.fkBefore ? 'ON' : 'OFF'}`);
  }
}

/** The project's questionnaire, or ImportError when there is none. */
export function importQuestionnaire(db: Database.Database): StoredQuestionnaire {
  const stored = loadQuestionnaire(db);
  if (!stored) throw new ImportError('NO_QUESTIONNAIRE', 'The project has no questionnaire yet: add one before importing responses');
  return stored;
}

/**
 * Checks every cell of `table` under `mapping` and, when none is bad, writes all rows as complete
 * responses (source 'import') in one transaction. Throws ImportError for a mapping that cannot
 * work; bad cells come back as a report and nothing is written. (A file is better imported with
 * importFile in electron/api/transfer/pipeline.ts, which reads and checks on another thread while
 * this one writes.)
 */
export function importResponses(db: Database.Database, table: ImportTable, mapping: readonly ColumnMapping[], opts: ImportOptions = {}): ImportOutcome {
  const stored = importQuestionnaire(db);
  const checker = new RowChecker(stored.questionnaire, table.header, mapping, opts);
  for (const p of table.problems ?? []) checker.bad(p.row, p.column, p.value, p.en, p.id);
  const total = table.rows.length;
  for (let r = 0; r < total; r++) {
    checker.add(table.rows[r]!, table.rowNumbers[r] ?? r + 2);
    if (opts.onProgress && r % 2000 === 1999) opts.onProgress({ phase: 'check', done: r + 1, total });
  }
  const summary = checker.summary();
  if (summary.errorCount > 0) return { ok: false, imported: 0, errorCount: summary.errorCount, errors: summary.errors, truncated: summary.truncated, notes: summary.notes };
  opts.onProgress?.({ phase: 'write', done: 0, total });
  const rows = checker.take();
  const writer = new ImportWriter(db, stored);
  try {
    const BLOCK = 2048;
    for (let from = 0; from < rows.count; from += BLOCK) {
      writer.write(sliceRows(rows, from, Math.min(rows.count, from + BLOCK)));
      opts.onProgress?.({ phase: 'write', done: writer.written, total });
    }
    writer.commit(opts.beforeCommit);
  } catch (e) {
    // Anything thrown here (a progress callback too) ends the transaction: nothing is written.
    writer.rollback();
    throw e;
  }
  opts.onProgress?.({ phase: 'write', done: total, total });
  return { ok: true, imported: writer.written, answers: writer.answers, respondentsCreated: writer.respondentsCreated, skippedColumns: summary.skippedColumns, notes: summary.notes };
}

/** Rows [from, to) of a block. */
function sliceRows(rows: CheckedRows, from: number, to: number): CheckedRows {
  const a0 = rows.answerStart[from]!;
  const a1 = rows.answerStart[to]!;
  return {
    count: to - from,
    respondent: rows.respondent.slice(from, to),
    enumerator: rows.enumerator.slice(from, to),
    location: rows.location.slice(from, to),
    date: rows.date.slice(from, to),
    complete: rows.complete.subarray(from, to),
    answerStart: rows.answerStart.subarray(from, to + 1).map((x) => x - a0),
    answerQuestion: rows.answerQuestion.subarray(a0, a1),
    answerValue: rows.answerValue.slice(a0, a1),
  };
}

/** The automatic mapping with the explicit entries (by column position) put over it. */
export function mergeMapping(auto: readonly ColumnMapping[], explicit: readonly ColumnMapping[]): ColumnMapping[] {
  const byIndex = new Map(explicit.map((m) => [m.index, m]));
  return auto.map((m) => {
    const e = byIndex.get(m.index);
    return e ? { index: m.index, column: m.column, target: e.target } : m;
  });
}

/** Throws ImportError when a mapping made on a preview no longer fits the file's header. */
export function checkMappingFits(mapping: readonly ColumnMapping[], header: readonly string[]): void {
  for (const m of mapping) {
    if (m.target === null || m.target === '') continue;
    if (header[m.index] !== m.column)
      throw new ImportError('BAD_MAPPING', `column ${m.index + 1} of the file is "${header[m.index] ?? '(none)'}", not "${m.column}": the file changed since its preview`, m.column);
  }
}

/** Reads a mapping given as JSON (the CLI's --mapping file): `{ "column": "target" | null }` or `[{ "column", "target" }]`. */
export function mappingFromJson(value: unknown, header: readonly string[]): ColumnMapping[] {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((e, i) => {
        if (typeof e !== 'object' || e === null || typeof (e as { column?: unknown }).column !== 'string') throw new ImportError('BAD_MAPPING', `mapping entry ${i + 1} has no "column"`);
        return [(e as { column: string }).column, (e as { target?: unknown }).target ?? null];
      })
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : (() => {
          throw new ImportError('BAD_MAPPING', 'the mapping is an object of column → target or a list of { column, target }');
        })();
  const out: ColumnMapping[] = [];
  for (const [column, target] of entries) {
    if (target !== null && typeof target !== 'string') throw new ImportError('BAD_MAPPING', `the target of column "${column}" must be text or null`, column);
    const index = header.indexOf(column);
    if (index < 0) throw new ImportError('BAD_MAPPING', `the file has no column "${column}"; its columns are: ${header.join(', ')}`, column);
    out.push({ index, column, target });
  }
  return out;
}
