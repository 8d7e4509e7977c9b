import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallQuestionnaire } from '../analysis/entry/fixtures';
import { createProject, newId } from '../db';
import { saveQuestionnaire } from '../db/queries/questionnaire';
import { createResponse, setAnswer, setResponseHeader } from '../db/queries/responses';
import type { Benchmark } from './types';

const RESPONSES = 100_000;
const SAVES = 3_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Seeds RESPONSES complete responses with four answers each, in one transaction. */
function seed(db: import('better-sqlite3').Database): void {
  const qn = db.prepare('SELECT id FROM questionnaires').get() as { id: string };
  const qids = db.prepare('SELECT name, seq FROM questions').all() as { name: string; seq: number }[];
  const id = new Map(qids.map((q) => [q.name, q.seq]));
  const now = new Date().toISOString();
  db.transaction(() => {
    const resp = db.prepare('INSERT INTO respondents (id, code, created_at) VALUES (?, ?, ?)');
    const r = db.prepare("INSERT INTO responses (seq, id, questionnaire_id, respondent_id, status, source, created_at, updated_at) VALUES (?, ?, ?, ?, 'complete', 'sample', ?, ?)");
    const put = db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES (?, ?, ?)');
    const a = { run: (seq: number, q: number | undefined, value: string | number, _at: string) => put.run(seq, q, value) };
    for (let i = 0; i < RESPONSES; i++) {
      const rid = newId();
      const res = i + 1;
      resp.run(rid, `R${i}`, now);
      r.run(res, newId(), qn.id, rid, now, now);
      a.run(res, id.get('umur'), 20 + (i % 60), now);
      a.run(res, id.get('peserta_aktif'), i % 3 ? 'ya' : 'tidak', now);
      a.run(res, id.get('akses1'), 1 + (i % 5), now);
      a.run(res, id.get('nama'), `Nama ${i}`, now);
    }
  })();
}

export const benchmark: Benchmark = {
  name: 'save one answer',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kajian-bench-save-'));
    try {
      const p = createProject(join(dir, 'save.kajian'), { title: 'Bench' });
      saveQuestionnaire(p.db, smallQuestionnaire());
      seed(p.db);
      // A draft (no audit) and a complete response (every change audited), as in data entry.
      const draft = createResponse(p.db, { respondentCode: 'D1' });
      const done = createResponse(p.db, { respondentCode: 'C1' });
      setResponseHeader(p.db, done, { status: 'complete' }, { actor: 'bench' });
      const times: number[] = [];
      const raw: number[] = [];
      const qid = (p.db.prepare("SELECT seq FROM questions WHERE name = 'umur'").get() as { seq: number }).seq;
      const draftSeq = (p.db.prepare('SELECT seq FROM responses WHERE id = ?').get(draft) as { seq: number }).seq;
      const upsert = p.db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES (?, ?, ?) ON CONFLICT(response_seq, question_seq) DO UPDATE SET value = excluded.value');
      for (let i = 0; i < SAVES; i++) {
        const target = i % 2 ? done : draft;
        const t0 = performance.now();
        setAnswer(p.db, target, 'umur', 15 + (i % 80), { actor: 'bench', reason: 'bench' });
        times.push(performance.now() - t0);
        const t1 = performance.now();
        p.db.transaction(() => upsert.run(draftSeq, qid, i))();
        raw.push(performance.now() - t1);
      }
      const sync = p.db.pragma('synchronous', { simple: true });
      const journal = p.db.pragma('journal_mode', { simple: true });
      p.close();
      times.sort((a, b) => a - b);
      raw.sort((a, b) => a - b);
      const p99 = percentile(times, 0.99);
      return [
        {
          work: `setAnswer p99 over ${SAVES} saves (half on a complete response, audited) in a project of ${RESPONSES.toLocaleString('en')} responses`,
          kajianMs: p99,
          referenceTool: 'one bare UPSERT in its own transaction (better-sqlite3), p99',
          referenceMs: percentile(raw, 0.99),
          goal: 'p99 <= 10 ms',
          notes: `median ${percentile(times, 0.5).toFixed(3)} ms, max ${times[times.length - 1]!.toFixed(3)} ms; journal_mode=${String(journal)}, synchronous=${String(sync)} (1 = NORMAL: each commit is in the WAL before setAnswer returns, safe against a crash of the app; fsync at checkpoints)`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
