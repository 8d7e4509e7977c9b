import { chiSquareUpper } from '../../distributions/chisquare-upper';
import { householderQr, qrFitted } from './linalg';

export interface BreuschPaganResult {
  statistic: number;
  /** Degrees of freedom: rank of Z minus 1 (Z is assumed to contain the intercept, as lmtest). */
  df: number;
  /** Upper-tail chi-square probability. */
  p: number;
  /** True for Koenker's studentised statistic, false for the original Breusch-Pagan. */
  studentized: boolean;
}

/**
 * Breusch-Pagan test for heteroskedasticity, as lmtest::bptest (lmtest 0.9-40, unweighted).
 * With e the OLS residuals (length n) and sigma^2 = sum e^2 / n:
 * - studentize = true (default; Koenker 1981): regress w = e^2 - sigma^2 on Z;
 *   BP = n * sum(fitted^2) / sum(w^2)   (= n R^2 of the auxiliary regression);
 * - studentize = false (Breusch & Pagan 1979): regress f = e^2 / sigma^2 - 1 on Z;
 *   BP = sum(fitted^2) / 2.
 * df = rank(Z) - 1; p = P(chi^2_df > BP). Z is the auxiliary regressor matrix (n rows),
 * normally the model's design matrix including the intercept column.
 *
 * References: Breusch & Pagan (1979), Econometrica 47, 1287-1294; Koenker (1981),
 * Journal of Econometrics 17, 107-112.
 */
export function breuschPagan(
  residuals: readonly number[],
  Z: readonly (readonly number[])[],
  options: { studentize?: boolean } = {},
): BreuschPaganResult {
  const studentized = options.studentize ?? true;
  const n = residuals.length;
  if (Z.length !== n) throw new RangeError(`Breusch-Pagan: Z has ${Z.length} rows but there are ${n} residuals.`);
  if (!residuals.every(Number.isFinite)) throw new RangeError('Breusch-Pagan: residuals must be finite numbers.');
  if (n === 0 || Z[0].length < 2) {
    throw new RangeError('Breusch-Pagan: the auxiliary regression needs at least an intercept and one regressor.');
  }
  const e2 = residuals.map((e) => e * e);
  const sigma2 = e2.reduce((s, v) => s + v, 0) / n;
  if (!(sigma2 > 0)) throw new RangeError('Breusch-Pagan: all residuals are zero.');
  const qr = householderQr(Z);
  let statistic: number;
  if (studentized) {
    const w = e2.map((v) => v - sigma2);
    const fitted = qrFitted(qr, w);
    const ssf = fitted.reduce((s, v) => s + v * v, 0);
    const ssw = w.reduce((s, v) => s + v * v, 0);
    statistic = (n * ssf) / ssw;
  } else {
    const f = e2.map((v) => v / sigma2 - 1);
    const fitted = qrFitted(qr, f);
    statistic = 0.5 * fitted.reduce((s, v) => s + v * v, 0);
  }
  const df = qr.rank - 1;
  const p = df > 0 ? chiSquareUpper(statistic, df) : Number.NaN;
  return { statistic, df, p, studentized };
}
