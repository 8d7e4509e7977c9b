import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalPdf from '@stdlib/stats-base-dists-normal-pdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface HistogramData {
  /** Binning rule used: Sturges, k = ceil(log2(n) + 1) equal-width bins spanning [min, max]. */
  rule: 'sturges';
  /** k + 1 bin edges. Bins are right-closed (a, b], the first also includes its lower edge (as R's hist). */
  breaks: number[];
  counts: number[];
  /** counts / (n * width): histogram on the density scale. */
  densities: number[];
}

export interface NormalCurveData {
  /** Evenly spaced x values from the first to the last break (101 points). */
  x: number[];
  /** Fitted normal density N(mean, sd^2) at x. */
  density: number[];
  /** density * n * bin width: the curve on the histogram's count scale. */
  expectedCount: number[];
}

export interface NormalityPlotData {
  n: number;
  mean: number;
  /** Sample SD (n - 1 denominator). */
  sd: number;
  histogram: HistogramData;
  normalCurve: NormalCurveData;
  /**
   * Normal P-P points, one per ordered value x_(i): observed cumulative probability by
   * Blom's rank proportion (i - 3/8)/(n + 1/4) (SPSS PPLOT's default FRACTION=BLOM) against
   * the expected cumulative probability Phi((x_(i) - mean)/sd).
   */
  pp: { value: number; observed: number; expected: number }[];
  /**
   * Normal Q-Q points as R's qqnorm, sorted by sample value: theoretical quantile
   * qnorm(ppoints(n)) (ppoints a = 3/8 for n <= 10, 1/2 otherwise) against the sample value.
   */
  qq: { theoretical: number; sample: number }[];
}

/** Number of Sturges bins, as R's nclass.Sturges: ceil(log2(n) + 1). */
export function sturgesBinCount(n: number): number {
  return Math.ceil(Math.log2(n) + 1);
}

/** R's ppoints(n): (i - a)/(n + 1 - 2a), a = 3/8 if n <= 10 else 1/2. */
export function ppoints(n: number): number[] {
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  return Array.from({ length: n }, (_, i) => (i + 1 - a) / (n + 1 - 2 * a));
}

/**
 * Data for the normality plots that accompany the tests (typically on regression residuals):
 * a Sturges histogram with the fitted normal curve, SPSS-style normal P-P points and R-style
 * normal Q-Q points. Pure data, no drawing. Requires at least 2 finite values; the input is
 * not mutated. With zero spread the histogram has one bin of width 1 centred on the value
 * and the density curve is omitted (empty arrays).
 */
export function normalityPlotData(x: readonly number[]): NormalityPlotData {
  const n = x.length;
  if (n < 2) throw new RangeError(`Normality plots need at least 2 observations (got ${n}).`);
  if (!x.every(Number.isFinite)) throw new RangeError('Normality plots: all values must be finite numbers.');
  const sorted = [...x].sort((a, b) => a - b);
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const min = sorted[0];
  const max = sorted[n - 1];

  let breaks: number[];
  if (max > min) {
    const k = sturgesBinCount(n);
    breaks = Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + ((max - min) * i) / k));
  } else {
    breaks = [min - 0.5, min + 0.5];
  }
  const bins = breaks.length - 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) {
    // Right-closed bins; the first bin includes its lower edge.
    let b = 0;
    while (b < bins - 1 && v > breaks[b + 1]) b++;
    counts[b]++;
  }
  const densities = counts.map((c, i) => c / (n * (breaks[i + 1] - breaks[i])));

  const curve: NormalCurveData = { x: [], density: [], expectedCount: [] };
  if (sd > 0) {
    const width = (breaks[bins] - breaks[0]) / bins;
    const points = 101;
    for (let i = 0; i < points; i++) {
      const xi = breaks[0] + ((breaks[bins] - breaks[0]) * i) / (points - 1);
      const dens = normalPdf(xi, mean, sd);
      curve.x.push(xi);
      curve.density.push(dens);
      curve.expectedCount.push(dens * n * width);
    }
  }

  const pp = sorted.map((value, i) => ({
    value,
    observed: (i + 1 - 3 / 8) / (n + 1 / 4),
    expected: sd > 0 ? normalCdf(value, mean, sd) : Number.NaN,
  }));
  const probs = ppoints(n);
  const qq = sorted.map((sample, i) => ({ theoretical: normalQuantile(probs[i], 0, 1), sample }));

  return { n, mean, sd, histogram: { rule: 'sturges', breaks, counts, densities }, normalCurve: curve, pp, qq };
}
