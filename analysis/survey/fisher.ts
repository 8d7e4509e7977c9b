/**
 * Fisher's exact test for a 2x2 table, two-sided, as R's `fisher.test(x)$p.value`
 * (conditional test of independence, null odds ratio 1).
 *
 * With the margins fixed, the [1,1] cell follows the hypergeometric distribution with
 * population N = total, K = first column total, draws = first row total. The two-sided
 * p-value is the sum of the probabilities of every table whose probability is at most
 * the observed table's probability times (1 + 1e-7), R's relative tolerance for ties.
 * Probabilities come from @stdlib/stats-base-dists-hypergeometric-pmf.
 * Reference: Fisher (1935) J. R. Stat. Soc. 98, 39-82; Agresti (2002) Categorical
 * Data Analysis, 2nd ed., sec. 3.5.
 *
 * Counts must be non-negative integers; a table with a zero margin has p = 1 (R too).
 */
import dhyper from '@stdlib/stats-base-dists-hypergeometric-pmf';

/** Two-sided Fisher exact p of a 2x2 table, as R fisher.test(x)$p.value (see the module comment). */
export function fisherExact2x2(table: readonly (readonly number[])[]): number {
  if (table.length !== 2 || table.some((r) => r.length !== 2)) throw new Error('fisherExact2x2 needs a 2x2 table');
  const [[a, b], [c, d]] = table;
  for (const x of [a, b, c, d]) {
    if (!Number.isInteger(x) || x < 0) throw new RangeError('Counts must be non-negative integers');
  }
  const total = a + b + c + d;
  const col1 = a + c;
  const row1 = a + b;
  const lo = Math.max(0, row1 - (total - col1));
  const hi = Math.min(row1, col1);
  if (lo === hi) return 1;
  const observed = dhyper(a, total, col1, row1);
  const cut = observed * (1 + 1e-7);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const px = dhyper(x, total, col1, row1);
    if (px <= cut) p += px;
  }
  return Math.min(1, p);
}
