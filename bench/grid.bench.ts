import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { smallQuestionnaire } from '../analysis/entry/fixtures';
import { createProject, newId } from '../db';
import { saveQuestionnaire } from '../db/queries/questionnaire';
import { startServe } from '../e2e/serve-process';
import type { Benchmark } from './types';

/**
 * The responses grid with 100,000 responses, scrolled in Chromium: frame times from
 * requestAnimationFrame deltas while `.grid-viewport` is scrolled programmatically for a few
 * seconds (the flags of playwright.config.ts; the project served by electron/serve.ts).
 */

const RESPONSES = 100_000;
const SCROLL_MS = 5_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function seed(path: string): void {
  const p = createProject(path, { title: 'Grid bench' });
  const db = p.db;
  saveQuestionnaire(db, smallQuestionnaire());
  const qn = db.prepare('SELECT id FROM questionnaires').get() as { id: string };
  const id = new Map((db.prepare('SELECT name, seq FROM questions').all() as { name: string; seq: number }[]).map((q) => [q.name, q.seq]));
  const now = new Date().toISOString();
  const programmes = ['jkk', 'jkk jkm', 'jht', 'jkk jkm jht jkp', ''];
  db.transaction(() => {
    const resp = db.prepare('INSERT INTO respondents (id, code, created_at) VALUES (?, ?, ?)');
    const r = db.prepare("INSERT INTO responses (seq, id, questionnaire_id, respondent_id, enumerator, location, interview_date, status, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'complete', 'sample', ?, ?)");
    const put = db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES (?, ?, ?)');
    const a = { run: (seq: number, q: number | undefined, value: string | number, _at: string) => put.run(seq, q, value) };
    for (let i = 0; i < RESPONSES; i++) {
      const rid = newId();
      const res = i + 1;
      resp.run(rid, `R-${String(i).padStart(6, '0')}`, now);
      r.run(res, newId(), qn.id, rid, `Pencacah ${i % 25}`, ['Surabaya', 'Medan', 'Makassar', 'Yogyakarta'][i % 4], '2024-05-01', now, now);
      a.run(res, id.get('nama'), `Responden ${i}`, now);
      a.run(res, id.get('umur'), 18 + (i % 60), now);
      a.run(res, id.get('peserta_aktif'), i % 3 ? 'ya' : 'tidak', now);
      if (i % 3 === 0) a.run(res, id.get('alasan_tidak_ikut'), 'administrasi', now);
      const prog = programmes[i % programmes.length]!;
      if (i % 3 && prog) a.run(res, id.get('program'), prog, now);
      a.run(res, id.get('akses1'), 1 + (i % 5), now);
    }
  })();
  p.close();
}

export const benchmark: Benchmark = {
  name: 'responses grid scroll',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kajian-bench-grid-'));
    let server: { child: ChildProcess; url: string } | null = null;
    const browser = await chromium.launch({ executablePath: process.env.KAJIAN_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const path = join(dir, 'grid.kajian');
      seed(path);
      server = await startServe(join(dir, 'data'), dir);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      await page.getByLabel('Jalur berkas').fill(path);
      await page.getByRole('button', { name: 'Buka', exact: true }).click();
      await page.getByTestId('nav-data').click();
      await page.locator('.grid-viewport .grid-body .grid-row').first().waitFor({ timeout: 60_000 });
      // Scroll continuously: each frame moves the viewport on (a steady fling), jumping far now and then (a dragged scrollbar).
      // The page script is a string: this file is type-checked without the DOM library.
      const result = (await page.evaluate(`new Promise((resolve) => {
        const vp = document.querySelector('.grid-viewport');
        // Long animation frames (Chromium reports those over 50 ms), as a second measure beside rAF deltas.
        const loaf = [];
        let observer = null;
        try {
          observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) loaf.push(e.duration); });
          observer.observe({ type: 'long-animation-frame', buffered: false });
        } catch { observer = null; }
        const deltas = [];
        const max = vp.scrollHeight - vp.clientHeight;
        let last = performance.now();
        const start = last;
        let n = 0;
        const step = (now) => {
          deltas.push(now - last);
          last = now;
          n++;
          vp.scrollTop = n % 60 === 0 ? Math.random() * max : Math.min(max, vp.scrollTop + 400);
          if (now - start < ${SCROLL_MS}) requestAnimationFrame(step);
          else setTimeout(() => { observer?.disconnect(); resolve({ deltas: deltas.slice(1), loaf, loafSupported: observer !== null }); }, 100);
        };
        requestAnimationFrame(step);
      })`)) as { deltas: number[]; loaf: number[]; loafSupported: boolean };
      const frames = result.deltas;
      const rows = await page.locator('.grid-viewport .grid-body .grid-row').count();
      const sorted = [...frames].sort((a, b) => a - b);
      const p99 = sorted[Math.ceil(0.99 * sorted.length) - 1]!;
      const max = sorted[sorted.length - 1]!;
      const over = frames.filter((f) => f > 50).length;
      return [
        {
          work: `responses grid with ${RESPONSES.toLocaleString('en')} responses: scroll .grid-viewport for ${SCROLL_MS / 1000} s in Chromium (rAF frame times), max frame`,
          kajianMs: max,
          referenceTool: 'none (goal: no frame over 50 ms)',
          referenceMs: null,
          goal: 'max frame <= 50 ms',
          notes: `${frames.length} frames; p99 ${p99.toFixed(1)} ms; median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms; frames over 50 ms: ${over}; rows in the DOM at the end: ${rows}; long animation frames (PerformanceObserver): ${result.loafSupported ? `${result.loaf.length}${result.loaf.length ? `, longest ${Math.max(...result.loaf).toFixed(1)} ms` : ''}` : 'not supported'}`,
        },
      ];
    } finally {
      await browser.close();
      server?.child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
