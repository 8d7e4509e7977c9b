import { describe, expect, test } from 'vitest';
import { linearTrend, logLinearTrend, projectLinearTrend, projectLogLinearTrend } from './trend';
import { SeriesError } from './errors';
import type { YearValue, YearValueInterval } from './types';

// Expected values: R version 4.2.2 Patched (2022-11-10 r83330), Rscript, with
//   d  <- data.frame(year = 2020:2024, value = c(3.2, 4.1, 4.8, 5.5, 6.3))   # seed article, Table 2
//   nd <- data.frame(year = 2025:2030)
//   f <- lm(value ~ year, data = d); g <- lm(log(value) ~ year, data = d)
// and each number printed with format(x, digits = 17). Tolerance: relative error <= 1e-9.

function relErr(a: number, e: number): number {
  return e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
}
function close(a: number, e: number): void {
  expect(relErr(a, e)).toBeLessThanOrEqual(1e-9);
}
function closeIntervals(actual: readonly YearValueInterval[], years: number[], fit: number[], lwr: number[], upr: number[]): void {
  expect(actual.map((p) => p.year)).toEqual(years);
  actual.forEach((p, i) => {
    close(p.value, fit[i]);
    close(p.piLow, lwr[i]);
    close(p.piHigh, upr[i]);
  });
}

const table2: YearValue[] = [
  { year: 2020, value: 3.2 },
  { year: 2021, value: 4.1 },
  { year: 2022, value: 4.8 },
  { year: 2023, value: 5.5 },
  { year: 2024, value: 6.3 },
];
const years = [2025, 2026, 2027, 2028, 2029, 2030];

describe('linearTrend (lm(value ~ year))', () => {
  test('coefficients, se, t, p, R² as summary(f)', () => {
    const t = linearTrend(table2);
    close(t.intercept, -1531.94000000002506567); // R: coef(summary(f))[1, 1]
    close(t.slope, 0.76000000000001255); // R: coef(summary(f))[2, 1]
    close(t.se, 0.020000000000006776); // R: coef(summary(f))[2, 2]
    close(t.t, 37.99999999998775); // R: coef(summary(f))[2, 3]
    close(t.p, 4.009020588014122e-5); // R: coef(summary(f))[2, 4]
    close(t.rSquared, 0.99792674498963241); // R: summary(f)$r.squared
    close(t.sigma, 0.063245553203387955); // R: summary(f)$sigma
    expect(t.dfResidual).toBe(3);
    expect(t.n).toBe(5);
  });

  test('the same numbers by exact arithmetic', () => {
    // exact arithmetic: Sxx = 10, Sxy = 7.6 -> b = 0.76; a = 4.78 - 0.76 * 2022 = -1531.94;
    // residuals -0.06, 0.08, 0.02, -0.04, 0 -> RSS = 0.012, sigma² = 0.004, se(b) = sqrt(0.004/10) = 0.02, t = 38
    const t = linearTrend(table2);
    close(t.slope, 0.76);
    close(t.intercept, -1531.94);
    close(t.se, 0.02);
    close(t.t, 38);
    close(t.rSquared, 1 - 0.012 / 5.788); // TSS = sum((v - 4.78)^2) = 5.788
    [-0.06, 0.08, 0.02, -0.04].forEach((e, i) => close(t.residuals[i], e));
    expect(Math.abs(t.residuals[4])).toBeLessThan(1e-12);
  });

  test('95% prediction intervals as predict(f, nd, interval = "prediction")', () => {
    closeIntervals(
      projectLinearTrend(table2, 2030),
      years,
      // R: predict(f, nd, interval = "prediction")[, "fit"]
      [7.0600000000004002, 7.8200000000003911, 8.580000000000382, 9.3400000000003729, 10.1000000000003638, 10.8600000000003547],
      // R: predict(f, nd, interval = "prediction")[, "lwr"]
      [6.7683239782183797, 7.4832015406163759, 8.1928386971909166, 8.8990273045513089, 9.6028859955115138, 10.3051215264810914],
      // R: predict(f, nd, interval = "prediction")[, "upr"]
      [7.3516760217824206, 8.1567984593844063, 8.9671613028098474, 9.7809726954494369, 10.5971140044892138, 11.414878473519618],
    );
  });

  test('90% level as predict(f, data.frame(year = c(2025, 2030)), interval = "prediction", level = 0.9)', () => {
    const p = projectLinearTrend(table2, 2030, 0.9);
    close(p[0].piLow, 6.8443106784459005);
    close(p[0].piHigh, 7.2756893215548999);
    close(p[5].piLow, 10.4496770644111958);
    close(p[5].piHigh, 11.2703229355895136);
  });

  test('unordered input gives the same fit; input not mutated', () => {
    const shuffled = [table2[4], table2[1], table2[0], table2[3], table2[2]];
    const before = JSON.stringify(shuffled);
    close(linearTrend(shuffled).slope, 0.76);
    expect(JSON.stringify(shuffled)).toBe(before);
  });
});

describe('logLinearTrend (lm(log(value) ~ year))', () => {
  test('coefficients, se, t, p, R², implied growth as summary(g)', () => {
    const t = logLinearTrend(table2);
    close(t.intercept, -331.80097214151248863); // R: coef(summary(g))[1, 1]
    close(t.slope, 0.16485587657117987); // R: coef(summary(g))[2, 1]
    close(t.se, 0.013098862307623063); // R: coef(summary(g))[2, 2]
    close(t.t, 12.585511069555997); // R: coef(summary(g))[2, 3]
    close(t.p, 0.0010816197527156199); // R: coef(summary(g))[2, 4]
    close(t.rSquared, 0.98141207380730833); // R: summary(g)$r.squared
    close(t.annualGrowth, 17.92231527795256); // R: (exp(coef(g)[2]) - 1) * 100
    close(t.smearingFactor, 1.0005140341254677); // R: mean(exp(residuals(g)))
  });

  test('back-transformed 95% prediction intervals', () => {
    closeIntervals(
      projectLogLinearTrend(table2, 2030),
      years,
      // R: exp(predict(g, nd, interval = "prediction")[, "fit"])
      [7.6306872637561405, 8.9982830930413549, 10.6109837585786408, 12.5127177218831083, 14.7552864418396812, 17.3997753981107053],
      // R: exp(predict(g, nd, interval = "prediction")[, "lwr"])
      [6.3037627230612516, 7.2170765393131342, 8.2344044237013385, 9.3739401414304968, 10.6549015595646406, 12.0980400709817708],
      // R: exp(predict(g, nd, interval = "prediction")[, "upr"])
      [9.2369257339327042, 11.2190993377243462, 13.673481472532476, 16.7024860864574194, 20.4336451879555305, 25.0248951175882368],
    );
  });

  test('smearing multiplies the point forecast only', () => {
    const s = projectLogLinearTrend(table2, 2030, { smearing: true });
    // R: exp(predict(g, nd)) * mean(exp(residuals(g)))
    const smeared = [7.6346096974104825, 9.0029085176217976, 10.6164381663353335, 12.5191496857945008, 14.7628711626018383, 17.4087194764408082];
    s.forEach((p, i) => close(p.value, smeared[i]));
    close(s[0].piLow, 6.3037627230612516);
    close(s[5].piHigh, 25.0248951175882368);
  });

  test('gaps in the years are allowed for trends', () => {
    // R 4.2.2: h <- lm(log(value) ~ year, data = data.frame(year = c(2016, 2019, 2020, 2023), value = c(10, 14, 13, 20)));
    //   format(coef(summary(h))[2, ], digits = 17); format(summary(h)$r.squared, digits = 17);
    //   format(exp(predict(h, data.frame(year = 2024:2025), interval = "prediction")), digits = 17)
    const gap = [
      { year: 2016, value: 10 },
      { year: 2019, value: 14 },
      { year: 2020, value: 13 },
      { year: 2023, value: 20 },
    ];
    const t = logLinearTrend(gap);
    close(t.slope, 0.095558445835315864);
    close(t.se, 0.018390603324260915);
    close(t.t, 5.196047359101863);
    close(t.p, 0.035100064188918534);
    close(t.rSquared, 0.93103188612822896);
    closeIntervals(
      projectLogLinearTrend(gap, 2025),
      [2024, 2025],
      [21.233795073220982, 23.362974093452426],
      [12.034061280005755, 12.561196205334358],
      [37.466491379818535, 43.45354929330157],
    );
  });
});

describe('trend errors', () => {
  function thrown(f: () => unknown): SeriesError {
    try {
      f();
    } catch (e) {
      if (e instanceof SeriesError) return e;
      throw e;
    }
    throw new Error('expected a SeriesError');
  }

  test('fewer than 3 points', () => {
    const e = thrown(() => linearTrend(table2.slice(0, 2)));
    expect(e.code).toBe('too-few-points');
    expect(e.message).toBe('linear trend needs at least 3 observations; 2 given');
    expect(thrown(() => logLinearTrend(table2.slice(0, 2))).code).toBe('too-few-points');
  });

  test('non-positive values for the log-linear trend, naming year and row', () => {
    const e = thrown(() => logLinearTrend([...table2.slice(0, 3), { year: 2023, value: 0 }]));
    expect(e.code).toBe('non-positive-value');
    expect(e.year).toBe(2023);
    expect(e.row).toBe(4);
    expect(e.message).toContain('row 4 (year 2023)');
    expect(e.messages.id).toContain('baris 4 (tahun 2023)');
  });

  test('duplicated years', () => {
    const e = thrown(() => linearTrend([...table2, { year: 2021, value: 4 }]));
    expect(e.code).toBe('duplicate-year');
    expect(e.message).toBe('the year 2021 appears twice (rows 2 and 6)');
  });

  test('target year and level', () => {
    expect(thrown(() => projectLinearTrend(table2, 2024)).code).toBe('invalid-target');
    expect(thrown(() => projectLinearTrend(table2, 2030, 1)).code).toBe('invalid-argument');
    expect(thrown(() => projectLogLinearTrend(table2, 2030, { level: 0 })).code).toBe('invalid-argument');
  });
});
