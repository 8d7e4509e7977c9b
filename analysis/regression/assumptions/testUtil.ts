import { expect } from 'vitest';

/** Relative-error assertion for tests: |actual - expected| <= tol * |expected|. */
export function close(actual: number, expected: number, tol: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (err > tol) throw new Error(`expected ${expected}, got ${actual} (relative error ${err} > ${tol})`);
}
/** Tolerance for statistics (relative). */
export const STAT = 1e-8;
/** Tolerance for p-values (relative). */
export const PVAL = 1e-6;
