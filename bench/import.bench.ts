import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { question } from '../analysis/entry/fixtures';
import type { Questionnaire } from '../analysis/form/types';
import { createProject } from '../db';
import { saveQuestionnaire } from '../db/queries/questionnaire';
import { writeXlsx, type SheetCell } from '../db/queries/xlsx-writer';
import { importFile } from '../electron/api/transfer/pipeline';
import { workerEntry } from '../electron/api/transfer/worker-entry';
import type { Benchmark } from './types';

const ROWS = 100_000;
const COLUMNS = 30;

/** 29 questions cycling through integer, select_one (codes 1-5), text and decimal, plus the respondent ID column. */
function questionnaire(): Questionnaire {
  const kinds = ['integer', 'select_one', 'text', 'decimal'] as const;
  return {
    title: 'Bench',
    formId: 'bench',
    version: '1',
    defaultLanguage: 'id',
    questions: Array.from({ length: COLUMNS - 1 }, (_, i) => {
      const type = kinds[i % 4]!;
      return question(`q${i + 1}`, type, type === 'select_one' ? { listName: 'lima' } : {});
    }),
    choiceLists: [{ name: 'lima', choices: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: { id: `Pilihan ${v}`, en: `Choice ${v}` } })) }],
  };
}

function sheet(): SheetCell[][] {
  const rows: SheetCell[][] = [['respondent_id', ...Array.from({ length: COLUMNS - 1 }, (_, i) => `q${i + 1}`)]];
  for (let r = 0; r < ROWS; r++) {
    const row: SheetCell[] = [`R${r}`];
    for (let c = 0; c < COLUMNS - 1; c++) {
      const k = c % 4;
      row.push(k === 0 ? (r * 7 + c) % 90 : k === 1 ? ((r + c) % 5) + 1 : k === 2 ? `teks ${(r * 13 + c) % 500}` : ((r * 31 + c) % 10_000) / 100);
    }
    rows.push(row);
  }
  return rows;
}

const PANDAS = `
import sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_excel(sys.argv[1])
ms = (time.perf_counter() - t) * 1000
print(f"{ms} {df.shape[0]} {df.shape[1]}")
`;

export const benchmark: Benchmark = {
  name: 'import responses',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kajian-bench-import-'));
    try {
      const xlsx = join(dir, 'responses.xlsx');
      writeFileSync(xlsx, writeXlsx([{ name: 'data', rows: sheet() }]));
      const projectPath = join(dir, 'bench.kajian');
      const p = createProject(projectPath, { title: 'Bench' });
      saveQuestionnaire(p.db, questionnaire());

      // Kajian: read the XLSX, map, check every cell, write 100,000 responses (2.9 M answers) in one
      // transaction: importFile, as the CLI and the app's import job run it (reading and checking
      // on a worker thread while this thread writes).
      // The packaged app starts a prebuilt worker bundle; from the sources it is bundled on first
      // use: that build is done here, before the clock starts.
      workerEntry('reader-worker.ts', 'transfer-reader.cjs');
      const t0 = performance.now();
      let firstWrite = 0;
      const { outcome } = await importFile(p.db, xlsx, { onProgress: () => (firstWrite ||= performance.now() - t0) });
      const kajianMs = performance.now() - t0;
      p.close();
      if (!outcome.ok || outcome.imported !== ROWS) throw new Error(`bench import failed: ${JSON.stringify(outcome).slice(0, 300)}`);

      let referenceMs: number | null = null;
      let notes = '';
      try {
        const out = execFileSync('/usr/bin/python3', ['-c', PANDAS, xlsx], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 900_000 }).trim();
        const [ms, rows, cols] = out.split(' ').map(Number);
        if (rows !== ROWS || cols !== COLUMNS) throw new Error(`pandas read ${rows}x${cols}`);
        referenceMs = ms!;
      } catch (e) {
        notes = `pandas failed: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}; `;
      }
      notes += `${outcome.answers.toLocaleString('en')} answers written; the first block of rows was written ${firstWrite.toFixed(0)} ms after the start (reading, checking and writing overlap).`;
      return [
        {
          work: `import a ${ROWS.toLocaleString('en')}-row x ${COLUMNS}-column XLSX: read + check every cell + write all rows in one transaction`,
          kajianMs,
          referenceTool: 'pandas.read_excel (openpyxl), reading only, same file',
          referenceMs,
          goal: '<= 0.25x pandas',
          notes,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
