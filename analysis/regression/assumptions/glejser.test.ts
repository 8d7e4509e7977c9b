import { describe, expect, test } from 'vitest';
import { airqualityFit, longleyFit, mtcarsFit, type Dataset } from './fixtures/datasets';
import { glejser } from './glejser';
import { close, PVAL, STAT } from './testUtil';

// Expected values: R 4.2.2 Patched (2022-11-10 r83330), sprintf("%.17g", ...), for the lm()
// fit m named beside each case:
//   X <- model.matrix(m)[, -1, drop = FALSE]; s <- summary(lm(abs(residuals(m)) ~ X))
//   s$coefficients[, 1]; s$coefficients[, 3]; s$coefficients[, 4]
//   fs <- s$fstatistic; c(fs, pf(fs[1], fs[2], fs[3], lower.tail = FALSE))
interface Case {
  label: string;
  data: Dataset;
  est: number[];
  t: number[];
  p: number[];
  f: [number, number, number, number];
}
const cases: Case[] = [
  {
    // m <- lm(mpg ~ wt + hp, mtcars)
    label: 'mtcars',
    data: mtcarsFit,
    est: [2.5678015690225413, -0.095409695344336784, -0.0024498404661877676],
    t: [2.5469272449250426, -0.23912088969358536, -0.43023907447294146],
    p: [0.016434657958985278, 0.81269373625696417, 0.67020224743321188],
    f: [0.33373950352128656, 2, 29, 0.71895487935168423],
  },
  {
    // m <- lm(Employed ~ ., longley)
    label: 'longley',
    data: longleyFit,
    est: [405.61396248187896, -0.051056421998437018, 0.019812168120961565, 0.0020236682901983312, 0.00030301810848482806, -0.085339208983091025, -0.2039542560122746],
    t: [0.82711374965002882, -1.091726317330924, 1.0741160994710355, 0.75233521721643093, 0.25677114203462748, -0.68540452722334411, -0.81304077945289999],
    p: [0.42955615578295847, 0.30331531153724955, 0.31072321106470008, 0.4710672763299012, 0.80312899136346705, 0.51035530208252389, 0.43717341621719141],
    f: [0.40163283160010693, 6, 9, 0.8604054357458244],
  },
  {
    // m <- lm(Ozone ~ Solar.R + Wind + Temp, airquality[complete.cases(airquality), ])
    label: 'airquality',
    data: airqualityFit,
    est: [22.2164713407048, 0.0017664796922977598, -0.59992425699509166, -0.014296014668906116],
    t: [1.458199082060089, 0.1152857857373306, -1.3872351742639275, -0.085327231906975901],
    p: [0.14771471323714053, 0.90843467829481883, 0.16825281075371251, 0.93216069728786921],
    f: [0.82072032885197777, 3, 107, 0.48520827064927319],
  },
];

describe('glejser (R summary(lm(abs(resid) ~ X)))', () => {
  for (const c of cases) {
    test(c.label, () => {
      const r = glejser(c.data.residuals, c.data.X, { names: c.data.names });
      expect(r.coefficients.map((x) => x.name)).toEqual(c.data.names);
      r.coefficients.forEach((x, j) => {
        // longley's intercept estimate is large relative to its noise; 1e-8 still holds
        close(x.estimate, c.est[j], STAT);
        close(x.t, c.t[j], STAT);
        close(x.p, c.p[j], PVAL);
      });
      close(r.fStatistic, c.f[0], STAT);
      expect([r.df1, r.df2]).toEqual([c.f[1], c.f[2]]);
      close(r.p, c.f[3], PVAL);
    });
  }
  test('adds the intercept when X has none', () => {
    const X = mtcarsFit.X.map((row) => row.slice(1));
    const r = glejser(mtcarsFit.residuals, X, { names: ['wt', 'hp'] });
    expect(r.coefficients.map((x) => x.name)).toEqual(['(Intercept)', 'wt', 'hp']);
    close(r.fStatistic, 0.33373950352128656, STAT);
  });
});

describe('large inputs', () => {
  test('the QR norm does not overflow the call stack on a million rows', async () => {
    const { householderQr } = await import('./linalg');
    const n = 1_000_000;
    const X = Array.from({ length: n }, (_, i) => [1, (i % 1000) / 1000]);
    const qr = householderQr(X);
    expect(qr.rank).toBe(2);
  });
});
