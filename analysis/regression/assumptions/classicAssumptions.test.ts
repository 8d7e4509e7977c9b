import { describe, expect, test } from 'vitest';
import { classicAssumptions } from './classicAssumptions';
import { carsFit, mtcarsFit } from './fixtures/datasets';
import { close, PVAL, STAT } from './testUtil';

// The numbers are the R 4.2.2 / lmtest 0.9-40 / nortest 1.0-4 values of the single-test
// files (see the commands there): m <- lm(mpg ~ wt + hp, mtcars) and m <- lm(dist ~ speed, cars).
describe('classicAssumptions', () => {
  const input = { X: mtcarsFit.X, residuals: mtcarsFit.residuals, names: mtcarsFit.names, hasIntercept: true };
  const r = classicAssumptions(input);

  test('has the CLI fields with R values (mtcars)', () => {
    expect(r.n).toBe(32);
    expect(r.k).toBe(2);
    // lmtest::dwtest(m): DW, p
    close(r.durbinWatson.statistic as number, 1.3623992729510062, STAT);
    close(r.durbinWatson.p as number, 0.020612549019672428, PVAL);
    // Savin & White (1977) 5% table, n = 32, k' = 2: dL = 1.309, dU = 1.574
    expect(Math.abs((r.durbinWatson.dL as number) - 1.309)).toBeLessThan(5e-4);
    expect(Math.abs((r.durbinWatson.dU as number) - 1.574)).toBeLessThan(5e-4);
    expect(r.durbinWatson.decision).toBe('inconclusive-positive');
    // lmtest::bptest(m); bptest(m, studentize = FALSE)
    close(r.breuschPagan.statistic as number, 0.88072247017881444, STAT);
    expect(r.breuschPagan.df).toBe(2);
    close(r.breuschPagan.p as number, 0.6438038145443411, PVAL);
    close(r.breuschPaganOriginal.statistic as number, 1.0267659239427933, STAT);
    close(r.breuschPaganOriginal.p as number, 0.59846755739894042, PVAL);
    // summary(lm(abs(residuals(m)) ~ model.matrix(m)[, -1]))
    close(r.glejser.fStatistic as number, 0.33373950352128656, STAT);
    close(r.glejser.p as number, 0.71895487935168423, PVAL);
    expect(r.glejser.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'wt', 'hp']);
    close(r.glejser.coefficients[2].p, 0.67020224743321188, PVAL);
    // shapiro.test(residuals(m))
    close(r.shapiroWilk.w as number, 0.92791647611768169, STAT);
    close(r.shapiroWilk.p as number, 0.034274760613747901, PVAL);
    // ks.test(r, "pnorm", mean(r), sd(r), exact = FALSE); nortest::lillie.test(r)
    close(r.kolmogorovSmirnov.d as number, 0.11354012318770923, STAT);
    close(r.kolmogorovSmirnov.p as number, 0.80386443755192216, PVAL);
    close(r.kolmogorovSmirnov.lillieforsP as number, 0.36749069352094033, PVAL);
    const keys = Object.keys(r);
    for (const k of ['durbinWatson', 'breuschPagan', 'breuschPaganOriginal', 'glejser', 'shapiroWilk', 'kolmogorovSmirnov']) expect(keys).toContain(k);
    expect(Object.keys(r.durbinWatson)).toEqual(expect.arrayContaining(['statistic', 'p', 'dL', 'dU', 'decision']));
  });

  test('verdicts in Indonesian and English', () => {
    expect(r.shapiroWilk.verdict).toEqual({
      id: 'Residual tidak berdistribusi normal (Shapiro-Wilk p = 0,034 < 0,05)',
      en: 'Residuals are not normally distributed (Shapiro-Wilk p = 0.034 < 0.05)',
      ok: false,
    });
    expect(r.kolmogorovSmirnov.verdict).toEqual({
      id: 'Residual berdistribusi normal (Kolmogorov-Smirnov p = 0,804 > 0,05)',
      en: 'Residuals are normally distributed (Kolmogorov-Smirnov p = 0.804 > 0.05)',
      ok: true,
    });
    expect(r.kolmogorovSmirnov.lillieforsVerdict.ok).toBe(true);
    expect(r.breuschPagan.verdict).toEqual({
      id: 'Tidak terjadi heteroskedastisitas (Breusch-Pagan (Koenker) p = 0,644 > 0,05)',
      en: 'No heteroskedasticity (Breusch-Pagan (Koenker) p = 0.644 > 0.05)',
      ok: true,
    });
    expect(r.glejser.verdict).toEqual({
      id: 'Tidak terjadi heteroskedastisitas (Glejser: p terkecil = 0,670 > 0,05, hp)',
      en: 'No heteroskedasticity (Glejser: smallest p = 0.670 > 0.05, hp)',
      ok: true,
    });
    expect(r.durbinWatson.verdict).toEqual({
      id: 'Tidak dapat disimpulkan (dL = 1,309 ≤ d = 1,362 ≤ dU = 1,574)',
      en: 'Inconclusive (dL = 1.309 ≤ d = 1.362 ≤ dU = 1.574)',
      ok: null,
    });
  });

  test('violations (cars): heteroskedasticity by Glejser, no autocorrelation', () => {
    const c = classicAssumptions({ X: carsFit.X, residuals: carsFit.residuals, names: carsFit.names, hasIntercept: true });
    expect(c.glejser.verdict).toEqual({
      id: 'Terjadi heteroskedastisitas (Glejser: speed, p = 0,045 < 0,05)',
      en: 'Heteroskedasticity present (Glejser: speed, p = 0.045 < 0.05)',
      ok: false,
    });
    // Savin & White (1977) 5% table, n = 50, k' = 1: dL = 1.503, dU = 1.585; lmtest::dwtest(lm(dist ~ speed, cars)) d = 1.676
    expect(c.durbinWatson.decision).toBe('none');
    expect(c.durbinWatson.verdict.id).toBe('Tidak ada autokorelasi (dU = 1,585 < d = 1,676 < 4 − dU = 2,415)');
    expect(c.durbinWatson.verdict.ok).toBe(true);
    expect(c.breuschPaganOriginal.verdict.id).toBe('Terjadi heteroskedastisitas (Breusch-Pagan p = 0,031 < 0,05)');
  });

  test('aliased columns are dropped before testing', () => {
    const X = mtcarsFit.X.map((row) => [...row, 2 * row[1]]);
    const a = classicAssumptions({ X, residuals: mtcarsFit.residuals, names: [...mtcarsFit.names, 'wt2'], hasIntercept: true });
    expect(a.k).toBe(2);
    close(a.breuschPagan.statistic as number, 0.88072247017881444, STAT);
    close(a.durbinWatson.p as number, 0.020612549019672428, PVAL);
  });

  test('bounds not defined: small n, and a model without intercept', () => {
    const small = classicAssumptions({
      X: mtcarsFit.X.slice(0, 5),
      residuals: [0.5, -1, 0.2, 0.9, -0.6],
      names: mtcarsFit.names,
      hasIntercept: true,
    });
    expect(small.durbinWatson.decision).toBe('bounds-not-defined');
    expect(small.durbinWatson.dL).toBeNull();
    expect(small.durbinWatson.boundsReason).toMatch(/n = 6/);
    expect(small.durbinWatson.statistic).not.toBeNull();
    const noInt = classicAssumptions({
      X: mtcarsFit.X.map((row) => row.slice(1)),
      residuals: mtcarsFit.residuals,
      names: ['wt', 'hp'],
      hasIntercept: false,
    });
    expect(noInt.durbinWatson.decision).toBe('bounds-not-defined');
    expect(noInt.durbinWatson.boundsReason).toMatch(/intercept/);
    expect(noInt.glejser.coefficients[0].name).toBe('(Intercept)');
  });

  test('a test that cannot run reports an error, the others still run', () => {
    const constant = classicAssumptions({ X: mtcarsFit.X, residuals: new Array<number>(32).fill(0), names: mtcarsFit.names, hasIntercept: true });
    expect(constant.shapiroWilk.w).toBeNull();
    expect(constant.shapiroWilk.error).toMatch(/identical/);
    expect(constant.shapiroWilk.verdict.ok).toBeNull();
    expect(constant.kolmogorovSmirnov.d).toBeNull();
    expect(constant.breuschPagan.statistic).toBeNull();
    expect(constant.durbinWatson.error).toMatch(/zero/);
  });

  test('does not mutate its inputs', () => {
    const X = mtcarsFit.X.map((row) => [...row]);
    const res = [...mtcarsFit.residuals];
    classicAssumptions({ X, residuals: res, names: mtcarsFit.names, hasIntercept: true });
    expect(X).toEqual(mtcarsFit.X);
    expect(res).toEqual(mtcarsFit.residuals);
  });
});
