import { describe, expect, test } from 'vitest';
import { durbinWatson } from './durbinWatson';
import { durbinWatsonBounds, durbinWatsonDecision } from './durbinWatsonBounds';
import { airqualityFit, carsFit, longleyFit, mtcarsFit, type Dataset } from './fixtures/datasets';
import { imhofProbability } from './imhof';
import { panProbability } from './pan';
import { close, PVAL, STAT } from './testUtil';

// Expected values: R 4.2.2 Patched (2022-11-10 r83330), lmtest 0.9-40, sprintf("%.17g", ...),
// for the lm() fit m named beside each case:
//   d <- dwtest(m): c(d$statistic, d$p.value)         (exact = n < 100, alternative "greater")
//   dwtest(m, alternative = "two.sided")$p.value; dwtest(m, alternative = "less")$p.value
//   dwtest(m, exact = FALSE)$p.value;  dwtest(m, exact = TRUE)$p.value
interface Case {
  label: string;
  data: Dataset;
  d: number;
  p: number;
  pTwo: number;
  pLess: number;
  pNormal: number;
  /** dwtest(m, exact = TRUE)$p.value; null where Pan's 15-term quadrature is numerically unstable (see below). */
  pExact: number | null;
}
const cases: Case[] = [
  // m <- lm(mpg ~ wt + hp, mtcars)
  { label: 'mtcars (n = 32, exact)', data: mtcarsFit, d: 1.3623992729510062, p: 0.020612549019672428, pTwo: 0.041225098039344855, pLess: 0.97938745098032753, pNormal: 0.020676339996556589, pExact: 0.020612549019672428 },
  // m <- lm(Employed ~ ., longley)
  { label: 'longley (n = 16, exact)', data: longleyFit, d: 2.5594876892815233, p: 0.48342422220565912, pTwo: 0.96684844441131823, pLess: 0.51657577779434094, pNormal: 0.49629492838210504, pExact: 0.48342422220565912 },
  // m <- lm(Ozone ~ Solar.R + Wind + Temp, airquality[complete.cases(airquality), ])  (n = 111: normal approximation)
  { label: 'airquality (n = 111, normal)', data: airqualityFit, d: 1.9354759762849625, p: 0.33471495360717896, pTwo: 0.66942990721435791, pLess: 0.66528504639282104, pNormal: 0.33471495360717896, pExact: null },
  // m <- lm(dist ~ speed, cars)
  { label: 'cars (n = 50, exact)', data: carsFit, d: 1.6762253234350972, p: 0.09521708980211406, pTwo: 0.19043417960422812, pLess: 0.90478291019788593, pNormal: 0.093634169544969933, pExact: 0.09521708980211406 },
];

describe('durbinWatson (lmtest::dwtest)', () => {
  for (const c of cases) {
    test(c.label, () => {
      const r = durbinWatson(c.data.residuals, c.data.X);
      close(r.statistic, c.d, STAT);
      close(r.p, c.p, PVAL);
      expect(r.method).toBe(c.data.residuals.length < 100 ? 'exact' : 'normal');
      close(durbinWatson(c.data.residuals, c.data.X, { alternative: 'two.sided' }).p, c.pTwo, PVAL);
      close(durbinWatson(c.data.residuals, c.data.X, { alternative: 'less' }).p, c.pLess, PVAL);
      close(durbinWatson(c.data.residuals, c.data.X, { exact: false }).p, c.pNormal, PVAL);
      if (c.pExact !== null) close(durbinWatson(c.data.residuals, c.data.X, { exact: true }).p, c.pExact, PVAL);
    });
  }
  test('forced exact p for n = 111 uses Imhof (Pan with 107 eigenvalues is ill-conditioned, in lmtest too)', () => {
    // R 4.2.2 + lmtest 0.9-40, m <- lm(Ozone ~ Solar.R + Wind + Temp, airquality[complete.cases(airquality), ]):
    //   dwtest(m, exact = TRUE)$p.value -> 0.3589143567650856, but feeding lmtest's Fortran pan the
    //   eigenvalues of Q2' A Q2 instead of eigen(M A) (they differ by 1.6e-14) gives 0.35869626744222943
    //   and 50 terms give 0.33556124678068733. Expected: Imhof's formula by R integrate() on dwtest's
    //   eigenvalues (imhofP of fixtures/bounds.R): imhofP(ev[ev > 1e-10], dw) -> 0.33553254437634938
    const r = durbinWatson(airqualityFit.residuals, airqualityFit.X, { exact: true });
    expect(r.method).toBe('exact');
    expect(r.exactAlgorithm).toBe('imhof');
    close(r.p, 0.33553254437634938, PVAL);
  });
  test('rank-deficient X is refused; n < 3 gives p = 1 as lmtest', () => {
    const X = mtcarsFit.X.map((row) => [...row, row[1] + row[2]]);
    expect(() => durbinWatson(mtcarsFit.residuals, X)).toThrow(/rank-deficient/);
    expect(durbinWatson([1, -1], [[1, 0], [1, 1]]).p).toBe(1);
  });
});

describe('Pan and Imhof agree', () => {
  test('on lmtest-style eigenvalues and on the Durbin-Watson bounding eigenvalues', () => {
    // Imhof's formula evaluated by R 4.2.2 integrate() (rel.tol = 1e-12):
    //   mu <- c(0.2, 0.9, 1.7, 2.5, 3.1, 3.9) - 1.3
    //   0.5 - integrate(function(u) sin(sum(atan(mu*u))/2)/(u*prod((1+mu^2*u^2)^(1/4))), 0, Inf)$value/pi  (vectorised with sapply)
    //   -> 0.1276683332108588
    const lam = [0.2, 0.9, 1.7, 2.5, 3.1, 3.9];
    close(imhofProbability(lam, 1.3), 0.1276683332108588, 1e-8);
    close(panProbability(lam, 1.3, 30), 0.1276683332108588, 1e-8);
    for (const n of [10, 30, 60]) {
      const ev = Array.from({ length: n - 2 }, (_, j) => 2 * (1 - Math.cos((Math.PI * (j + 1)) / n)));
      for (const x of [1, 1.5, 2, 2.7]) {
        expect(Math.abs(panProbability(ev, x) - imhofProbability(ev, x))).toBeLessThan(1e-6);
      }
    }
  });
  test('edge cases', () => {
    expect(panProbability([1, 2, 3], 0.5)).toBe(0);
    expect(panProbability([1, 2, 3], 3.5)).toBe(1);
    expect(imhofProbability([1, 2, 3], 0.5)).toBe(0);
    expect(imhofProbability([1, 2, 3], 3.5)).toBe(1);
  });
});

describe('durbinWatsonBounds', () => {
  // Savin & White (1977, Econometrica 45, 1989-1996) 5% bounds, k' regressors excluding the
  // intercept, as printed to 3 decimals. Provenance: (15,1), (20,2), (50,3), (100,5) as given in
  // the task brief; (8,1) = 0.763, 1.332 quoted in print at
  // hindawi.com/journals/amete/2011/543146/tab3/; the others are transcriptions of the same table
  // found in public sources (the Stanford reproduction web.stanford.edu/~clint/bench/dwcrit.htm
  // was located but its numbers were not readable through the search tool). Tolerance: half a
  // unit of the third decimal. The full-precision check below is against R.
  const table: [number, number, number, number][] = [
    [15, 1, 1.077, 1.361],
    [20, 2, 1.1, 1.537],
    [50, 3, 1.421, 1.674],
    [100, 5, 1.571, 1.78],
    [8, 1, 0.763, 1.332],
    [6, 1, 0.61, 1.4],
    [100, 2, 1.634, 1.715],
    [24, 4, 1.013, 1.775],
    [70, 5, 1.464, 1.768],
    [200, 1, 1.758, 1.779],
  ];
  for (const [n, k, dL, dU] of table) {
    test(`n = ${n}, k' = ${k}: table ${dL}, ${dU}`, () => {
      const b = durbinWatsonBounds(n, k);
      expect(b.defined).toBe(true);
      if (!b.defined) return;
      expect(Math.abs(b.dL - dL)).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(Math.abs(b.dU - dU)).toBeLessThanOrEqual(0.0005 + 1e-12);
    });
  }
  test('full precision against an independent Imhof inversion in R', () => {
    // R 4.2.2 (script beside the test, fixtures/bounds.R): Imhof's formula with integrate()
    // (rel.tol = 1e-12) and uniroot (tol = 1e-13) on eigenvalues 2(1 - cos(pi j / n)),
    // j = 1..n-k'-1 (dL) and j = k'+1..n-1 (dU).
    const expected: [number, number, number, number][] = [
      [15, 1, 1.0769619595236299, 1.3605456077780618],
      [20, 2, 1.1003994896712419, 1.5366813254438099],
      [50, 3, 1.4205876900680048, 1.6738454889002374],
      [100, 5, 1.5709981531520121, 1.780389114227048],
      [200, 1, 1.7584407655130638, 1.7785274521480727],
      [8, 1, 0.76290160861588763, 1.3323781485894624],
      [6, 1, 0.61018176549691361, 1.4001448548057138],
      [500, 3, 1.8410958254019547, 1.8652327360777081],
    ];
    for (const [n, k, dL, dU] of expected) {
      const b = durbinWatsonBounds(n, k);
      if (!b.defined) throw new Error('not defined');
      close(b.dL, dL, 1e-8);
      close(b.dU, dU, 1e-8);
    }
  });
  test('not defined for too small n', () => {
    for (const [n, k] of [[5, 1], [6, 4], [10, 0], [3, 1]]) {
      const b = durbinWatsonBounds(n, k);
      expect(b.defined).toBe(false);
      if (!b.defined) expect(b.reason.length).toBeGreaterThan(10);
    }
  });
  test('decision regions', () => {
    expect(durbinWatsonDecision(1.0, 1.077, 1.361)).toBe('positive');
    expect(durbinWatsonDecision(1.077, 1.077, 1.361)).toBe('inconclusive-positive');
    expect(durbinWatsonDecision(1.361, 1.077, 1.361)).toBe('inconclusive-positive');
    expect(durbinWatsonDecision(2.0, 1.077, 1.361)).toBe('none');
    expect(durbinWatsonDecision(4 - 1.361, 1.077, 1.361)).toBe('inconclusive-negative');
    expect(durbinWatsonDecision(4 - 1.077, 1.077, 1.361)).toBe('inconclusive-negative');
    expect(durbinWatsonDecision(3.5, 1.077, 1.361)).toBe('negative');
  });
});
