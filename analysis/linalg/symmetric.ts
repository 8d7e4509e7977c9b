/**
 * Small dense symmetric-matrix routines (k x k, k = number of model columns): Cholesky
 * factorisation, log-determinant and inverse of a positive-definite matrix, and the
 * cyclic Jacobi eigen-decomposition used for collinearity diagnostics.
 * References: Golub & Van Loan (2013) Matrix Computations, 4.2 (Cholesky) and 8.5
 * (cyclic Jacobi with threshold-free sweeps and the stable rotation of Rutishauser 1971).
 * Inputs are never mutated.
 */

/** Lower-triangular L with A = L L'; throws when A is not (numerically) positive definite. */
export function cholesky(A: readonly (readonly number[])[]): number[][] {
  const k = A.length;
  const L: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let d = A[j][j];
    for (let m = 0; m < j; m++) d -= L[j][m] * L[j][m];
    if (!(d > 0)) throw new Error('cholesky: matrix is not positive definite');
    L[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < k; i++) {
      let s = A[i][j];
      for (let m = 0; m < j; m++) s -= L[i][m] * L[j][m];
      L[i][j] = s / L[j][j];
    }
  }
  return L;
}

/** log det A for a symmetric positive-definite A (0 for the empty matrix). */
export function logDetPositiveDefinite(A: readonly (readonly number[])[]): number {
  const L = cholesky(A);
  let s = 0;
  for (let j = 0; j < L.length; j++) s += 2 * Math.log(L[j][j]);
  return s;
}

/** A^-1 for a symmetric positive-definite A, via Cholesky. */
export function inversePositiveDefinite(A: readonly (readonly number[])[]): number[][] {
  const k = A.length;
  const L = cholesky(A);
  // Linv lower triangular
  const Li: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    Li[j][j] = 1 / L[j][j];
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let m = j; m < i; m++) s += L[i][m] * Li[m][j];
      Li[i][j] = -s / L[i][i];
    }
  }
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += Li[m][i] * Li[m][j];
      inv[i][j] = s;
      inv[j][i] = s;
    }
  }
  return inv;
}

export interface SymmetricEigen {
  /** Eigenvalues in decreasing order. */
  values: number[];
  /** vectors[i][k] = component i of the eigenvector of values[k] (unit length). */
  vectors: number[][];
  sweeps: number;
}

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method, sweeping
 * until the off-diagonal mass is negligible relative to the diagonal (or 100 sweeps).
 * Accurate to high relative precision for small eigenvalues of well-scaled matrices.
 */
export function symmetricEigen(A: readonly (readonly number[])[]): SymmetricEigen {
  const k = A.length;
  const a = A.map((row) => [...row]);
  const v: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let sweeps = 0;
  for (; sweeps < 100; sweeps++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += a[i][i] * a[i][i];
      for (let j = i + 1; j < k; j++) off += a[i][j] * a[i][j];
    }
    if (off === 0 || off <= 1e-32 * diag) break;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = c * arp - s * arq;
          a[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p][r];
          const aqr = a[q][r];
          a[p][r] = c * apr - s * aqr;
          a[q][r] = s * apr + c * aqr;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (let r = 0; r < k; r++) {
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: v.map((row) => order.map((i) => row[i])),
    sweeps,
  };
}
