/**
 * Logistic regression against R 4.2.2 glm(family = binomial) and summary.glm. Values
 * printed by analysis/regression/testdata/expected.R (Rscript, `sprintf('%.17g')`), each
 * with its exact R expression. `hoslem` there is ResourceSelection::hoslem.test (not
 * installed here) reproduced in base R from its published definition:
 *   qq <- unique(quantile(yhat, probs = seq(0, 1, 1/g)))
 *   cutyhat <- cut(yhat, breaks = qq, include.lowest = TRUE)
 *   observed <- xtabs(cbind(y0 = 1 - y, y1 = y) ~ cutyhat)
 *   expected <- xtabs(cbind(yhat0 = 1 - yhat, yhat1 = yhat) ~ cutyhat)
 *   chisq <- sum((observed - expected)^2 / expected); df = g - 2; p = 1 - pchisq(chisq, g - 2)
 * Tolerances: relative error <= 1e-8 for statistics, <= 1e-6 for p-values.
 */
import { describe, expect, it } from 'vitest';
import { hosmerLemeshow, logisticRegression } from './logistic';
import { infert, mtcars } from './testdata/datasets';

function close(actual: number | null | undefined, expected: number, rel: number, label = ''): void {
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  const err = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / Math.abs(expected);
  expect(err, `${label}: got ${a}, expected ${expected}`).toBeLessThanOrEqual(rel);
}

function closeAll(actual: readonly (number | null)[], expected: readonly number[], rel: number, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i], e, rel, `${label}[${i}]`));
}

const STAT = 1e-8;
const PVAL = 1e-6;

const g1R = {
  coef: [18.866298717204131, 0.036255596082216568, -8.0834751824446371], // R 4.2.2: coef(g1)
  se: [7.4435580602052891, 0.017734153650769368, 3.0686751130547045], // R 4.2.2: coef(summary(g1))[, 2]
  z: [2.5345807159168996, 2.0443939302760961, -2.6341906147236172], // R 4.2.2: coef(summary(g1))[, 3]
  p: [0.011258198716613708, 0.040914646459030063, 0.00843381259970713], // R 4.2.2: coef(summary(g1))[, 4]
  deviance: 10.059110472266987, // R 4.2.2: deviance(g1)
  nullDeviance: 43.229733276857807, // R 4.2.2: g1$null.deviance
  aic: 16.059110472266987, // R 4.2.2: AIC(g1)
  bic: 20.456318180666166, // R 4.2.2: BIC(g1)
  logLik: -5.0295552361334934, // R 4.2.2: logLik(g1)
  iter: 8, // R 4.2.2: g1$iter
  orLow: [72.037945596981629, 1.0014984151341872, 7.5392881418834404e-07], // R 4.2.2: exp(coef(g1) - qnorm(0.975) * coef(summary(g1))[, 2])
  orHigh: [338452350596264.38, 1.0735961471772446, 0.12631424353066042], // R 4.2.2: exp(coef(g1) + qnorm(0.975) * coef(summary(g1))[, 2])
  lrP: 6.2674485478383359e-08, // R 4.2.2: pchisq(g1$null.deviance - deviance(g1), 2, lower.tail = FALSE)
  coxSnell: 0.64533512967814199, // R 4.2.2: 1 - exp((deviance(g1) - g1$null.deviance) / 32)
  nagelkerke: 0.87089701804190012, // R 4.2.2: (1 - exp((deviance(g1) - g1$null.deviance) / 32)) / (1 - exp(-g1$null.deviance / 32))
  mcfadden: 0.76731037390758239, // R 4.2.2: 1 - deviance(g1) / g1$null.deviance
  hl: [4.9517420665555489, 8, 0.76272134790505608], // R 4.2.2: hoslem(mtcars$am, fitted(g1))
  fitted: [0.84233553651693971, 0.4047825327367443, 0.97024082221388963, 0.041728034824475846, 0.069388122451572096, 0.0049881585451422988, 0.24804120556480502, 0.0092655789886173495, 0.040998133508495495, 0.0111907091122561, 0.0111907091122561, 0.00054868458075326885, 0.0085008121865875943, 0.00569061447066659, 9.7877524324925179e-08, 3.445824453823022e-08, 1.1241267415412774e-07, 0.96998323291285427, 0.99954591741879606, 0.9983241131572731, 0.92109548185796053, 0.015532068337659506, 0.030410078958027619, 0.035859623174537676, 0.0028151122934584605, 0.99637995994704776, 0.99236176426123957, 0.99997818482956913, 0.94338282359586967, 0.94373654208987479, 0.89603423916649028, 0.58567095843770378], // R 4.2.2: fitted(g1)
  classTable: [18, 1, 1, 12], // R 4.2.2: as.vector(table(factor(fitted(g1) > 0.5, c(FALSE, TRUE)), mtcars$am))
};
const g2R = {
  names: [1, 2, 3, 4, 5, 6, 7], // R 4.2.2: seq_along(coef(g2))
  coef: [-1.149236536863725, 0.039582001698910421, -0.82827738080998481, -1.0442435817853919, -1.4032050872379271, 2.0459050192518982, 1.2887573786822097], // R 4.2.2: coef(g2)
  se: [1.4121953744517013, 0.031202533064172033, 0.19648949214493855, 0.79254976267092414, 0.83415617596907177, 0.31015652115747516, 0.30146019277606451], // R 4.2.2: coef(summary(g2))[, 2]
  z: [-0.81379429337808684, 1.2685509095529177, -4.2153774828783925, -1.3175747832744906, -1.6821850963433425, 6.5963630608725285, 4.2750499388141279], // R 4.2.2: coef(summary(g2))[, 3]
  p: [0.41576280482126943, 0.20460128237579975, 2.4936073857380308e-05, 0.18764603165479887, 0.092532953189373199, 4.2136633280370572e-11, 1.910944566277539e-05], // R 4.2.2: coef(summary(g2))[, 4]
  deviance: 257.79769020552897, // R 4.2.2: deviance(g2)
  nullDeviance: 316.17111081640439, // R 4.2.2: g2$null.deviance
  aic: 271.79769020552897, // R 4.2.2: AIC(g2)
  bic: 296.39169142868383, // R 4.2.2: BIC(g2)
  iter: 4, // R 4.2.2: g2$iter
  hl: [5.3766111579718903, 8, 0.71666871899394291], // R 4.2.2: hoslem(infert$case, fitted(g2))
};

describe('logisticRegression: mtcars, am ~ hp + wt', () => {
  const r = logisticRegression({ rows: mtcars, y: 'am', x: ['hp', 'wt'] });
  const col = <K extends keyof (typeof r.coefficients)[number]>(k: K) => r.coefficients.map((c) => c[k]);

  it('B, SE, Wald z, p, odds ratios and their Wald CI', () => {
    expect(col('term')).toEqual(['(Intercept)', 'hp', 'wt']);
    closeAll(col('estimate'), g1R.coef, STAT, 'B');
    closeAll(col('se'), g1R.se, STAT, 'SE');
    closeAll(col('statistic'), g1R.z, STAT, 'z');
    closeAll(col('wald'), g1R.z.map((z) => z * z), STAT, 'Wald');
    closeAll(col('p'), g1R.p, PVAL, 'p');
    closeAll(col('oddsRatio'), g1R.coef.map(Math.exp), STAT, 'OR');
    closeAll(col('orLow'), g1R.orLow, STAT, 'OR low');
    closeAll(col('orHigh'), g1R.orHigh, STAT, 'OR high');
  });

  it('deviance, null deviance, LR test, logLik, AIC, BIC, iterations, pseudo R²', () => {
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(g1R.iter);
    close(r.deviance, g1R.deviance, STAT, '-2LL');
    close(r.nullDeviance, g1R.nullDeviance, STAT, 'null deviance');
    close(r.lrChiSquare, g1R.nullDeviance - g1R.deviance, STAT, 'LR chi2');
    expect(r.lrDf).toBe(2);
    close(r.lrP, g1R.lrP, PVAL, 'LR p');
    close(r.logLik, g1R.logLik, STAT, 'logLik');
    close(r.aic, g1R.aic, STAT, 'AIC');
    close(r.bic, g1R.bic, STAT, 'BIC');
    close(r.coxSnellR2, g1R.coxSnell, STAT, 'Cox-Snell');
    close(r.nagelkerkeR2, g1R.nagelkerke, STAT, 'Nagelkerke');
    close(r.mcFaddenR2, g1R.mcfadden, STAT, 'McFadden');
    closeAll(r.fitted, g1R.fitted, 1e-7, 'fitted');
    expect(r.warnings).toEqual([]);
    expect(r.separation.kind).toBe('none');
  });

  it('classification table at 0.5 and Hosmer-Lemeshow', () => {
    // R's table(predicted, observed) flattened column-major: [obs0 pred0, obs0 pred1, obs1 pred0, obs1 pred1]
    // (R used fitted > 0.5, we classify fitted >= cut-off as SPSS; no fitted value equals 0.5 here)
    const c = r.classification.counts;
    expect([c[0][0], c[0][1], c[1][0], c[1][1]]).toEqual(g1R.classTable);
    expect(r.classification.accuracy).toBe((g1R.classTable[0] + g1R.classTable[3]) / 32);
    close(r.hosmerLemeshow.statistic, g1R.hl[0], STAT, 'HL');
    expect(r.hosmerLemeshow.df).toBe(g1R.hl[1]);
    close(r.hosmerLemeshow.p, g1R.hl[2], PVAL, 'HL p');
    expect(r.hosmerLemeshow.groups.reduce((s, g) => s + g.n, 0)).toBe(32);
  });

  it('a categorical outcome with the event level given gives the same fit', () => {
    const rows = mtcars.map((row) => ({ ...row, trans: row.am === 1 ? 'manual' : 'automatic' }));
    const r2 = logisticRegression({ rows, y: 'trans', x: ['hp', 'wt'], event: 'manual' });
    expect(r2.outcome).toEqual({ variable: 'trans', event: 'manual', nonEvent: 'automatic', nEvents: 13, nNonEvents: 19 });
    closeAll(r2.coefficients.map((c) => c.estimate), g1R.coef, STAT, 'B');
    expect(() => logisticRegression({ rows, y: 'trans', x: ['hp', 'wt'] })).toThrow(/event/);
  });
});

describe('logisticRegression: infert, case ~ age + parity + education + spontaneous + induced', () => {
  const r = logisticRegression({ rows: infert, y: 'case', x: ['age', 'parity', 'education', 'spontaneous', 'induced'], factors: ['education'] });
  // R's column order: (Intercept) age parity education6-11yrs education12+ yrs spontaneous induced;
  // ours sorts the factor levels by code point: 0-5yrs (reference), 12+ yrs, 6-11yrs.
  const ours = ['(Intercept)', 'age', 'parity', 'education=6-11yrs', 'education=12+ yrs', 'spontaneous', 'induced'];
  const pick = (k: 'estimate' | 'se' | 'statistic' | 'p') => ours.map((t) => r.coefficients.find((c) => c.term === t)?.[k] ?? null);

  it('factor dummies, all coefficients, SEs, z and p as R', () => {
    expect(r.coefficients.map((c) => c.term).sort()).toEqual([...ours].sort());
    closeAll(pick('estimate'), g2R.coef, STAT, 'B');
    closeAll(pick('se'), g2R.se, STAT, 'SE');
    closeAll(pick('statistic'), g2R.z, STAT, 'z');
    closeAll(pick('p'), g2R.p, PVAL, 'p');
  });

  it('deviance, null deviance, AIC, BIC, iterations and Hosmer-Lemeshow', () => {
    expect(r.iterations).toBe(g2R.iter);
    close(r.deviance, g2R.deviance, STAT, 'deviance');
    close(r.nullDeviance, g2R.nullDeviance, STAT, 'null deviance');
    close(r.aic, g2R.aic, STAT, 'AIC');
    close(r.bic, g2R.bic, STAT, 'BIC');
    close(r.hosmerLemeshow.statistic, g2R.hl[0], STAT, 'HL');
    close(r.hosmerLemeshow.p, g2R.hl[2], PVAL, 'HL p');
    expect(r.n).toBe(248);
  });
});

describe('logisticRegression: larger data (double-precision QR path)', () => {
  it('infert replicated 20 times (n = 4960) as R', () => {
    const rows = Array.from({ length: 20 }, () => infert).flat();
    const r = logisticRegression({ rows, y: 'case', x: ['age', 'parity', 'education', 'spontaneous', 'induced'], factors: ['education'] });
    const ours = ['(Intercept)', 'age', 'parity', 'education=6-11yrs', 'education=12+ yrs', 'spontaneous', 'induced'];
    const pick = (k: 'estimate' | 'se') => ours.map((t) => r.coefficients.find((c) => c.term === t)?.[k] ?? null);
    // R 4.2.2: d <- infert[rep(1:248, 20), ]; g <- glm(case ~ age + parity + education + spontaneous + induced, binomial, d); sprintf('%.17g', coef(g))
    closeAll(pick('estimate'), [-1.1492365368637223, 0.039582001698910484, -0.8282773808099938, -1.044243581785429, -1.4032050872379556, 2.0459050192519244, 1.2887573786822228], STAT, 'B');
    // R 4.2.2: sprintf('%.17g', coef(summary(g))[, 2])
    closeAll(pick('se'), [0.31577648547847659, 0.0069770985001673365, 0.043936386130049396, 0.17721951448835202, 0.18652299133181183, 0.069353106497297118, 0.067408548355747222], STAT, 'SE');
    close(r.deviance, 5155.9538041105789, STAT, 'deviance'); // R 4.2.2: deviance(g)
    close(r.aic, 5169.9538041105789, STAT, 'AIC'); // R 4.2.2: AIC(g)
    expect(r.iterations).toBe(4); // R 4.2.2: g$iter
  });

  it('an outcome with a single value is an error, not a fit', () => {
    const rows = mtcars.filter((row) => row.am === 0);
    expect(() => logisticRegression({ rows, y: 'am', x: ['hp'] })).toThrow(/only non-events/);
  });
});

describe('separation', () => {
  it('complete separation is reported by name, estimates withheld', () => {
    // R 4.2.2: glm(y ~ x, binomial, data.frame(x = 1:10, y = as.numeric(1:10 > 5))) warns
    // "algorithm did not converge" and "fitted probabilities numerically 0 or 1 occurred" (25 iterations)
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, y: i + 1 > 5 ? 1 : 0 }));
    const r = logisticRegression({ rows, y: 'y', x: ['x'] });
    expect(r.separation.kind).toBe('complete');
    expect(r.separation.terms).toContain('x');
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['complete-separation', 'not-converged', 'fitted-probabilities-0-or-1']));
    expect(r.iterations).toBe(25);
    const x = r.coefficients.find((c) => c.term === 'x');
    expect([x?.estimate, x?.se, x?.p, x?.oddsRatio]).toEqual([null, null, null, null]);
  });

  it('quasi-complete separation (a tie at the boundary)', () => {
    // R 4.2.2: glm(y ~ x, binomial, data.frame(x = c(1,2,3,4,4,5,6,7), y = c(0,0,0,0,1,1,1,1))): 21 iterations,
    // "fitted probabilities numerically 0 or 1 occurred", fitted 0.5 for the two cases at x = 4
    const xs = [1, 2, 3, 4, 4, 5, 6, 7];
    const ys = [0, 0, 0, 0, 1, 1, 1, 1];
    const r = logisticRegression({ rows: xs.map((x, i) => ({ x, y: ys[i] })), y: 'y', x: ['x'] });
    expect(r.separation.kind).toBe('quasi-complete');
    expect(r.separation.cases.sort()).toEqual([0, 1, 2, 5, 6, 7]);
    expect(r.warnings.map((w) => w.code)).toContain('quasi-complete-separation');
    expect(r.iterations).toBe(21);
    close(r.fitted[3], 0.5, 1e-6, 'fitted at the tie');
  });

  it('factor levels with only events / only non-events: quasi-complete, diverging dummies named, others kept', () => {
    // grp = "five" for the 5 cars with gear 5 (all manual), else the cylinder count (cyl 8 without gear 5: all automatic).
    // R 4.2.2: d <- mtcars; d$grp <- ifelse(d$gear == 5, "five", as.character(d$cyl)); g <- glm(am ~ hp + grp, binomial, d)
    const rows = mtcars.map((row) => ({ ...row, grp: (row.gear as number) === 5 ? 'five' : String(row.cyl) }));
    const r = logisticRegression({ rows, y: 'am', x: ['hp'], factors: ['grp'] });
    expect(r.separation.kind).toBe('quasi-complete');
    expect(r.separation.terms).toEqual(['grp=8', 'grp=five']);
    expect(r.warnings.map((w) => w.code)).toEqual(['quasi-complete-separation']);
    expect(r.iterations).toBe(19); // R 4.2.2: g$iter
    // R 4.2.2: sprintf('%.17g', coef(g)) -- where IRLS stops, as R reports it
    const rCoef = [3.4512668362601819, -0.034358963390122219, -0.25451399563700733, -17.735015710050551, 26.581555681486098];
    // R 4.2.2: sprintf('%.17g', coef(summary(g))[, 2])
    const rSe = [3.1988666040272755, 0.037901604027676908, 1.634477111869318, 4854.2781597622452, 6107.49677111663];
    closeAll(r.rawEstimates, rCoef, STAT, 'raw B');
    closeAll(r.rawStandardErrors, rSe, STAT, 'raw SE');
    closeAll(r.coefficients.slice(0, 3).map((c) => c.estimate), rCoef.slice(0, 3), STAT, 'B of the estimable terms');
    expect(r.coefficients.slice(3).map((c) => c.estimate)).toEqual([null, null]);
  });

  it('a well-behaved fit reports no separation', () => {
    const r = logisticRegression({ rows: mtcars, y: 'am', x: ['hp'], factors: ['cyl'] });
    expect(r.separation).toEqual({ kind: 'none', terms: [], cases: [] });
    expect(r.warnings).toEqual([]);
  });
});

describe('hosmerLemeshow directly', () => {
  it('ties collapse quantile breaks as unique() does; df stays g - 2', () => {
    const yhat = [0.1, 0.1, 0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    const y = [0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1];
    const hl = hosmerLemeshow(y, yhat, 10);
    expect(hl.df).toBe(8);
    // R 4.2.2: table(cut(yh, unique(quantile(yh, seq(0, 1, .1))), include.lowest = TRUE)) -> 4 2 1 1 1 1 1
    expect(hl.groups.map((g) => g.n)).toEqual([4, 2, 1, 1, 1, 1, 1]);
    // R 4.2.2: hoslem(c(0,1,0,0,1,0,0,1,0,1,1), c(.1,.1,.1,.2,.3,.3,.4,.5,.6,.7,.8)) (base-R reproduction, see header)
    close(hl.statistic, 4.7976190476190474, STAT, 'HL ties');
    close(hl.p, 0.77897170036780705, PVAL, 'HL ties p');
  });

  it('an empty group gives NaN, as hoslem.test', () => {
    // R 4.2.2: hoslem(c(0,0,1,0,0,1,0,1,0,1,1,1), c(.1,.1,.1,.1,.2,.2,.3,.3,.3,.9,.9,.9)) -> NaN, 8, NaN
    const hl = hosmerLemeshow([0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1], [0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.9, 0.9, 0.9]);
    expect(hl.statistic).toBeNaN();
  });
});
