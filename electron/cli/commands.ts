import { resolve } from 'node:path';
import { createProject, getProjectInfo, openProject } from '../../db';
import { positional, stringFlag, UsageError, type ParsedArgs } from './args';
import { seriesCommands } from './series';
import { surveyCommands } from './survey';
import { sampleCommands } from './sample';
import { regressionCommands } from './regression';
import { transferCommands } from './transfer';
import { formCommands } from './form';

/** What a command writes: text for people, or a JSON value for scripts (`--json`). */
export interface CommandOutput {
  text: string;
  json: unknown;
}

export interface Command {
  usage: string;
  summary: string;
  run(args: ParsedArgs): CommandOutput | Promise<CommandOutput>;
}

function withProject<T>(file: string, fn: (p: ReturnType<typeof openProject>) => T): T {
  const p = openProject(resolve(file));
  try {
    return fn(p);
  } finally {
    p.close();
  }
}

/** Every CLI command. Later work adds entries here; names and flags are a public contract. */
export const commands: Record<string, Command> = {
  new: {
    usage: 'kajian new <file.kajian> --title "Judul studi" [--language id|en]',
    summary: 'create a new, empty project file',
    run(args) {
      const file = resolve(positional(args, 1, 'the project file to create'));
      const title = stringFlag(args, 'title', true).trim();
      if (!title) throw new UsageError('--title must not be empty');
      const language = stringFlag(args, 'language') ?? 'id';
      if (language !== 'id' && language !== 'en') throw new UsageError(`--language must be id or en, not "${language}"`);
      const p = createProject(file, { title, language });
      try {
        const info = getProjectInfo(p.db);
        return { text: `Created ${file} (${info.title}), project format ${info.schemaVersion}`, json: { path: file, ...info } };
      } finally {
        p.close();
      }
    },
  },
  info: {
    usage: 'kajian info <file.kajian> [--json]',
    summary: 'show the project title, format version and counts per entity',
    run(args) {
      const file = positional(args, 1, 'the project file');
      return withProject(file, (p) => {
        const info = getProjectInfo(p.db);
        const width = Math.max(...Object.keys(info.counts).map((k) => k.length));
        const lines = [
          `${info.title}`,
          `file: ${resolve(file)}`,
          `project format: ${info.schemaVersion}`,
          `created: ${info.createdAt}`,
          ...Object.entries(info.counts).map(([k, n]) => `  ${k.padEnd(width)}  ${n}`),
        ];
        return { text: lines.join('\n'), json: { path: resolve(file), ...info } };
      });
    },
  },
  ...surveyCommands,
  ...seriesCommands,
  ...sampleCommands,
  ...regressionCommands,
  ...formCommands,
  ...transferCommands,
};
