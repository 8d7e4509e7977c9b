/**
 * Kajian's command line: `npm run -s kajian -- <command> ...`. Output on stdout (text, or JSON with
 * --json at full numeric precision); errors on stderr with a non-zero exit code.
 */
import { ProjectError } from '../db';
import { parseArgs, UsageError } from './cli/args';
import { commands } from './cli/commands';

function help(): string {
  const lines = ['Kajian command line', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(12)} ${c.summary}`, `               ${c.usage}`);
  return lines.join('\n');
}

export async function runCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv);
  const name = args.positionals[0];
  if (!name || name === 'help' || args.flags.has('help')) {
    out(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command || !Object.hasOwn(commands, name)) {
    err(`kajian: unknown command "${name}". Run "kajian help" for the list.`);
    return 2;
  }
  try {
    const result = await command.run(args);
    out(args.flags.get('json') === true ? JSON.stringify(result.json, null, 2) : result.text);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`kajian ${name}: ${e.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (e instanceof ProjectError) {
      err(`kajian ${name}: ${e.message}`);
      return 1;
    }
    err(`kajian ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kajian: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
