/**
 * NIST StRD linear least squares (certified values to 15 digits, computed by NIST in
 * multiple precision): every coefficient and standard error must reach the required
 * number of correct significant digits (log relative error, LRE, as NIST defines it),
 * and so must the residual SD and R².
 * Data: /work/shared/nist-strd/NAME.json (see its README; parsed from the original .dat files).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { olsFit } from './ols';

interface NistSet {
  name: string;
  intercept: boolean;
  degree: number | null;
  predictors: number;
  predictorNames: string[];
  x: number[][];
  y: number[];
  certified: { coef: number[]; se: number[]; residualSD: number; rSquared: number };
}

const dir = new URL('../../../shared/nist-strd/', import.meta.url);

function load(name: string): NistSet {
  return JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as NistSet;
}

/** NIST's LRE: -log10(|q - c| / |c|), or -log10(|q|) when c = 0; capped at 15. */
function lre(q: number, c: number): number {
  if (q === c) return 15;
  const v = c === 0 ? -Math.log10(Math.abs(q)) : -Math.log10(Math.abs(q - c) / Math.abs(c));
  return Math.min(15, v);
}

function design(set: NistSet): { X: number[][]; names: string[] } {
  const names: string[] = [];
  if (set.intercept) names.push('(Intercept)');
  if (set.degree !== null && set.predictors === 1) {
    for (let k = 1; k <= set.degree; k++) names.push(`x^${k}`);
    return {
      names,
      X: set.x.map((r) => {
        const row: number[] = set.intercept ? [1] : [];
        for (let k = 1; k <= (set.degree ?? 1); k++) row.push(r[0] ** k);
        return row;
      }),
    };
  }
  names.push(...set.predictorNames);
  return { names, X: set.x.map((r) => (set.intercept ? [1, ...r] : [...r])) };
}

const cases: [string, number][] = [
  ['Norris', 9],
  ['Pontius', 9],
  ['NoInt1', 9],
  ['NoInt2', 9],
  ['Filip', 7],
  ['Longley', 9],
  ['Wampler1', 9],
  ['Wampler2', 9],
  ['Wampler3', 9],
  ['Wampler4', 9],
  ['Wampler5', 9],
];

describe('olsFit on NIST StRD', () => {
  for (const [name, digits] of cases) {
    it(`${name}: >= ${digits} correct digits on every coefficient, SE, residual SD, R²`, () => {
      const set = load(name);
      const { X, names } = design(set);
      const fit = olsFit({ y: set.y, X, names, hasIntercept: set.intercept });
      expect(fit.rank).toBe(names.length);
      expect(fit.aliased).toEqual([]);
      const c = set.certified;
      const report = {
        coef: fit.coefficients.map((b, j) => lre(b, c.coef[j])),
        se: fit.standardErrors.map((s, j) => lre(s, c.se[j])),
        sd: lre(fit.sigma, c.residualSD),
        r2: lre(fit.rSquared, c.rSquared),
      };
      for (const v of [...report.coef, ...report.se, report.sd, report.r2]) expect(v, JSON.stringify(report)).toBeGreaterThanOrEqual(digits);
    });
  }
});
