import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Result of the one-sample Kolmogorov-Smirnov test against a normal with estimated mean and SD. */
export interface KolmogorovSmirnovResult {
  /** D = max(D+, D-), the largest absolute difference between the empirical CDF and the fitted normal CDF. */
  d: number;
  /** D+ = max(i/n - F(x_(i))). */
  dPlus: number;
  /** D- = max(F(x_(i)) - (i-1)/n). */
  dMinus: number;
  /** Kolmogorov-Smirnov Z = sqrt(n) * D (SPSS's "Kolmogorov-Smirnov Z"). */
  z: number;
  /** Asymptotic significance 1 - K(sqrt(n) D) from the limiting Kolmogorov distribution (SPSS "Asymp. Sig. (2-tailed)", R ks.test(exact = FALSE)). */
  p: number;
  /** Lilliefors-corrected p-value as nortest::lillie.test (NaN when n < 5, where lillie.test refuses). */
  lillieforsP: number;
  n: number;
  /** Sample mean used for the fitted normal. */
  mean: number;
  /** Sample standard deviation (n - 1 denominator) used for the fitted normal. */
  sd: number;
}

/**
 * Limiting Kolmogorov distribution K(x) = 1 - 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2),
 * evaluated with the same series and truncation as R's C routine pkstwo (ks.c, tol = 1e-6,
 * as used by ks.test(exact = FALSE)): for x < 1 the theta-function form
 * sqrt(2 pi)/x sum_{k odd < k_max} exp(-k^2 pi^2 / (8 x^2)), otherwise the alternating series
 * until successive partial sums differ by at most tol.
 */
export function kolmogorovLimitCdf(x: number, tol = 1e-6): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  const kMax = Math.floor(Math.sqrt(2 - Math.log(tol)));
  if (x < 1) {
    const z = -(Math.PI * Math.PI) / 8 / (x * x);
    const w = Math.log(x);
    let s = 0;
    for (let k = 1; k < kMax; k += 2) s += Math.exp(k * k * z - w);
    return s * Math.sqrt(2 * Math.PI);
  }
  const z = -2 * x * x;
  let sign = -1;
  let k = 1;
  let previous = 0;
  let current = 1;
  while (Math.abs(previous - current) > tol) {
    previous = current;
    current += 2 * sign * Math.exp(z * k * k);
    sign = -sign;
    k++;
  }
  return current;
}

/**
 * Lilliefors p-value for the K-S statistic with estimated normal parameters, exactly as
 * nortest::lillie.test (version 1.0-4): the Dallal & Wilkinson (1986) analytic approximation,
 * and, when that exceeds 0.1, Stephens' (1974) modified statistic
 * D (sqrt(n) - 0.01 + 0.85/sqrt(n)) with nortest's piecewise quartic polynomials.
 * For n > 100 the statistic is rescaled as D (n/100)^0.49 with n = 100 in the formula.
 */
export function lillieforsPValue(d: number, n: number): number {
  if (n < 5) return Number.NaN;
  const kd = n <= 100 ? d : d * Math.pow(n / 100, 0.49);
  const nd = n <= 100 ? n : 100;
  let p = Math.exp(
    -7.01256 * kd * kd * (nd + 2.78019) +
      2.99587 * kd * Math.sqrt(nd + 2.78019) -
      0.122119 +
      0.974598 / Math.sqrt(nd) +
      1.67997 / nd,
  );
  if (p > 0.1) {
    const kk = (Math.sqrt(n) - 0.01 + 0.85 / Math.sqrt(n)) * d;
    const k2 = kk * kk;
    const k3 = k2 * kk;
    const k4 = k3 * kk;
    if (kk <= 0.302) p = 1;
    else if (kk <= 0.5) p = 2.76773 - 19.828315 * kk + 80.709644 * k2 - 138.55152 * k3 + 81.218052 * k4;
    else if (kk <= 0.9) p = -4.901232 + 40.662806 * kk - 97.490286 * k2 + 94.029866 * k3 - 32.355711 * k4;
    else if (kk <= 1.31) p = 6.198765 - 19.558097 * kk + 23.186922 * k2 - 12.234627 * k3 + 2.423045 * k4;
    else p = 0;
  }
  return p;
}

/**
 * One-sample Kolmogorov-Smirnov test of normality with the mean and standard deviation
 * estimated from the sample, as SPSS NPAR TESTS /K-S(NORMAL) ("One-Sample
 * Kolmogorov-Smirnov Test", e.g. on unstandardised residuals): D = max(D+, D-) against
 * N(mean, sd^2), the asymptotic significance 1 - K(sqrt(n) D) of the limiting Kolmogorov
 * distribution (identical to R's ks.test(x, "pnorm", mean(x), sd(x), exact = FALSE)), and the
 * Lilliefors-corrected p-value (nortest::lillie.test), which is the appropriate one when the
 * parameters are estimated. Ties are allowed (SPSS does not treat them specially).
 *
 * Throws a RangeError for fewer than 3 values, non-finite values, or zero variance.
 *
 * References: Kolmogorov (1933); Lilliefors (1967); Dallal & Wilkinson (1986), The American
 * Statistician 40, 294-296; Stephens (1974), JASA 69, 730-737.
 */
export function kolmogorovSmirnovNormal(x: readonly number[]): KolmogorovSmirnovResult {
  const n = x.length;
  if (n < 3) throw new RangeError(`Kolmogorov-Smirnov needs at least 3 observations (got ${n}).`);
  if (!x.every(Number.isFinite)) throw new RangeError('Kolmogorov-Smirnov: all values must be finite numbers.');
  const sorted = [...x].sort((a, b) => a - b);
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) throw new RangeError('Kolmogorov-Smirnov: all values are identical (no variation).');

  let dPlus = -Infinity;
  let dMinus = -Infinity;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(sorted[i], mean, sd);
    dPlus = Math.max(dPlus, (i + 1) / n - f);
    dMinus = Math.max(dMinus, f - i / n);
  }
  const d = Math.max(dPlus, dMinus);
  const z = Math.sqrt(n) * d;
  const p = Math.min(1, Math.max(0, 1 - kolmogorovLimitCdf(z)));
  return { d, dPlus, dMinus, z, p, lillieforsP: lillieforsPValue(d, n), n, mean, sd };
}
