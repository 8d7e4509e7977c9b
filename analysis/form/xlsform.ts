/**
 * XLSForm import and export (the spreadsheet form format of ODK and KoboToolbox).
 *
 * Import rules (readXlsForm):
 * - Sheets `survey` (required), `choices` (required when a select question needs it) and
 *   `settings` (optional) are found case-insensitively; other sheets are ignored. Column
 *   names are case-insensitive and may carry a language: `label::Indonesian (id)`,
 *   `label::English (en)`, `label::Bahasa Indonesia`, legacy `label:English`, or plain
 *   `label`. The same holds for hint, constraint_message and required_message, with their
 *   legacy spellings (`jr:constraintMsg`, `bind::jr:constraintMsg`, `requiredMsg`...).
 * - Languages: a column is Indonesian if its code is `id` (or its name Indonesian / Bahasa
 *   Indonesia), English if `en` / English. The form's default language is settings
 *   `default_language` when that is Indonesian or English; otherwise English if the form has
 *   English columns and no Indonesian ones; otherwise Indonesian. A plain column (no
 *   language) fills the default language, or the other one if the default already has its
 *   own column. A column in another language (Swahili, Chinese...) is ignored, unless a text
 *   has no Indonesian, English or plain column at all: then the first such column stands in
 *   for the default language. Both cases are listed in `skipped` (row 1 of the sheet).
 *   Texts are kept as written, except that a blank one (spaces only) becomes ''.
 * - Groups (`begin_group`/`begin group` ... `end_group`) are flattened: each question keeps
 *   its group (nested names joined with '/', the innermost label), and a group's `relevant`
 *   is joined to each of its questions' own with `and`, so relevance is honoured.
 * - Either the whole form is imported or nothing is. Rows Kajian can leave out without
 *   changing the meaning of the rest are imported without them and listed in `skipped`
 *   with their row and the reason: metadata (start, end, today, deviceid, username,
 *   audit, ...), widgets Kajian does not have (geopoint, image, audio, video, barcode,
 *   time, dateTime, acknowledge, range, rank, select from a file or external list, ...),
 *   and parts of a row that are dropped (choice_filter, default, read_only, a required
 *   condition, "or specify other"). Structural problems make the import fail, listing every
 *   one: repeat groups and loops (one answer per question per respondent is all Kajian
 *   stores), unknown types, unbalanced groups, missing or unknown lists, duplicate names,
 *   duplicate choice values, expressions that do not parse, references to questions that do
 *   not exist or were left out, invalid kajian_* cells.
 * - Row numbers are the spreadsheet's (header = row 1), as the user sees them in Excel.
 *   An error not tied to a row has row 0 (and sheet '' when not tied to a sheet).
 *
 * Export (writeXlsForm) writes survey, choices and settings with `label::Indonesian (id)` /
 * `label::English (en)` columns, groups as begin_group/end_group around runs of questions,
 * and Kajian's own columns (kajian_type = likert, kajian_personal, kajian_dimension,
 * kajian_reverse) that ODK and KoboToolbox ignore. readXlsForm(writeXlsForm(q)) gives back q
 * for every questionnaire that passes validateQuestionnaire, whose title and form id are not
 * empty, whose expressions and appearances have no surrounding spaces and whose choice lists
 * are not empty (an empty list has no row to be written in).
 *
 * All lookups keyed by spreadsheet text use Map, so a header or list named `__proto__` or
 * `constructor` is just a name.
 */
import * as XLSX from 'xlsx';
import { dependencies, parseExpression, references } from './expr/parser';
import { validateQuestionnaire, emptyText, isValidName, DIMENSIONS, type ChoiceList, type Dimension, type Problem, type Question, type QuestionType, type Questionnaire, type Text } from './types';

/** A row (or part of a row, or a column) that was not imported, and why. */
export interface SkippedRow {
  sheet: string;
  row: number;
  reason: string;
}

/** Why an import failed: where (sheet as named in the file, spreadsheet row, column header) and what. */
export interface ImportError {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

/** The outcome of readXlsForm. */
export type ReadXlsFormResult = { ok: true; questionnaire: Questionnaire; skipped: SkippedRow[] } | { ok: false; errors: ImportError[] };

// ---------------------------------------------------------------------------------------
// Reading sheets

interface SheetData {
  /** The sheet's name as written in the file. */
  name: string;
  /** Cell text by 0-based column, per 1-based row number. */
  rows: Map<number, Map<number, string>>;
}

function cellText(cell: XLSX.CellObject): string {
  const v = cell.v;
  if (v === undefined || v === null || cell.t === 'e' || cell.t === 'z') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.toISOString().slice(0, 10);
}

/** Reads only the cells that exist (sheets written by some tools claim a million rows). */
function readSheet(name: string, ws: XLSX.WorkSheet): SheetData {
  const rows = new Map<number, Map<number, string>>();
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const cell = (ws as Record<string, unknown>)[key] as XLSX.CellObject; // every non-'!' key of a sparse sheet is a cell
    if (cell === null || typeof cell !== 'object') continue;
    const text = cellText(cell);
    if (text === '') continue;
    const addr = XLSX.utils.decode_cell(key);
    if (addr.r < 0 || addr.c < 0) continue;
    let row = rows.get(addr.r + 1);
    if (row === undefined) rows.set(addr.r + 1, (row = new Map()));
    row.set(addr.c, text);
  }
  return { name, rows };
}

function dataRows(sheet: SheetData): [number, Map<number, string>][] {
  return [...sheet.rows.entries()].filter(([r]) => r > 1).sort((a, b) => a[0] - b[0]);
}

// ---------------------------------------------------------------------------------------
// Columns and languages

type Lang = 'id' | 'en';
type TextKind = 'label' | 'hint' | 'constraintMessage' | 'requiredMessage';
type PlainField =
  | 'type'
  | 'name'
  | 'relevant'
  | 'constraint'
  | 'required'
  | 'calculation'
  | 'appearance'
  | 'choiceFilter'
  | 'default'
  | 'readOnly'
  | 'trigger'
  | 'listName'
  | 'kajianType'
  | 'kajianPersonal'
  | 'kajianDimension'
  | 'kajianReverse'
  | 'formTitle'
  | 'formId'
  | 'version'
  | 'defaultLanguage';

const TEXT_ALIASES = new Map<string, TextKind>([
  ['label', 'label'],
  ['caption', 'label'],
  ['hint', 'hint'],
  ['constraint_message', 'constraintMessage'],
  ['constraint message', 'constraintMessage'],
  ['constraining message', 'constraintMessage'],
  ['jr:constraintmsg', 'constraintMessage'],
  ['required_message', 'requiredMessage'],
  ['required message', 'requiredMessage'],
  ['requiredmsg', 'requiredMessage'],
  ['jr:requiredmsg', 'requiredMessage'],
]);

const PLAIN_ALIASES = new Map<string, PlainField>([
  ['type', 'type'],
  ['command', 'type'],
  ['name', 'name'],
  ['value', 'name'],
  ['relevant', 'relevant'],
  ['relevance', 'relevant'],
  ['constraint', 'constraint'],
  ['required', 'required'],
  ['calculation', 'calculation'],
  ['calculate', 'calculation'],
  ['appearance', 'appearance'],
  ['choice_filter', 'choiceFilter'],
  ['default', 'default'],
  ['read_only', 'readOnly'],
  ['readonly', 'readOnly'],
  ['trigger', 'trigger'],
  ['list_name', 'listName'],
  ['list name', 'listName'],
  ['kajian_type', 'kajianType'],
  ['kajian_personal', 'kajianPersonal'],
  ['kajian_dimension', 'kajianDimension'],
  ['kajian_reverse', 'kajianReverse'],
  ['form_title', 'formTitle'],
  ['set form title', 'formTitle'],
  ['form_id', 'formId'],
  ['set form id', 'formId'],
  ['version', 'version'],
  ['default_language', 'defaultLanguage'],
]);

/** 'id', 'en', or null for any other language, from a language tag such as `Indonesian (id)`, `EN`, `Bahasa Indonesia`. */
function languageOf(tag: string): Lang | null {
  const t = tag.trim().toLowerCase();
  const code = /\(([^)]*)\)\s*$/.exec(t)?.[1].trim();
  if (code !== undefined && code !== '') {
    if (code === 'id' || code === 'in' || code === 'ind' || code.startsWith('id-')) return 'id';
    if (code === 'en' || code === 'eng' || code.startsWith('en-')) return 'en';
    return null;
  }
  if (['id', 'in', 'ind', 'indonesian', 'indonesia', 'bahasa indonesia', 'bahasa', 'bahasa_indonesia'].includes(t)) return 'id';
  if (['en', 'eng', 'english', 'inggris', 'bahasa inggris'].includes(t)) return 'en';
  return null;
}

interface TextColumns {
  /** Column per explicit language. */
  id?: number;
  en?: number;
  /** Column without a language. */
  plain?: number;
  /** Columns in other languages, in order: column and header. */
  other: { col: number; header: string }[];
}

interface Columns {
  /** The header text as written, per column. */
  headers: Map<number, string>;
  plain: Map<PlainField, number>;
  texts: Map<TextKind, TextColumns>;
}

/** Interprets the header row (row 1) of a sheet. Unknown columns are ignored. */
function readColumns(sheet: SheetData): Columns {
  const headers = sheet.rows.get(1) ?? new Map<number, string>();
  const plain = new Map<PlainField, number>();
  const texts = new Map<TextKind, TextColumns>();
  const cols = [...headers.keys()].sort((a, b) => a - b);
  for (const col of cols) {
    const header = headers.get(col) ?? '';
    let orig = header.trim();
    let h = orig.toLowerCase();
    for (const prefix of ['bind::', 'bind:', 'control::', 'control:']) {
      if (h.startsWith(prefix)) {
        h = h.slice(prefix.length);
        orig = orig.slice(prefix.length);
      }
    }
    let base = h;
    let lang: string | null = null;
    let jrSpelling = false;
    for (const jr of ['jr:constraintmsg', 'jr:requiredmsg']) {
      if (h.startsWith(jr)) {
        jrSpelling = true;
        base = jr;
        const rest = h.slice(jr.length);
        lang = rest.startsWith('::') ? rest.slice(2) : rest.startsWith(':') ? rest.slice(1) : rest === '' ? null : rest;
      }
    }
    if (!jrSpelling) {
      const dbl = h.indexOf('::');
      const single = h.indexOf(':');
      if (dbl >= 0) {
        base = h.slice(0, dbl).trim();
        lang = orig.slice(dbl + 2);
      } else if (single >= 0) {
        base = h.slice(0, single).trim();
        lang = orig.slice(single + 1);
      }
    } else if (lang !== null) {
      // keep the original spelling of the language for messages
      lang = orig.slice(orig.length - lang.length);
    }
    const kind = TEXT_ALIASES.get(base);
    if (kind !== undefined) {
      let entry = texts.get(kind);
      if (entry === undefined) texts.set(kind, (entry = { other: [] }));
      if (lang === null || lang.trim() === '') {
        if (entry.plain === undefined) entry.plain = col;
      } else {
        const l = languageOf(lang);
        if (l === null) entry.other.push({ col, header: header.trim() });
        else if (entry[l] === undefined) entry[l] = col;
      }
      continue;
    }
    if (lang === null) {
      const field = PLAIN_ALIASES.get(base);
      if (field !== undefined && !plain.has(field)) plain.set(field, col);
    }
  }
  return { headers, plain, texts };
}

/** Which column fills which language of each text kind, decided once per sheet. */
interface TextPlan {
  kind: TextKind;
  id: number | null;
  en: number | null;
}

function planTexts(columns: Columns, defaultLanguage: Lang, sheet: string, skipped: SkippedRow[]): TextPlan[] {
  const plans: TextPlan[] = [];
  const other: Lang = defaultLanguage === 'id' ? 'en' : 'id';
  for (const [kind, entry] of columns.texts) {
    const plan: TextPlan = { kind, id: entry.id ?? null, en: entry.en ?? null };
    if (entry.plain !== undefined) {
      const header = columns.headers.get(entry.plain)?.trim() ?? '';
      if (plan[defaultLanguage] === null) plan[defaultLanguage] = entry.plain;
      else if (plan[other] === null) plan[other] = entry.plain;
      else skipped.push({ sheet, row: 1, reason: `Column '${header}' is ignored: the Indonesian and English texts have their own columns` });
    }
    entry.other.forEach((o, i) => {
      if (i === 0 && plan.id === null && plan.en === null) {
        plan[defaultLanguage] = o.col;
        skipped.push({ sheet, row: 1, reason: `Column '${o.header}' is read as the ${defaultLanguage === 'id' ? 'Indonesian' : 'English'} text: the form has no Indonesian or English column for it` });
      } else {
        skipped.push({ sheet, row: 1, reason: `Column '${o.header}' is ignored: Kajian keeps Indonesian and English texts only` });
      }
    });
    plans.push(plan);
  }
  return plans;
}

function readText(plans: readonly TextPlan[], kind: TextKind, row: Map<number, string>): Text {
  const plan = plans.find((p) => p.kind === kind);
  if (plan === undefined) return emptyText();
  const read = (col: number | null): string => {
    const text = col === null ? '' : (row.get(col) ?? '');
    return text.trim() === '' ? '' : text;
  };
  return { id: read(plan.id), en: read(plan.en) };
}

function hasExplicit(columns: Columns, lang: Lang): boolean {
  return [...columns.texts.values()].some((t) => t[lang] !== undefined);
}

// ---------------------------------------------------------------------------------------
// Types

type RowType =
  | { kind: 'question'; type: QuestionType; listName: string | null; orOther: boolean; phoneNumber: boolean }
  | { kind: 'beginGroup' }
  | { kind: 'endGroup' }
  | { kind: 'beginRepeat'; what: string }
  | { kind: 'endRepeat' }
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; message: string };

const SELECT_PREFIXES: readonly [string, 'select_one' | 'select_multiple' | 'file' | 'external' | 'rank' | 'osm'][] = [
  ['select_one_from_file', 'file'],
  ['select_multiple_from_file', 'file'],
  ['select one from file', 'file'],
  ['select multiple from file', 'file'],
  ['select_one_external', 'external'],
  ['add select one prompt using', 'select_one'],
  ['add select multiple prompt using', 'select_multiple'],
  ['select all that apply from', 'select_multiple'],
  ['select multiple from', 'select_multiple'],
  ['select multiple using', 'select_multiple'],
  ['select one using', 'select_one'],
  ['select all that apply', 'select_multiple'],
  ['select one from', 'select_one'],
  ['select_multiple', 'select_multiple'],
  ['select_one', 'select_one'],
  ['select one', 'select_one'],
  ['select1', 'select_one'],
  ['rank', 'rank'],
  ['osm', 'osm'],
];

const SIMPLE_TYPES = new Map<string, QuestionType>([
  ['text', 'text'],
  ['string', 'text'],
  ['q string', 'text'],
  ['add text prompt', 'text'],
  ['integer', 'integer'],
  ['int', 'integer'],
  ['q int', 'integer'],
  ['add integer prompt', 'integer'],
  ['decimal', 'decimal'],
  ['q decimal', 'decimal'],
  ['add decimal prompt', 'decimal'],
  ['date', 'date'],
  ['q date', 'date'],
  ['add date prompt', 'date'],
  ['note', 'note'],
  ['q note', 'note'],
  ['add note prompt', 'note'],
  ['calculate', 'calculate'],
  ['q calculate', 'calculate'],
  ['add calculate prompt', 'calculate'],
]);

const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'device id',
  'subscriberid',
  'subscriber id',
  'simserial',
  'sim id',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
  'start time',
  'end time',
  'get start time',
  'get end time',
  'get today',
  'get device id',
  'get sim id',
  'get subscriber id',
  'get phone number',
  'instanceid',
]);

const WIDGETS = new Map<string, string>([
  ['geopoint', 'a GPS location'],
  ['gps', 'a GPS location'],
  ['location', 'a GPS location'],
  ['q geopoint', 'a GPS location'],
  ['geotrace', 'a GPS line'],
  ['geoshape', 'a GPS area'],
  ['background-geopoint', 'a GPS location'],
  ['image', 'a photo'],
  ['photo', 'a photo'],
  ['q image', 'a photo'],
  ['add image prompt', 'a photo'],
  ['audio', 'an audio recording'],
  ['q audio', 'an audio recording'],
  ['add audio prompt', 'an audio recording'],
  ['video', 'a video'],
  ['q video', 'a video'],
  ['add video prompt', 'a video'],
  ['file', 'a file'],
  ['add file prompt', 'a file'],
  ['barcode', 'a barcode scan'],
  ['q barcode', 'a barcode scan'],
  ['time', 'a time of day'],
  ['datetime', 'a date and time'],
  ['date time', 'a date and time'],
  ['q datetime', 'a date and time'],
  ['acknowledge', 'an acknowledgement button'],
  ['trigger', 'an acknowledgement button'],
  ['q acknowledge', 'an acknowledgement button'],
  ['range', 'a range slider'],
  ['hidden', 'a hidden value'],
  ['xml-external', 'an external data file'],
  ['csv-external', 'an external data file'],
]);

function unsupported(what: string): RowType {
  return { kind: 'skip', reason: `${what} is not a question type Kajian has` };
}

/** Interprets a survey `type` cell (legacy spellings included). List names keep their case. */
function parseType(raw: string): RowType {
  const t = raw.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  for (const [prefix, kind] of SELECT_PREFIXES) {
    if (lower !== prefix && !lower.startsWith(prefix + ' ')) continue;
    let rest = t.slice(prefix.length).trim();
    let orOther = false;
    const other = /\s*\b(or specify other|or_other)$/i.exec(rest);
    if (other) {
      orOther = true;
      rest = rest.slice(0, other.index).trim();
    }
    if (kind === 'file') return unsupported(`'${t}' (choices from an external file)`);
    if (kind === 'external') return unsupported(`'${t}' (choices from an external list)`);
    if (kind === 'rank') return unsupported(`'${t}' (ranking)`);
    if (kind === 'osm') return unsupported(`'${t}' (OpenStreetMap)`);
    if (rest === '') return { kind: 'error', message: `type '${t}' needs a choice list name after '${prefix}'` };
    if (rest.includes(' ')) return { kind: 'error', message: `type '${t}': expected one choice list name after '${prefix}', found '${rest}'` };
    return { kind: 'question', type: kind, listName: rest, orOther, phoneNumber: false };
  }
  if (lower === 'begin group' || lower === 'begin_group') return { kind: 'beginGroup' };
  if (lower === 'end group' || lower === 'end_group') return { kind: 'endGroup' };
  if (/^begin[ _](repeat|looped group|lgroup)$/.test(lower)) return { kind: 'beginRepeat', what: 'repeat group' };
  if (/^begin[ _]loop\b/.test(lower)) return { kind: 'beginRepeat', what: 'loop' };
  if (/^end[ _](repeat|loop|looped group|lgroup)$/.test(lower)) return { kind: 'endRepeat' };
  const simple = SIMPLE_TYPES.get(lower);
  if (simple !== undefined) return { kind: 'question', type: simple, listName: null, orOther: false, phoneNumber: false };
  if (lower === 'phone number') return { kind: 'question', type: 'text', listName: null, orOther: false, phoneNumber: true };
  if (METADATA.has(lower) || lower.startsWith('uri:')) return { kind: 'skip', reason: `'${t}' is metadata about the interview, not a question` };
  const widget = WIDGETS.get(lower);
  if (widget !== undefined) return unsupported(`'${t}' (${widget})`);
  return { kind: 'error', message: `unknown question type '${t}'` };
}

const YES = new Set(['yes', 'true', 'true()', '1', 'ya']);
const NO = new Set(['no', 'false', 'false()', '0', '', 'tidak']);

/** true / false for a yes-no cell, or null if it is something else (such as an expression). */
function yesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

// ---------------------------------------------------------------------------------------
// Import

interface OpenGroup {
  kind: 'group' | 'repeat';
  name: string;
  label: Text;
  relevant: string;
  row: number;
  what: string;
}

function findSheet(wb: XLSX.WorkBook, wanted: string): SheetData | null {
  const name = wb.SheetNames.find((n) => n.trim().toLowerCase() === wanted);
  if (name === undefined || !Object.hasOwn(wb.Sheets, name)) return null;
  return readSheet(name, wb.Sheets[name]);
}

function baseName(fileName: string | undefined): string {
  if (fileName === undefined) return '';
  const last = fileName.split(/[\\/]/).pop() ?? '';
  return last.replace(/\.[^.]*$/, '');
}

function joinRelevant(parts: readonly string[]): string {
  const nonEmpty = parts.filter((p) => p !== '');
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? '';
  return nonEmpty.map((p) => `(${p})`).join(' and ');
}

/**
 * Reads an XLSForm (.xlsx or .xls bytes) into a questionnaire. Either everything is imported
 * (`ok: true`, with the rows or parts that were left out in `skipped`) or nothing is
 * (`ok: false` with every error found, each with its sheet, spreadsheet row and column).
 * `fileName` supplies the title and form id when the settings sheet has none.
 */
export function readXlsForm(data: Uint8Array, fileName?: string): ReadXlsFormResult {
  if (data.length === 0) return { ok: false, errors: [{ sheet: '', row: 0, message: 'The file is empty' }] };
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: 'array', dense: false });
  } catch (e) {
    return { ok: false, errors: [{ sheet: '', row: 0, message: `The file cannot be read as a spreadsheet (${e instanceof Error ? e.message : String(e)})` }] };
  }
  const survey = findSheet(wb, 'survey');
  if (survey === null) {
    const found = wb.SheetNames.length === 0 ? 'it has no sheets' : `its sheets are ${wb.SheetNames.map((n) => `'${n}'`).join(', ')}`;
    return { ok: false, errors: [{ sheet: '', row: 0, message: `The workbook has no 'survey' sheet (${found}); an XLSForm needs one` }] };
  }
  const choicesSheet = findSheet(wb, 'choices');
  const settingsSheet = findSheet(wb, 'settings');

  const errors: ImportError[] = [];
  const skipped: SkippedRow[] = [];
  const sCols = readColumns(survey);
  const cCols = choicesSheet === null ? null : readColumns(choicesSheet);
  const setCols = settingsSheet === null ? null : readColumns(settingsSheet);
  const header = (cols: Columns, field: PlainField, fallback: string): string => {
    const col = cols.plain.get(field);
    return col === undefined ? fallback : (cols.headers.get(col) ?? fallback).trim();
  };

  if (survey.rows.size === 0) return { ok: false, errors: [{ sheet: survey.name, row: 0, message: `The '${survey.name}' sheet is empty` }] };
  if (!sCols.plain.has('type')) errors.push({ sheet: survey.name, row: 1, column: 'type', message: `The '${survey.name}' sheet has no 'type' column in row 1` });
  if (!sCols.plain.has('name')) errors.push({ sheet: survey.name, row: 1, column: 'name', message: `The '${survey.name}' sheet has no 'name' column in row 1` });
  if (errors.length > 0) return { ok: false, errors };

  // settings
  const settingsRow = settingsSheet === null ? new Map<number, string>() : (dataRows(settingsSheet)[0]?.[1] ?? new Map<number, string>());
  const setting = (field: PlainField): string | null => {
    if (setCols === null) return null;
    const col = setCols.plain.get(field);
    return col === undefined ? null : (settingsRow.get(col) ?? '').trim();
  };
  const languageSetting = setting('defaultLanguage');
  const explicitEn = hasExplicit(sCols, 'en') || (cCols !== null && hasExplicit(cCols, 'en'));
  const explicitId = hasExplicit(sCols, 'id') || (cCols !== null && hasExplicit(cCols, 'id'));
  const defaultLanguage: Lang = (languageSetting !== null && languageSetting !== '' ? languageOf(languageSetting) : null) ?? (explicitEn && !explicitId ? 'en' : 'id');
  const formIdSetting = setting('formId');
  const formId = formIdSetting ?? baseName(fileName);
  const titleSetting = setting('formTitle');
  const title = titleSetting ?? (baseName(fileName) !== '' ? baseName(fileName) : formId);
  const version = setting('version') ?? '';

  // choices
  const choiceLists = new Map<string, ChoiceList>();
  const choiceRows = new Map<string, number[]>();
  if (choicesSheet !== null && cCols !== null) {
    const listCol = cCols.plain.get('listName');
    const nameCol = cCols.plain.get('name');
    const rows = dataRows(choicesSheet);
    if (rows.length > 0 && listCol === undefined) errors.push({ sheet: choicesSheet.name, row: 1, column: 'list_name', message: `The '${choicesSheet.name}' sheet has no 'list_name' column in row 1` });
    if (rows.length > 0 && nameCol === undefined) errors.push({ sheet: choicesSheet.name, row: 1, column: 'name', message: `The '${choicesSheet.name}' sheet has no 'name' column in row 1` });
    const plans = planTexts(cCols, defaultLanguage, choicesSheet.name, skipped);
    if (listCol !== undefined && nameCol !== undefined) {
      for (const [rowNumber, row] of rows) {
        const listName = (row.get(listCol) ?? '').trim();
        const value = (row.get(nameCol) ?? '').trim();
        const label = readText(plans, 'label', row);
        if (listName === '' && value === '') {
          if (label.id !== '' || label.en !== '') errors.push({ sheet: choicesSheet.name, row: rowNumber, column: header(cCols, 'listName', 'list_name'), message: 'This choice has a label but no list_name and no name' });
          continue;
        }
        if (listName === '') {
          errors.push({ sheet: choicesSheet.name, row: rowNumber, column: header(cCols, 'listName', 'list_name'), message: `Choice '${value}' has no list_name` });
          continue;
        }
        if (value === '') {
          errors.push({ sheet: choicesSheet.name, row: rowNumber, column: header(cCols, 'name', 'name'), message: `A choice of list '${listName}' has no name (the value stored for it)` });
          continue;
        }
        let list = choiceLists.get(listName);
        if (list === undefined) {
          choiceLists.set(listName, (list = { name: listName, choices: [] }));
          choiceRows.set(listName, []);
        }
        list.choices.push({ value, label });
        choiceRows.get(listName)?.push(rowNumber);
      }
    }
  }

  // survey
  const typeCol = sCols.plain.get('type') as number; // checked above
  const nameCol = sCols.plain.get('name') as number; // checked above
  const plans = planTexts(sCols, defaultLanguage, survey.name, skipped);
  const cell = (row: Map<number, string>, field: PlainField): string => {
    const col = sCols.plain.get(field);
    return col === undefined ? '' : (row.get(col) ?? '').trim();
  };
  const col = (field: PlainField, fallback: string): string => header(sCols, field, fallback);
  const questions: Question[] = [];
  const questionRows: number[] = [];
  /** Each question's own relevant cell (before the group conditions were joined to it). */
  const ownRelevant: string[] = [];
  /** Group conditions, checked once at their own row. */
  const groupConditions: { row: number; name: string; relevant: string }[] = [];
  const leftOut = new Map<string, string>();
  const stack: OpenGroup[] = [];
  const inRepeat = (): OpenGroup | undefined => stack.find((g) => g.kind === 'repeat');

  for (const [rowNumber, row] of dataRows(survey)) {
    const rawType = row.get(typeCol) ?? '';
    const name = (row.get(nameCol) ?? '').trim();
    const err = (message: string, column?: string): void => {
      errors.push({ sheet: survey.name, row: rowNumber, column, message });
    };
    if (rawType.trim() === '') {
      const label = readText(plans, 'label', row);
      if (name !== '' || label.id !== '' || label.en !== '') err(`Row has ${name !== '' ? `the name '${name}'` : 'a label'} but no type`, col('type', 'type'));
      continue;
    }
    const parsed = parseType(rawType);
    const repeat = inRepeat();
    switch (parsed.kind) {
      case 'error':
        err(parsed.message, col('type', 'type'));
        continue;
      case 'skip':
        if (repeat !== undefined) {
          if (name !== '') leftOut.set(name, `it is inside the ${repeat.what} '${repeat.name}' (row ${repeat.row})`);
          continue;
        }
        skipped.push({ sheet: survey.name, row: rowNumber, reason: `${name !== '' ? `'${name}': ` : ''}${parsed.reason}; the row is left out` });
        if (name !== '') leftOut.set(name, `row ${rowNumber} was left out (${parsed.reason})`);
        continue;
      case 'beginGroup':
      case 'beginRepeat': {
        const isRepeat = parsed.kind === 'beginRepeat';
        const what = parsed.kind === 'beginRepeat' ? parsed.what : 'group';
        if (name === '') err(`A ${what} needs a name`, col('name', 'name'));
        else if (!isValidName(name)) err(`'${name}' is not a valid ${what} name: use a letter or '_' first, then letters, digits, '_', '-' or '.'`, col('name', 'name'));
        const relevant = cell(row, 'relevant');
        if (relevant !== '') {
          const p = parseExpression(relevant);
          if (!p.ok) err(`relevant of ${what} '${name}': '${relevant}': position ${p.error.position}: ${p.error.message}`, col('relevant', 'relevant'));
        }
        const usable = relevant !== '' && parseExpression(relevant).ok;
        if (usable && !isRepeat && repeat === undefined) groupConditions.push({ row: rowNumber, name, relevant });
        stack.push({ kind: isRepeat ? 'repeat' : 'group', name, label: readText(plans, 'label', row), relevant: usable ? relevant : '', row: rowNumber, what });
        continue;
      }
      case 'endGroup':
      case 'endRepeat': {
        const wanted = parsed.kind === 'endGroup' ? 'group' : 'repeat';
        const top = stack.at(-1);
        if (top === undefined) {
          err(`'${rawType.trim()}' has no matching begin`, col('type', 'type'));
          continue;
        }
        if (top.kind !== wanted) {
          err(`'${rawType.trim()}' closes the ${top.what} '${top.name}' opened in row ${top.row}`, col('type', 'type'));
        }
        stack.pop();
        if (top.kind === 'repeat') {
          errors.push({
            sheet: survey.name,
            row: top.row,
            column: col('type', 'type'),
            message: `The ${top.what} '${top.name}' (rows ${top.row} to ${rowNumber}) cannot be imported: Kajian stores one answer per question per respondent, so repeated questions cannot be kept`,
          });
        }
        continue;
      }
      case 'question':
        break;
    }
    if (parsed.kind !== 'question') continue;
    if (repeat !== undefined) {
      if (name !== '') leftOut.set(name, `it is inside the ${repeat.what} '${repeat.name}' (row ${repeat.row})`);
      continue;
    }
    if (name === '') {
      err('This question has no name', col('name', 'name'));
      continue;
    }
    const notes: string[] = [];
    let type: QuestionType = parsed.type;
    const kajianType = cell(row, 'kajianType').toLowerCase();
    if (kajianType === 'likert') {
      if (parsed.type === 'select_one') type = 'likert';
      else err(`kajian_type 'likert' needs a select_one question, not '${rawType.trim()}'`, col('kajianType', 'kajian_type'));
    } else if (kajianType !== '') {
      err(`Unknown kajian_type '${cell(row, 'kajianType')}' (only 'likert' is known)`, col('kajianType', 'kajian_type'));
    }
    const flag = (field: PlainField, header: string): boolean => {
      const text = cell(row, field);
      const v = yesNo(text);
      if (v === null) err(`${header} must be yes or no, not '${text}'`, col(field, header));
      return v === true;
    };
    const personalData = flag('kajianPersonal', 'kajian_personal');
    const reverse = flag('kajianReverse', 'kajian_reverse');
    const dimensionText = cell(row, 'kajianDimension').toLowerCase();
    let dimension: Dimension | null = null;
    if (dimensionText !== '') {
      const d = DIMENSIONS.find((x) => x === dimensionText);
      if (d === undefined) err(`Unknown kajian_dimension '${cell(row, 'kajianDimension')}' (use ${DIMENSIONS.join(', ')})`, col('kajianDimension', 'kajian_dimension'));
      else dimension = d;
    }
    const requiredText = cell(row, 'required');
    let required = yesNo(requiredText);
    if (required === null) {
      notes.push(`the required condition '${requiredText}' is not supported, so the question is optional`);
      required = false;
    }
    let constraint = cell(row, 'constraint');
    if (parsed.phoneNumber && constraint === '') constraint = "regex(., '^[0-9]*$')";
    if (parsed.orOther) notes.push("'or specify other' is not supported, so the list has no 'Other' choice with a text box");
    if (cell(row, 'choiceFilter') !== '') notes.push(`choice_filter '${cell(row, 'choiceFilter')}' is not supported, so every choice of the list is offered`);
    if (cell(row, 'default') !== '') notes.push(`the default '${cell(row, 'default')}' is not used`);
    const readOnly = yesNo(cell(row, 'readOnly'));
    if (readOnly !== false && type !== 'note' && type !== 'calculate') notes.push(`read_only '${cell(row, 'readOnly')}' is not supported, so the answer can be edited`);
    if (cell(row, 'trigger') !== '') notes.push(`trigger '${cell(row, 'trigger')}' is not supported`);
    for (const note of notes) skipped.push({ sheet: survey.name, row: rowNumber, reason: `'${name}' is imported, but ${note}` });

    const groups = stack.filter((g) => g.kind === 'group');
    const innermost = groups.at(-1);
    questions.push({
      name,
      type,
      label: readText(plans, 'label', row),
      hint: readText(plans, 'hint', row),
      required,
      requiredMessage: readText(plans, 'requiredMessage', row),
      constraint,
      constraintMessage: readText(plans, 'constraintMessage', row),
      relevant: joinRelevant([...groups.map((g) => g.relevant), cell(row, 'relevant')]),
      calculation: cell(row, 'calculation'),
      listName: parsed.listName,
      group: innermost === undefined ? null : { name: groups.map((g) => g.name).join('/'), label: { ...innermost.label } },
      personalData,
      dimension,
      reverse,
      appearance: cell(row, 'appearance'),
    });
    questionRows.push(rowNumber);
    ownRelevant.push(cell(row, 'relevant'));
  }
  for (const open of stack) {
    errors.push({ sheet: survey.name, row: open.row, column: col('type', 'type'), message: `The ${open.what} '${open.name}' opened in row ${open.row} is never closed` });
    if (open.kind === 'repeat') {
      errors.push({ sheet: survey.name, row: open.row, column: col('type', 'type'), message: `The ${open.what} '${open.name}' cannot be imported: Kajian stores one answer per question per respondent, so repeated questions cannot be kept` });
    }
  }

  const known = new Set(questions.map((q) => q.name));
  for (const g of groupConditions) {
    const parsedCondition = parseExpression(g.relevant);
    if (!parsedCondition.ok) continue;
    for (const ref of references(parsedCondition.ast)) {
      if (known.has(ref.name)) continue;
      const why = leftOut.get(ref.name);
      if (why !== undefined && why.startsWith('it is inside')) continue;
      const message = `Group '${g.name}': relevant refers to \${${ref.name}} at position ${ref.start}, but there is no question '${ref.name}'`;
      errors.push({ sheet: survey.name, row: g.row, column: col('relevant', 'relevant'), message: why === undefined ? message : `${message}: ${why}` });
    }
  }

  const questionnaire: Questionnaire = { title, formId, version, defaultLanguage, questions, choiceLists: [...choiceLists.values()] };

  // validation problems, placed on the rows they come from
  const nameRows = new Map<string, number[]>();
  questions.forEach((q, i) => nameRows.set(q.name, [...(nameRows.get(q.name) ?? []), questionRows[i]]));
  const reportedDuplicates = new Set<string>();
  const surveyName = survey.name;
  for (const p of validateQuestionnaire(questionnaire)) {
    const e = placeProblem(p);
    if (e !== null) errors.push(e);
  }
  function placeProblem(p: Problem): ImportError | null {
    if (p.questionIndex !== null) {
      const rowNumber = questionRows[p.questionIndex];
      const fieldColumn: Record<string, string> = {
        name: col('name', 'name'),
        type: col('type', 'type'),
        listName: col('type', 'type'),
        group: col('name', 'name'),
        dimension: col('kajianDimension', 'kajian_dimension'),
        calculation: col('calculation', 'calculation'),
        relevant: col('relevant', 'relevant'),
        constraint: col('constraint', 'constraint'),
      };
      const column = p.field === null ? undefined : fieldColumn[p.field];
      if (p.field === 'name' && p.question !== null && (nameRows.get(p.question)?.length ?? 0) > 1) {
        if (reportedDuplicates.has(p.question)) return null;
        reportedDuplicates.add(p.question);
        return { sheet: surveyName, row: rowNumber, column, message: `The name '${p.question}' is used by more than one question (rows ${nameRows.get(p.question)?.join(', ')})` };
      }
      if (p.reference !== null && p.field === 'relevant') {
        const own = parseExpression(ownRelevant[p.questionIndex]);
        if (!own.ok || !dependencies(own.ast).includes(p.reference)) return null; // from a group's condition: reported at the group's row
      }
      if (p.reference !== null) {
        const why = leftOut.get(p.reference);
        if (why !== undefined && why.startsWith('it is inside')) return null; // the repeat group is reported already
        if (why !== undefined) return { sheet: surveyName, row: rowNumber, column, message: `${p.message}: ${why}` };
      }
      if (p.field === 'listName' && choicesSheet === null) return { sheet: surveyName, row: rowNumber, column, message: `${p.message} (the workbook has no 'choices' sheet)` };
      return { sheet: surveyName, row: rowNumber, column, message: p.message };
    }
    if (p.list !== null && choicesSheet !== null && cCols !== null) {
      const rows = choiceRows.get(p.list) ?? [];
      const rowNumber = p.choiceIndex !== null ? (rows[p.choiceIndex] ?? 0) : (rows[0] ?? 0);
      return { sheet: choicesSheet.name, row: rowNumber, column: p.field === 'choice' ? header(cCols, 'name', 'name') : header(cCols, 'listName', 'list_name'), message: p.message };
    }
    return { sheet: '', row: 0, message: p.message };
  }

  if (errors.length > 0) {
    const order = (e: ImportError): number => (e.sheet === survey.name ? 0 : e.sheet === '' ? -1 : 1);
    errors.sort((a, b) => order(a) - order(b) || a.row - b.row);
    return { ok: false, errors };
  }
  skipped.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === survey.name ? -1 : b.sheet === survey.name ? 1 : a.sheet.localeCompare(b.sheet)));
  return { ok: true, questionnaire, skipped };
}

// ---------------------------------------------------------------------------------------
// Export

const ID = 'Indonesian (id)';
const EN = 'English (en)';
const SURVEY_HEADER = [
  'type',
  'name',
  `label::${ID}`,
  `label::${EN}`,
  `hint::${ID}`,
  `hint::${EN}`,
  'required',
  `required_message::${ID}`,
  `required_message::${EN}`,
  'constraint',
  `constraint_message::${ID}`,
  `constraint_message::${EN}`,
  'relevant',
  'calculation',
  'appearance',
  'kajian_type',
  'kajian_personal',
  'kajian_dimension',
  'kajian_reverse',
];

function xlsType(q: Question): string {
  switch (q.type) {
    case 'likert':
      return `select_one ${q.listName ?? ''}`;
    case 'select_one':
    case 'select_multiple':
      return `${q.type} ${q.listName ?? ''}`;
    default:
      return q.type;
  }
}

function groupRow(kind: 'begin_group' | 'end_group', name: string, label: Text): string[] {
  const row = SURVEY_HEADER.map(() => '');
  row[0] = kind;
  row[1] = name;
  row[2] = label.id;
  row[3] = label.en;
  return row;
}

/**
 * Writes a questionnaire as an XLSForm workbook (.xlsx bytes): sheets survey, choices and
 * settings; texts in `::Indonesian (id)` and `::English (en)` columns; groups as
 * begin_group / end_group around each run of consecutive questions of the same group
 * (nested for names with '/'); likert as `select_one <list>` with kajian_type = likert;
 * kajian_personal / kajian_reverse as yes or empty; kajian_dimension as the dimension.
 */
export function writeXlsForm(q: Questionnaire): Uint8Array {
  const survey: string[][] = [SURVEY_HEADER];
  const open: { name: string; label: Text }[] = [];
  const sameText = (a: Text, b: Text): boolean => a.id === b.id && a.en === b.en;
  for (const question of q.questions) {
    const segments = question.group === null ? [] : question.group.name.split('/');
    const label = question.group?.label ?? emptyText();
    // keep the open groups that lead to this question's group; the innermost must match in label too
    let keep = 0;
    while (keep < open.length && keep < segments.length && open[keep].name === segments[keep] && (keep < segments.length - 1 || sameText(open[keep].label, label))) keep++;
    while (open.length > keep) {
      const g = open.pop();
      if (g !== undefined) survey.push(groupRow('end_group', '', emptyText()));
    }
    for (let i = keep; i < segments.length; i++) {
      const segLabel = i === segments.length - 1 ? label : emptyText();
      open.push({ name: segments[i], label: segLabel });
      survey.push(groupRow('begin_group', segments[i], segLabel));
    }
    survey.push([
      xlsType(question),
      question.name,
      question.label.id,
      question.label.en,
      question.hint.id,
      question.hint.en,
      question.required ? 'yes' : '',
      question.requiredMessage.id,
      question.requiredMessage.en,
      question.constraint,
      question.constraintMessage.id,
      question.constraintMessage.en,
      question.relevant,
      question.calculation,
      question.appearance,
      question.type === 'likert' ? 'likert' : '',
      question.personalData ? 'yes' : '',
      question.dimension ?? '',
      question.reverse ? 'yes' : '',
    ]);
  }
  while (open.length > 0) {
    open.pop();
    survey.push(groupRow('end_group', '', emptyText()));
  }
  const choices: string[][] = [['list_name', 'name', `label::${ID}`, `label::${EN}`]];
  for (const list of q.choiceLists) for (const c of list.choices) choices.push([list.name, c.value, c.label.id, c.label.en]);
  const settings: string[][] = [
    ['form_title', 'form_id', 'version', 'default_language'],
    [q.title, q.formId, q.version, q.defaultLanguage === 'id' ? ID : EN],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(survey), 'survey');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(choices), 'choices');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(settings), 'settings');
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true });
  return new Uint8Array(out as ArrayBuffer); // type 'array' gives an ArrayBuffer
}
