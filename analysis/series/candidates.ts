import { oneStepFromPrinted, roundedChain } from './compare';
import { checkSeries } from './validate';
import { projectCagr, projectConstantRate, projectMeanGrowth } from './projection';
import { projectLinearTrend, projectLogLinearTrend } from './trend';
import type { YearValue } from './types';

/**
 * The usual candidate explanations of a printed projection, ready for `compareWithPrinted`:
 * - `constant`: the stated rate compounded from the last observation, unrounded;
 * - `oneStepFromPrinted`: the stated rate applied to each previous printed figure;
 * - `roundedChain`: the stated rate compounded with rounding to `printedDecimals` each step;
 * - `cagr`, `meanGrowth`: the observed CAGR or arithmetic mean growth compounded;
 * - `linear`, `logLinear`: the OLS trends' point forecasts (exp(fit), no smearing).
 * The projection runs from the year after the last observation to the last printed year.
 * Needs >= 3 observations with consecutive years and values > 0, and printed years that
 * are consecutive from the year after the last observation.
 */
export function printedProjectionCandidates(
  observed: readonly YearValue[],
  printed: readonly YearValue[],
  ratePercent: number,
  printedDecimals: number,
): Record<string, YearValue[]> {
  const obs = checkSeries(observed, { minPoints: 3, purpose: 'projection', positive: true, consecutive: true });
  const pr = checkSeries(printed, { minPoints: 1, purpose: 'printed figures', consecutive: true });
  const last: YearValue = { year: obs[obs.length - 1].year, value: obs[obs.length - 1].value };
  const to = pr[pr.length - 1].year;
  const strip = (xs: readonly YearValue[]): YearValue[] => xs.map((p) => ({ year: p.year, value: p.value }));
  return {
    constant: projectConstantRate(last, ratePercent, to),
    oneStepFromPrinted: oneStepFromPrinted(last, printed, ratePercent),
    roundedChain: roundedChain(last, ratePercent, to, printedDecimals),
    cagr: projectCagr(observed, to),
    meanGrowth: projectMeanGrowth(observed, to),
    linear: strip(projectLinearTrend(observed, to)),
    logLinear: strip(projectLogLinearTrend(observed, to)),
  };
}
