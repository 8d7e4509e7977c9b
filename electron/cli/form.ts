import { resolve } from 'node:path';
import { openProject } from '../../db';
import { describeImportError, describeSkipped, exportXlsFormFile, FormFileError, importXlsFormFile } from '../api/form/service';
import { positional, UsageError, type ParsedArgs } from './args';
import type { Command, CommandOutput } from './commands';

/**
 * `kajian form import <project> <xlsform.xlsx> [--replace] [--json]` and
 * `kajian form export <project> <xlsform.xlsx> [--json]`. Import is all or nothing: a form with
 * problems changes nothing and every problem is written to stderr as `sheet row N, column C:
 * message`; rows Kajian leaves out are listed with their row and reason. Questions keep their
 * answers by name; an import that would delete questions holding answers is refused unless
 * --replace is given.
 */
function importForm(project: string, file: string, replace: boolean): CommandOutput {
  const p = openProject(resolve(project));
  try {
    const r = importXlsFormFile(p.db, resolve(file), replace);
    const q = r.questionnaire;
    const lines = [
      `Imported ${resolve(file)} into ${resolve(project)}: "${q.title}" (form ${q.formId}${q.version ? `, version ${q.version}` : ''}), ${q.questions.length} questions, ${q.choiceLists.length} choice lists`,
    ];
    if (r.answersDeleted > 0) lines.push(`Deleted ${r.deleted.length} questions with ${r.answersDeleted} answers (${r.deleted.map((d) => `${d.question}: ${d.answers}`).join(', ')})`);
    if (r.skipped.length > 0) lines.push(`Left out (${r.skipped.length}):`, ...r.skipped.map((s) => `  ${describeSkipped(s)}`));
    return {
      text: lines.join('\n'),
      json: {
        project: resolve(project),
        file: resolve(file),
        title: q.title,
        formId: q.formId,
        version: q.version,
        questions: q.questions.length,
        choiceLists: q.choiceLists.length,
        skipped: r.skipped,
        deleted: r.deleted,
        answersDeleted: r.answersDeleted,
        questionnaire: q,
      },
    };
  } catch (e) {
    if (e instanceof FormFileError && e.kind === 'form') {
      // One line per problem, each naming its sheet, row and column.
      throw new Error(`${resolve(file)} was not imported (nothing changed): ${e.errors.length} problem${e.errors.length === 1 ? '' : 's'}\n${e.errors.map((x) => `  ${describeImportError(x)}`).join('\n')}`);
    }
    if (e instanceof FormFileError && e.kind === 'replace') throw new Error(e.message.replace('Import with replace', 'Run again with --replace'));
    throw e;
  } finally {
    p.close();
  }
}

function exportForm(project: string, file: string): CommandOutput {
  const p = openProject(resolve(project));
  try {
    const r = exportXlsFormFile(p.db, resolve(file));
    const lines = [`Exported ${r.questions} questions and ${r.choiceLists} choice lists to ${r.path}`];
    if (r.problems.length > 0) lines.push(`Warning: the questionnaire has ${r.problems.length} problems other tools may refuse:`, ...r.problems.map((x) => `  ${x.message}`));
    return { text: lines.join('\n'), json: { project: resolve(project), file: r.path, questions: r.questions, choiceLists: r.choiceLists, problems: r.problems } };
  } finally {
    p.close();
  }
}

export const formCommands: Record<string, Command> = {
  form: {
    usage: 'kajian form import|export <project.kajian> <xlsform.xlsx> [--replace] [--json]',
    summary: 'import an XLSForm as the questionnaire (all or nothing), or export the questionnaire to an XLSForm',
    run(args: ParsedArgs) {
      const verb = positional(args, 1, 'import or export');
      if (verb !== 'import' && verb !== 'export') throw new UsageError(`the form command is "form import" or "form export", not "form ${verb}"`);
      const project = positional(args, 2, 'the project file');
      const file = positional(args, 3, 'the XLSForm file');
      if (args.positionals.length > 4) throw new UsageError(`unexpected argument "${args.positionals[4]}"`);
      const replace = args.flags.get('replace');
      if (typeof replace === 'string') throw new UsageError(`--replace takes no value (found "${replace}"); put it after the file names`);
      if (verb === 'import') return importForm(project, file, replace === true);
      if (args.flags.has('replace')) throw new UsageError('--replace is for import only');
      return exportForm(project, file);
    },
  },
};
