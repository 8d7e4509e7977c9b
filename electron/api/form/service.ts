/**
 * XLSForm import and export of a project's questionnaire, shared by the API (form.*) and the
 * CLI (`kajian form import|export`). Reading and checking the file happens before anything is
 * written; the questionnaire is then saved in one transaction, so a form is imported whole or
 * not at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { readXlsForm, writeXlsForm, type ImportError, type SkippedRow } from '../../../analysis/form/xlsform';
import { validateQuestionnaire, type Problem, type Questionnaire } from '../../../analysis/form/types';
import { loadQuestionnaire, saveQuestionnaire } from '../../../db/queries/questionnaire';

/** A question of the stored questionnaire that a new version would delete, with how many answers it holds. */
export interface LostQuestion {
  question: string;
  answers: number;
}

export interface FormImportResult {
  questionnaire: Questionnaire;
  skipped: SkippedRow[];
  /** Questions deleted by the import (only when `replace` allowed it), with their answers. */
  deleted: LostQuestion[];
  /** Answers deleted with them. */
  answersDeleted: number;
}

export interface FormExportResult {
  path: string;
  questions: number;
  choiceLists: number;
  /** Problems of the exported questionnaire (it is written anyway; another tool may refuse it). */
  problems: Problem[];
}

/** Why a form was not imported. `kind` says what the caller may do about it. */
export class FormFileError extends Error {
  constructor(
    readonly kind: 'file' | 'form' | 'replace' | 'empty',
    message: string,
    readonly errors: ImportError[] = [],
    readonly lost: LostQuestion[] = [],
  ) {
    super(message);
    this.name = 'FormFileError';
  }
}

/** One import error as a line: `survey row 5, column type: ...` (row 0 = not tied to a row). */
export function describeImportError(e: ImportError): string {
  const where = [e.sheet ? `${e.sheet}${e.row > 0 ? ` row ${e.row}` : ''}` : e.row > 0 ? `row ${e.row}` : '', e.column ? `column ${e.column}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${e.message}` : e.message;
}

/** One skipped row as a line: `survey row 3: ...`. */
export function describeSkipped(s: SkippedRow): string {
  return `${s.sheet}${s.row > 0 ? ` row ${s.row}` : ''}: ${s.reason}`;
}

/** The stored questions missing from `next` that hold answers (in responses not deleted), in questionnaire order. */
export function lostAnswers(db: Database.Database, next: Questionnaire): LostQuestion[] {
  const stored = loadQuestionnaire(db);
  if (!stored) return [];
  const keep = new Set(next.questions.map((q) => q.name));
  const gone = stored.questionnaire.questions.filter((q) => !keep.has(q.name) && stored.questionSeqs.has(q.name));
  if (gone.length === 0) return [];
  // One pass over the answers for every removed question (answers are keyed by response first).
  const counts = new Map<number, number>();
  const rows = db
    .prepare(
      `SELECT a.question_seq AS seq, COUNT(*) AS n FROM answers a JOIN responses r ON r.seq = a.response_seq
       WHERE a.question_seq IN (${gone.map(() => '?').join(', ')}) AND a.value IS NOT NULL AND a.value <> '' AND r.deleted_at IS NULL
       GROUP BY a.question_seq`,
    )
    .all(...gone.map((q) => stored.questionSeqs.get(q.name)!)) as { seq: number; n: number }[];
  for (const r of rows) counts.set(r.seq, r.n);
  const out: LostQuestion[] = [];
  for (const q of gone) {
    const n = counts.get(stored.questionSeqs.get(q.name)!) ?? 0;
    if (n > 0) out.push({ question: q.name, answers: n });
  }
  return out;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'this is a folder, not a file' : code === 'EACCES' ? 'the file cannot be read (permission denied)' : (e as Error).message;
    throw new FormFileError('file', `${path}: ${why}`);
  }
}

/** Reads and checks an XLSForm without touching the project; throws FormFileError('form') listing every error. */
export function readFormFile(path: string): { questionnaire: Questionnaire; skipped: SkippedRow[] } {
  const bytes = readBytes(path);
  const result = readXlsForm(bytes, basename(path));
  if (!result.ok) {
    const n = result.errors.length;
    throw new FormFileError(
      'form',
      `${basename(path)} was not imported (nothing changed): ${n} problem${n === 1 ? '' : 's'}\n${result.errors.map(describeImportError).join('\n')}`,
      result.errors,
    );
  }
  return { questionnaire: result.questionnaire, skipped: result.skipped };
}

/**
 * Imports an XLSForm as the project's questionnaire, all or nothing. Questions keep their
 * answers by name; if questions that hold answers would be deleted, refuses (FormFileError
 * 'replace', saying how many answers) unless `replace` is true.
 */
export function importXlsFormFile(db: Database.Database, path: string, replace = false): FormImportResult {
  const { questionnaire, skipped } = readFormFile(path);
  if (questionnaire.questions.length === 0) throw new FormFileError('empty', `${basename(path)} has no question Kajian can store; nothing was imported`);
  let deleted: LostQuestion[] = [];
  let saved: Questionnaire = questionnaire;
  db.transaction(() => {
    deleted = lostAnswers(db, questionnaire);
    const total = deleted.reduce((s, l) => s + l.answers, 0);
    if (total > 0 && !replace) {
      throw new FormFileError(
        'replace',
        `Importing ${basename(path)} would delete ${deleted.length} question${deleted.length === 1 ? '' : 's'} holding ${total} answer${total === 1 ? '' : 's'} ` +
          `(${deleted.map((l) => `${l.question}: ${l.answers}`).join(', ')}); nothing was imported. Import with replace to delete them.`,
        [],
        deleted,
      );
    }
    saved = saveQuestionnaire(db, questionnaire).questionnaire;
  })();
  return { questionnaire: saved, skipped, deleted, answersDeleted: deleted.reduce((s, l) => s + l.answers, 0) };
}

/** Writes the project's questionnaire to an XLSForm (.xlsx) at `path`. */
export function exportXlsFormFile(db: Database.Database, path: string): FormExportResult {
  const stored = loadQuestionnaire(db);
  if (!stored) throw new FormFileError('empty', 'The project has no questionnaire yet: nothing to export');
  const bytes = writeXlsForm(stored.questionnaire);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EISDIR' ? 'this is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new FormFileError('file', `${path}: cannot write the file: ${why}`);
  }
  return { path, questions: stored.questionnaire.questions.length, choiceLists: stored.questionnaire.choiceLists.length, problems: validateQuestionnaire(stored.questionnaire) };
}
