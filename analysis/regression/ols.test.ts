/**
 * olsFit edge cases and the benchmark problem (the NIST accuracy tests are in nist.test.ts,
 * the R comparisons through the model builder in linear.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { olsBenchmarkProblem, runOlsBenchmark } from './olsBenchmark';
import { olsFit } from './ols';
import { mtcars } from './testdata/datasets';

const mpg = mtcars.map((r) => r.mpg as number);

describe('olsFit edge cases', () => {
  it('intercept-only model: R² = adj R² = 0, F undefined, logLik/AIC/BIC as R', () => {
    const f = olsFit({ y: mpg, X: mpg.map(() => [1]), names: ['(Intercept)'], hasIntercept: true });
    // R 4.2.2: m <- lm(mpg ~ 1, mtcars); sprintf('%.17g', c(coef(m), coef(summary(m))[, 2], logLik(m), AIC(m), BIC(m)))
    const expected = [20.090624999999996, 1.0654239593728145, -102.37775805799646, 208.75551611599292, 211.68698792159236];
    const got = [f.coefficients[0], f.standardErrors[0], f.logLik, f.aic, f.bic];
    expected.forEach((e, i) => expect(Math.abs(got[i] - e) / Math.abs(e), `value ${i}`).toBeLessThanOrEqual(1e-12));
    expect([f.rSquared, f.adjRSquared, f.fDf1]).toEqual([0, 0, 0]); // R 4.2.2: summary(m)$r.squared, $adj.r.squared are 0
    expect(f.fStatistic).toBeNaN();
    expect(f.fP).toBeNaN();
  });

  it('rejects non-finite data and negative weights', () => {
    expect(() => olsFit({ y: [1, NaN, 3], X: [[1], [1], [1]], names: ['a'], hasIntercept: true })).toThrow(/y\[1\]/);
    expect(() => olsFit({ y: [1, 2, 3], X: [[1], [1], [1]], names: ['a'], weights: [1, -1, 1], hasIntercept: true })).toThrow(/weight/);
    expect(() => olsFit({ y: [1, 2, 3], X: [[1], [1]], names: ['a'], hasIntercept: true })).toThrow(/rows/);
  });

  it('leverages sum to the rank and residuals + fitted = y', () => {
    const X = mtcars.map((r) => [1, r.wt as number, r.hp as number]);
    const f = olsFit({ y: mpg, X, names: ['(Intercept)', 'wt', 'hp'], hasIntercept: true });
    expect(f.leverage.reduce((s, h) => s + h, 0)).toBeCloseTo(3, 12);
    f.fitted.forEach((v, i) => expect(v + f.residuals[i]).toBeCloseTo(mpg[i], 12));
    expect(f.nObs).toBe(32);
  });
});

describe('benchmark problem', () => {
  it('is deterministic and recovers beta_j = j (small n; timing is left to bench/)', () => {
    const a = olsBenchmarkProblem(5000, 6);
    const b = olsBenchmarkProblem(5000, 6);
    expect(a.y).toEqual(b.y);
    const f = runOlsBenchmark(a);
    expect(f.rank).toBe(6);
    f.coefficients.slice(1).forEach((c, j) => expect(Math.abs(c - (j + 1))).toBeLessThan(0.01));
    expect(Math.abs(f.sigma - 0.5)).toBeLessThan(0.05);
  });
});
