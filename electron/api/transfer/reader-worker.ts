/**
 * The reading half of an import (worker_threads): reads the file row by row, checks every cell
 * (RowChecker) and posts the checked rows in blocks to the thread that writes them, which holds
 * the project's transaction. No database here. See pipeline.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { autoMapping, checkMappingFits, ImportError, mappingFromJson, mergeMapping, RowChecker, type ColumnMapping } from '../../../db/queries/import-responses';
import type { ReaderInput, ReaderMessage } from './pipeline';
import { ReadTableError, streamImportTable } from './read-table';

function post(m: ReaderMessage): void {
  if (m.type === 'rows') {
    const r = m.rows;
    parentPort?.postMessage(m, [r.complete.buffer, r.answerStart.buffer, r.answerQuestion.buffer] as ArrayBuffer[]);
  } else parentPort?.postMessage(m);
}

async function run(input: ReaderInput): Promise<void> {
  let checker: RowChecker | null = null;
  let mapping: ColumnMapping[] = [];
  let posted = 0;
  let toldBad = false;
  const tellBad = (c: RowChecker) => {
    if (c.errorCount > 0 && !toldBad) {
      // The import will not commit: the writer can roll back and free the project now.
      toldBad = true;
      post({ type: 'bad' });
    }
  };
  const read = await streamImportTable(input.path, {
    header(header) {
      if (input.mapping.kind === 'auto') mapping = autoMapping(header, input.questionnaire);
      else if (input.mapping.kind === 'json') mapping = mergeMapping(autoMapping(header, input.questionnaire), mappingFromJson(input.mapping.json, header));
      else {
        checkMappingFits(input.mapping.columns, header);
        mapping = input.mapping.columns;
      }
      checker = new RowChecker(input.questionnaire, header, mapping, { maxErrors: input.maxErrors });
      post({ type: 'header', header, mapping });
    },
    row(cells, rowNo) {
      const c = checker!;
      c.add(cells, rowNo);
      tellBad(c);
      if (c.pending >= (posted === 0 ? input.firstBlockRows : input.blockRows)) {
        post({ type: 'rows', rows: c.take(), read: c.rows });
        posted++;
      }
    },
    problem(p) {
      // Always after the header (a row wider than it), before that row's cells.
      checker!.bad(p.row, p.column, p.value, p.en, p.id);
      tellBad(checker!);
    },
  });
  const c = checker as RowChecker | null;
  if (!c) throw new ReadTableError('the file is empty');
  if (c.pending > 0) post({ type: 'rows', rows: c.take(), read: c.rows });
  post({ type: 'done', summary: c.summary(), notes: read.notes });
}

run(workerData as ReaderInput).catch((e: unknown) => {
  if (e instanceof ImportError) post({ type: 'failed', kind: 'import', code: e.code, message: e.message, ...(e.field !== undefined ? { field: e.field } : {}) });
  else if (e instanceof ReadTableError) post({ type: 'failed', kind: 'read', code: '', message: e.message });
  else post({ type: 'failed', kind: 'internal', code: '', message: e instanceof Error ? e.message : String(e) });
});
