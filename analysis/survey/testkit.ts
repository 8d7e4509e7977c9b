/**
 * Test helpers (used only by *.test.ts): relative-error assertions and table expansion.
 * Plain throws rather than vitest's expect, so that this non-test file imports nothing
 * outside analysis/.
 */
import type { Row } from './types';

function fail(message: string): never {
  throw new Error(message);
}

/** Asserts |actual - expected| <= tol · max(|expected|, tiny) (absolute near 0). */
export function close(actual: number | null | undefined, expected: number, tol = 1e-8): void {
  if (actual === null || actual === undefined) fail(`expected ${expected}, got ${String(actual)}`);
  const a = actual;
  const scale = Math.max(Math.abs(expected), 1e-300);
  const err = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / scale;
  if (!(err <= tol)) fail(`expected ${expected}, got ${a} (error ${err} > ${tol})`);
}

/** Element-wise close() for matrices. */
export function closeMatrix(actual: readonly (readonly number[])[] | null, expected: readonly (readonly number[])[], tol = 1e-8): void {
  if (actual === null) fail('expected a matrix, got null');
  const a = actual;
  if (a.length !== expected.length) fail(`expected ${expected.length} rows, got ${a.length}`);
  expected.forEach((row, i) => {
    if (a[i].length !== row.length) fail(`row ${i}: expected ${row.length} columns, got ${a[i].length}`);
    row.forEach((e, j) => close(a[i][j], e, tol));
  });
}

/** Expands a table of counts into rows {[rowVar]: rowValues[i], [colVar]: colValues[j]}. */
export function expand(
  table: readonly (readonly number[])[],
  rowVar: string,
  colVar: string,
  rowValues: readonly (string | number)[],
  colValues: readonly (string | number)[],
): Row[] {
  const out: Row[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) out.push({ [rowVar]: rowValues[i], [colVar]: colValues[j] });
    }),
  );
  return out;
}
