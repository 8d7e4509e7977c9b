import { isAbsolute, resolve } from 'node:path';
import { writeExport, ExportError } from '../../../db/queries/export-responses';
import { autoMapping, type ImportNote } from '../../../db/queries/import-responses';
import { loadQuestionnaire } from '../../../db/queries/questionnaire';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError, type ApiErrorCode } from '../envelope';
import type { MappingTarget, transferContract } from './contract';
import { cancelImport, jobFinished, jobStatus, startImport, type JobStatus } from './jobs';
import { readImportTable, ReadTableError } from './read-table';

function fileError(path: string, e: unknown): never {
  if (e instanceof ReadTableError) throw new ApiError(/^cannot read/.test(e.message) ? 'NOT_FOUND' : 'BAD_INPUT', `${path}: ${e.message}`, 'path');
  throw e;
}

/** Handlers of the import/export area. */
export function transferHandlers(session: AreaSession): AreaHandlers<typeof transferContract> {
  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(session.ctx.shell.defaultFolder, p));
  const questionnaire = () => {
    const stored = loadQuestionnaire(session.requireProject().db);
    if (!stored) throw new ApiError('BAD_INPUT', 'The project has no questionnaire yet: add one before importing or exporting responses');
    return stored.questionnaire;
  };
  const start = (path: string, mapping: { index: number; column: string; target: string | null }[] | undefined) => {
    const project = session.requireProject();
    questionnaire();
    return startImport({ projectPath: project.path, filePath: absolute(path), mapping: mapping ?? null }, (s) => {
      if (s.state === 'done' && s.outcome?.ok) session.touched();
    });
  };
  const failed = (s: JobStatus): never => {
    const codes: readonly string[] = ['BAD_INPUT', 'NOT_FOUND'];
    const code: ApiErrorCode = s.error && codes.includes(s.error.code) ? (s.error.code as ApiErrorCode) : 'INTERNAL';
    throw new ApiError(code, s.error?.message ?? 'the import failed', s.error?.field);
  };
  return {
    'transfer.preview': ({ path }) => {
      const q = questionnaire();
      const file = absolute(path);
      let table;
      try {
        table = readImportTable(file, { maxRows: 10 });
      } catch (e) {
        fileError(file, e);
      }
      const targets: MappingTarget[] = [
        { value: '@respondent', kind: 'header', label: { id: 'ID responden', en: 'Respondent ID' } },
        { value: '@enumerator', kind: 'header', label: { id: 'Pencacah', en: 'Enumerator' } },
        { value: '@location', kind: 'header', label: { id: 'Lokasi', en: 'Location' } },
        { value: '@date', kind: 'header', label: { id: 'Tanggal wawancara', en: 'Interview date' } },
        { value: '@status', kind: 'header', label: { id: 'Status', en: 'Status' } },
      ];
      for (const question of q.questions) {
        if (question.type === 'note' || question.type === 'calculate') continue;
        targets.push({ value: question.name, kind: 'question', label: question.label });
        if (question.type === 'select_multiple') {
          const list = q.choiceLists.find((l) => l.name === question.listName);
          for (const c of list?.choices ?? []) targets.push({ value: `${question.name}/${c.value}`, kind: 'choice', label: { id: `${question.label.id || question.name}: ${c.label.id}`, en: `${question.label.en || question.name}: ${c.label.en}` } });
        }
      }
      return {
        path: file,
        format: table.format,
        encoding: table.encoding ?? null,
        header: table.header,
        totalRows: table.totalRows,
        sample: table.rows.slice(0, 10).map((cells, i) => ({ row: table.rowNumbers[i]!, cells: table.header.map((_, j) => cells[j] ?? null) })),
        mapping: autoMapping(table.header, q),
        targets,
        notes: table.notes,
      };
    },
    'transfer.importStart': ({ path, mapping }) => ({ jobId: start(path, mapping) }),
    'transfer.progress': ({ jobId }) => {
      const s = jobStatus(jobId);
      if (!s) throw new ApiError('NOT_FOUND', `No import job ${jobId}`, 'jobId');
      return s;
    },
    'transfer.cancel': async ({ jobId }) => {
      if (!jobStatus(jobId)) throw new ApiError('NOT_FOUND', `No import job ${jobId}`, 'jobId');
      return { cancelled: await cancelImport(jobId) };
    },
    'transfer.import': async ({ path, mapping }) => {
      const jobId = start(path, mapping);
      const s = await jobFinished(jobId)!;
      if (s.state !== 'done' || !s.outcome) return failed(s);
      const notes: ImportNote[] = [...s.notes.map((n) => ({ column: '', ...n })), ...s.outcome.notes];
      return { ...s.outcome, notes };
    },
    'transfer.export': ({ path, labels, includePersonal }) => {
      questionnaire();
      try {
        return writeExport(session.requireProject().db, absolute(path), { labels, includePersonal });
      } catch (e) {
        if (e instanceof ExportError) throw new ApiError('BAD_INPUT', e.message, 'path');
        throw e;
      }
    },
  };
}
