import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { smallQuestionnaire } from '../../../analysis/entry/fixtures';
import { saveQuestionnaire } from '../../../db/queries/questionnaire';
import { tempDir } from '../../../db/test-helpers';
import type { Session } from '../handlers';
import { ok, sessionWithProject } from '../test-session';
import type { ExportResult, ImportOutcome, JobStatus, TransferPreview } from './contract';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function withProject(): Promise<Session> {
  const s = await sessionWithProject(tmp.dir, 't', 'T');
  saveQuestionnaire(s.requireProject().db, smallQuestionnaire());
  return s;
}


const count = (s: Session) => (s.requireProject().db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;

describe('transfer API', () => {
  test('preview, import with a bad row (nothing written), fixed file imports all, export', async () => {
    const s = await withProject();
    const bad = join(tmp.dir, 'bad.csv');
    writeFileSync(bad, 'ID Responden,umur,peserta_aktif,kolom_lain\nR1,30,ya,x\nR2,tiga puluh,ya,y\nR3,50,tidak,z\n');
    const preview = await ok<TransferPreview>(s, 'transfer.preview', { path: 'bad.csv' });
    expect(preview.header).toEqual(['ID Responden', 'umur', 'peserta_aktif', 'kolom_lain']);
    expect(preview.totalRows).toBe(3);
    expect(preview.sample[0]).toEqual({ row: 2, cells: ['R1', '30', 'ya', 'x'] });
    expect(preview.mapping.map((m) => m.target)).toEqual(['@respondent', 'umur', 'peserta_aktif', null]);
    expect(preview.targets.map((t) => t.value)).toContain('program/jkk');
    const report = await ok<ImportOutcome>(s, 'transfer.import', { path: bad, mapping: preview.mapping });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: 'umur', value: 'tiga puluh' })]);
    expect(count(s)).toBe(0);
    writeFileSync(bad, 'ID Responden,umur,peserta_aktif,kolom_lain\nR1,30,ya,x\nR2,31,ya,y\nR3,50,tidak,z\n');
    const done = await ok<ImportOutcome>(s, 'transfer.import', { path: bad, mapping: preview.mapping });
    expect(done).toMatchObject({ ok: true, imported: 3 });
    expect(count(s)).toBe(3);
    const out = await ok<ExportResult>(s, 'transfer.export', { path: 'out.xlsx', labels: true });
    expect(out.rows).toBe(3);
    expect(existsSync(join(tmp.dir, 'out.xlsx'))).toBe(true);
    const wrong = await s.dispatch('transfer.export', { path: 'out.pdf' });
    expect(wrong.ok).toBe(false);
    const missing = await s.dispatch('transfer.preview', { path: 'nope.csv' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'path' } });
    s.close();
  });

  test('importStart runs in a worker with progress; cancel writes nothing', async () => {
    const s = await withProject();
    const big = join(tmp.dir, 'big.csv');
    const lines = ['respondent_id,umur,peserta_aktif,akses1'];
    for (let i = 0; i < 60_000; i++) lines.push(`R${i},${20 + (i % 50)},${i % 2 ? 'ya' : 'tidak'},${1 + (i % 5)}`);
    writeFileSync(big, lines.join('\n'));
    const { jobId } = await ok<{ jobId: string }>(s, 'transfer.importStart', { path: big });
    const cancel = await ok<{ cancelled: boolean }>(s, 'transfer.cancel', { jobId });
    expect(cancel.cancelled).toBe(true);
    expect((await ok<JobStatus>(s, 'transfer.progress', { jobId })).state).toBe('cancelled');
    expect(count(s)).toBe(0);

    const second = await ok<{ jobId: string }>(s, 'transfer.importStart', { path: big });
    let status: JobStatus;
    const seen = new Set<string>();
    for (;;) {
      status = await ok<JobStatus>(s, 'transfer.progress', { jobId: second.jobId });
      seen.add(status.phase);
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    expect(status.outcome).toMatchObject({ ok: true, imported: 60_000 });
    expect(seen.has('write') || seen.has('check')).toBe(true);
    expect(count(s)).toBe(60_000);
    expect((await ok<{ cancelled: boolean }>(s, 'transfer.cancel', { jobId: second.jobId })).cancelled).toBe(false);
    s.close();
  }, 120_000);
});
