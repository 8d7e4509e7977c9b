import { olsFit } from '../ols';

export interface GlejserCoefficient {
  name: string;
  estimate: number;
  standardError: number;
  t: number;
  /** Two-sided p-value of t. NaN for aliased columns. */
  p: number;
}

export interface GlejserResult {
  /** Overall F of the auxiliary regression |e| ~ X (NaN when it has only an intercept). */
  fStatistic: number;
  df1: number;
  df2: number;
  /** Upper-tail p-value of the overall F. */
  p: number;
  rSquared: number;
  /** Every coefficient of the auxiliary regression, intercept first when one was added. */
  coefficients: GlejserCoefficient[];
  /** Names of predictor columns dropped as linearly dependent. */
  aliased: string[];
}

export interface GlejserOptions {
  /** Column names of X (default x1, x2, ...). */
  names?: readonly string[];
  /**
   * Whether X already contains an intercept column. Default: detected as a column of 1s.
   * When false, a column of 1s named "(Intercept)" is put in front.
   */
  hasIntercept?: boolean;
}

/**
 * Glejser (1969) test for heteroskedasticity, in the form used in SPSS practice: regress the
 * absolute OLS residuals |e| on the model's predictors with an intercept by OLS (`olsFit`,
 * as R's summary(lm(abs(resid) ~ X))), and report each coefficient's t and two-sided p and
 * the overall F test with its p. Heteroskedasticity is suspected when a predictor's p (or
 * the F test's p) is below alpha.
 *
 * Reference: Glejser, H. (1969). A new test for heteroskedasticity. JASA 64, 316-323.
 */
export function glejser(
  residuals: readonly number[],
  X: readonly (readonly number[])[],
  options: GlejserOptions = {},
): GlejserResult {
  const n = residuals.length;
  if (X.length !== n) throw new RangeError(`Glejser: X has ${X.length} rows but there are ${n} residuals.`);
  const p = n > 0 ? X[0].length : 0;
  const names = options.names ? [...options.names] : Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) throw new RangeError(`Glejser: ${names.length} names for ${p} columns.`);
  const hasIntercept = options.hasIntercept ?? Array.from({ length: p }, (_, j) => j).some((j) => X.every((row) => row[j] === 1));
  const design = hasIntercept ? X.map((row) => [...row]) : X.map((row) => [1, ...row]);
  const designNames = hasIntercept ? names : ['(Intercept)', ...names];
  const fit = olsFit({ y: residuals.map(Math.abs), X: design, names: designNames, hasIntercept: true });
  return {
    fStatistic: fit.fStatistic,
    df1: fit.fDf1,
    df2: fit.fDf2,
    p: fit.fP,
    rSquared: fit.rSquared,
    coefficients: designNames.map((name, j) => ({
      name,
      estimate: fit.coefficients[j],
      standardError: fit.standardErrors[j],
      t: fit.tValues[j],
      p: fit.pValues[j],
    })),
    aliased: fit.aliased,
  };
}
