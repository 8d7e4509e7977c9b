import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProject } from '../../../db';
import { tempDir } from '../../../db/test-helpers';
import { SettingsStore } from '../../settings';
import { Session } from '../handlers';
import type { Envelope } from '../envelope';
import { REASON_COUNTS, seedSurvey } from './test-fixture';
import type { CrosstabResult, FrequenciesResult, IndexResult, SummaryResult } from './service';
import type { SavedAnalysisOpened } from './contract';
import type { SavedAnalysis } from '../../../db/queries/saved-analyses';

const tmp = tempDir();
let s: Session;

beforeAll(async () => {
  const path = join(tmp.dir, 'survei.kajian');
  const p = createProject(path, { title: 'Survei BPJS' });
  seedSurvey(p.db);
  p.close();
  s = new Session({ settings: SettingsStore.inFolder(join(tmp.dir, 'settings')), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0.1.0' } });
  const opened = await s.dispatch('project.open', { path });
  expect(opened.ok).toBe(true);
}, 120_000);
afterAll(() => {
  s.close();
  tmp.cleanup();
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = (await s.dispatch(method, input)) as Envelope<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('analysis handlers on the 300-respondent fixture', () => {
  test('variables and the default index from the dimension tags', async () => {
    const v = await ok<{ variables: { name: string; kind: string }[]; responses: number; defaults: { index: { dimensions: { name: string; items: string[]; reverse?: string[] }[] } } }>('analysis.variables', {});
    expect(v.responses).toBe(300);
    expect(v.variables.find((x) => x.name === 'program_diketahui')?.kind).toBe('multiple');
    expect(v.defaults.index.dimensions.map((d) => d.name)).toEqual(['akses', 'pemahaman', 'manfaat']);
    expect(v.defaults.index.dimensions[1]!.reverse).toEqual(['pemahaman3']);
  });

  test('reasons among non-participants: base 231, 61 / 25 / 14 %', async () => {
    const f = await ok<FrequenciesResult>('analysis.frequencies', {
      variable: 'alasan_tidak_ikut',
      filter: { all: [{ variable: 'peserta_aktif', op: '=', value: 'tidak' }] },
    });
    expect(f.kind).toBe('single');
    if (f.kind !== 'single') return;
    expect(f.table.base).toBe(231);
    const pct = Object.fromEntries(f.table.rows.map((r) => [r.value, r.validPercent]));
    expect(pct.tidak_tahu_manfaat).toBeCloseTo((100 * REASON_COUNTS.tidak_tahu_manfaat) / 231, 12);
    expect(Math.round(pct.tidak_tahu_manfaat!)).toBe(61);
    expect(Math.round(pct.tidak_mampu_iuran!)).toBe(25);
    expect(Math.round(pct.administrasi!)).toBe(14);
    expect(f.table.rows[0]!.label).toBe('Tidak tahu manfaatnya');
  });

  test('select-multiple frequencies are response sets with Wilson intervals', async () => {
    const f = await ok<FrequenciesResult>('analysis.frequencies', { variable: 'program_diketahui', lang: 'en' });
    expect(f.kind).toBe('multiple');
    if (f.kind !== 'multiple') return;
    expect(f.table.cases).toBe(240);
    expect(f.table.rows.map((r) => r.value)).toEqual(['JKK', 'JKM', 'JHT', 'JKP']);
    expect(f.table.ci).toHaveLength(4);
    expect(f.table.ci[0]![0]).toBeLessThan(f.table.rows[0]!.percentOfCases);
  });

  test('participation by job type: chi-square, UMKM above labourers and freelancers', async () => {
    const c = await ok<CrosstabResult>('analysis.crosstab', { row: 'jenis_pekerjaan', col: 'peserta_aktif', lang: 'en' });
    expect(c.table.n).toBe(300);
    expect(c.table.cols).toEqual(['Yes', 'No']);
    expect(c.table.df).toBe(4);
    expect(c.table.p!).toBeLessThan(0.001);
    expect(c.table.fisherP).toBeNull();
    const yes = c.table.rowPercent.map((r) => r[0]!);
    expect(yes[0]).toBeGreaterThan(yes[2]!);
    expect(yes[0]).toBeGreaterThan(yes[3]!);
  });

  test('the index (about 2.8) with alpha per dimension and by subgroup', async () => {
    const v = await ok<{ defaults: { index: unknown } }>('analysis.variables', {});
    const spec = { ...(v.defaults.index as object), groupBy: 'jenis_pekerjaan' };
    const r = await ok<IndexResult>('analysis.index', spec);
    expect(r.index.overall.n).toBe(300);
    expect(r.index.overall.mean!).toBeGreaterThan(2.6);
    expect(r.index.overall.mean!).toBeLessThan(3.0);
    expect(r.reliability.dimensions).toHaveLength(3);
    for (const d of r.reliability.dimensions) expect(d.reliability.alpha!).toBeGreaterThan(0.5);
    // The dimension alpha of the index is the reliability's alpha.
    expect(r.index.dimensions[0]!.alpha).toBeCloseTo(r.reliability.dimensions[0]!.reliability.alpha!, 12);
    expect(r.index.groups!.map((g) => g.value)).toEqual(['umkm', 'pedagang_kecil', 'buruh_harian', 'pekerja_lepas', 'pekerja_rumahan']);
  });

  test('summary with the defaults', async () => {
    const r = await ok<SummaryResult>('analysis.summary', { participation: { variable: 'peserta_aktif', yes: 'ya' }, reason: { variable: 'alasan_tidak_ikut' } });
    expect(r.summary.respondents).toBe(300);
    expect(r.summary.participants).toBe(69);
    expect(r.summary.participationRate).toBeCloseTo(23, 12);
    expect(r.summary.reasonsBase).toBe(231);
  });

  test('unknown variables and select-multiple crosstabs are refused by field', async () => {
    const a = await s.dispatch('analysis.crosstab', { row: 'nope', col: 'peserta_aktif' });
    expect(a).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'row' } });
    const b = await s.dispatch('analysis.crosstab', { row: 'program_diketahui', col: 'peserta_aktif' });
    expect(b).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'row' } });
    const c = await s.dispatch('analysis.frequencies', { variable: 'kota', filter: { all: [{ variable: 'x', op: '=', value: 1 }] } });
    expect(c).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'filter.all.0.variable' } });
  });

  test('saved analyses: save, list, open recomputes from the data, delete', async () => {
    const spec = { row: 'peserta_aktif', col: 'jenis_pekerjaan' };
    const saved = await ok<SavedAnalysis>('analysis.saved.save', { kind: 'crosstab', name: 'Kepesertaan × pekerjaan', spec });
    const again = await ok<SavedAnalysis>('analysis.saved.save', { kind: 'crosstab', name: 'Kepesertaan × pekerjaan', spec: { ...spec, filter: { all: [] } } });
    expect(again.id).toBe(saved.id);
    const bad = await s.dispatch('analysis.saved.save', { kind: 'crosstab', name: 'x', spec: { row: 'a' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'spec.col' } });
    const list = await ok<SavedAnalysis[]>('analysis.saved.list', {});
    expect(list.map((x) => x.name)).toEqual(['Kepesertaan × pekerjaan']);
    const opened = await ok<SavedAnalysisOpened>('analysis.saved.open', { id: saved.id, lang: 'en' });
    expect(opened.result.kind).toBe('crosstab');
    if (opened.result.kind === 'crosstab') expect(opened.result.result.table.rows).toEqual(['Yes', 'No']);
    expect(await ok('analysis.saved.delete', { id: saved.id })).toBeNull();
    expect(await s.dispatch('analysis.saved.open', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
