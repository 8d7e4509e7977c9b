/**
 * `kajian regress` in-process (runCli) on R's mtcars and longley written as CSV here, against
 * the R 4.2.2 values already used by the analysis tests (each number cites its R expression and
 * the test file it is copied from), plus one real `npm run -s kajian -- regress` process.
 * Tolerances: relative 1e-8 for statistics, 1e-6 for p-values (as the analysis tests); the CSV
 * carries the values at 17 significant digits so the data are the same doubles.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { durbinWatsonBounds } from '../../analysis/regression/assumptions';
import { durbinWatsonBoundsApprox } from '../../analysis/regression/report';
import { longley, mtcars } from '../../analysis/regression/testdata/datasets';
import { tempDir } from '../../db/test-helpers';
import { runCli } from '../cli';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function csv(name: string, rows: Record<string, number | string>[]): string {
  const header = Object.keys(rows[0]);
  const file = join(tmp.dir, name);
  writeFileSync(file, [header.join(','), ...rows.map((r) => header.map((h) => (typeof r[h] === 'number' ? (r[h] as number).toPrecision(17) : String(r[h]))).join(','))].join('\n') + '\n');
  return file;
}
const mtcarsCsv = csv('mtcars.csv', mtcars);
const longleyCsv = csv('longley.csv', longley);

async function regress(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['regress', ...argv], (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
async function json(...argv: string[]): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads an untyped JSON document
  const r = await regress(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
function close(actual: unknown, expected: number, rel: number, label = ''): void {
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  const err = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / Math.abs(expected);
  expect(err, `${label}: got ${a}, expected ${expected}`).toBeLessThanOrEqual(rel);
}
const STAT = 1e-8;
const PVAL = 1e-6;

describe('kajian regress (linear)', () => {
  test('mtcars mpg ~ wt + hp: the assumption tests as R / lmtest / nortest', async () => {
    const j = await json(mtcarsCsv, '--y', 'mpg', '--x', 'wt,hp');
    expect(j.n).toBe(32);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['n', 'coefficients', 'rSquared', 'adjRSquared', 'residualSE', 'fStatistic', 'fDf1', 'fDf2', 'fP', 'logLik', 'aic', 'bic', 'durbinWatson', 'breuschPagan', 'breuschPaganOriginal', 'glejser', 'shapiroWilk', 'kolmogorovSmirnov']),
    );
    expect(Object.keys(j.coefficients[0])).toEqual(['term', 'estimate', 'se', 'statistic', 'p', 'ciLow', 'ciHigh', 'beta', 'tolerance', 'vif']);
    // analysis/regression/assumptions/classicAssumptions.test.ts (R 4.2.2, lmtest 0.9-40, nortest 1.0-4; m <- lm(mpg ~ wt + hp, mtcars))
    close(j.durbinWatson.statistic, 1.3623992729510062, STAT, 'dwtest(m)$statistic');
    close(j.durbinWatson.p, 0.020612549019672428, PVAL, 'dwtest(m)$p.value');
    expect(Math.abs(j.durbinWatson.dL - 1.309)).toBeLessThan(5e-4); // Savin & White (1977), n = 32, k' = 2
    expect(Math.abs(j.durbinWatson.dU - 1.574)).toBeLessThan(5e-4);
    expect(j.durbinWatson.decision).toBe('inconclusive-positive');
    close(j.breuschPagan.statistic, 0.88072247017881444, STAT, 'bptest(m)');
    expect(j.breuschPagan.df).toBe(2);
    close(j.breuschPagan.p, 0.6438038145443411, PVAL, 'bptest(m)$p.value');
    close(j.breuschPaganOriginal.statistic, 1.0267659239427933, STAT, 'bptest(m, studentize = FALSE)');
    close(j.breuschPaganOriginal.p, 0.59846755739894042, PVAL, 'bptest(m, studentize = FALSE)$p.value');
    close(j.glejser.fStatistic, 0.33373950352128656, STAT, 'summary(lm(abs(residuals(m)) ~ ...))$fstatistic');
    close(j.glejser.p, 0.71895487935168423, PVAL, 'Glejser F p');
    expect(j.glejser.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'wt', 'hp']);
    close(j.shapiroWilk.w, 0.92791647611768169, STAT, 'shapiro.test(residuals(m))$statistic');
    close(j.shapiroWilk.p, 0.034274760613747901, PVAL, 'shapiro.test p');
    close(j.kolmogorovSmirnov.d, 0.11354012318770923, STAT, 'ks.test D');
    close(j.kolmogorovSmirnov.p, 0.80386443755192216, PVAL, 'ks.test p (exact = FALSE)');
    close(j.kolmogorovSmirnov.lillieforsP, 0.36749069352094033, PVAL, 'nortest::lillie.test p');
    expect(j.verdicts.shapiroWilk.id).toBe('Residual tidak berdistribusi normal (Shapiro-Wilk p = 0,034 < 0,05)');
  });

  test('longley Employed ~ all six: coefficients, fit and VIF as R lm / car::vif', async () => {
    const x = ['GNP.deflator', 'GNP', 'Unemployed', 'Armed.Forces', 'Population', 'Year'];
    const j = await json(longleyCsv, '--y', 'Employed', '--x', x.join(','));
    // analysis/regression/linear.test.ts, longleyR (R 4.2.2: m1 <- lm(Employed ~ ., longley))
    const coef = [-3482.2586345958148, 0.015061872271372779, -0.035819179292591, -0.02020229803816824, -0.010332268671735891, -0.051104105653579195, 1.8291514646135503]; // coef(m1)
    const se = [890.4203836073757, 0.084914925774767377, 0.033491007772243411, 0.0048839968165170283, 0.0021427416316167573, 0.22607320006937262, 0.45547849914221344]; // coef(summary(m1))[, 2]
    const p = [0.0035604036637263241, 0.86314083280921983, 0.31268106109271437, 0.0025350917341113947, 0.00094436676416182451, 0.82621179576365378, 0.0030368033416303623]; // coef(summary(m1))[, 4]
    const vif = [135.53243827998543, 1788.5134827179381, 33.618890596049575, 3.5889301934453179, 399.15102231259254, 758.98059740679253]; // car::vif(m1)
    const ciLow = [-5496.529483274765, -0.17702903529849515, -0.11158110241390179, -0.031250666419735867, -0.015179487001723651, -0.56251721450722203, 0.79878751527841607]; // confint(m1)[, 1]
    const beta = [0.046282022670908585, -1.0137463487145282, -0.53754257763936619, -0.20474069234425055, -0.10122111394584439, 2.4796643829468228]; // coef(lm(scale(Employed) ~ scale(...)))[-1]
    expect(j.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', ...x]);
    j.coefficients.forEach((c: Record<string, number | null>, i: number) => {
      close(c.estimate, coef[i], STAT, `B[${i}]`);
      close(c.se, se[i], STAT, `SE[${i}]`);
      close(c.p, p[i], PVAL, `p[${i}]`);
      close(c.ciLow, ciLow[i], STAT, `ciLow[${i}]`);
      if (i === 0) {
        expect(c.beta).toBeNull();
        expect(c.vif).toBeNull();
      } else {
        close(c.vif, vif[i - 1], STAT, `VIF[${i}]`);
        close(c.tolerance, 1 / vif[i - 1], STAT, `tolerance[${i}]`);
        close(c.beta, beta[i - 1], STAT, `Beta[${i}]`);
      }
    });
    close(j.rSquared, 0.99547900457729555, STAT, 'r.squared');
    close(j.adjRSquared, 0.99246500762882595, STAT, 'adj.r.squared');
    close(j.residualSE, 0.3048540735619657, STAT, 'sigma');
    close(j.fStatistic, 330.28533923458622, STAT, 'F');
    expect([j.fDf1, j.fDf2]).toEqual([6, 9]);
    close(j.fP, 4.9840305287249179e-10, PVAL, 'F p');
    close(j.logLik, 0.90664965523358387, STAT, 'logLik');
    close(j.aic, 14.186700689532833, STAT, 'AIC');
    close(j.bic, 20.36741046745108, STAT, 'BIC');
  });

  test('--factor with --ref: mtcars mpg ~ wt + hp + relevel(factor(cyl), "8")', async () => {
    const j = await json(mtcarsCsv, '--y', 'mpg', '--x', 'wt,hp', '--factor', 'cyl', '--ref', 'cyl=8');
    // analysis/regression/linear.test.ts m3R (R 4.2.2: coef(m3), coef(summary(m3))[, 2], [, 4])
    const coef = [32.660110870210197, -3.1814040466796176, -0.023119809154454669, 3.1858844449775212, -0.17314045095842731];
    const se = [3.8353393934468381, 0.71960100213438871, 0.011952196008800821, 2.1704752896998905, 1.6539232519277054];
    const p = [3.9579085652759567e-09, 0.0001441755761059813, 0.063612686401873564, 0.15370474056762404, 0.91739981136914994];
    expect(j.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'wt', 'hp', 'cyl=4', 'cyl=6']);
    j.coefficients.forEach((c: Record<string, number>, i: number) => {
      close(c.estimate, coef[i], STAT, `B[${i}]`);
      close(c.se, se[i], STAT, `SE[${i}]`);
      close(c.p, p[i], PVAL, `p[${i}]`);
    });
    // default reference (first level, 4), comma-separated factor list
    const d = await json(mtcarsCsv, '--y', 'mpg', '--x', 'wt,hp', '--factor', 'cyl,am');
    expect(d.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'wt', 'hp', 'cyl=6', 'cyl=8', 'am=1']);
  });

  test('--no-intercept gives the uncentred R² as R (0 + wt + hp)', async () => {
    const j = await json(mtcarsCsv, '--y', 'mpg', '--x', 'wt,hp', '--no-intercept');
    expect(j.coefficients.map((c: { term: string }) => c.term)).toEqual(['wt', 'hp']);
    expect(j.durbinWatson.decision).toBe('bounds-not-defined');
    expect(j.durbinWatson.reason).toMatch(/intercept/);
    close(j.rSquared, 0.7264259465953426, STAT, 'summary(lm(mpg ~ 0 + wt + hp, mtcars))$r.squared, R 4.2.2 (Rscript, this session)');
  });

  test('usage errors and bad data go to stderr with a non-zero exit', async () => {
    const missing = await regress(mtcarsCsv, '--x', 'wt');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--y is required/);
    const col = await regress(mtcarsCsv, '--y', 'mpg', '--x', 'wt,berat');
    expect(col.code).toBe(2);
    expect(col.err).toMatch(/no column "berat"/);
    const ref = await regress(mtcarsCsv, '--y', 'mpg', '--x', 'wt', '--ref', 'cyl=UMKM');
    expect(ref.code).toBe(1);
    expect(ref.err).toMatch(/Reference level "UMKM" of "cyl"/);
    const cut = await regress(mtcarsCsv, '--y', 'mpg', '--x', 'wt', '--cutoff', '0.4');
    expect(cut.err).toMatch(/--cutoff applies to --logistic only/);
  });
});

describe('kajian regress --logistic', () => {
  test('mtcars am ~ hp + wt as R glm(binomial) and hoslem.test', async () => {
    const j = await json(mtcarsCsv, '--y', 'am', '--x', 'hp,wt', '--logistic');
    // analysis/regression/logistic.test.ts g1R (R 4.2.2: g1 <- glm(am ~ hp + wt, binomial, mtcars))
    const coef = [18.866298717204131, 0.036255596082216568, -8.0834751824446371]; // coef(g1)
    const se = [7.4435580602052891, 0.017734153650769368, 3.0686751130547045]; // coef(summary(g1))[, 2]
    const p = [0.011258198716613708, 0.040914646459030063, 0.00843381259970713]; // coef(summary(g1))[, 4]
    const orLow = [72.037945596981629, 1.0014984151341872, 7.5392881418834404e-07];
    const orHigh = [338452350596264.38, 1.0735961471772446, 0.12631424353066042];
    j.coefficients.forEach((c: Record<string, number>, i: number) => {
      close(c.estimate, coef[i], STAT, `B[${i}]`);
      close(c.se, se[i], STAT, `SE[${i}]`);
      close(c.p, p[i], PVAL, `p[${i}]`);
      close(c.oddsRatio, Math.exp(coef[i]), STAT, `OR[${i}]`);
      close(c.orCiLow, orLow[i], STAT, `OR low[${i}]`);
      close(c.orCiHigh, orHigh[i], STAT, `OR high[${i}]`);
    });
    close(j.deviance, 10.059110472266987, STAT, 'deviance(g1)');
    close(j.nullDeviance, 43.229733276857807, STAT, 'g1$null.deviance');
    close(j.lrChiSquare, 43.229733276857807 - 10.059110472266987, STAT, 'null.deviance - deviance');
    close(j.lrP, 6.2674485478383359e-08, PVAL, 'LR p');
    close(j.mcfadden, 0.76731037390758239, STAT, 'McFadden');
    close(j.coxSnell, 0.64533512967814199, STAT, 'Cox-Snell');
    close(j.nagelkerke, 0.87089701804190012, STAT, 'Nagelkerke');
    close(j.aic, 16.059110472266987, STAT, 'AIC(g1)');
    close(j.hosmerLemeshow.statistic, 4.9517420665555489, STAT, 'hoslem');
    expect(j.hosmerLemeshow.df).toBe(8);
    close(j.hosmerLemeshow.p, 0.76272134790505608, PVAL, 'hoslem p');
    // table(fitted(g1) > 0.5, am): observed rows 0/1, predicted columns 0/1 = 18, 1 / 1, 12
    expect(j.classification).toEqual({ cutoff: 0.5, table: [[18, 1], [1, 12]], accuracy: 30 / 32 });
    const c3 = await json(mtcarsCsv, '--y', 'am', '--x', 'hp,wt', '--logistic', '--cutoff', '0.3');
    expect(c3.classification.cutoff).toBe(0.3);
  });
});

describe('large n', () => {
  test('Shapiro-Wilk is null with its reason above 5000; dL/dU by Cornish-Fisher close to the exact bounds', async () => {
    // y = 1 + 2 x1 - x2 + noise, n = 6000, from a fixed LCG (no R needed: the test checks the structure)
    let s = 12345;
    const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
    const rows = Array.from({ length: 6000 }, () => {
      const x1 = u();
      const x2 = u();
      return { y: 1 + 2 * x1 - x2 + (u() + u() + u() - 1.5), x1, x2 };
    });
    const j = await json(csv('big.csv', rows), '--y', 'y', '--x', 'x1,x2');
    expect(j.n).toBe(6000);
    expect(j.shapiroWilk).toEqual({ w: null, p: null, reason: 'Shapiro-Wilk needs between 3 and 5000 observations (got 6000).' });
    expect(j.kolmogorovSmirnov.d).toBeGreaterThan(0);
    expect(j.durbinWatson.boundsMethod).toBe('cornish-fisher');
    // the approximation against the exact (Imhof) bounds where both are cheap
    for (const [n, k] of [[500, 5], [2000, 10]]) {
      const exact = durbinWatsonBounds(n, k) as { dL: number; dU: number };
      const approx = durbinWatsonBoundsApprox(n, k);
      expect(Math.abs(approx.dL - exact.dL)).toBeLessThan(n >= 2000 ? 5e-6 : 5e-5);
      expect(Math.abs(approx.dU - exact.dU)).toBeLessThan(n >= 2000 ? 5e-6 : 5e-5);
    }
  }, 60_000);
});

test('runs as a real process through npm run -s kajian', () => {
  const out = execFileSync('npm', ['run', '-s', 'kajian', '--', 'regress', mtcarsCsv, '--y', 'mpg', '--x', 'wt,hp', '--json'], { encoding: 'utf8' });
  const j = JSON.parse(out) as { n: number; shapiroWilk: { w: number } };
  expect(j.n).toBe(32);
  close(j.shapiroWilk.w, 0.92791647611768169, STAT, 'shapiro.test W');
  const bad = spawnSync('npm', ['run', '-s', 'kajian', '--', 'regress', mtcarsCsv, '--y', 'mpg'], { encoding: 'utf8' });
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toMatch(/--x needs at least one predictor/);
  expect(bad.stdout).toBe('');
}, 60_000);
