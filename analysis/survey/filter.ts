/**
 * Row filter for subpopulations (like SPSS SELECT IF / R subset()).
 *
 * `filterRows(rows, {all: [...]})` keeps the rows for which every condition holds
 * (an empty `all` keeps every row). Semantics of one condition on a row's cell:
 * - A missing cell (see isMissing) satisfies only `missing`; every other operator is
 *   false for it, `!=` included (as SPSS, where a comparison with a missing value is
 *   not true, and R's subset(), which drops NA).
 * - `=` / `!=`: when both sides read as numbers they are compared numerically (so 1 and
 *   "1" are equal); otherwise their trimmed text is compared exactly (case-sensitive).
 * - `<`, `<=`, `>`, `>=`: numeric when both sides read as numbers, by code-point
 *   order of the trimmed text when neither does (which orders ISO dates correctly), and
 *   false when one side is a number and the other is not.
 * - `in`: `value` is an array; true when the cell `=` any element.
 * - `contains` (select-multiple): true when the space-separated codes include `value`.
 * - `missing` / `notMissing`: the cell is (not) missing.
 * Malformed conditions (an `in` without an array, a comparison without a scalar) throw.
 * The input array and rows are never mutated; the kept rows are the same objects.
 */
import type { Cell, Condition, Filter, Row } from './types';
import { categoryKey, isMissing, splitChoices, toNumber } from './values';

/** Returns the rows that satisfy every condition of the filter. */
export function filterRows(rows: readonly Row[], filter: Filter): Row[] {
  for (const c of filter.all) validateCondition(c);
  return rows.filter((r) => filter.all.every((c) => holds(r[c.variable], c)));
}

/** Applies an optional filter (undefined keeps every row, as a copy of the array). */
export function applyFilter(rows: readonly Row[], filter: Filter | undefined): Row[] {
  return filter === undefined ? rows.slice() : filterRows(rows, filter);
}

function validateCondition(c: Condition): void {
  if (c.op === 'in') {
    if (!Array.isArray(c.value)) throw new Error(`Filter on "${c.variable}": 'in' needs an array value`);
  } else if (c.op !== 'missing' && c.op !== 'notMissing') {
    if (c.value === undefined || Array.isArray(c.value)) {
      throw new Error(`Filter on "${c.variable}": '${c.op}' needs a single value`);
    }
  }
}

function equals(cell: string | number, value: string | number): boolean {
  const a = toNumber(cell);
  const b = toNumber(value);
  if (a !== null && b !== null) return a === b;
  return categoryKey(cell) === categoryKey(value);
}

function compare(cell: string | number, value: string | number): number {
  const a = toNumber(cell);
  const b = toNumber(value);
  if (a !== null && b !== null) return a - b;
  if (a !== null || b !== null) return NaN; // a number against text: not ordered
  const s = categoryKey(cell);
  const t = categoryKey(value);
  return s < t ? -1 : s > t ? 1 : 0;
}

function holds(cell: Cell | undefined, c: Condition): boolean {
  if (c.op === 'missing') return isMissing(cell);
  if (isMissing(cell)) return false;
  if (c.op === 'notMissing') return true;
  if (c.op === 'in') {
    const list = c.value as readonly (string | number)[]; // checked by validateCondition
    return list.some((v) => equals(cell, v));
  }
  const v = c.value as string | number; // checked by validateCondition
  switch (c.op) {
    case '=':
      return equals(cell, v);
    case '!=':
      return !equals(cell, v);
    case '<':
      return compare(cell, v) < 0;
    case '<=':
      return compare(cell, v) <= 0;
    case '>':
      return compare(cell, v) > 0;
    case '>=':
      return compare(cell, v) >= 0;
    case 'contains':
      return splitChoices(cell).includes(categoryKey(v));
  }
}
