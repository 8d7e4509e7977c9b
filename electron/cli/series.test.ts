import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, test } from 'vitest';
import { projectSeries } from '../../analysis/series';
import { tempDir } from '../../db/test-helpers';
import { cli } from './test-cli';

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

const table2 = [3.2, 4.1, 4.8, 5.5, 6.3].map((value, i) => ({ year: 2020 + i, value }));
// Columns in another order than the series, rows out of year order, and a column the command ignores.
const csv = join(tmp.dir, 'tabel2.csv');
writeFileSync(csv, 'Catatan,Peserta (juta),Tahun\nb,4.1,2021\na,3.2,2020\nc,4.8,2022\nd,5.5,2023\ne,6.3,2024\n');

describe('kajian project', () => {
  test('--json is projectSeries of the analysis functions, field for field, at full precision', async () => {
    const r = await cli('project', csv, '--year', 'Tahun', '--value', 'Peserta (juta)', '--to', '2030', '--rate', '15', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toEqual(projectSeries({ series: table2, to: 2030, rate: 15 }));
    expect(Object.keys(json)).toEqual(['growth', 'meanGrowth', 'cagr', 'linear', 'logLinear', 'projections']);
    expect(Object.keys(json.linear)).toEqual(['slope', 'intercept', 'se', 't', 'p', 'rSquared']);
    expect(Object.keys(json.logLinear)).toEqual(['slope', 'annualGrowth', 'rSquared']);
    expect(Object.keys(json.projections)).toEqual(['constant', 'cagr', 'meanGrowth', 'linear', 'logLinear']);
    expect(Object.keys(json.projections.linear[0])).toEqual(['year', 'value', 'piLow', 'piHigh']);
    // percentages as percent; exact arithmetic 28.125 = 100 * 0.9 / 3.2
    close(json.growth[0].percent, 28.125);
    close(json.cagr, 18.453430513439663); // R: ((6.3/3.2)^(1/4) - 1) * 100
    close(json.meanGrowth, 18.581739652623796); // R: mean(diff(d$value) / head(d$value, -1) * 100)
    close(json.linear.intercept, -1531.94000000002506567); // R: coef(summary(f))[1, 1]
    close(json.linear.t, 37.99999999998775); // R: coef(summary(f))[2, 3]
    close(json.logLinear.rSquared, 0.98141207380730833); // R: summary(g)$r.squared
    close(json.projections.constant[0].value, 7.245); // exact: 6.3 * 1.15
    close(json.projections.linear[5].piLow, 10.3051215264810914); // R: predict(f, nd, interval = "prediction")[6, "lwr"]
    close(json.projections.logLinear[5].piHigh, 25.024895117588237); // R: exp(predict(g, nd, interval = "prediction"))[6, "upr"]
  });

  test('without --rate no constant rate is assumed; --to defaults to 2030; text output for people', async () => {
    const r = await cli('project', csv, '--year', 'Tahun', '--value', 'Peserta (juta)', '--json');
    const json = JSON.parse(r.out);
    expect(json.projections.constant).toEqual([]);
    expect(json.projections.cagr.map((p: { year: number }) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    const t = await cli('project', csv, '--year', 'Tahun', '--value', 'Peserta (juta)', '--to', '2027', '--rate', '15');
    expect(t.code).toBe(0);
    expect(t.out).toContain('2021  28.13');
    expect(t.out).toContain('CAGR: 18.45%');
    expect(t.out).toMatch(/2027 +9\.58/);
    expect(t.out).toMatch(/Durbin-Watson/);
  });

  test('an XLSX file works the same', async () => {
    const file = join(tmp.dir, 'tabel2.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['year', 'value'], ...table2.map((p) => [p.year, p.value])]), 'data');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await cli('project', file, '--year', 'year', '--value', 'value', '--to', '2030', '--json');
    expect(JSON.parse(r.out)).toEqual(projectSeries({ series: table2, to: 2030 }));
  });

  test('errors name the row and column, go to stderr, exit non-zero', async () => {
    const bad = join(tmp.dir, 'buruk.csv');
    writeFileSync(bad, 'year,value\n2020,3.2\n2021,empat\n');
    const r = await cli('project', bad, '--year', 'year', '--value', 'value', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/row 3, column "value": "empat" is not a number/);
    const dup = join(tmp.dir, 'ganda.csv');
    writeFileSync(dup, 'year,value\n2020,3.2\n2021,4.1\n2020,4.8\n');
    expect((await cli('project', dup, '--year', 'year', '--value', 'value')).err).toMatch(/row 4, column "year": the year 2020 appears twice \(rows 2 and 4\)/);
    const gap = join(tmp.dir, 'celah.csv');
    writeFileSync(gap, 'year,value\n2020,3.2\n2021,4.1\n2023,4.8\n');
    expect((await cli('project', gap, '--year', 'year', '--value', 'value')).err).toMatch(/2022 is missing/);
    const noCol = await cli('project', csv, '--year', 'year', '--value', 'value');
    expect(noCol.code).toBe(2);
    expect(noCol.err).toMatch(/no column "year"/);
    expect((await cli('project', csv, '--value', 'Peserta (juta)')).err).toMatch(/--year is required/);
    expect((await cli('project', csv, '--year', 'Tahun', '--value', 'Peserta (juta)', '--to', '2024')).err).toMatch(/--to: the target year 2024/);
    expect((await cli('project', csv, '--year', 'Tahun', '--value', 'Peserta (juta)', '--rate', 'lima belas')).err).toMatch(/--rate must be a number/);
  });

  test('runs as a real process through npm run -s kajian', () => {
    const out = execFileSync('npm', ['run', '-s', 'kajian', '--', 'project', csv, '--year', 'Tahun', '--value', 'Peserta (juta)', '--to', '2030', '--rate', '15', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(projectSeries({ series: table2, to: 2030, rate: 15 }));
    const bad = spawnSync('npm', ['run', '-s', 'kajian', '--', 'project', join(tmp.dir, 'tidak-ada.csv'), '--year', 'y', '--value', 'v', '--json'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/cannot read/);
  });
});
