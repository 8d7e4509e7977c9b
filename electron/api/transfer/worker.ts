/**
 * The import worker (worker_threads): reads the file, checks every cell and writes all rows in one
 * transaction on its own connection to the project (WAL lets it share the file with the main
 * process). Progress goes to the parent as messages; terminating the worker before the commit
 * leaves the project untouched.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../../../db/queries/import-responses';
import { importFile } from './pipeline';
import { ReadTableError } from './read-table';
import type { WorkerInput, WorkerMessage } from './jobs';

function post(m: WorkerMessage): void {
  parentPort?.postMessage(m);
}

/** Electron's build of the addon when running inside Electron (the bundled worker sits in dist-electron/). */
function nativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    ...(resources ? [join(resources, 'native', 'better_sqlite3.node')] : []),
    ...(typeof __dirname === 'string' ? [join(__dirname, '..', '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node')] : []),
  ];
  return candidates.find((c) => existsSync(c));
}

async function run(input: WorkerInput): Promise<void> {
  post({ type: 'progress', phase: 'read', done: 0, total: 0 });
  const binding = nativeBinding();
  const db = new Database(input.projectPath, binding ? { fileMustExist: true, nativeBinding: binding } : { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const flag = new Int32Array(input.flag);
    // Reading and checking run in a second worker while this one writes (pipeline.ts).
    const result = await importFile(db, input.filePath, {
      mapping: input.mapping ? { kind: 'columns', columns: input.mapping } : { kind: 'auto' },
      onProgress: (p) => post({ type: 'progress', ...p }),
      beforeCommit: () => {
        if (Atomics.compareExchange(flag, 0, 0, 2) !== 0) throw new Error('cancelled');
      },
    });
    post({ type: 'done', outcome: result.outcome, notes: result.readNotes });
  } finally {
    db.close();
  }
}

run(workerData as WorkerInput).catch((e: unknown) => {
  if (e instanceof ImportError) post({ type: 'failed', code: e.code === 'NO_QUESTIONNAIRE' ? 'NO_QUESTIONNAIRE' : 'BAD_INPUT', message: e.message, field: e.field });
  else if (e instanceof ReadTableError) post({ type: 'failed', code: /^cannot read/.test(e.message) ? 'NOT_FOUND' : 'BAD_INPUT', message: e.message, field: 'path' });
  else post({ type: 'failed', code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
});
