import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Result of the Shapiro-Wilk test. */
export interface ShapiroWilkResult {
  /** The W statistic, in (0, 1]. */
  w: number;
  /** P-value (upper tail of Royston's normalising transformation of 1 - W). */
  p: number;
  /** Number of observations used. */
  n: number;
}

/** Polynomial c[0] + c[1] x + c[2] x^2 + ... (Royston's `poly`). */
function poly(c: readonly number[], x: number): number {
  let value = 0;
  for (let i = c.length - 1; i >= 0; i--) value = value * x + c[i];
  return value;
}

// Royston (1995) coefficients, AS R94.
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

/**
 * Shapiro-Wilk W test of normality, Royston's (1995) algorithm AS R94, as R's
 * `shapiro.test` (stats, C routine swilk): W is the squared correlation between the ordered
 * sample and Royston's approximate normal-scores coefficients; the p-value comes from
 * Royston's normalising transformation of log(1 - W) (exact formula for n = 3).
 *
 * Accepts 3 <= n <= 5000 finite values (ties are allowed, as in R). Throws a RangeError for
 * other sample sizes, for non-finite values and when all values are identical.
 *
 * Reference: Royston, P. (1995). Remark AS R94: A remark on Algorithm AS 181: The W-test
 * for normality. Applied Statistics 44(4), 547-551.
 */
export function shapiroWilk(x: readonly number[]): ShapiroWilkResult {
  const n = x.length;
  if (n < 3 || n > 5000) {
    throw new RangeError(`Shapiro-Wilk needs between 3 and 5000 observations (got ${n}).`);
  }
  if (!x.every(Number.isFinite)) throw new RangeError('Shapiro-Wilk: all values must be finite numbers.');
  const sorted = [...x].sort((a, b) => a - b);
  const range = sorted[n - 1] - sorted[0];
  if (range === 0) throw new RangeError('Shapiro-Wilk: all values are identical (no variation).');

  // Coefficients a[0..half-1] for the upper half of the ordered sample (positive values).
  const half = Math.floor(n / 2);
  const a = new Array<number>(half).fill(0);
  if (n === 3) {
    a[0] = Math.SQRT1_2;
  } else {
    const m = new Array<number>(half);
    let summ2 = 0;
    for (let i = 0; i < half; i++) {
      m[i] = normalQuantile((i + 1 - 0.375) / (n + 0.25), 0, 1);
      summ2 += m[i] * m[i];
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(n);
    const a1 = poly(C1, rsn) - m[0] / ssumm2;
    let first: number;
    let fac: number;
    if (n > 5) {
      first = 2;
      const a2 = -m[1] / ssumm2 + poly(C2, rsn);
      fac = Math.sqrt((summ2 - 2 * m[0] * m[0] - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
      a[1] = a2;
    } else {
      first = 1;
      fac = Math.sqrt((summ2 - 2 * m[0] * m[0]) / (1 - 2 * a1 * a1));
    }
    a[0] = a1;
    for (let i = first; i < half; i++) a[i] = -m[i] / fac;
  }

  // W as the squared correlation of the (range-scaled) ordered sample with the full
  // antisymmetric coefficient vector; 1 - W is formed directly to keep precision near 1.
  const coef = new Array<number>(n).fill(0);
  for (let i = 0; i < half; i++) {
    coef[i] = -a[i];
    coef[n - 1 - i] = a[i];
  }
  let meanA = 0;
  let meanX = 0;
  for (let i = 0; i < n; i++) {
    meanA += coef[i];
    meanX += sorted[i] / range;
  }
  meanA /= n;
  meanX /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 0; i < n; i++) {
    const da = coef[i] - meanA;
    const dx = sorted[i] / range - meanX;
    ssa += da * da;
    ssx += dx * dx;
    sax += da * dx;
  }
  const root = Math.sqrt(ssa * ssx);
  const w1 = ((root - sax) * (root + sax)) / (ssa * ssx);
  const w = 1 - w1;

  if (n === 3) {
    // Exact distribution for n = 3.
    const p = (6 / Math.PI) * (Math.asin(Math.sqrt(w)) - Math.PI / 3);
    return { w, p: Math.min(1, Math.max(0, p)), n };
  }
  let y = Math.log(w1);
  let mu: number;
  let sigma: number;
  if (n <= 11) {
    const gamma = poly(G, n);
    if (y >= gamma) return { w, p: 1e-99, n }; // as R: an "obviously" tiny p-value
    y = -Math.log(gamma - y);
    mu = poly(C3, n);
    sigma = Math.exp(poly(C4, n));
  } else {
    const logN = Math.log(n);
    mu = poly(C5, logN);
    sigma = Math.exp(poly(C6, logN));
  }
  // Upper tail of N(mu, sigma) at y, written as a lower tail for accuracy.
  const p = normalCdf((mu - y) / sigma, 0, 1);
  return { w, p, n };
}
