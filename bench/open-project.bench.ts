import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProject, getProjectInfo, newId, openProject } from '../db';
import { COUNTED_ENTITIES } from '../db/queries/project-info';
import { medianMs, type Benchmark } from './types';

const RESPONSES = 100_000;
const QUESTIONS = 10;

/** Builds a project with 100,000 responses of 10 answers each (1,000,000 answers). */
function build(path: string): void {
  const p = createProject(path, { title: 'Bench' });
  const db = p.db;
  const now = new Date().toISOString();
  const qn = newId();
  db.transaction(() => {
    db.prepare('INSERT INTO questionnaires (id, title, form_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(qn, 'Q', 'q', now, now);
    const qids: number[] = [];
    const q = db.prepare('INSERT INTO questions (id, questionnaire_id, position, name, type) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < QUESTIONS; i++) qids.push(Number(q.run(newId(), qn, i, `q${i}`, 'integer').lastInsertRowid));
    const resp = db.prepare('INSERT INTO respondents (id, code, created_at) VALUES (?, ?, ?)');
    const r = db.prepare('INSERT INTO responses (seq, id, questionnaire_id, respondent_id, enumerator, location, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const a = db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES (?, ?, ?)');
    for (let i = 0; i < RESPONSES; i++) {
      const rid = newId();
      const res = i + 1;
      resp.run(rid, `R${i}`, now);
      r.run(res, newId(), qn, rid, `enum${i % 20}`, 'Surabaya', 'complete', now, now);
      for (let k = 0; k < QUESTIONS; k++) a.run(res, qids[k], (i * 7 + k) % 5 + 1);
    }
  })();
  p.close();
}

export const benchmark: Benchmark = {
  name: 'open project',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kajian-bench-'));
    try {
      const path = join(dir, 'bench.kajian');
      build(path);
      const kajianMs = await medianMs(() => {
        const p = openProject(path);
        getProjectInfo(p.db);
        p.close();
      });
      const sql = COUNTED_ENTITIES.map((t) => `SELECT count(*) FROM ${t}${t === 'responses' ? ' WHERE deleted_at IS NULL' : ''};`).join('\n');
      let referenceMs: number | null = null;
      try {
        referenceMs = await medianMs(() => execFileSync('sqlite3', ['-readonly', path, 'PRAGMA quick_check;', sql]));
      } catch {
        referenceMs = null;
      }
      return [
        {
          work: `open a project with ${RESPONSES.toLocaleString('en')} responses (${(RESPONSES * QUESTIONS).toLocaleString('en')} answers): integrity probe + counts of 18 entities`,
          kajianMs,
          referenceTool: 'sqlite3 CLI (same checks and counts)',
          referenceMs,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
