/**
 * A deterministic large least-squares problem for benchmarks (bench/ can time it; the
 * tests do not): n rows, p columns (an intercept and p - 1 predictors drawn from a
 * seeded linear congruential generator, Numerical Recipes constants), y = X beta + noise
 * with beta_j = j. `runOlsBenchmark` fits it with `olsFit`, whose memory is O(n p):
 * no n x n matrix is formed and Q'y is obtained by applying the Householder reflectors.
 */
import { olsFit } from './ols';
import type { OlsFit, OlsFitInput } from './types';

/** Uniform(0,1) stream from a 32-bit LCG (Numerical Recipes' 1664525, 1013904223). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

/** Build the benchmark problem (see the module comment). */
export function olsBenchmarkProblem(n: number, p: number, seed = 20261125): OlsFitInput {
  const u = lcg(seed);
  const X: number[][] = new Array(n);
  const y: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    row[0] = 1;
    let eta = 0;
    for (let j = 1; j < p; j++) {
      row[j] = 10 * u() - 5;
      eta += j * row[j];
    }
    X[i] = row;
    // noise: sum of three uniforms, centred (approximately normal, sd 0.5)
    y[i] = eta + (u() + u() + u() - 1.5);
  }
  const names = Array.from({ length: p }, (_, j) => (j === 0 ? '(Intercept)' : `x${j}`));
  return { y, X, names, hasIntercept: true };
}

/** Fit the benchmark problem; returns the fit (callers time this). */
export function runOlsBenchmark(problem: OlsFitInput): OlsFit {
  return olsFit(problem);
}
