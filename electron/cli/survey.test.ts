import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProject } from '../../db';
import { saveAnalysis } from '../../db/queries/saved-analyses';
import { tempDir } from '../../db/test-helpers';
import { surveyRecords, seedSurvey } from '../api/analysis/test-fixture';
import { wilsonInterval } from '../../analysis/survey';
import { cli } from './test-cli';

const tmp = tempDir();
const project = join(tmp.dir, 'survei.kajian');
const csv = join(tmp.dir, 'survei.csv');

beforeAll(() => {
  const p = createProject(project, { title: 'Survei' });
  seedSurvey(p.db);
  p.close();
  const records = surveyRecords();
  const cols = Object.keys(records[0]!);
  writeFileSync(csv, [cols.join(','), ...records.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n'));
}, 120_000);
afterAll(() => tmp.cleanup());


async function json(...argv: string[]): Promise<Record<string, unknown>> {
  const r = await cli(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>;
}

describe('kajian survey commands', () => {
  test('summary: the contract fields, overall as a number', async () => {
    const s = await json('summary', project);
    expect(s.respondents).toBe(300);
    expect(s.participants).toBe(69);
    expect(s.participationRate).toBe(23);
    // R 4.2.2: prop.test(69, 300, correct = FALSE)$conf.int = 0.1859718181 0.2808553864
    const [lo, hi] = wilsonInterval(69, 300);
    expect(s.participationCI).toEqual([100 * lo, 100 * hi]);
    expect(100 * lo).toBeCloseTo(18.59718181, 7);
    expect(100 * hi).toBeCloseTo(28.08553864, 7);
    const reasons = s.reasons as { code: string; label: string; n: number; percent: number }[];
    expect(reasons.slice(0, 3).map((r) => [r.code, r.n])).toEqual([
      ['tidak_tahu_manfaat', 141],
      ['tidak_mampu_iuran', 58],
      ['administrasi', 32],
    ]);
    expect(Object.keys(reasons[0]!)).toEqual(['code', 'label', 'n', 'percent']);
    const index = s.index as { overall: number; dimensions: { name: string; mean: number; sd: number; n: number; alpha: number }[] };
    expect(typeof index.overall).toBe('number');
    expect(index.overall).toBeGreaterThan(2.6);
    expect(index.overall).toBeLessThan(3.0);
    expect(index.dimensions.map((d) => Object.keys(d))).toEqual(Array(3).fill(['name', 'mean', 'sd', 'n', 'alpha']));
  });

  test('summary uses the saved summary spec of the project, flags override it', async () => {
    const filtered = await json('summary', project, '--filter', 'kota=jakarta');
    expect(filtered.respondents).toBe(60);
    const p = createProject(join(tmp.dir, 'kosong.kajian'), { title: 'Kosong' });
    p.close();
    const none = await cli('summary', join(tmp.dir, 'kosong.kajian'), '--json');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no questionnaire/i);
    const bad = await cli('summary', project, '--participation', 'tidak_ada', '--json');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"tidak_ada"');
  });

  test('summary reads a saved summary analysis', async () => {
    const path = join(tmp.dir, 'saved.kajian');
    const p = createProject(path, { title: 'S' });
    seedSurvey(p.db);
    saveAnalysis(p.db, { kind: 'summary', name: 'Ringkasan', spec: { participation: { variable: 'jenis_pekerjaan', yes: 'umkm' }, reason: { variable: 'kota' } } });
    p.close();
    const s = await json('summary', path);
    expect(s.participants).toBe(60);
  });

  test('frequencies from a CSV and from the project (labels)', async () => {
    const f = await json('frequencies', csv, '--var', 'alasan_tidak_ikut');
    expect(f.n).toBe(300);
    expect(f.missing).toBe(69);
    const rows = f.rows as { value: string; label: string; n: number; percent: number; validPercent: number }[];
    expect(Object.keys(rows[0]!)).toEqual(['value', 'label', 'n', 'percent', 'validPercent']);
    const admin = rows.find((r) => r.value === 'administrasi')!;
    expect(admin.validPercent).toBe((100 * 32) / 231);
    expect(admin.percent).toBe((100 * 32) / 300);
    const g = await json('frequencies', project, '--var', 'jenis_pekerjaan', '--language', 'en');
    expect((g.rows as { label: string }[]).map((r) => r.label)).toEqual(['UMKM owner', 'Small trader', 'Daily labourer', 'Freelancer', 'Home worker']);
    const bad = await cli('frequencies', csv, '--json');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--var is required');
  });

  test('crosstab: the contract fields; fisherP only for 2x2', async () => {
    const c = await json('crosstab', csv, '--row', 'jenis_pekerjaan', '--col', 'peserta_aktif');
    expect(Object.keys(c)).toEqual(['rows', 'cols', 'table', 'expected', 'chiSquare', 'df', 'p', 'gSquare', 'gP', 'cramersV', 'adjustedResiduals']);
    expect(c.df).toBe(4);
    const d = await json('crosstab', project, '--row', 'peserta_aktif', '--col', 'program_diketahui').catch(() => null);
    expect(d).toBeNull();
    const two = await json('crosstab', csv, '--row', 'peserta_aktif', '--col', 'kota', '--filter', 'kota=jakarta,kota!=medan');
    expect(two.cols).toEqual(['jakarta']);
    const e = await json('crosstab', project, '--row', 'peserta_aktif', '--col', 'pendapatan', '--filter', 'jenis_pekerjaan=umkm');
    expect(e.fisherP).toBeUndefined();
  });

  test('crosstab 2x2 has Fisher p', async () => {
    const path = join(tmp.dir, 'two.csv');
    writeFileSync(path, 'a,b\n' + ['x,u', 'x,u', 'x,v', 'y,v', 'y,v', 'y,v', 'x,u', 'y,u'].join('\n'));
    const c = await json('crosstab', path, '--row', 'a', '--col', 'b');
    expect(c.table).toEqual([
      [3, 1],
      [1, 3],
    ]);
    // R 4.2.2: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857142857
    expect(c.fisherP).toBeCloseTo(0.4857142857, 9);
  });

  test('reliability: the contract fields, reverse keying and fixed scale', async () => {
    const items = 'pemahaman1,pemahaman2,pemahaman3';
    const r = await json('reliability', csv, '--items', items, '--reverse', 'pemahaman3', '--min', '1', '--max', '5');
    expect(Object.keys(r)).toEqual(['n', 'alpha', 'standardizedAlpha', 'items']);
    expect(r.n).toBe(300);
    expect(r.alpha as number).toBeGreaterThan(0.5);
    const raw = await json('reliability', csv, '--items', items);
    expect(raw.alpha as number).toBeLessThan(r.alpha as number);
    const items0 = (r.items as Record<string, unknown>[])[0]!;
    expect(Object.keys(items0)).toEqual(['item', 'mean', 'sd', 'itemRestCorrelation', 'alphaIfDeleted']);
    const bad = await cli('reliability', csv, '--items', items, '--reverse', 'akses1', '--json');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('akses1');
    const text = await cli('reliability', project, '--items', items, '--reverse', 'pemahaman3', '--min', '1', '--max', '5');
    expect(text.out).toContain('alpha =');
  });
});
