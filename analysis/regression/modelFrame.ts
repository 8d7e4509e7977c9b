/**
 * Model builder shared by linear and logistic regression: turns rows of records into a
 * numeric design matrix, as R's model.frame + model.matrix with treatment contrasts.
 *
 * - Listwise deletion: a row is excluded when the response, any predictor, or the weight
 *   is missing (null, undefined, '' or a non-finite number), as R's na.omit.
 * - Numeric predictors enter as one column each (numeric strings such as '3.5' are read as
 *   numbers; any other text in a numeric predictor is an error naming the variable and row).
 * - Factors (names listed in `factors`) are dummy coded against a reference level: one
 *   0/1 column per other level, named `name=level` (e.g. `job=UMKM`). Levels are the
 *   distinct values among the rows used, in sorted order (numerically when every level is
 *   a number, as R's factor() of a numeric vector; otherwise by code point); the default
 *   reference is the first level, as R's contr.treatment.
 * - An intercept column named `(Intercept)` comes first unless `intercept` is false.
 */
export type CellValue = number | string | null | undefined;
export type DataRow = Readonly<Record<string, CellValue>>;

export interface ModelSpec {
  rows: readonly DataRow[];
  /** Response variable name. */
  y: string;
  /** Predictor names in model order (numeric ones and, optionally, factor ones). */
  x: readonly string[];
  /** Predictors treated as categorical; any not already in `x` are appended to the terms. */
  factors?: readonly string[];
  /** Reference level per factor (default: the first level in sorted order). */
  reference?: Readonly<Record<string, string | number>>;
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** Name of a case-weight variable (>= 0). */
  weights?: string;
}

export interface ModelTerm {
  /** Variable name. */
  name: string;
  kind: 'numeric' | 'factor';
  /** Indices of this term's columns in the design matrix. */
  columns: number[];
  /** Factor levels in order (first = reference unless `reference` differs). */
  levels?: string[];
  reference?: string;
}

export interface ModelFrame {
  /** Design matrix, rows used x columns. */
  X: number[][];
  columnNames: string[];
  terms: ModelTerm[];
  hasIntercept: boolean;
  /** Response values of the rows used, read as given (number, or string for a categorical response). */
  yRaw: (number | string)[];
  /** Case weights of the rows used, or undefined. */
  weights?: number[];
  /** Indices (into spec.rows) of the rows used. */
  rowIndex: number[];
  nUsed: number;
  nExcluded: number;
}

function isMissing(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && !Number.isFinite(v));
}

function toNumber(v: CellValue, name: string, row: number): number {
  if (typeof v === 'number') return v;
  const t = typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(t)) throw new Error(`Variable "${name}" has the non-numeric value "${String(v)}" in row ${row + 1}; list it in factors to treat it as categorical`);
  return t;
}

/** Sort levels as R's factor(): numerically when all are numbers, otherwise by code point. */
export function sortLevels(levels: readonly string[]): string[] {
  const allNumeric = levels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return [...levels].sort(allNumeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Build the design matrix described in the module comment. */
export function buildModelFrame(spec: ModelSpec): ModelFrame {
  const factorSet = new Set(spec.factors ?? []);
  const termNames = [...spec.x];
  for (const f of spec.factors ?? []) if (!termNames.includes(f)) termNames.push(f);
  if (new Set(termNames).size !== termNames.length) throw new Error('A predictor is listed twice');
  if (termNames.includes(spec.y)) throw new Error(`The response "${spec.y}" is also listed as a predictor`);
  const hasIntercept = spec.intercept ?? true;
  const needed = [spec.y, ...termNames, ...(spec.weights ? [spec.weights] : [])];

  const rowIndex: number[] = [];
  spec.rows.forEach((r, i) => {
    if (needed.every((name) => !isMissing(r[name]))) rowIndex.push(i);
  });
  const nUsed = rowIndex.length;

  const columnNames: string[] = hasIntercept ? ['(Intercept)'] : [];
  const terms: ModelTerm[] = [];
  const columnValues: ((i: number) => number)[] = hasIntercept ? [() => 1] : [];
  for (const name of termNames) {
    if (factorSet.has(name)) {
      const distinct = new Set<string>();
      for (const i of rowIndex) distinct.add(String(spec.rows[i][name]));
      const sorted = sortLevels([...distinct]);
      const refGiven = spec.reference?.[name];
      const reference = refGiven === undefined ? sorted[0] : String(refGiven);
      if (sorted.length > 0 && !sorted.includes(reference)) {
        throw new Error(`Reference level "${reference}" of "${name}" does not occur among the rows used (levels: ${sorted.join(', ')})`);
      }
      const levels = [reference, ...sorted.filter((l) => l !== reference)];
      const columns: number[] = [];
      for (const level of levels.slice(1)) {
        columns.push(columnNames.length);
        columnNames.push(`${name}=${level}`);
        columnValues.push((i) => (String(spec.rows[i][name]) === level ? 1 : 0));
      }
      terms.push({ name, kind: 'factor', columns, levels, reference });
    } else {
      terms.push({ name, kind: 'numeric', columns: [columnNames.length] });
      columnNames.push(name);
      columnValues.push((i) => toNumber(spec.rows[i][name], name, i));
    }
  }
  const X = rowIndex.map((i) => columnValues.map((f) => f(i)));
  const yRaw = rowIndex.map((i) => {
    const v = spec.rows[i][spec.y] as number | string;
    return v;
  });
  let weights: number[] | undefined;
  if (spec.weights) {
    const wName = spec.weights;
    weights = rowIndex.map((i) => {
      const w = toNumber(spec.rows[i][wName], wName, i);
      if (w < 0) throw new Error(`Weight "${wName}" is negative in row ${i + 1}`);
      return w;
    });
  }
  return { X, columnNames, terms, hasIntercept, yRaw, weights, rowIndex, nUsed, nExcluded: spec.rows.length - nUsed };
}
