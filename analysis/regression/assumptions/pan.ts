/**
 * Pan's (1968) procedure for the distribution of a ratio of quadratic forms in normal
 * variables, in the form of Farebrother's algorithm AS 153 (Applied Statistics 29, 1980,
 * 224-227; amended AS R52, 1984), which lmtest::dwtest calls (Fortran routine `pan`) with
 * c = 0 and 15 terms.
 *
 * panProbability(lambda, x) = P( sum_i lambda_i z_i^2 / sum_i z_i^2 < x ), z_i iid N(0, 1),
 * i.e. P( sum_i (lambda_i - x) z_i^2 < 0 ). For the Durbin-Watson statistic the lambda are
 * the non-zero eigenvalues of M A (M = I - X(X'X)^-1 X', A the first-difference matrix).
 *
 * Pan writes the probability as an alternating sum of integrals of
 *   g(y) = sqrt | prod_{k not an endpoint} (y - x) / (y - lambda_k) |
 * over consecutive intervals of eigenvalues lying on one side of x (the side holding fewer
 * eigenvalues), pairing them from the outermost inwards, with a last interval
 * [lambda_nearest, x] when that side holds an odd number. Each integral carries the
 * Chebyshev weight 1/sqrt((y - a)(b - y)) and is evaluated by N-point Gauss-Chebyshev
 * quadrature, (1/N) sum_{i=1..N} g(u - v cos((2i - 1) pi / (2N))), u, v the interval's
 * midpoint and half-width. Integrating over the eigenvalues above x gives
 * 1 - I_1 + I_2 - ...; over those below, I_1 - I_2 + ....
 *
 * Pan's quadrature loses accuracy when there are many eigenvalues (roughly more than 100);
 * ./imhof.ts is used where that matters (the Durbin-Watson bounds).
 *
 * Written from the published description; follows the same choices as AS 153 (eigenvalues
 * taken in decreasing order, eigenvalues equal to x counted as above, ties in the counts
 * resolved towards the eigenvalues above x) so that results agree with lmtest to rounding.
 */
export function panProbability(eigenvalues: readonly number[], x: number, terms = 15): number {
  const lambda = [...eigenvalues].sort((a, b) => b - a); // decreasing
  const m = lambda.length;
  if (m === 0) throw new RangeError('panProbability needs at least one eigenvalue.');
  const above = lambda.filter((l) => l >= x).length; // lambda[0 .. above-1] >= x
  const below = m - above;
  if (above === 0) return 1;
  if (below === 0) return 0;

  // Gauss-Chebyshev integral over [a, b] of g, excluding the eigenvalues at `skip`.
  const integral = (a: number, b: number, skip: readonly number[]): number => {
    const u = (a + b) / 2;
    const v = (a - b) / 2;
    let sum = 0;
    for (let i = 1; i <= terms; i++) {
      const y = u - v * Math.cos(((2 * i - 1) * Math.PI) / (2 * terms));
      const num = y - x;
      let prod = 1;
      for (let k = 0; k < m; k++) {
        if (skip.includes(k)) continue;
        prod *= num / (y - lambda[k]);
      }
      sum += Math.sqrt(Math.abs(prod));
    }
    return sum / terms;
  };

  // Indices of the side to integrate over, outermost first.
  const useAbove = below >= above;
  const side: number[] = useAbove
    ? Array.from({ length: above }, (_, i) => i)
    : Array.from({ length: below }, (_, i) => m - 1 - i);
  let total = useAbove ? 1 : 0;
  let sign = useAbove ? -1 : 1;
  let i = 0;
  for (; i + 1 < side.length; i += 2) {
    total += sign * integral(lambda[side[i]], lambda[side[i + 1]], [side[i], side[i + 1]]);
    sign = -sign;
  }
  if (i < side.length) total += sign * integral(lambda[side[i]], x, [side[i]]);
  return total;
}
