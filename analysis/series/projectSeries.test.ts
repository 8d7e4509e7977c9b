import { describe, expect, test } from 'vitest';
import { projectSeries } from './projectSeries';
import { SeriesError } from './errors';
import type { YearValue } from './types';

// Expected values: R version 4.2.2 Patched (2022-11-10 r83330), Rscript, with
//   d <- data.frame(year = 2020:2024, value = c(3.2, 4.1, 4.8, 5.5, 6.3)); nd <- data.frame(year = 2025:2030)
//   f <- lm(value ~ year, data = d); g <- lm(log(value) ~ year, data = d)
// printed with format(x, digits = 17); or exact arithmetic where said. Relative error <= 1e-9.

function relErr(a: number, e: number): number {
  return e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
}
function close(a: number, e: number): void {
  expect(relErr(a, e)).toBeLessThanOrEqual(1e-9);
}

const table2: YearValue[] = [
  { year: 2020, value: 3.2 },
  { year: 2021, value: 4.1 },
  { year: 2022, value: 4.8 },
  { year: 2023, value: 5.5 },
  { year: 2024, value: 6.3 },
];

describe('projectSeries (the `kajian project --json` contract)', () => {
  test('field names are exactly the CLI contract', () => {
    const out = projectSeries({ series: table2, to: 2030, rate: 15 });
    expect(Object.keys(out)).toEqual(['growth', 'meanGrowth', 'cagr', 'linear', 'logLinear', 'projections']);
    expect(Object.keys(out.growth[0])).toEqual(['year', 'percent']);
    expect(Object.keys(out.linear)).toEqual(['slope', 'intercept', 'se', 't', 'p', 'rSquared']);
    expect(Object.keys(out.logLinear)).toEqual(['slope', 'annualGrowth', 'rSquared']);
    expect(Object.keys(out.projections)).toEqual(['constant', 'cagr', 'meanGrowth', 'linear', 'logLinear']);
    expect(Object.keys(out.projections.constant[0])).toEqual(['year', 'value']);
    expect(Object.keys(out.projections.cagr[0])).toEqual(['year', 'value']);
    expect(Object.keys(out.projections.meanGrowth[0])).toEqual(['year', 'value']);
    expect(Object.keys(out.projections.linear[0])).toEqual(['year', 'value', 'piLow', 'piHigh']);
    expect(Object.keys(out.projections.logLinear[0])).toEqual(['year', 'value', 'piLow', 'piHigh']);
    // survives JSON unchanged (no NaN, Infinity, undefined)
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  test('Table 2 to 2030 at 15%: values as percents, against exact arithmetic and R', () => {
    const out = projectSeries({ series: table2, to: 2030, rate: 15 });
    // exact arithmetic: 28.125, 700/41, 175/12, 160/11
    expect(out.growth.map((g) => g.year)).toEqual([2021, 2022, 2023, 2024]);
    [28.125, 700 / 41, 175 / 12, 160 / 11].forEach((x, i) => close(out.growth[i].percent, x));
    close(out.meanGrowth, 18.581739652623796); // R: mean(diff(d$value) / head(d$value, -1) * 100)
    close(out.cagr, 18.453430513439663); // R: ((6.3/3.2)^(1/4) - 1) * 100
    close(out.linear.slope, 0.76000000000001255); // R: coef(summary(f))[2, 1]
    close(out.linear.intercept, -1531.94000000002506567); // R: coef(summary(f))[1, 1]
    close(out.linear.se, 0.020000000000006776); // R: coef(summary(f))[2, 2]
    close(out.linear.t, 37.99999999998775); // R: coef(summary(f))[2, 3]
    close(out.linear.p, 4.009020588014122e-5); // R: coef(summary(f))[2, 4]
    close(out.linear.rSquared, 0.99792674498963241); // R: summary(f)$r.squared
    close(out.logLinear.slope, 0.16485587657117987); // R: coef(g)[2]
    close(out.logLinear.annualGrowth, 17.92231527795256); // R: (exp(coef(g)[2]) - 1) * 100
    close(out.logLinear.rSquared, 0.98141207380730833); // R: summary(g)$r.squared
    // exact arithmetic: 6.3 * 1.15^6 = 14.5722828234375
    expect(out.projections.constant.map((p) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    close(out.projections.constant[5].value, 14.5722828234375);
    close(out.projections.cagr[5].value, 17.4030916032489493); // R: 6.3 * (6.3/3.2)^(6/4)
    close(out.projections.meanGrowth[5].value, 17.51650485011562); // R: 6.3 * (1 + mean growth/100)^6
    const lin = out.projections.linear[5];
    close(lin.value, 10.8600000000003547); // R: predict(f, nd, interval = "prediction")[6, ]
    close(lin.piLow, 10.3051215264810914);
    close(lin.piHigh, 11.414878473519618);
    const log = out.projections.logLinear[0];
    close(log.value, 7.6306872637561405); // R: exp(predict(g, nd, interval = "prediction")[1, ])
    close(log.piLow, 6.3037627230612516);
    close(log.piHigh, 9.2369257339327042);
  });

  test('without a rate, constant is empty (no rate is assumed); to defaults to 2030', () => {
    const out = projectSeries({ series: table2 });
    expect(out.projections.constant).toEqual([]);
    expect(out.projections.cagr.map((p) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  });

  test('smearing option changes only the log-linear point forecast', () => {
    const out = projectSeries({ series: table2, smearing: true });
    close(out.projections.logLinear[0].value, 7.6346096974104825); // R: exp(predict(g, nd))[1] * mean(exp(residuals(g)))
    close(out.projections.logLinear[0].piLow, 6.3037627230612516);
  });

  test('errors name the offending year and row', () => {
    expect(() => projectSeries({ series: table2.slice(0, 2) })).toThrow(/at least 3 observations/);
    expect(() => projectSeries({ series: [...table2, { year: 2024, value: 7 }] })).toThrow(/2024 appears twice \(rows 5 and 6\)/);
    expect(() => projectSeries({ series: [...table2.slice(0, 4), { year: 2024, value: -6.3 }] })).toThrow(/row 5 \(year 2024\)/);
    expect(() => projectSeries({ series: [table2[0], table2[1], table2[3], table2[4]] })).toThrow(/2022 is missing/);
    expect(() => projectSeries({ series: table2, to: 2020 })).toThrow(SeriesError);
  });
});
