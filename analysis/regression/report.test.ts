/**
 * The large-n path of the regression report: `classicAssumptionsFast` (one shared QR in typed
 * arrays) against `classicAssumptionsLargeN`, which calls the tested single-test functions of
 * ./assumptions (themselves checked against R 4.2.2 / lmtest 0.9-40 / nortest 1.0-4) one by one
 * on the same data. Tolerance: relative 1e-9 (the two differ only in the order of floating-point
 * operations). Plus the report's dispatch (exact below LARGE_N, large-n above) and its JSON.
 */
import { describe, expect, test } from 'vitest';
import { olsFit } from './ols';
import { olsBenchmarkProblem } from './olsBenchmark';
import { classicAssumptions } from './assumptions';
import { classicAssumptionsFast, classicAssumptionsLargeN, LARGE_N, regressionJson, regressionReport } from './report';
import { mtcars } from './testdata/datasets';

const rel = (a: number | null, b: number | null): number => Math.abs((a as number) - (b as number)) / Math.abs(b as number);

describe('classicAssumptionsFast', () => {
  test('agrees with the single-test functions (n = 3000, 10 predictors)', () => {
    const pr = olsBenchmarkProblem(3000, 11, 7);
    const fit = olsFit(pr);
    const a = classicAssumptionsFast(pr.X, fit.residuals, pr.names);
    const b = classicAssumptionsLargeN(pr.X, fit.residuals, pr.names);
    expect(rel(a.breuschPagan.statistic, b.breuschPagan.statistic)).toBeLessThan(1e-9);
    expect(rel(a.breuschPagan.p, b.breuschPagan.p)).toBeLessThan(1e-9);
    expect(a.breuschPagan.df).toBe(b.breuschPagan.df);
    expect(rel(a.breuschPaganOriginal.statistic, b.breuschPaganOriginal.statistic)).toBeLessThan(1e-9);
    expect(rel(a.glejser.fStatistic, b.glejser.fStatistic)).toBeLessThan(1e-9);
    expect(rel(a.glejser.p, b.glejser.p)).toBeLessThan(1e-9);
    a.glejser.coefficients.forEach((c, i) => {
      const r = b.glejser.coefficients[i];
      expect(c.name).toBe(r.name);
      expect(rel(c.estimate, r.estimate)).toBeLessThan(1e-9);
      expect(rel(c.standardError, r.standardError)).toBeLessThan(1e-9);
    });
    expect(rel(a.durbinWatson.statistic, b.durbinWatson.statistic)).toBeLessThan(1e-12);
    expect(rel(a.durbinWatson.p, b.durbinWatson.p)).toBeLessThan(1e-9);
    expect([a.durbinWatson.dL, a.durbinWatson.dU, a.durbinWatson.decision]).toEqual([b.durbinWatson.dL, b.durbinWatson.dU, b.durbinWatson.decision]);
    expect(a.kolmogorovSmirnov).toEqual(b.kolmogorovSmirnov);
    expect(a.shapiroWilk).toEqual(b.shapiroWilk);
    for (const key of ['durbinWatson', 'breuschPagan', 'breuschPaganOriginal', 'glejser'] as const) expect(a[key].verdict).toEqual(b[key].verdict);
  });

  test('its verdicts are worded exactly as classicAssumptions words them (one wording for both paths)', () => {
    const pr = olsBenchmarkProblem(3000, 4, 11);
    const fit = olsFit(pr);
    const fast = classicAssumptionsFast(pr.X, fit.residuals, pr.names);
    const exact = classicAssumptions({ X: pr.X, residuals: fit.residuals, names: pr.names, hasIntercept: true });
    for (const key of ['shapiroWilk', 'kolmogorovSmirnov', 'breuschPagan', 'breuschPaganOriginal'] as const) expect(fast[key].verdict).toEqual(exact[key].verdict);
    expect(fast.kolmogorovSmirnov.lillieforsVerdict).toEqual(exact.kolmogorovSmirnov.lillieforsVerdict);
    // Glejser: same sentence shape (the smallest predictor p decides).
    expect(fast.glejser.verdict.ok).toBe(exact.glejser.verdict.ok);
    expect(fast.glejser.verdict.id.replace(/[\d,.]+/g, '#')).toBe(exact.glejser.verdict.id.replace(/[\d,.]+/g, '#'));
  });
});

describe('regressionReport', () => {
  test('uses classicAssumptions as is up to LARGE_N and says which path it took', () => {
    const r = regressionReport({ rows: mtcars, y: 'mpg', x: ['wt', 'hp'] });
    expect(r.kind).toBe('linear');
    if (r.kind !== 'linear') return;
    expect(r.assumptionsMethod).toBe('exact');
    expect(r.plots?.scatter).toHaveLength(32);
    expect(r.plots?.thinned).toBe(false);
    const pr = olsBenchmarkProblem(LARGE_N + 1, 3, 11);
    const rows = pr.X.map((row, i) => ({ y: pr.y[i], x1: row[1], x2: row[2] }));
    const big = regressionReport({ rows, y: 'y', x: ['x1', 'x2'] });
    expect(big.kind === 'linear' && big.assumptionsMethod).toBe('large-n');
  });

  test('the logistic JSON carries odds ratios, fit, Hosmer-Lemeshow and the classification table', () => {
    const j = regressionJson(regressionReport({ rows: mtcars, y: 'am', x: ['hp', 'wt'], logistic: true, cutoff: 0.5 }));
    for (const k of ['deviance', 'nullDeviance', 'lrChiSquare', 'lrP', 'mcfadden', 'coxSnell', 'nagelkerke', 'hosmerLemeshow', 'classification']) expect(j).toHaveProperty(k);
    expect((j.coefficients as Record<string, unknown>[])[1]).toHaveProperty('oddsRatio');
  });
});
