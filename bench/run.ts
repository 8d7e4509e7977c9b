/**
 * `npm run bench`: runs every bench/*.bench.ts and prints one table:
 * work, Kajian's time, the reference tool's time, the ratio (Kajian / reference).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();

const rows: BenchResult[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { benchmark: Benchmark };
  process.stderr.write(`running ${mod.benchmark.name}…\n`);
  rows.push(...(await mod.benchmark.run()));
}

const fmt = (ms: number | null) => (ms === null ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const table = rows.map((r) => ({
  work: r.work,
  kajian: fmt(r.kajianMs),
  reference: `${fmt(r.referenceMs)} (${r.referenceTool})`,
  ratio: r.referenceMs ? (r.kajianMs / r.referenceMs).toFixed(2) : 'n/a',
  goal: r.goal ?? '',
}));
const cols = ['work', 'kajian', 'reference', 'ratio', 'goal'] as const;
const widths = cols.map((c) => Math.max(c.length, ...table.map((r) => r[c].length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line([...cols]));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of table) console.log(line(cols.map((c) => r[c])));
for (const r of rows) if (r.notes) console.log(`note: ${r.work}: ${r.notes}`);
