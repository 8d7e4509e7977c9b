import { symmetricEigen } from '../../linalg/symmetric';
/**
 * Small dense linear-algebra helpers for the assumption tests (Householder QR with
 * LINPACK dqrdc2-style limited column pivoting, as R's lm.fit; symmetric eigenvalues by
 * cyclic Jacobi). Internal to this folder; inputs are never mutated.
 */

export interface Qr {
  n: number;
  p: number;
  /** Numerical rank (columns whose residual norm stays above tol times their original norm). */
  rank: number;
  /** Original column indices in pivoted order: the first `rank` are the kept columns. */
  pivot: number[];
  /** Householder vectors v_j (length n, zeros above j) for j < rank; H_j = I - 2 v v' / (v'v). */
  householder: number[][];
  /** Upper-triangular R (rank x rank) of the kept columns, in pivoted order. */
  r: number[][];
}

/** Default tolerance of R's lm.fit / dqrdc2. */
export const QR_TOL = 1e-7;

function applyHouseholder(v: readonly number[], x: number[], from: number): void {
  let vv = 0;
  let vx = 0;
  for (let i = from; i < x.length; i++) {
    vv += v[i] * v[i];
    vx += v[i] * x[i];
  }
  if (vv === 0) return;
  const f = (2 * vx) / vv;
  for (let i = from; i < x.length; i++) x[i] -= f * v[i];
}

/** The Euclidean norm, scaled against overflow, without spreading the array (spreading a million values overflows the call stack). */
function euclideanNorm(c: readonly number[]): number {
  let scale = 0;
  for (const v of c) scale = Math.max(scale, Math.abs(v));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (const v of c) sum += (v / scale) * (v / scale);
  return scale * Math.sqrt(sum);
}

/**
 * Householder QR of an n x p matrix (rows given). Columns that become numerically dependent
 * on earlier ones (residual norm < tol * original norm) are moved to the end and not used,
 * as LINPACK's dqrdc2 in R's lm.fit.
 */
export function householderQr(X: readonly (readonly number[])[], tol = QR_TOL): Qr {
  const n = X.length;
  const p = n > 0 ? X[0].length : 0;
  // Column-major working copy.
  const cols: number[][] = Array.from({ length: p }, (_, j) => X.map((row) => row[j]));
  const pivot = Array.from({ length: p }, (_, j) => j);
  const origNorm = cols.map(euclideanNorm);
  const householder: number[][] = [];
  let rank = p;
  let j = 0;
  while (j < rank && j < n) {
    const c = cols[j];
    let norm = 0;
    for (let i = j; i < n; i++) norm += c[i] * c[i];
    norm = Math.sqrt(norm);
    if (norm < tol * origNorm[j] || origNorm[j] === 0) {
      // Move the dependent column to the end (dqrdc2's limited pivoting).
      const [col] = cols.splice(j, 1);
      cols.push(col);
      const [piv] = pivot.splice(j, 1);
      pivot.push(piv);
      const [on] = origNorm.splice(j, 1);
      origNorm.push(on);
      rank--;
      continue;
    }
    const alpha = c[j] > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = j; i < n; i++) v[i] = c[i];
    v[j] -= alpha;
    householder.push(v);
    for (let k = j; k < p; k++) applyHouseholder(v, cols[k], j);
    j++;
  }
  rank = Math.min(rank, n);
  const r = Array.from({ length: rank }, (_, i) => Array.from({ length: rank }, (_, k) => (k >= i ? cols[k][i] : 0)));
  return { n, p, rank, pivot, householder, r };
}

/** Q'y (length n). */
export function qrQty(qr: Qr, y: readonly number[]): number[] {
  const out = [...y];
  qr.householder.forEach((v, j) => applyHouseholder(v, out, j));
  return out;
}

/** Q z (length n), the inverse of qrQty. */
export function qrQz(qr: Qr, z: readonly number[]): number[] {
  const out = [...z];
  for (let j = qr.householder.length - 1; j >= 0; j--) applyHouseholder(qr.householder[j], out, j);
  return out;
}

/** Least-squares fitted values of y on the kept columns: Q1 Q1' y. */
export function qrFitted(qr: Qr, y: readonly number[]): number[] {
  const qty = qrQty(qr, y);
  for (let i = qr.rank; i < qty.length; i++) qty[i] = 0;
  return qrQz(qr, qty);
}

/** Orthonormal basis (n x (n - rank), as columns) of the orthogonal complement of the column space. */
export function qrComplementBasis(qr: Qr): number[][] {
  const basis: number[][] = [];
  for (let j = qr.rank; j < qr.n; j++) {
    const e = new Array<number>(qr.n).fill(0);
    e[j] = 1;
    basis.push(qrQz(qr, e));
  }
  return basis;
}

/** (X'X)^-1 = R^-1 R^-T for a full-rank X (in the original column order). Throws if rank < p. */
export function qrCrossprodInverse(qr: Qr): number[][] {
  if (qr.rank < qr.p) throw new RangeError('The design matrix is rank-deficient.');
  const k = qr.rank;
  // Rinv: upper triangular inverse of R.
  const rinv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = k - 1; i >= 0; i--) {
    rinv[i][i] = 1 / qr.r[i][i];
    for (let j = i + 1; j < k; j++) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += qr.r[i][m] * rinv[m][j];
      rinv[i][j] = -s / qr.r[i][i];
    }
  }
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let m = Math.max(a, b); m < k; m++) s += rinv[a][m] * rinv[b][m];
      out[qr.pivot[a]][qr.pivot[b]] = s;
    }
  }
  return out;
}

/** Eigenvalues (descending) of a symmetric matrix: the shared cyclic Jacobi of analysis/linalg. */
export function symmetricEigenvalues(S: readonly (readonly number[])[]): number[] {
  return symmetricEigen(S).values;
}
