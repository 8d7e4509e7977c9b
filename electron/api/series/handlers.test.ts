import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, test } from 'vitest';
import { projectSeries } from '../../../analysis/series';
import { tempDir } from '../../../db/test-helpers';
import { SettingsStore } from '../../settings';
import { Session } from '../handlers';
import { ok, sessionWithProject } from '../test-session';
import type { SeriesAnalysis, SeriesAnalysisOk, SeriesImportReport, SeriesListing } from './contract';

// Expected values: R version 4.2.2 Patched (2022-11-10 r83330), Rscript, with
//   d <- data.frame(year = 2020:2024, value = c(3.2, 4.1, 4.8, 5.5, 6.3)); nd <- data.frame(year = 2025:2030)
//   f <- lm(value ~ year, data = d); g <- lm(log(value) ~ year, data = d)
// printed with format(x, digits = 17); or exact arithmetic where said. Relative error <= 1e-9.

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function close(actual: number, expected: number): void {
  const rel = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(rel).toBeLessThanOrEqual(1e-9);
}

const withProject = (): Promise<Session> => sessionWithProject(tmp.dir, 'deret', 'Deret');


const key = { indicator: 'Peserta sektor informal', sector: 'informal', programme: '' };

async function analysed(s: Session, input: Record<string, unknown>): Promise<SeriesAnalysisOk> {
  const a = await ok<SeriesAnalysis>(s, 'series.analyse', { ...key, ...input });
  if (a.status !== 'ok') throw new Error(a.messages.en);
  return a;
}

describe('series.import', () => {
  test('an XLSX file with Indonesian column names and decimal commas as text is imported whole', async () => {
    const s = await withProject();
    const file = join(tmp.dir, 'tabel2.xlsx');
    const wb = XLSX.utils.book_new();
    const rows = [['Indikator', 'Sektor', 'Tahun', 'Nilai', 'Satuan', 'Sumber'], ...[3.2, 4.1, 4.8, 5.5, 6.3].map((v, i) => ['Peserta sektor informal', 'informal', 2020 + i, i === 2 ? '4,8' : v, 'juta orang', 'BPJS Ketenagakerjaan 2024'])];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Tabel 2');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(await ok<SeriesImportReport>(s, 'series.import', { path: file })).toEqual({ ok: true, inserted: 5, updated: 0, total: 5 });
    const list = await ok<SeriesListing>(s, 'series.list', {});
    expect(list.values.map((v) => v.value)).toEqual([3.2, 4.1, 4.8, 5.5, 6.3]);
    expect(list.series).toMatchObject([{ ...key, kind: 'observed', n: 5, firstYear: 2020, lastYear: 2024, unit: 'juta orang', source: 'BPJS Ketenagakerjaan 2024' }]);
    expect((s.summary()!.info.counts as Record<string, number>).series).toBe(5);
  });

  test('an XLSX file with a bad row writes nothing; the report names row and column as the spreadsheet shows them', async () => {
    const s = await withProject();
    const file = join(tmp.dir, 'buruk.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['indicator', 'year', 'value', 'programme'],
        ['Peserta JKK', 2020, 1.5, 'JKK'],
        ['Peserta JKK', 2021, 'n/a', 'JKK'],
        ['Peserta JKK', 2022, 1.9, 'BPJS'],
      ]),
      'data',
    );
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const report = await ok<SeriesImportReport>(s, 'series.import', { path: file });
    expect(report.ok).toBe(false);
    expect(!report.ok && report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'value', 'n/a'],
      [4, 'programme', 'BPJS'],
    ]);
    expect((await ok<SeriesListing>(s, 'series.list', {})).values).toEqual([]);
  });

  test('the sample CSV by a relative path; a missing file and an unsupported type name the path field', async () => {
    const s = await withProject();
    const report = await ok<SeriesImportReport>(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    expect(report).toEqual({ ok: true, inserted: 11, updated: 0, total: 11 });
    const missing = await s.dispatch('series.import', { path: 'tidak-ada.csv' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'path' } });
    writeFileSync(join(tmp.dir, 'x.json'), '{}');
    expect(await s.dispatch('series.import', { path: 'x.json' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'path' } });
  });
});

describe('series.save and series.delete (grid edits)', () => {
  test('rows are written all or nothing; a bad cell is named by rows.<index>.<column>', async () => {
    const s = await withProject();
    const saved = await ok<{ inserted: number; ids: string[] }>(s, 'series.save', {
      rows: [
        { ...key, year: 2020, value: 3.2, unit: 'juta orang' },
        { ...key, year: '2021', value: '4,1', unit: 'juta orang' },
      ],
    });
    expect(saved.inserted).toBe(2);
    const bad = await s.dispatch('series.save', { rows: [{ ...key, year: 2022, value: 4.8 }, { ...key, year: 2023, value: 'lima' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'rows.1.value' } });
    expect(!bad.ok && bad.error.message).toMatch(/^row 2, value:/);
    expect((await ok<SeriesListing>(s, 'series.list', {})).values).toHaveLength(2);
    const clash = await s.dispatch('series.save', { rows: [{ ...key, id: saved.ids[1], year: 2020, value: 4.1 }] });
    expect(clash).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'rows.0.year' } });
    const badId = await s.dispatch('series.save', { rows: [{ ...key, id: 'not-a-uuid', year: 2020, value: 1 }] });
    expect(badId).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'rows.0.id' } });
    expect(await ok(s, 'series.delete', { ids: [saved.ids[0]] })).toEqual({ deleted: 1 });
    const gone = await s.dispatch('series.delete', { ids: [saved.ids[0]] });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'ids.0' } });
  });

  test('without an open project', async () => {
    const s = new Session({ settings: SettingsStore.inFolder(join(tmp.dir, 'settings2')), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0.1.0' } });
    expect(await s.dispatch('series.list', {})).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });
});

describe('series.analyse', () => {
  test('Table 2 to 2030 at 15%: the same numbers as projectSeries, against R and exact arithmetic', async () => {
    const s = await withProject();
    await ok(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    const a = await analysed(s, { rate: 15 });
    expect(a).toMatchObject({ n: 5, to: 2030, rate: 15, unit: 'juta orang', source: 'BPJS Ketenagakerjaan 2024', level: 0.95, smearing: false });
    const ref = projectSeries({ series: a.observed, to: 2030, rate: 15 });
    expect(a.growth.map((g) => ({ year: g.year, percent: g.percent }))).toEqual(ref.growth);
    expect(a.projections).toEqual(ref.projections);
    // exact arithmetic: 28.125, 700/41, 175/12, 160/11
    [28.125, 700 / 41, 175 / 12, 160 / 11].forEach((x, i) => close(a.growth[i]!.percent, x));
    close(a.meanGrowth, 18.581739652623796); // R: mean(diff(d$value) / head(d$value, -1) * 100)
    close(a.cagr, 18.453430513439663); // R: ((6.3/3.2)^(1/4) - 1) * 100
    close(a.linear.slope, 0.76000000000001255); // R: coef(summary(f))[2, 1]
    close(a.linear.se, 0.020000000000006776); // R: coef(summary(f))[2, 2]
    close(a.linear.p, 4.009020588014122e-5); // R: coef(summary(f))[2, 4]
    close(a.linear.sigma, 0.063245553203387955); // R: summary(f)$sigma
    expect(a.linear.dfResidual).toBe(3);
    close(a.logLinear.se, 1.3098862307623063e-2); // R: coef(summary(g))[2, 2]
    close(a.logLinear.t, 1.2585511069555997e1); // R: coef(summary(g))[2, 3]
    close(a.logLinear.p, 1.0816197527156199e-3); // R: coef(summary(g))[2, 4]
    close(a.logLinear.annualGrowth, 17.92231527795256); // R: (exp(coef(g)[2]) - 1) * 100
    close(a.logLinear.smearingFactor, 1.0005140341254677); // R: mean(exp(residuals(g)))
    const lin2025 = a.projections.linear[0]!;
    close(lin2025.value, 7.0600000000004002); // R: predict(f, nd, interval = "prediction")[1, ]
    close(lin2025.piLow, 6.7683239782183797);
    close(lin2025.piHigh, 7.3516760217824206);
    const log2030 = a.projections.logLinear[5]!;
    close(log2030.value, 17.399775398110705); // R: exp(predict(g, nd, interval = "prediction")[6, ])
    close(log2030.piLow, 12.098040070981771);
    close(log2030.piHigh, 25.024895117588237);
    close(a.projections.constant[5]!.value, 14.5722828234375); // exact: 6.3 * 1.15^6
    expect(a.table.methods).toEqual(['constant', 'cagr', 'meanGrowth', 'linear', 'logLinear']);
    expect(a.table.rows.map((r) => r.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(a.table.rows[5]!.values.constant).toBe(a.projections.constant[5]!.value);
    expect(a.warnings.map((w) => w.code)).toEqual(['small-sample', 'durbin-watson-undefined', 'long-horizon']);
    expect(a.warnings[0]!.messages.en).toMatch(/3 residual degrees of freedom/);
  });

  test('smearing multiplies the log-linear point by the smearing factor only', async () => {
    const s = await withProject();
    await ok(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    const plain = await analysed(s, {});
    const smeared = await analysed(s, { smearing: true });
    expect(plain.projections.constant).toEqual([]);
    expect(plain.table.methods).toEqual(['cagr', 'meanGrowth', 'linear', 'logLinear']);
    close(smeared.projections.logLinear[5]!.value, 17.399775398110705 * 1.0005140341254677); // R: exp(fit) * mean(exp(residuals(g)))
    expect(smeared.projections.logLinear[5]!.piLow).toBe(plain.projections.logLinear[5]!.piLow);
  });

  test('the stored printed projection beside each method: at 15% only 2030 is reproduced; no method reproduces all', async () => {
    const s = await withProject();
    await ok(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    const a = await analysed(s, { rate: 15 });
    const p = a.printed!;
    expect(p.values.map((v) => v.value)).toEqual([7.3, 8.4, 9.7, 11.1, 12.8, 14.6]);
    expect(p.decimals).toBe(1);
    expect(p.source).toBe('Artikel, Tabel proyeksi 2025-2030 (asumsi 15%)');
    const c = p.comparison!;
    expect(Object.keys(c.methods)).toEqual(['constant', 'cagr', 'meanGrowth', 'linear', 'logLinear', 'oneStepFromPrinted', 'roundedChain']);
    expect(c.reproducingMethods).toEqual([]);
    expect(c.methods.constant!.differingYears).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(c.rows[5]!.methods.constant!.reproduces).toBe(true);
    expect(c.methods.oneStepFromPrinted!.differingYears).toEqual([2025, 2028, 2030]);
    for (const m of ['cagr', 'meanGrowth', 'linear', 'logLinear', 'roundedChain']) expect(c.methods[m]!.reproduced).toBe(0);
    // The printed "annual increase" column: growth of the rounded printed figures (exact arithmetic, e.g. 100 * (7.3 - 6.3) / 6.3).
    close(p.printedGrowth[0]!.percent, 100 / 6.3);
    close(p.printedGrowth[5]!.percent, (100 * 1.8) / 12.8); // 14.0625, printed 14.06
    expect(p.printedMeanGrowth!).toBeCloseTo(15.04, 2);
    expect(p.consistentRates.fromStart!.common).toBeNull();
    expect(p.consistentRates.fromPreviousPrinted!.common).toBeNull();
  });

  test('printed figures typed in the request replace the stored ones; decimals may be given', async () => {
    const s = await withProject();
    await ok(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    const a = await analysed(s, { rate: 15, printed: { values: [{ year: 2030, value: 14.57 }], decimals: 2 } });
    expect(a.printed!.values).toEqual([{ year: 2030, value: 14.57 }]);
    expect(a.printed!.comparison!.reproducingMethods).toEqual(['constant']);
    const dup = await s.dispatch('series.analyse', { ...key, printed: { values: [{ year: 2030, value: 1 }, { year: 2030, value: 2 }] } });
    expect(dup).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'printed.values.1.year' } });
    const early = await analysed(s, { printed: { values: [{ year: 2024, value: 6.3 }] } });
    expect(early.printed!.comparison).toBeNull();
    expect(early.printed!.problem!.en).toMatch(/2024 is not after the last observed year 2024/);
  });

  test('target: the constant rate from 6.3 (2024) to 14 and 15 million in 2030', async () => {
    const s = await withProject();
    await ok(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    const a = await analysed(s, { target: { year: 2030, values: [14, 15] } });
    expect(a.target).toMatchObject({ startYear: 2024, startValue: 6.3, year: 2030 });
    close(a.target!.targets[0]!.rate, 14.234665508750943); // R: 100 * ((14/6.3)^(1/6) - 1)
    close(a.target!.targets[1]!.rate, 15.555809678642408); // R: 100 * ((15/6.3)^(1/6) - 1)
  });

  test('bad requests name the field; a series that cannot be analysed says why in both languages', async () => {
    const s = await withProject();
    await ok(s, 'series.import', { path: resolve('resources/sample/series.csv') });
    expect(await s.dispatch('series.analyse', { ...key, to: 2024 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'to' } });
    expect(await s.dispatch('series.analyse', { ...key, rate: -100 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'rate' } });
    expect(await s.dispatch('series.analyse', { ...key, target: { year: 2020, values: [14] } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'target.year' },
    });
    expect(await s.dispatch('series.analyse', { ...key, target: { year: 2030, values: [0] } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'target.values.0' },
    });
    const none = await ok<SeriesAnalysis>(s, 'series.analyse', { indicator: 'Tidak ada' });
    expect(none).toMatchObject({ status: 'problem', code: 'no-data', n: 0 });
    await ok(s, 'series.save', { rows: [{ indicator: 'Pendek', year: 2020, value: 1 }, { indicator: 'Pendek', year: 2022, value: 2 }, { indicator: 'Pendek', year: 2023, value: 3 }] });
    const gap = await ok<SeriesAnalysis>(s, 'series.analyse', { indicator: 'Pendek' });
    expect(gap).toMatchObject({ status: 'problem', code: 'missing-year', year: 2021 });
    expect(gap.status === 'problem' && gap.messages.id).toMatch(/tahun 2021 tidak ada/);
  });
});
