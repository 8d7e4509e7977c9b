/**
 * Wilson score confidence interval for a binomial proportion, without continuity
 * correction: the interval R reports as `prop.test(x, n, correct = FALSE)$conf.int`.
 *
 * With p = x/n and z = qnorm((1 + level) / 2):
 *   (p + z²/(2n) ± z·sqrt(p(1-p)/n + z²/(4n²))) / (1 + z²/n)
 * The bounds are clamped to 0 when x = 0 and 1 when x = n (as prop.test does).
 * Reference: Wilson, E. B. (1927) JASA 22, 209-212; Newcombe, R. G. (1998) Statistics
 * in Medicine 17, 857-872 (method 3).
 *
 * Returns proportions in [0, 1]. n = 0 gives [NaN, NaN]; invalid counts or level throw.
 */
import qnorm from '@stdlib/stats-base-dists-normal-quantile';

/** Wilson score interval (no continuity correction) of successes / n, as R prop.test(correct = FALSE)$conf.int. */
export function wilsonInterval(successes: number, n: number, level = 0.95): [number, number] {
  if (!(level > 0 && level < 1)) throw new RangeError('level must lie strictly between 0 and 1');
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (!(successes >= 0 && successes <= n)) throw new RangeError('successes must lie in [0, n]');
  if (n === 0) return [NaN, NaN];
  const p = successes / n;
  const z = qnorm((1 + level) / 2, 0, 1);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const lo = successes === 0 ? 0 : (centre - half) / denom;
  const hi = successes === n ? 1 : (centre + half) / denom;
  return [Math.max(0, lo), Math.min(1, hi)];
}
