import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail of the chi-square distribution, P(X > x) for X ~ χ²(df): the regularised upper
 * incomplete gamma function Q(df/2, x/2) from @stdlib (as R's `pchisq(x, df, lower.tail = FALSE)`).
 * Unlike 1 − CDF it keeps full relative precision for tiny p-values.
 */
export function chiSquareUpper(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammainc(x / 2, df / 2, true, true);
}
