import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openProject } from '../../db';
import { writeExport, ExportError } from '../../db/queries/export-responses';
import { ImportError } from '../../db/queries/import-responses';
import { loadQuestionnaire } from '../../db/queries/questionnaire';
import { importFile } from '../api/transfer/pipeline';
import { ReadTableError } from '../api/transfer/read-table';
import { positional, stringFlag, UsageError } from './args';
import type { Command } from './commands';

/**
 * `kajian import <project> <file> [--mapping m.json] [--json]`: checks every cell and imports all
 * rows in one transaction or none (bad cells listed on stderr, exit 1).
 * `kajian export <project> <out.csv|out.xlsx> [--labels] [--include-personal] [--json]`.
 */

export const transferCommands: Record<string, Command> = {
  import: {
    usage: 'kajian import <project.kajian> <file.csv|file.xlsx> [--mapping m.json] [--json]',
    summary: 'import responses from CSV/XLSX (KoboToolbox too): all rows or none',
    async run(args) {
      const projectFile = resolve(positional(args, 1, 'the project file'));
      const file = resolve(positional(args, 2, 'the CSV or XLSX file to import'));
      const mappingFile = stringFlag(args, 'mapping');
      let mappingJson: unknown;
      if (mappingFile !== undefined) {
        try {
          mappingJson = JSON.parse(readFileSync(resolve(mappingFile), 'utf8'));
        } catch (e) {
          throw new UsageError(`--mapping ${mappingFile}: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : 'cannot read the file'}`);
        }
      }
      const p = openProject(projectFile);
      try {
        let result;
        try {
          result = await importFile(p.db, file, { mapping: mappingJson === undefined ? { kind: 'auto' } : { kind: 'json', json: mappingJson } });
        } catch (e) {
          if (e instanceof ReadTableError) throw new Error(`${file}: ${e.message}`);
          throw e;
        }
        const { outcome, mapping } = result;
        const notes = [...result.readNotes.map((n) => ({ column: '', ...n })), ...outcome.notes];
        const mapped = mapping.filter((m) => m.target).map((m) => ({ column: m.column, target: m.target }));
        if (!outcome.ok) {
          const json = { file, ok: false, imported: 0, errorCount: outcome.errorCount, truncated: outcome.truncated, errors: outcome.errors, mapping: mapped, notes };
          const lines = outcome.errors.slice(0, 50).map((e) => `  row ${e.row}, column "${e.column}", value "${e.value}": ${e.reason}`);
          if (outcome.errorCount > lines.length) lines.push(`  … and ${outcome.errorCount - lines.length} more`);
          throw new Error(
            args.flags.get('json') === true
              ? `nothing imported: ${outcome.errorCount} bad cell(s)\n${JSON.stringify(json, null, 2)}`
              : `nothing imported: ${outcome.errorCount} bad cell(s)\n${lines.join('\n')}`,
          );
        }
        const skipped = mapping.filter((m) => !m.target).map((m) => ({ column: m.column, note: m.note?.en ?? 'not mapped' }));
        const text = [
          `Imported ${outcome.imported} responses (${outcome.answers} answers, ${outcome.respondentsCreated} new respondents) from ${file}`,
          ...mapped.map((m) => `  ${m.column} → ${m.target}`),
          ...(skipped.length ? ['Skipped columns:', ...skipped.map((s) => `  ${s.column}: ${s.note}`)] : []),
          ...notes.map((n) => `Note: ${n.en}`),
        ].join('\n');
        return {
          text,
          json: { file, ok: true, imported: outcome.imported, answers: outcome.answers, respondentsCreated: outcome.respondentsCreated, mapping: mapped, skipped, notes },
        };
      } catch (e) {
        if (e instanceof ImportError) throw new Error(e.message);
        throw e;
      } finally {
        p.close();
      }
    },
  },
  export: {
    usage: 'kajian export <project.kajian> <out.csv|out.xlsx> [--labels] [--include-personal] [--json]',
    summary: 'export responses as CSV or XLSX with a codebook (codes, or labels with --labels)',
    run(args) {
      const projectFile = resolve(positional(args, 1, 'the project file'));
      const out = resolve(positional(args, 2, 'the file to write (.csv or .xlsx)'));
      if (!/\.(csv|xlsx)$/i.test(out)) throw new UsageError(`the output must end in .csv or .xlsx, not "${out}"`);
      const p = openProject(projectFile);
      try {
        if (!loadQuestionnaire(p.db)) throw new Error('the project has no questionnaire yet: nothing to export');
        const r = writeExport(p.db, out, { labels: args.flags.get('labels') === true, includePersonal: args.flags.get('include-personal') === true });
        const text = [
          `Exported ${r.rows} responses, ${r.columns.length} columns (${args.flags.get('labels') === true ? 'labels' : 'codes'}) to ${r.path}`,
          ...(r.codebookPath ? [`Codebook: ${r.codebookPath}`] : ['Codebook: sheet "codebook"']),
          ...(r.excluded.length ? [`Personal-data questions left out (use --include-personal to include them): ${r.excluded.join(', ')}`] : []),
          ...(r.truncated.length ? [`${r.truncated.length} cell(s) longer than Excel's 32,767 characters were cut (first: row ${r.truncated[0]!.row}, ${r.truncated[0]!.column})`] : []),
        ].join('\n');
        return { text, json: r };
      } catch (e) {
        if (e instanceof ExportError) throw new Error(e.message);
        throw e;
      } finally {
        p.close();
      }
    },
  },
};
