import { runCli } from '../cli';

/** For CLI tests: runs `kajian <argv>` in-process; what it writes to stdout and stderr, one write per line. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
