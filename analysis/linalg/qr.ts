/**
 * Least squares by Householder QR with limited column pivoting, as LINPACK's dqrdc2
 * (the variant R's lm.fit uses): columns are processed in their given order and a
 * column whose norm, after removing its projection on the columns already accepted,
 * falls below `tol` times its original norm is moved to the end and declared aliased.
 * Kept columns therefore stay in their original order and the aliased ones are those
 * linearly dependent (to the tolerance) on earlier columns, exactly as R reports them.
 *
 * Accuracy. Every column is first scaled by a power of two close to the reciprocal of
 * its norm (exact, so no rounding is introduced). With precision 'auto', problems with
 * n*p² <= 4e6 (all survey-sized data) are factorised in double-double arithmetic
 * (~32 digits: factorisation, back-substitution, inverse, residuals), so even NIST's
 * Filip (scaled condition number ~5e9) is solved to full double precision. Larger
 * problems are factorised in double and recomputed in double-double only when the
 * least-squares error amplification kappa + kappa² ||r|| / ||Xb|| (kappa: 1-norm
 * condition estimate of the scaled R) exceeds 1e4.
 *
 * Memory is O(n p): the Householder vectors are stored in the copy of X, Q is never
 * formed, Q'y and the residuals are obtained by applying the reflectors.
 *
 * References: Dongarra, Bunch, Moler & Stewart (1979) LINPACK Users' Guide, ch. 9;
 * R's src/appl/dqrdc2.f; Golub & Van Loan (2013) Matrix Computations, 5.2.
 */
import { dd, ddAdd, ddDiv, ddMul, ddSqrt } from './doubleDouble';

export type QrPrecision = 'auto' | 'double' | 'double-double';

export interface QrLeastSquaresOptions {
  /** Relative rank tolerance (see the module comment). Default 1e-9. */
  tol?: number;
  /** 'auto' (default) switches to double-double when the problem is ill-conditioned. */
  precision?: QrPrecision;
  /** Error amplification (kappa + kappa^2 ||r||/||Xb||) above which 'auto' recomputes in double-double. Default 1e4. */
  ddConditionThreshold?: number;
  /** 'auto' always uses double-double when n*p*p is at most this (cheap enough). Default 4e6. */
  ddWorkLimit?: number;
}

export interface QrLeastSquares {
  n: number;
  p: number;
  rank: number;
  /** pivot[k] = original column index at position k; positions < rank are the kept columns (original order), the rest are aliased. */
  pivot: number[];
  /** Coefficients of the kept columns (original scale), indexed by position 0..rank-1. */
  coef: number[];
  /** (X'X)^-1 of the kept columns (original scale), rank x rank, indexed by position. */
  covUnscaled: number[][];
  /** Upper-triangular inverse of R for the kept columns, on the ORIGINAL column scale: (X'X)^-1 = Rinv Rinv'. rank x rank. */
  rInverse: number[][];
  /** y - X b, length n. */
  residuals: Float64Array;
  /** Residual sum of squares (accumulated from the trailing effects). */
  rss: number;
  /** The arithmetic that produced the returned numbers. */
  precision: 'double' | 'double-double';
  /** 1-norm condition estimate of the column-scaled R (kept columns). */
  conditionEstimate: number;
}

/** Power of two nearest (below) to 1/norm, or 1 for a zero column: scaling by it is exact. */
function powerOfTwoScale(norm: number): number {
  if (!(norm > 0) || !Number.isFinite(norm)) return 1;
  return 2 ** -Math.round(Math.log2(norm));
}

/**
 * Solve min ||y - X b|| for X given column-major (X[j*n + i] = row i, column j).
 * Inputs are not mutated.
 */
export function qrLeastSquares(
  X: ArrayLike<number>,
  n: number,
  p: number,
  y: ArrayLike<number>,
  options: QrLeastSquaresOptions = {},
): QrLeastSquares {
  if (X.length !== n * p) throw new Error(`qrLeastSquares: X has ${X.length} entries, expected ${n}x${p}`);
  if (y.length !== n) throw new Error(`qrLeastSquares: y has length ${y.length}, expected ${n}`);
  const tol = options.tol ?? 1e-9;
  const precision = options.precision ?? 'auto';
  const threshold = options.ddConditionThreshold ?? 1e4;

  const scale = new Array<number>(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let big = 0;
    for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(X[j * n + i]));
    if (big > 0) {
      for (let i = 0; i < n; i++) {
        const v = X[j * n + i] / big;
        s += v * v;
      }
    }
    scale[j] = powerOfTwoScale(big * Math.sqrt(s));
  }

  const small = n * p * p <= (options.ddWorkLimit ?? 4e6);
  if (precision === 'double' || (precision === 'auto' && !small)) {
    const fit = factorDouble(X, n, p, y, scale, tol);
    if (precision === 'double') return fit;
    // forward-error amplification of least squares: kappa + kappa^2 ||r|| / ||Xb||
    let yy = 0;
    for (let i = 0; i < n; i++) yy += y[i] * y[i];
    const rNorm = Math.sqrt(fit.rss);
    const fitNorm = Math.sqrt(Math.max(yy - fit.rss, 0));
    const k = fit.conditionEstimate;
    const amplification = k + (fitNorm > 0 ? (k * k * rNorm) / fitNorm : k * k);
    if (amplification <= threshold) return fit;
  }
  return factorDoubleDouble(X, n, p, y, scale, tol);
}

/** Inverse of an upper-triangular k x k matrix given as rows (double). */
function invertUpper(R: number[][], k: number): number[][] {
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = k - 1; j >= 0; j--) {
    inv[j][j] = 1 / R[j][j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += R[i][m] * inv[m][j];
      inv[i][j] = -s / R[i][i];
    }
  }
  return inv;
}

function norm1Upper(A: number[][], k: number): number {
  let best = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i <= j; i++) s += Math.abs(A[i][j]);
    best = Math.max(best, s);
  }
  return best;
}

/** Shared final assembly: unscale, covariance from Rinv. */
function assemble(
  n: number,
  p: number,
  rank: number,
  pivot: number[],
  coefScaled: number[],
  rInvScaled: number[][],
  scale: number[],
  residuals: Float64Array,
  rss: number,
  precision: 'double' | 'double-double',
  conditionEstimate: number,
  covScaled: number[][],
): QrLeastSquares {
  const coef = coefScaled.map((b, k) => b * scale[pivot[k]]);
  const covUnscaled = covScaled.map((row, a) => row.map((v, b) => v * scale[pivot[a]] * scale[pivot[b]]));
  const rInverse = rInvScaled.map((row, a) => row.map((v) => v * scale[pivot[a]]));
  return { n, p, rank, pivot, coef, covUnscaled, rInverse, residuals, rss, precision, conditionEstimate };
}

function factorDouble(
  X: ArrayLike<number>,
  n: number,
  p: number,
  y: ArrayLike<number>,
  scale: number[],
  tol: number,
): QrLeastSquares {
  const a = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const s = scale[j];
    const o = j * n;
    for (let i = 0; i < n; i++) a[o + i] = X[o + i] * s;
  }
  const qty = Float64Array.from(y);
  const origNorm = new Array<number>(p);
  for (let j = 0; j < p; j++) {
    const nrm = columnNorm(a, j * n, 0, n);
    origNorm[j] = nrm > 0 ? nrm : 1;
  }
  const pivot = Array.from({ length: p }, (_, j) => j);
  const qraux = new Float64Array(p);
  const rdiag = new Float64Array(p);
  let last = p;
  let l = 0;
  while (l < last && l < n) {
    const c = pivot[l] * n;
    const nrm = columnNorm(a, c, l, n);
    if (!(nrm >= tol * origNorm[pivot[l]])) {
      // negligible: move to the end (dqrdc2 limited pivoting)
      const moved = pivot[l];
      pivot.splice(l, 1);
      pivot.push(moved);
      last--;
      continue;
    }
    const nrmxl = a[c + l] !== 0 ? Math.sign(a[c + l]) * nrm : nrm;
    for (let i = l; i < n; i++) a[c + i] /= nrmxl;
    a[c + l] += 1;
    const v0 = a[c + l];
    for (let k = l + 1; k < last; k++) {
      const o = pivot[k] * n;
      let t = 0;
      for (let i = l; i < n; i++) t += a[c + i] * a[o + i];
      t = -t / v0;
      for (let i = l; i < n; i++) a[o + i] += t * a[c + i];
    }
    let t = 0;
    for (let i = l; i < n; i++) t += a[c + i] * qty[i];
    t = -t / v0;
    for (let i = l; i < n; i++) qty[i] += t * a[c + i];
    qraux[l] = v0;
    rdiag[l] = -nrmxl;
    l++;
  }
  const rank = l;
  const R: number[][] = Array.from({ length: rank }, (_, i) =>
    Array.from({ length: rank }, (_, j) => (j < i ? 0 : j === i ? rdiag[i] : a[pivot[j] * n + i])),
  );
  const rInv = invertUpper(R, rank);
  const conditionEstimate = rank > 0 ? norm1Upper(R, rank) * norm1Upper(rInv, rank) : 0;
  const coef = new Array<number>(rank).fill(0);
  for (let i = rank - 1; i >= 0; i--) {
    let s = qty[i];
    for (let m = i + 1; m < rank; m++) s -= R[i][m] * coef[m];
    coef[i] = s / R[i][i];
  }
  const cov: number[][] = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  for (let i = 0; i < rank; i++) {
    for (let j = i; j < rank; j++) {
      let s = 0;
      for (let m = j; m < rank; m++) s += rInv[i][m] * rInv[j][m];
      cov[i][j] = s;
      cov[j][i] = s;
    }
  }
  let rss = 0;
  const resid = new Float64Array(n);
  for (let i = rank; i < n; i++) {
    resid[i] = qty[i];
    rss += qty[i] * qty[i];
  }
  for (let k = rank - 1; k >= 0; k--) {
    const c = pivot[k] * n;
    let t = 0;
    for (let i = k; i < n; i++) t += a[c + i] * resid[i];
    t = -t / qraux[k];
    for (let i = k; i < n; i++) resid[i] += t * a[c + i];
  }
  return assemble(n, p, rank, pivot, coef, rInv, scale, resid, rss, 'double', conditionEstimate, cov);
}

function columnNorm(a: Float64Array, offset: number, from: number, n: number): number {
  let big = 0;
  for (let i = from; i < n; i++) big = Math.max(big, Math.abs(a[offset + i]));
  if (big === 0) return 0;
  let s = 0;
  for (let i = from; i < n; i++) {
    const v = a[offset + i] / big;
    s += v * v;
  }
  return big * Math.sqrt(s);
}

/** The same algorithm as factorDouble, every operation in double-double. */
function factorDoubleDouble(
  X: ArrayLike<number>,
  n: number,
  p: number,
  y: ArrayLike<number>,
  scale: number[],
  tol: number,
): QrLeastSquares {
  const ah = new Float64Array(n * p);
  const al = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const s = scale[j];
    const o = j * n;
    for (let i = 0; i < n; i++) ah[o + i] = X[o + i] * s;
  }
  const qh = Float64Array.from(y);
  const ql = new Float64Array(n);
  const normDD = (o: number, from: number): [number, number] => {
    let h = 0;
    let lo = 0;
    for (let i = from; i < n; i++) {
      ddMul(ah[o + i], al[o + i], ah[o + i], al[o + i]);
      ddAdd(h, lo, dd.hi, dd.lo);
      h = dd.hi;
      lo = dd.lo;
    }
    ddSqrt(h, lo);
    return [dd.hi, dd.lo];
  };
  // dot of column c with column o over rows from..n-1
  const dotDD = (c: number, o: number, from: number, bh: Float64Array, bl: Float64Array): [number, number] => {
    let h = 0;
    let lo = 0;
    for (let i = from; i < n; i++) {
      ddMul(ah[c + i], al[c + i], bh[o + i], bl[o + i]);
      ddAdd(h, lo, dd.hi, dd.lo);
      h = dd.hi;
      lo = dd.lo;
    }
    return [h, lo];
  };
  const axpyDD = (th: number, tl: number, c: number, o: number, from: number, bh: Float64Array, bl: Float64Array): void => {
    for (let i = from; i < n; i++) {
      ddMul(th, tl, ah[c + i], al[c + i]);
      ddAdd(bh[o + i], bl[o + i], dd.hi, dd.lo);
      bh[o + i] = dd.hi;
      bl[o + i] = dd.lo;
    }
  };
  const origNorm = new Array<number>(p);
  for (let j = 0; j < p; j++) {
    const [h] = normDD(j * n, 0);
    origNorm[j] = h > 0 ? h : 1;
  }
  const pivot = Array.from({ length: p }, (_, j) => j);
  const vh = new Float64Array(p);
  const vl = new Float64Array(p);
  const rdh = new Float64Array(p);
  const rdl = new Float64Array(p);
  let last = p;
  let l = 0;
  while (l < last && l < n) {
    const c = pivot[l] * n;
    let [nh, nl] = normDD(c, l);
    if (!(nh >= tol * origNorm[pivot[l]])) {
      const moved = pivot[l];
      pivot.splice(l, 1);
      pivot.push(moved);
      last--;
      continue;
    }
    if (ah[c + l] < 0) {
      nh = -nh;
      nl = -nl;
    }
    for (let i = l; i < n; i++) {
      ddDiv(ah[c + i], al[c + i], nh, nl);
      ah[c + i] = dd.hi;
      al[c + i] = dd.lo;
    }
    ddAdd(ah[c + l], al[c + l], 1, 0);
    ah[c + l] = dd.hi;
    al[c + l] = dd.lo;
    const v0h = dd.hi;
    const v0l = dd.lo;
    for (let k = l + 1; k < last; k++) {
      const o = pivot[k] * n;
      const [th, tl] = dotDD(c, o, l, ah, al);
      ddDiv(-th, -tl, v0h, v0l);
      axpyDD(dd.hi, dd.lo, c, o, l, ah, al);
    }
    const [th, tl] = dotDD(c, 0, l, qh, ql);
    ddDiv(-th, -tl, v0h, v0l);
    axpyDD(dd.hi, dd.lo, c, 0, l, qh, ql);
    vh[l] = v0h;
    vl[l] = v0l;
    rdh[l] = -nh;
    rdl[l] = -nl;
    l++;
  }
  const rank = l;
  // R in dd (rows)
  const Rh: number[][] = [];
  const Rl: number[][] = [];
  for (let i = 0; i < rank; i++) {
    Rh.push(new Array<number>(rank).fill(0));
    Rl.push(new Array<number>(rank).fill(0));
    Rh[i][i] = rdh[i];
    Rl[i][i] = rdl[i];
    for (let j = i + 1; j < rank; j++) {
      Rh[i][j] = ah[pivot[j] * n + i];
      Rl[i][j] = al[pivot[j] * n + i];
    }
  }
  // inverse of R in dd
  const Ih: number[][] = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  const Il: number[][] = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  for (let j = rank - 1; j >= 0; j--) {
    ddDiv(1, 0, Rh[j][j], Rl[j][j]);
    Ih[j][j] = dd.hi;
    Il[j][j] = dd.lo;
    for (let i = j - 1; i >= 0; i--) {
      let sh = 0;
      let sl = 0;
      for (let m = i + 1; m <= j; m++) {
        ddMul(Rh[i][m], Rl[i][m], Ih[m][j], Il[m][j]);
        ddAdd(sh, sl, dd.hi, dd.lo);
        sh = dd.hi;
        sl = dd.lo;
      }
      ddDiv(-sh, -sl, Rh[i][i], Rl[i][i]);
      Ih[i][j] = dd.hi;
      Il[i][j] = dd.lo;
    }
  }
  // coefficients b = Rinv Q'y (first rank effects)
  const coef = new Array<number>(rank).fill(0);
  for (let i = 0; i < rank; i++) {
    let sh = 0;
    let sl = 0;
    for (let m = i; m < rank; m++) {
      ddMul(Ih[i][m], Il[i][m], qh[m], ql[m]);
      ddAdd(sh, sl, dd.hi, dd.lo);
      sh = dd.hi;
      sl = dd.lo;
    }
    coef[i] = sh + sl;
  }
  const cov: number[][] = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  for (let i = 0; i < rank; i++) {
    for (let j = i; j < rank; j++) {
      let sh = 0;
      let sl = 0;
      for (let m = j; m < rank; m++) {
        ddMul(Ih[i][m], Il[i][m], Ih[j][m], Il[j][m]);
        ddAdd(sh, sl, dd.hi, dd.lo);
        sh = dd.hi;
        sl = dd.lo;
      }
      cov[i][j] = sh + sl;
      cov[j][i] = cov[i][j];
    }
  }
  let rh = 0;
  let rl = 0;
  const resH = new Float64Array(n);
  const resL = new Float64Array(n);
  for (let i = rank; i < n; i++) {
    resH[i] = qh[i];
    resL[i] = ql[i];
    ddMul(qh[i], ql[i], qh[i], ql[i]);
    ddAdd(rh, rl, dd.hi, dd.lo);
    rh = dd.hi;
    rl = dd.lo;
  }
  for (let k = rank - 1; k >= 0; k--) {
    const c = pivot[k] * n;
    const [th, tl] = dotDD(c, 0, k, resH, resL);
    ddDiv(-th, -tl, vh[k], vl[k]);
    axpyDD(dd.hi, dd.lo, c, 0, k, resH, resL);
  }
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i++) resid[i] = resH[i] + resL[i];
  const Rd = Rh.map((row, i) => row.map((v, j) => v + Rl[i][j]));
  const Id = Ih.map((row, i) => row.map((v, j) => v + Il[i][j]));
  const conditionEstimate = rank > 0 ? norm1Upper(Rd, rank) * norm1Upper(Id, rank) : 0;
  return assemble(n, p, rank, pivot, coef, Id, scale, resid, rh + rl, 'double-double', conditionEstimate, cov);
}
