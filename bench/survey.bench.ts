import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProject, openProject, type Project } from '../db';
import { loadQuestionnaire, saveQuestionnaire } from '../db/queries/questionnaire';
import { ANSWER_COUNTS_SQL, indexSumsQuery, PAIR_COUNTS_SQL } from '../db/queries/survey-aggregates';
import { aggregateCrosstab, aggregateFrequencies, aggregateIndex } from '../electron/api/analysis/aggregate';
import { defaultIndexSpec, variablesOf } from '../electron/api/analysis/service';
import { surveyQuestionnaire } from '../electron/api/analysis/test-fixture';
import { medianMs, type Benchmark } from './types';

/**
 * Frequencies + one crosstab + the effectiveness index over 1,000,000 stored responses, from the
 * project file, against the sqlite3 command-line tool running the equivalent GROUP BY queries on
 * the same file in the same run (goal: at most 1.5x).
 *
 * Kajian: aggregateFrequencies (3 questions), aggregateCrosstab (participation × job type) and
 * aggregateIndex (3 dimensions × 3 Likert items: mean, sd, CI, n, alpha), i.e. the SQL aggregates
 * plus the statistics. sqlite3: the same SELECT statements, parameters written in.
 * Two rows: on an open project, and end to end (Kajian opens the file with its integrity probe;
 * the sqlite3 run then starts with the same PRAGMA quick_check).
 */
const RESPONSES = Number(process.env.KAJIAN_BENCH_RESPONSES ?? 1_000_000);
const REPEAT = Number(process.env.KAJIAN_BENCH_REPEAT ?? (RESPONSES >= 500_000 ? 1 : 3));
const FREQ_VARS = ['peserta_aktif', 'jenis_pekerjaan', 'alasan_tidak_ikut'];

/** Builds the project: the study questionnaire and RESPONSES complete responses written by SQL (deterministic values). */
function build(path: string): void {
  const p = createProject(path, { title: 'Bench survey' });
  try {
    const q = saveQuestionnaire(p.db, surveyQuestionnaire());
    const ids = q.questionSeqs;
    const db = p.db;
    const now = new Date().toISOString();
    db.pragma('synchronous = OFF');
    db.transaction(() => {
      const seq = `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ?)`;
      db.prepare(`${seq} INSERT INTO respondents (id, code, created_at) SELECT printf('p%08d', i), printf('R%08d', i), ? FROM s`).run(RESPONSES - 1, now);
      db.prepare(
        `${seq} INSERT INTO responses (seq, id, questionnaire_id, respondent_id, enumerator, location, status, created_at, updated_at, completed_at)
         SELECT i + 1, printf('r%08d', i), ?, printf('p%08d', i), 'enum' || (i % 20), 'Surabaya', 'complete', ?, ?, ? FROM s`,
      ).run(RESPONSES - 1, q.id, now, now, now);
      const answer = (name: string, expr: string, where = '1') =>
        db.prepare(`${seq} INSERT INTO answers (response_seq, question_seq, value) SELECT i + 1, ?, ${expr} FROM s WHERE ${where}`).run(RESPONSES - 1, ids.get(name)!);
      answer('kota', `CASE i % 5 WHEN 0 THEN 'jakarta' WHEN 1 THEN 'surabaya' WHEN 2 THEN 'medan' WHEN 3 THEN 'makassar' ELSE 'yogyakarta' END`);
      answer('jenis_pekerjaan', `CASE (i / 7) % 5 WHEN 0 THEN 'umkm' WHEN 1 THEN 'pedagang_kecil' WHEN 2 THEN 'buruh_harian' WHEN 3 THEN 'pekerja_lepas' ELSE 'pekerja_rumahan' END`);
      answer('peserta_aktif', `CASE WHEN (i * 37) % 100 < 23 THEN 'ya' ELSE 'tidak' END`);
      answer('alasan_tidak_ikut', `CASE WHEN (i * 13) % 100 < 61 THEN 'tidak_tahu_manfaat' WHEN (i * 13) % 100 < 86 THEN 'tidak_mampu_iuran' ELSE 'administrasi' END`, '(i * 37) % 100 >= 23');
      const items = ['akses1', 'akses2', 'akses3', 'pemahaman1', 'pemahaman2', 'pemahaman3', 'manfaat1', 'manfaat2', 'manfaat3'];
      items.forEach((name, k) => answer(name, `1 + ((i % 4) + ((i / ${k + 2}) % 2)) % 5`));
    })();
    db.pragma('synchronous = NORMAL');
  } finally {
    p.close();
  }
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Writes the parameters into a statement (for the sqlite3 tool); values are ids from the questionnaire. */
function inline(sql: string, params: readonly string[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => quote(params[i++]!));
}

function kajianAnalyses(p: Project, spec: ReturnType<typeof defaultIndexSpec>): void {
  for (const v of FREQ_VARS) aggregateFrequencies(p.db, v);
  aggregateCrosstab(p.db, 'peserta_aktif', 'jenis_pekerjaan');
  aggregateIndex(p.db, spec);
}

export const benchmark: Benchmark = {
  name: 'survey analysis',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kajian-bench-survey-'));
    try {
      const path = join(dir, 'survey.kajian');
      const t0 = performance.now();
      build(path);
      process.stderr.write(`  built ${RESPONSES.toLocaleString('en')} responses in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

      const p0 = openProject(path);
      const stored = loadQuestionnaire(p0.db)!;
      const spec = defaultIndexSpec(variablesOf(stored.questionnaire));
      const ids = stored.questionIds;
      const dims = spec.dimensions.map((d) => ({ weight: d.weight ?? 1, items: d.items.map((it) => ({ questionId: ids.get(it)!, reverse: (d.reverse ?? []).includes(it) })) }));
      const index = indexSumsQuery(stored.id, dims, 1, 5);
      const sql = [
        ...FREQ_VARS.map((v) => inline(ANSWER_COUNTS_SQL, [ids.get(v)!, stored.id])),
        inline(PAIR_COUNTS_SQL, [ids.get('peserta_aktif')!, ids.get('jenis_pekerjaan')!, stored.id]),
        inline(index.sql, index.params),
      ].map((s) => `${s};`);
      const check = aggregateIndex(p0.db, spec);
      process.stderr.write(`  index ${check.overall.mean?.toFixed(3)} over n = ${check.overall.n}\n`);

      const openMs = await medianMs(() => kajianAnalyses(p0, spec), REPEAT);
      p0.close();
      const endToEndMs = await medianMs(() => {
        const p = openProject(path);
        try {
          kajianAnalyses(p, spec);
        } finally {
          p.close();
        }
      }, REPEAT);

      let refOpen: number | null = null;
      let refEnd: number | null = null;
      try {
        refOpen = await medianMs(() => execFileSync('sqlite3', ['-readonly', path, ...sql], { maxBuffer: 1 << 26 }), REPEAT);
        refEnd = await medianMs(() => execFileSync('sqlite3', ['-readonly', path, 'PRAGMA quick_check;', ...sql], { maxBuffer: 1 << 26 }), REPEAT);
      } catch (e) {
        process.stderr.write(`  sqlite3 failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
      const work = `${RESPONSES.toLocaleString('en')} responses: frequencies of 3 questions + 1 crosstab + the index (3 dimensions × 3 items)`;
      return [
        { work: `${work}, project open`, kajianMs: openMs, referenceTool: 'sqlite3 CLI (same GROUP BY queries)', referenceMs: refOpen, goal: '<= 1.5x sqlite3' },
        {
          work: `${work}, end to end from the file (open + integrity probe)`,
          kajianMs: endToEndMs,
          referenceTool: 'sqlite3 CLI (quick_check + same queries)',
          referenceMs: refEnd,
          goal: '<= 1.5x sqlite3',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
