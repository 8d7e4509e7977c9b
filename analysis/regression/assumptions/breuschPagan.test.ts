import { describe, expect, test } from 'vitest';
import { breuschPagan } from './breuschPagan';
import { airqualityFit, carsFit, longleyFit, mtcarsFit, type Dataset } from './fixtures/datasets';
import { close, PVAL, STAT } from './testUtil';

// Expected values: R 4.2.2 Patched (2022-11-10 r83330), lmtest 0.9-40, printed with
// sprintf("%.17g", ...). m is the lm() fit named beside each case; Z = the model matrix.
//   b1 <- lmtest::bptest(m);  b0 <- lmtest::bptest(m, studentize = FALSE)
//   c(b1$statistic, b1$parameter, b1$p.value); c(b0$statistic, b0$parameter, b0$p.value)
const cases: { label: string; data: Dataset; koenker: [number, number, number]; original: [number, number, number] }[] = [
  // m <- lm(mpg ~ wt + hp, mtcars)
  { label: 'mtcars', data: mtcarsFit, koenker: [0.88072247017881444, 2, 0.6438038145443411], original: [1.0267659239427933, 2, 0.59846755739894042] },
  // m <- lm(Employed ~ ., longley)
  { label: 'longley', data: longleyFit, koenker: [2.5096632076436411, 6, 0.86738463485695583], original: [1.7990940431592692, 6, 0.93721763280150827] },
  // m <- lm(Ozone ~ Solar.R + Wind + Temp, airquality[complete.cases(airquality), ])  (n = 111)
  { label: 'airquality', data: airqualityFit, koenker: [5.0553665801554644, 3, 0.16778753580755804], original: [13.404303526014072, 3, 0.0038390660478745905] },
  // m <- lm(dist ~ speed, cars)
  { label: 'cars', data: carsFit, koenker: [3.2148799271746502, 1, 0.072971545054077588], original: [4.6502332711425289, 1, 0.031049327780604694] },
];

describe('breuschPagan (lmtest::bptest)', () => {
  for (const c of cases) {
    test(c.label, () => {
      const resid = [...c.data.residuals];
      const k = breuschPagan(c.data.residuals, c.data.X);
      close(k.statistic, c.koenker[0], STAT);
      expect(k.df).toBe(c.koenker[1]);
      close(k.p, c.koenker[2], PVAL);
      expect(k.studentized).toBe(true);
      const o = breuschPagan(c.data.residuals, c.data.X, { studentize: false });
      close(o.statistic, c.original[0], STAT);
      expect(o.df).toBe(c.original[1]);
      close(o.p, c.original[2], PVAL);
      expect(c.data.residuals).toEqual(resid);
    });
  }
  test('a duplicated column in Z does not add a degree of freedom (rank, as lm.wfit)', () => {
    const Z = mtcarsFit.X.map((row) => [...row, row[1] * 2]);
    const k = breuschPagan(mtcarsFit.residuals, Z);
    expect(k.df).toBe(2);
    close(k.statistic, 0.88072247017881444, STAT);
  });
  test('errors', () => {
    expect(() => breuschPagan([1, 2], [[1], [1]])).toThrow(/intercept and one regressor/);
    expect(() => breuschPagan([1, 2, 3], mtcarsFit.X)).toThrow(/rows/);
  });
});
