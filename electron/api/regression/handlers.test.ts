import { afterAll, describe, expect, test } from 'vitest';
import { saveQuestionnaire } from '../../../db/queries/questionnaire';
import { createResponse, setAnswer, setResponseHeader } from '../../../db/queries/responses';
import { question } from '../../../db/test-fixtures';
import { tempDir } from '../../../db/test-helpers';
import type { Session } from '../handlers';
import { ok, sessionWithProject } from '../test-session';
import type { RegressionRun, RegressionVariables, SavedRegressionOpened } from './contract';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const withProject = (): Promise<Session> => sessionWithProject(tmp.dir, 'regresi', 'Regresi');
function close(actual: number | null, expected: number, rel = 1e-9): void {
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
}

/** 40 complete responses: score from income and job type (UMKM reference), plus a ya/tidak participation. */
function seedSurvey(s: Session): void {
  const db = s.requireProject().db;
  saveQuestionnaire(db, {
    title: 'Survei',
    formId: 'survei',
    version: '1',
    defaultLanguage: 'id',
    questions: [
      question('nama', 'text', { personalData: true }),
      question('pendapatan', 'decimal'),
      question('skor', 'likert', { listName: 'likert5' }),
      question('pekerjaan', 'select_one', { listName: 'pekerjaan' }),
      question('peserta', 'select_one', { listName: 'ya_tidak' }),
    ],
    choiceLists: [
      { name: 'likert5', choices: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: { id: String(v), en: String(v) } })) },
      { name: 'pekerjaan', choices: ['umkm', 'buruh_harian', 'pekerja_lepas'].map((v) => ({ value: v, label: { id: v, en: v } })) },
      { name: 'ya_tidak', choices: ['ya', 'tidak'].map((v) => ({ value: v, label: { id: v, en: v } })) },
    ],
  });
  const jobs = ['umkm', 'buruh_harian', 'pekerja_lepas'];
  for (let i = 0; i < 40; i++) {
    const id = createResponse(db, { respondentCode: `R${i}`, location: i % 2 ? 'Surabaya' : 'Sidoarjo' });
    const income = 1 + ((i * 37) % 50) / 10;
    setAnswer(db, id, 'nama', `Orang ${i}`, { actor: 't' });
    setAnswer(db, id, 'pendapatan', income, { actor: 't' });
    setAnswer(db, id, 'skor', String(1 + ((i * 7 + Math.round(income)) % 5)), { actor: 't' });
    setAnswer(db, id, 'pekerjaan', jobs[i % 3], { actor: 't' });
    setAnswer(db, id, 'peserta', (i * 13) % 7 < 3 + (income > 3 ? 1 : 0) ? 'ya' : 'tidak', { actor: 't' });
    setResponseHeader(db, id, { status: 'complete' }, { actor: 't' });
  }
}

describe('regression API', () => {
  test('variables: numeric and categorical questions (no personal data), location; the observed series by year', async () => {
    const s = await withProject();
    const empty = await ok<RegressionVariables>(s, 'regression.variables', {});
    expect(empty.survey.available).toBe(false);
    expect(empty.series.available).toBe(false);
    seedSurvey(s);
    await ok(s, 'series.save', {
      rows: [2020, 2021, 2022].flatMap((year, i) => [
        { indicator: 'Peserta', sector: 'informal', year, value: 3 + i },
        { indicator: 'Upah', year, value: 2 + i * i },
      ]),
    });
    const v = await ok<RegressionVariables>(s, 'regression.variables', {});
    expect(v.survey.responses).toBe(40);
    expect(v.survey.variables.map((x) => [x.name, x.kind])).toEqual([
      ['pendapatan', 'numeric'],
      ['skor', 'numeric'],
      ['pekerjaan', 'categorical'],
      ['peserta', 'categorical'],
      ['_location', 'categorical'],
    ]);
    expect(v.survey.variables.find((x) => x.name === 'pekerjaan')?.levels?.map((l) => l.value)).toEqual(['umkm', 'buruh_harian', 'pekerja_lepas']);
    expect(v.series.variables.map((x) => x.name)).toEqual(['year', 'Peserta (informal)', 'Upah']);
    expect(v.series.years).toBe(3);
  });

  test('run on the administrative series as R lm / lmtest', async () => {
    const s = await withProject();
    const y = [3.2, 3.5, 3.9, 4.1, 4.8, 5.0, 5.5, 6.1, 6.3, 6.9];
    const x = [2.7, 2.9, 3.1, 3.3, 3.5, 3.6, 3.9, 4.2, 4.4, 4.7];
    await ok(s, 'series.save', { rows: y.flatMap((v, i) => [{ indicator: 'Peserta', year: 2015 + i, value: v }, { indicator: 'Upah', year: 2015 + i, value: x[i] }]) });
    const run = await ok<RegressionRun>(s, 'regression.run', { source: 'series', y: 'Peserta', x: ['Upah'] });
    expect(run.report.kind).toBe('linear');
    if (run.report.kind !== 'linear') return;
    // R 4.2.2 (Rscript, this session): m <- lm(y ~ x); coef(m); summary(m)$r.squared; lmtest::dwtest(m); lmtest::bptest(m)
    close(run.report.coefficients[0].estimate, -1.9514336462826698);
    close(run.report.coefficients[1].estimate, 1.8957117482872368);
    close(run.report.rSquared, 0.99311846795133196);
    close(run.report.assumptions.durbinWatson.statistic, 1.8404798487379583);
    close(run.report.assumptions.durbinWatson.p, 0.24483067102082096, 1e-6);
    close(run.report.assumptions.breuschPagan.statistic, 0.024040644628215351);
    expect(run.source).toBe('Regresi');
  });

  test('run on the survey with a factor and its reference level; errors name the field', async () => {
    const s = await withProject();
    seedSurvey(s);
    const run = await ok<RegressionRun>(s, 'regression.run', { y: 'skor', x: ['pendapatan', 'pekerjaan'], refs: { pekerjaan: 'umkm' } });
    expect(run.spec.source).toBe('survey');
    expect(run.report.n).toBe(40);
    expect(run.report.kind === 'linear' && run.report.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'pendapatan', 'pekerjaan=buruh_harian', 'pekerjaan=pekerja_lepas']);
    const logistic = await ok<RegressionRun>(s, 'regression.run', { y: 'peserta', x: ['pendapatan'], logistic: true, event: 'ya', cutoff: 0.4 });
    expect(logistic.report.kind === 'logistic' && logistic.report.classification.cutoff).toBe(0.4);
    const unknown = await s.dispatch('regression.run', { y: 'skor', x: ['gaji'] });
    expect(unknown.ok === false && unknown.error).toMatchObject({ code: 'BAD_INPUT', field: 'x.0' });
    const same = await s.dispatch('regression.run', { y: 'skor', x: ['skor'] });
    expect(same.ok === false && same.error.code).toBe('BAD_INPUT');
    const none = await s.dispatch('regression.run', { y: 'skor', x: [] });
    expect(none.ok === false && none.error.field).toBe('x');
    const noEvent = await s.dispatch('regression.run', { y: 'peserta', x: ['pendapatan'], logistic: true });
    expect(noEvent.ok).toBe(false);
  });

  test('saved regressions: save, list, open (recomputed), switch to logistic, delete', async () => {
    const s = await withProject();
    seedSurvey(s);
    const spec = { y: 'skor', x: ['pendapatan', 'pekerjaan'], refs: { pekerjaan: 'umkm' } };
    const saved = await ok<{ id: string; kind: string }>(s, 'regression.saved.save', { name: 'Skor', spec });
    expect(saved.kind).toBe('regression');
    const opened = await ok<SavedRegressionOpened>(s, 'regression.saved.open', { id: saved.id });
    expect(opened.run.report.n).toBe(40);
    expect(opened.run.spec.refs).toEqual({ pekerjaan: 'umkm' });
    const switched = await ok<{ id: string; kind: string }>(s, 'regression.saved.save', { id: saved.id, name: 'Skor', spec: { y: 'peserta', x: ['pendapatan'], logistic: true, event: 'ya' } });
    expect(switched.kind).toBe('logistic');
    const list = await ok<{ name: string; kind: string }[]>(s, 'regression.saved.list', {});
    expect(list.map((l) => [l.name, l.kind])).toEqual([['Skor', 'logistic']]);
    await ok(s, 'regression.saved.delete', { id: switched.id });
    expect(await ok<unknown[]>(s, 'regression.saved.list', {})).toEqual([]);
    const gone = await s.dispatch('regression.saved.open', { id: switched.id });
    expect(gone.ok === false && gone.error.code).toBe('NOT_FOUND');
  });
});
