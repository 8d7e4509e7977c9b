/**
 * Linear-algebra kernels: symmetric eigen/inverse/determinant against R 4.2.2 (LAPACK),
 * the pivoted QR's rank handling and precision switch, double-double sums.
 * Matrix: A = cor(longley) in R 4.2.2 (printed with sprintf('%.17g', A), column-major).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accurateDot, accurateSum } from './doubleDouble';
import { qrLeastSquares } from './qr';
import { inversePositiveDefinite, logDetPositiveDefinite, symmetricEigen } from './symmetric';

// R 4.2.2: sprintf('%.17g', cor(longley))
const flat = [1, 0.99158917802478197, 0.62063339255909666, 0.46474418760067465, 0.97916343297749808, 0.99114919006720525, 0.97089852506105589, 0.99158917802478197, 1, 0.60426093988955787, 0.44643679189262653, 0.99109006945847744, 0.99527348376478475, 0.98355161117966938, 0.62063339255909666, 0.60426093988955787, 1, -0.17742062950187834, 0.6865515163653122, 0.66825660456217462, 0.50249808387599415, 0.46474418760067465, 0.44643679189262653, -0.17742062950187834, 1, 0.36441626718903181, 0.41724514983494548, 0.45730739997648218, 0.97916343297749808, 0.99109006945847744, 0.6865515163653122, 0.36441626718903181, 1, 0.99395284623292557, 0.96039057159437557, 0.99114919006720525, 0.99527348376478475, 0.66825660456217462, 0.41724514983494548, 0.99395284623292557, 1, 0.97132945919211877, 0.97089852506105589, 0.98355161117966938, 0.50249808387599415, 0.45730739997648218, 0.96039057159437557, 0.97132945919211877, 1];
const A = Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (_, j) => flat[j * 7 + i]));

function rel(a: number, e: number): number {
  return Math.abs(a - e) / Math.abs(e);
}

describe('symmetric matrices', () => {
  it('Jacobi eigenvalues and eigenvectors as R eigen(cor(longley), symmetric = TRUE)', () => {
    // R 4.2.2: sprintf('%.17g', eigen(cor(longley), symmetric = TRUE)$values)
    const values = [5.5330676785060655, 1.1875546442956806, 0.25221631126687027, 0.01523852200213973, 0.010636264559147747, 0.0010279413383395099, 0.00025863803175020533];
    // R 4.2.2: sprintf('%.17g', eigen(cor(longley), symmetric = TRUE)$vectors[, 1]) and [, 7] (sign is arbitrary)
    const vec1 = [-0.42255592465295422, -0.42327630072220268, -0.2791521360083743, -0.18873051752053729, -0.42185005078699089, -0.42478354424088283, -0.41272268619397923];
    const vec7 = [-0.084354410711496755, 0.67407026808290127, 0.14947834944520078, 0.042782983938316338, -0.16965609232306006, -0.68081026087886298, 0.14850469835112096];
    const e = symmetricEigen(A);
    e.values.forEach((v, k) => expect(rel(v, values[k]), `value ${k}`).toBeLessThan(1e-10));
    for (const [k, ref] of [[0, vec1], [6, vec7]] as const) {
      const sign = Math.sign(e.vectors[0][k]) === Math.sign(ref[0]) ? 1 : -1;
      ref.forEach((r, i) => expect(Math.abs(sign * e.vectors[i][k] - r), `vector ${k}[${i}]`).toBeLessThan(1e-9));
    }
    expect(A[0][1]).toBe(flat[7]); // input not mutated
  });

  it('inverse and log-determinant as R solve() and determinant()', () => {
    // R 4.2.2: sprintf('%.17g', diag(solve(cor(longley))))
    const invDiag = [136.00623341185516, 2015.8266214061314, 97.532253862016788, 12.86094822980176, 401.41727408906536, 2119.0207826225533, 221.19022615638085];
    const inv = inversePositiveDefinite(A);
    invDiag.forEach((d, i) => expect(rel(inv[i][i], d), `inv[${i}][${i}]`).toBeLessThan(1e-10));
    // R 4.2.2: sprintf('%.17g', determinant(cor(longley))$modulus)
    expect(rel(logDetPositiveDefinite(A), -23.362522372787357)).toBeLessThan(1e-12);
    expect(() => inversePositiveDefinite([[1, 2], [2, 1]])).toThrow(/positive definite/);
  });
});

describe('qrLeastSquares', () => {
  it('more columns than rows: rank n, the later columns aliased', () => {
    // X = [1 1 2; 1 2 3], y = [1, 2]: exact fit with the first two columns
    const X = [1, 1, 1, 2, 2, 3];
    const q = qrLeastSquares(X, 2, 3, [1, 2]);
    expect(q.rank).toBe(2);
    expect(q.pivot).toEqual([0, 1, 2]);
    expect(q.coef[0]).toBeCloseTo(0, 12);
    expect(q.coef[1]).toBeCloseTo(1, 12);
  });

  it('a zero column and a duplicated column are aliased; the others keep their order', () => {
    const n = 6;
    const x1 = [1, 2, 3, 4, 5, 7];
    const cols = [x1.map(() => 1), x1.map(() => 0), x1, x1.map((v) => 3 * v), x1.map((v) => v * v)];
    const y = x1.map((v) => 2 + 0.5 * v - 0.25 * v * v);
    const q = qrLeastSquares(cols.flat(), n, cols.length, y);
    expect(q.rank).toBe(3);
    expect(q.pivot).toEqual([0, 2, 4, 1, 3]);
    [2, 0.5, -0.25].forEach((b, k) => expect(Math.abs(q.coef[k] - b)).toBeLessThan(1e-13));
    expect(q.rss).toBeLessThan(1e-25);
  });

  it("'auto' switches a large ill-conditioned problem (NIST Filip) to double-double", () => {
    const set = JSON.parse(readFileSync(new URL('../../../shared/nist-strd/Filip.json', import.meta.url), 'utf8')) as { x: number[][]; y: number[]; certified: { coef: number[] } };
    const n = set.y.length;
    const X: number[] = [];
    for (let k = 0; k <= 10; k++) for (let i = 0; i < n; i++) X.push(set.x[i][0] ** k);
    const auto = qrLeastSquares(X, n, 11, set.y, { ddWorkLimit: 0 });
    expect(auto.precision).toBe('double-double');
    expect(auto.conditionEstimate).toBeGreaterThan(1e9);
    auto.coef.forEach((b, k) => expect(rel(b, set.certified.coef[k]), `b${k}`).toBeLessThan(1e-7));
    const plain = qrLeastSquares(X, n, 11, set.y, { precision: 'double' });
    expect(plain.precision).toBe('double');
    expect(plain.rank).toBe(11);
  });
});

describe('double-double', () => {
  it('sums and dot products without cancellation loss', () => {
    expect(accurateSum([1e16, 1, -1e16])).toBe(1);
    // exact value of the four doubles' sum: 2^-55 (Python: fractions.Fraction(0.1)+...-Fraction(0.6) == Fraction(1, 2**55))
    expect(accurateSum([0.1, 0.2, 0.3, -0.6])).toBe(2 ** -55);
    expect(accurateDot([1e8, 1, -1e8], [1e8, 1, 1e8])).toBe(1);
  });
});
