/**
 * The sample study: builds it in a temporary folder and checks every figure the article prints,
 * from the project file, through the functions the analysis screens and the "Reproduce the
 * article" view use (electron/api/analysis/service, electron/api/sample/reproduce). Building it
 * twice gives identical data and identical analysis outputs (JSON), compared below; the files
 * themselves differ in their random UUIDs and write times (see generate.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateQuestionnaire } from '../../analysis/form/types';
import { evaluateForm } from '../../analysis/entry/evaluate-form';
import { parseAnswer } from '../../analysis/entry/parse-answer';
import { growth, roundHalfAway } from '../../analysis/series';
import { indexScores } from '../../analysis/survey';
import { csvToRecords, readCsv } from '../../analysis/table/csv';
import { createProject, openProject, type Project } from '../../db';
import { loadRows } from '../../db/queries/responses';
import { listSavedAnalyses } from '../../db/queries/saved-analyses';
import { seriesOf } from '../../db/queries/series';
import { tempDir } from '../../db/test-helpers';
import { projectDataset, runCrosstab, runFrequencies, runIndex, runSavedAnalysis, runSummary, defaultIndexSpec } from '../../electron/api/analysis/service';
import { Session } from '../../electron/api/handlers';
import { regressionSpec, type LinearReport, type LogisticReport } from '../../electron/api/regression/contract';
import { runRegression } from '../../electron/api/regression/handlers';
import { reproduceArticle } from '../../electron/api/sample/reproduce';
import { SettingsStore } from '../../electron/settings';
import { runCli } from '../../electron/cli';
import { LINEAR_SPEC, LOGISTIC_SPEC, sampleSavedAnalyses } from './analyses';
import {
  buildSampleStudy,
  PRINTED_PROJECTION,
  SAMPLE_FILE_NAME,
  SAMPLE_INDEX_MEAN,
  SAMPLE_INDEX_SUM,
  sampleRespondents,
  SERIES_INDICATOR,
  TABLE_2,
} from './generate';

const tmp = tempDir('kajian-sample-');
let first: Project;
let second: Project;

beforeAll(() => {
  buildSampleStudy(join(tmp.dir, 'a.kajian'));
  buildSampleStudy(join(tmp.dir, 'b.kajian'));
  first = openProject(join(tmp.dir, 'a.kajian'));
  second = openProject(join(tmp.dir, 'b.kajian'));
});
afterAll(() => {
  first?.close();
  second?.close();
  tmp.cleanup();
});

/** A saved regression of the sample, opened as the Regression screen opens it (regressionSpec, runRegression). */
function openSaved(p: Project, kind: 'regression' | 'logistic') {
  const saved = listSavedAnalyses(p.db, kind);
  expect(saved).toHaveLength(1);
  return runRegression(p, regressionSpec.parse(saved[0]!.spec)).report;
}
const linear = (p: Project): LinearReport => {
  const r = openSaved(p, 'regression');
  if (r.kind !== 'linear') throw new Error('linear expected');
  return r;
};
const logistic = (p: Project): LogisticReport => {
  const r = openSaved(p, 'logistic');
  if (r.kind !== 'logistic') throw new Error('logistic expected');
  return r;
};

describe('the questionnaire', () => {
  test('is valid, bilingual, with the fixed variable names and personal data flagged', () => {
    const q = loadRows(first.db).questionnaire.questionnaire;
    expect(validateQuestionnaire(q)).toEqual([]);
    const names = q.questions.map((x) => x.name);
    for (const n of [
      'kota', 'jenis_pekerjaan', 'jenis_kelamin', 'umur', 'pendapatan', 'variabilitas_pendapatan', 'peserta_aktif', 'program', 'alasan_tidak_ikut',
      'akses1', 'akses2', 'akses3', 'pemahaman1', 'pemahaman2', 'pemahaman3', 'manfaat1', 'manfaat2', 'manfaat3',
      'literasi1', 'literasi2', 'literasi3', 'literasi4', 'bersedia_iuran_fleksibel', 'nama_responden', 'telepon',
    ]) expect(names).toContain(n);
    for (const x of q.questions) {
      expect(x.label.id, x.name).not.toBe('');
      expect(x.label.en, x.name).not.toBe('');
    }
    for (const l of q.choiceLists) for (const c of l.choices) expect(c.label.id && c.label.en, `${l.name}.${c.value}`).toBeTruthy();
    expect(q.questions.filter((x) => x.personalData).map((x) => x.name).sort()).toEqual(['nama_responden', 'telepon']);
    const byName = new Map(q.questions.map((x) => [x.name, x]));
    expect(byName.get('program')!.type).toBe('select_multiple');
    expect(byName.get('program')!.relevant).toBe("${peserta_aktif} = 'ya'");
    expect(byName.get('alasan_tidak_ikut')!.relevant).toBe("${peserta_aktif} = 'tidak'");
    expect(byName.get('pemahaman3')!.reverse).toBe(true);
    for (const d of ['akses', 'pemahaman', 'manfaat'] as const) expect(q.questions.filter((x) => x.dimension === d && x.type === 'likert')).toHaveLength(3);
    const lists = new Map(q.choiceLists.map((l) => [l.name, l.choices.map((c) => c.value)]));
    expect(lists.get(byName.get('kota')!.listName!)).toEqual(expect.arrayContaining(['surabaya', 'yogyakarta']));
    expect(lists.get(byName.get('kota')!.listName!)).toHaveLength(5);
    expect(lists.get(byName.get('jenis_pekerjaan')!.listName!)).toEqual(['umkm', 'pedagang_kecil', 'buruh_harian', 'pekerja_lepas', 'pekerja_rumahan']);
    expect(lists.get(byName.get('program')!.listName!)).toEqual(['jkk', 'jkm', 'jht', 'jkp']);
    expect(lists.get(byName.get('alasan_tidak_ikut')!.listName!)).toEqual(['tidak_tahu_manfaat', 'tidak_mampu_iuran', 'administrasi', 'lainnya']);
    expect(lists.get(byName.get('peserta_aktif')!.listName!)).toEqual(['ya', 'tidak']);
  });

  test('personal data are obviously fake and stay out of the analysable variables', () => {
    const { rows } = loadRows(first.db);
    expect(rows[0]!.nama_responden).toBe('Responden 001');
    expect(rows[0]!.telepon).toBe('0800-0000-0001');
    const ds = projectDataset(first.db, '');
    expect(ds.variables.map((v) => v.name)).not.toContain('nama_responden');
    expect(ds.variables.map((v) => v.name)).not.toContain('telepon');
  });
});

describe('the responses', () => {
  test('are stored as data entry stores them and pass every check of the entry form', () => {
    const { questionnaire, rows } = loadRows(first.db);
    const q = questionnaire.questionnaire;
    for (const row of rows) {
      const stored = Object.fromEntries(q.questions.map((x) => [x.name, row[x.name] ?? null]));
      const state = evaluateForm(q, stored, { language: 'en', today: '2024-12-31' });
      expect(state.questions.filter((s) => s.error).map((s) => `${row._respondent} ${s.name}: ${s.error}`)).toEqual([]);
      expect(state.toClear).toEqual([]);
      expect(state.calculated).toEqual([]);
      for (const x of q.questions) {
        const v = stored[x.name];
        if (v === null || x.type === 'calculate' || x.type === 'note') continue;
        expect(parseAnswer(x, String(v), q), `${row._respondent} ${x.name}`).toEqual({ ok: true, value: v });
      }
    }
  });
});

describe('the article figures, from the project file', () => {
  test('300 complete responses, labelled as sample data', () => {
    const { rows } = loadRows(first.db);
    expect(rows).toHaveLength(300);
    expect(first.db.prepare("SELECT count(*) AS n FROM responses WHERE source = 'sample' AND status = 'complete'").get()).toEqual({ n: 300 });
    expect(new Set(rows.map((r) => r._respondent)).size).toBe(300);
  });

  test('23.0% active participants; of the 231 others 61.0 / 25.1 / 13.9% by reason; index 2.8', () => {
    const ds = projectDataset(first.db, '');
    const { summary: s } = runSummary(ds, { participation: { variable: 'peserta_aktif', yes: 'ya' }, reason: { variable: 'alasan_tidak_ikut' } }, 'id');
    expect(s.respondents).toBe(300);
    expect(s.participants).toBe(69);
    expect(s.participationRate).toBe(23);
    expect(s.reasonsBase).toBe(231);
    const byCode = Object.fromEntries(s.reasons.map((r) => [r.code, r]));
    expect(byCode.tidak_tahu_manfaat!.n).toBe(141);
    expect(byCode.tidak_mampu_iuran!.n).toBe(58);
    expect(byCode.administrasi!.n).toBe(32);
    expect(byCode.lainnya!.n).toBe(0);
    expect(roundHalfAway(byCode.tidak_tahu_manfaat!.percent, 1)).toBe(61.0);
    expect(roundHalfAway(byCode.tidak_mampu_iuran!.percent, 1)).toBe(25.1);
    expect(roundHalfAway(byCode.administrasi!.percent, 1)).toBe(13.9);
    // The index: (sum of the 2700 item scores, pemahaman3 reversed) / 2700 = 7554 / 2700.
    expect(SAMPLE_INDEX_SUM).toBe(7554);
    expect(s.index.overall.n).toBe(300);
    expect(s.index.overall.mean).toBeCloseTo(SAMPLE_INDEX_MEAN, 12);
    expect(roundHalfAway(s.index.overall.mean!, 1)).toBe(2.8);
    // Understanding is the weakest dimension (the article: most do not know the benefits).
    const dims = Object.fromEntries(s.index.dimensions.map((d) => [d.name, d.mean!]));
    expect(dims.pemahaman).toBeLessThan(dims.akses!);
    expect(dims.pemahaman).toBeLessThan(dims.manfaat!);
    for (const d of s.index.dimensions) expect(d.alpha!).toBeGreaterThan(0.7);
  });

  test('UMKM owners participate clearly more often than buruh harian and pekerja lepas', () => {
    const ct = runCrosstab(projectDataset(first.db, ''), { row: 'jenis_pekerjaan', col: 'peserta_aktif' }, 'id').table;
    const yes = ct.colValues.indexOf('ya');
    const rate = (code: string) => ct.rowPercent[ct.rowValues.indexOf(code)]![yes]!;
    expect(rate('umkm')).toBeCloseTo((100 * 27) / 66, 10);
    expect(rate('buruh_harian')).toBeCloseTo((100 * 8) / 63, 10);
    expect(rate('pekerja_lepas')).toBeCloseTo((100 * 7) / 54, 10);
    expect(rate('umkm') - Math.max(rate('buruh_harian'), rate('pekerja_lepas'))).toBeGreaterThan(20);
    expect(ct.p!).toBeLessThan(0.001);
  });

  test('the stored respondent index equals the index function, and the saved index analysis runs', () => {
    const ds = projectDataset(first.db, '');
    const spec = defaultIndexSpec(ds.variables);
    const scores = indexScores(ds.rows, { dimensions: spec.dimensions, min: spec.min, max: spec.max });
    ds.rows.forEach((r, i) => expect(r.indeks_efektivitas as number).toBeCloseTo(scores[i]!.overall!, 12));
    expect(runIndex(ds, spec, 'en').index.overall.mean).toBeCloseTo(SAMPLE_INDEX_MEAN, 12);
  });

  test('Table 2 and the printed projection are stored as series, the same as resources/sample/series.csv', () => {
    expect(seriesOf(first.db, SERIES_INDICATOR, 'informal', '', 'observed').map((v) => ({ year: v.year, value: v.value }))).toEqual(TABLE_2);
    expect(seriesOf(first.db, SERIES_INDICATOR, 'informal', '', 'published_projection').map((v) => ({ year: v.year, value: v.value }))).toEqual(PRINTED_PROJECTION);
    const csv = csvToRecords(readCsv(readFileSync(join(__dirname, 'series.csv'), 'utf8')));
    const stored = [...seriesOf(first.db, SERIES_INDICATOR, 'informal', '', 'observed'), ...seriesOf(first.db, SERIES_INDICATOR, 'informal', '', 'published_projection')];
    expect(stored.map((v) => [v.indicator, v.sector, v.programme, v.year, v.value, v.unit, v.source, v.kind])).toEqual(
      csv.map((r) => [r.indicator, r.sector, r.programme ?? '', r.year, r.value, r.unit, r.source, r.kind]),
    );
    expect(growth(TABLE_2).map((g) => roundHalfAway(g.percent, 2))).toEqual([28.13, 17.07, 14.58, 14.55]);
  });

  test('the reproduce view: every survey and Table 2 figure reproduced; the printed projection marked and explained', () => {
    const r = reproduceArticle(first.db, 'sample');
    expect(r.synthetic).toBe(true);
    const status = Object.fromEntries(r.figures.map((f) => [f.id, f.status]));
    expect(status).toEqual({
      participation: 'reproduced',
      'reason.tidak_tahu_manfaat': 'reproduced',
      'reason.tidak_mampu_iuran': 'reproduced',
      'reason.administrasi': 'reproduced',
      'umkm-gap': 'reproduced',
      index: 'reproduced',
      'growth.2021': 'reproduced',
      'growth.2022': 'reproduced',
      'growth.2023': 'reproduced',
      'growth.2024': 'reproduced',
      'average-growth': 'differs',
      'projection.2025': 'differs',
      'projection.2026': 'differs',
      'projection.2027': 'differs',
      'projection.2028': 'differs',
      'projection.2029': 'differs',
      'projection.2030': 'reproduced',
      'projection.increase': 'reproduced',
    });
    const fig = (id: string) => r.figures.find((f) => f.id === id)!;
    expect(fig('participation').computed[0]!.value).toBe(23);
    expect(fig('index').computed[0]!.value).toBeCloseTo(SAMPLE_INDEX_MEAN, 12);
    expect(fig('projection.2025').computed[0]!.value).toBeCloseTo(7.245, 12);
    expect(fig('projection.2025').explanation.id).toContain('7,245');
    expect(fig('projection.2025').explanation.en).toContain('7.245');
    for (const f of r.figures) {
      expect(f.explanation.id, f.id).not.toBe('');
      expect(f.explanation.en, f.id).not.toBe('');
    }
    expect(r.counts).toEqual({ reproduced: 12, differs: 6, unavailable: 0 });
  });
});

describe('realistic data: plausible distributions and relations', () => {
  test('answers are not uniform and cover the scale', () => {
    const ds = projectDataset(first.db, '');
    for (const item of ['akses1', 'akses2', 'akses3', 'pemahaman1', 'pemahaman2', 'pemahaman3', 'manfaat1', 'manfaat2', 'manfaat3', 'literasi1', 'literasi2', 'literasi3', 'literasi4']) {
      const f = runFrequencies(ds, { variable: item }, 'id');
      if (f.kind !== 'single') throw new Error('single expected');
      const counts = f.table.rows.map((r) => r.n);
      expect(counts.filter((n) => n > 0).length, item).toBeGreaterThanOrEqual(4);
      expect(Math.max(...counts) - Math.min(...counts), item).toBeGreaterThan(30);
    }
    const ages = ds.rows.map((r) => r.umur as number);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(64);
    const incomes = ds.rows.map((r) => r.pendapatan as number);
    expect(Math.min(...incomes)).toBeGreaterThan(0.3);
    expect(Math.max(...incomes)).toBeLessThan(15);
    const programmes = ds.rows.filter((r) => r.peserta_aktif === 'ya').map((r) => String(r.program));
    expect(programmes.every((p) => p.startsWith('jkk jkm'))).toBe(true);
    expect(programmes.some((p) => p.includes('jht'))).toBe(true);
    expect(ds.rows.filter((r) => r.peserta_aktif === 'tidak').every((r) => r.program === null && r.alasan_tidak_ikut !== null)).toBe(true);
  });

  test('linear regression of the index on literacy, income and job type: literacy and income matter; the classic assumptions hold', () => {
    const fit = linear(first);
    expect(fit.n).toBe(300);
    const coef = Object.fromEntries(fit.coefficients.map((c) => [c.term, c]));
    expect(coef.skor_literasi!.estimate!).toBeGreaterThan(0.2);
    expect(coef.skor_literasi!.p!).toBeLessThan(0.001);
    expect(coef.pendapatan!.estimate!).toBeGreaterThan(0);
    expect(coef.pendapatan!.p!).toBeLessThan(0.001);
    expect(fit.rSquared).toBeGreaterThan(0.3);
    expect(fit.rSquared).toBeLessThan(0.7);
    for (const c of fit.coefficients) if (c.vif !== null) expect(c.vif).toBeLessThan(5);
    const a = fit.assumptions;
    expect(a.durbinWatson.verdict.ok).toBe(true);
    expect(a.breuschPagan.verdict.ok).toBe(true);
    expect(a.glejser.verdict.ok).toBe(true);
    expect(a.kolmogorovSmirnov.verdict.ok).toBe(true);
  });

  test('logistic regression of participation: literacy and income raise the odds; no separation; a good fit', () => {
    const fit = logistic(first);
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(fit.separation.kind).toBe('none');
    expect(fit.outcome.nEvents).toBe(69);
    const coef = Object.fromEntries(fit.coefficients.map((c) => [c.term, c]));
    expect(coef.skor_literasi!.oddsRatio!).toBeGreaterThan(1.5);
    expect(coef.skor_literasi!.p!).toBeLessThan(0.001);
    expect(coef.pendapatan!.oddsRatio!).toBeGreaterThan(1.5);
    expect(coef.pendapatan!.p!).toBeLessThan(0.001);
    expect(fit.lrP).toBeLessThan(0.001);
    expect(fit.nagelkerkeR2).toBeGreaterThan(0.2);
    expect(fit.nagelkerkeR2).toBeLessThan(0.7);
    expect(fit.hosmerLemeshow.p).toBeGreaterThan(0.05);
  });
});

describe('saved analyses', () => {
  test('every sample analysis is saved; the survey ones open through the saved-analysis runner', () => {
    const saved = listSavedAnalyses(first.db);
    expect(saved.map((s) => `${s.kind}:${s.name}`).sort()).toEqual(sampleSavedAnalyses().map((s) => `${s.kind}:${s.name}`).sort());
    for (const s of saved.filter((x) => ['frequencies', 'crosstab', 'index', 'summary', 'reliability'].includes(x.kind))) {
      expect(() => runSavedAnalysis(first.db, s, 'id'), s.name).not.toThrow();
    }
    // The regressions are stored exactly as the Regression screen saves them (its schema's output).
    const reg = saved.find((s) => s.kind === 'regression')!;
    expect(reg.spec).toEqual(LINEAR_SPEC);
    expect(regressionSpec.parse(reg.spec)).toEqual(LINEAR_SPEC);
    const lg = saved.find((s) => s.kind === 'logistic')!;
    expect(lg.spec).toEqual(LOGISTIC_SPEC);
    expect(regressionSpec.parse(lg.spec)).toEqual(LOGISTIC_SPEC);
  });
});

describe('determinism', () => {
  test('the generator gives the same respondents every time', () => {
    expect(sampleRespondents()).toEqual(sampleRespondents());
  });

  test('two builds hold the same rows in the same order and give byte-identical analysis outputs', () => {
    const bundle = (p: Project): string => {
      const { rows } = loadRows(p.db);
      const plain = rows.map(({ _id: _ignored, ...rest }) => rest);
      const ds = projectDataset(p.db, 'sample');
      const saved = listSavedAnalyses(p.db)
        .filter((s) => ['frequencies', 'crosstab', 'index', 'summary'].includes(s.kind))
        .map((s) => ({ kind: s.kind, name: s.name, result: runSavedAnalysis(p.db, s, 'en', 'sample') }));
      const lin = linear(p);
      const lg = logistic(p);
      return JSON.stringify({
        plain,
        saved,
        frequencies: ds.variables.filter((v) => v.kind !== 'text').map((v) => runFrequencies(ds, { variable: v.name }, 'id')),
        linear: lin,
        logistic: lg,
        reproduce: reproduceArticle(p.db, 'sample'),
      });
    };
    const a = bundle(first);
    const b = bundle(second);
    expect(a.length).toBeGreaterThan(10_000);
    expect(a === b).toBe(true);
  });

  test('a second build at the same path is refused and leaves the file alone', () => {
    expect(() => buildSampleStudy(join(tmp.dir, 'a.kajian'))).toThrow(/already exists/);
  });
});

describe('sample.create', () => {
  test('writes the sample in the default folder, and finds it there the second time', async () => {
    const s = new Session({ settings: SettingsStore.inFolder(join(tmp.dir, 'settings')), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0.1.0' } });
    const made = await s.dispatch('sample.create', { path: SAMPLE_FILE_NAME });
    expect(made).toEqual({ ok: true, value: { path: join(tmp.dir, SAMPLE_FILE_NAME), created: true } });
    expect(await s.dispatch('sample.create', { path: SAMPLE_FILE_NAME })).toEqual({ ok: true, value: { path: join(tmp.dir, SAMPLE_FILE_NAME), created: false } });
    expect((await s.dispatch('project.open', { path: join(tmp.dir, SAMPLE_FILE_NAME) })).ok).toBe(true);
    const rep = await s.dispatch('sample.reproduce', {});
    expect(rep.ok && (rep.value as ReturnType<typeof reproduceArticle>).counts.reproduced).toBe(12);
    s.close();
  });
});

describe('kajian sample', () => {
  test('writes the file and reports the article figures; refuses an existing file', async () => {
    const file = join(tmp.dir, 'cli.kajian');
    const out: string[] = [];
    const err: string[] = [];
    expect(await runCli(['sample', file, '--json'], (x) => out.push(x), (x) => err.push(x))).toBe(0);
    const json = JSON.parse(out.join('')) as { path: string; synthetic: boolean; respondents: number; reproduce: ReturnType<typeof reproduceArticle> };
    expect(json.path).toBe(file);
    expect(json.synthetic).toBe(true);
    expect(json.respondents).toBe(300);
    expect(json.reproduce.counts).toEqual({ reproduced: 12, differs: 6, unavailable: 0 });
    expect(await runCli(['sample', file], (x) => out.push(x), (x) => err.push(x))).toBe(1);
    expect(err.join('\n')).toMatch(/already exists/);
    expect(await runCli(['sample'], (x) => out.push(x), (x) => err.push(x))).toBe(2);
  });
});

describe('the reproduce view on another project', () => {
  test('an empty project: every figure unavailable, with a reason in both languages, nothing thrown', () => {
    const p = createProject(join(tmp.dir, 'empty.kajian'), { title: 'Kosong' });
    try {
      const r = reproduceArticle(p.db, 'Kosong');
      expect(r.synthetic).toBe(false);
      expect(r.counts).toEqual({ reproduced: 0, differs: 0, unavailable: 18 });
      for (const f of r.figures) {
        expect(f.explanation.id, f.id).not.toBe('');
        expect(f.explanation.en, f.id).not.toBe('');
      }
    } finally {
      p.close();
    }
  });
});
