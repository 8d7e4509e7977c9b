import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { Questionnaire } from '../../../analysis/form/types';
import {
  ImportError,
  ImportWriter,
  importQuestionnaire,
  type CheckedRows,
  type CheckSummary,
  type ColumnMapping,
  type ImportOutcome,
  type ImportProgress,
} from '../../../db/queries/import-responses';
import { ReadTableError } from './read-table';
import { workerEntry } from './worker-entry';

/**
 * Importing a file in two threads: a reader worker (reader-worker.ts) reads the file and checks
 * every cell while this thread writes the rows already checked, all inside ONE transaction that
 * commits only when the whole file has been read with no bad cell. A bad cell anywhere, a read
 * error, a throw or a cancel rolls the transaction back: nothing is written. The two halves
 * overlap, so an import takes about as long as the slower of reading+checking and writing
 * (on a machine with two cores or more).
 */

/** How the columns are mapped: automatically, as given (made on a preview), or the automatic mapping with a --mapping JSON over it. */
export type MappingChoice = { kind: 'auto' } | { kind: 'columns'; columns: ColumnMapping[] } | { kind: 'json'; json: unknown };

export interface ReaderInput {
  path: string;
  questionnaire: Questionnaire;
  mapping: MappingChoice;
  maxErrors: number;
  /** Rows per posted block: the first is small so that writing starts soon. */
  firstBlockRows: number;
  blockRows: number;
}

export type ReaderMessage =
  | { type: 'header'; header: string[]; mapping: ColumnMapping[] }
  | { type: 'rows'; rows: CheckedRows; read: number }
  /** A bad cell was found: nothing will be written, whatever follows (the report comes with 'done'). */
  | { type: 'bad' }
  | { type: 'done'; summary: CheckSummary; notes: { en: string; id: string }[] }
  | { type: 'failed'; kind: 'import' | 'read' | 'internal'; code: string; message: string; field?: string };

export interface FileImportOptions {
  mapping?: MappingChoice;
  maxErrors?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Called just before the commit; throwing there rolls everything back (cancel). */
  beforeCommit?: () => void;
}

export interface FileImportResult {
  outcome: ImportOutcome;
  header: string[];
  mapping: ColumnMapping[];
  /** What reading the file noticed (other sheets not read, ...). */
  readNotes: { en: string; id: string }[];
}

/** Imports `path` into the project open on `db` (see above). Throws ImportError or ReadTableError; bad cells come back in the outcome. */
export function importFile(db: Database.Database, path: string, opts: FileImportOptions = {}): Promise<FileImportResult> {
  const stored = importQuestionnaire(db);
  const entry = workerEntry('reader-worker.ts', 'transfer-reader.cjs');
  const input: ReaderInput = { path, questionnaire: stored.questionnaire, mapping: opts.mapping ?? { kind: 'auto' }, maxErrors: opts.maxErrors ?? 10_000, firstBlockRows: 256, blockRows: 2048 };
  const worker = new Worker(entry.file, { workerData: input, eval: entry.eval });
  return new Promise<FileImportResult>((resolve, reject) => {
    let writer: ImportWriter | null = null;
    let header: string[] = [];
    let mapping: ColumnMapping[] = [];
    let settled = false;
    let abandoned = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      writer?.rollback();
      void worker.terminate();
      reject(e);
    };
    worker.on('message', (m: ReaderMessage) => {
      if (settled) return;
      try {
        if (m.type === 'header') {
          header = m.header;
          mapping = m.mapping;
        } else if (m.type === 'bad') {
          abandoned = true;
          writer?.rollback();
        } else if (m.type === 'rows') {
          if (abandoned) return;
          writer ??= new ImportWriter(db, stored);
          writer.write(m.rows);
          opts.onProgress?.({ phase: 'write', done: writer.written, total: m.read });
        } else if (m.type === 'done') {
          const s = m.summary;
          let outcome: ImportOutcome;
          if (s.errorCount > 0) {
            writer?.rollback();
            outcome = { ok: false, imported: 0, errorCount: s.errorCount, errors: s.errors, truncated: s.truncated, notes: s.notes };
          } else {
            writer ??= new ImportWriter(db, stored);
            writer.commit(opts.beforeCommit);
            opts.onProgress?.({ phase: 'write', done: writer.written, total: writer.written });
            outcome = { ok: true, imported: writer.written, answers: writer.answers, respondentsCreated: writer.respondentsCreated, skippedColumns: s.skippedColumns, notes: s.notes };
          }
          settled = true;
          void worker.terminate();
          resolve({ outcome, header, mapping, readNotes: m.notes });
        } else {
          fail(
            m.kind === 'import'
              ? new ImportError(m.code === 'NO_QUESTIONNAIRE' || m.code === 'EMPTY' ? m.code : 'BAD_MAPPING', m.message, m.field)
              : m.kind === 'read'
                ? new ReadTableError(m.message)
                : new Error(m.message),
          );
        }
      } catch (e) {
        fail(e);
      }
    });
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the import reader stopped unexpectedly')));
  });
}
