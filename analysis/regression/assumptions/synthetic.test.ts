import { describe, expect, test } from 'vitest';
import { shapiroWilk } from '../../normality/shapiroWilk';
import { olsFit } from '../ols';
import { breuschPagan } from './breuschPagan';
import { durbinWatson } from './durbinWatson';
import { close, PVAL, STAT } from './testUtil';

// A deterministic synthetic regression written identically in R 4.2.2 (lmtest 0.9-40):
//   t <- 1:120
//   d <- data.frame(x1 = sin(t / 3), x2 = t %% 5,
//                   y = 1 + 2 * sin(t / 3) + 0.5 * (t %% 5) + cos(t * 1.7) + 0.3 * sin(t * 0.45))
//   m <- lm(y ~ x1 + x2, d[1:n, ]); dwtest(m); bptest(m); shapiro.test(residuals(m))
// Residuals here come from olsFit on the same data. n = 60, 80, 99 use Pan's exact p; n = 120 the
// normal approximation (the boundary n < 100 as lmtest).
function synthetic(n: number): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  for (let t = 1; t <= n; t++) {
    const x1 = Math.sin(t / 3);
    const x2 = t % 5;
    X.push([1, x1, x2]);
    y.push(1 + 2 * x1 + 0.5 * x2 + Math.cos(t * 1.7) + 0.3 * Math.sin(t * 0.45));
  }
  return { X, y };
}
const expected: [number, number, number, number, number, number, number][] = [
  // n, DW, dwtest p, bptest BP, bptest p, shapiro W, shapiro p
  [60, 2.0653467562944292, 0.54798643005255787, 6.285770023205739, 0.043158106482397103, 0.94737007336505208, 0.011737032849743661],
  // n = 80 (77 eigenvalues, Imhof): dwtest's Pan value; R Imhof on the same eigenvalues gives
  // 0.54956874648951193, 1e-7 away, within the p tolerance.
  [80, 2.0530415605161516, 0.54956868966725925, 6.6581751699962464, 0.035825778137115454, 0.94724752310674054, 0.0024060703113349597],
  // n = 99: dwtest's p is 0.65195303268606175, but its Pan evaluation (96 eigenvalues) is dominated
  // by rounding (0.65092067309 with the eigenvalues of Q2'AQ2 instead of eigen(MA)). Expected is
  // Imhof's formula by R integrate() on dwtest's eigenvalues (fixtures/bounds.R's imhofP):
  //   X <- model.matrix(m); A <- DW matrix; MA <- (diag(n) - X %*% chol2inv(qr.R(qr(X))) %*% t(X)) %*% A
  //   ev <- Re(eigen(MA)$values[1:(n - k)]); imhofP(ev[ev > 1e-10], dw)  -> 0.65157979970008628
  [99, 2.0989170386788949, 0.65157979970008628, 6.5559907362568577, 0.03770376326608503, 0.94982497582133918, 0.00086595283261765919],
  [120, 2.0744239058979064, 0.6254736804454043, 4.1277077142446856, 0.12696372577733009, 0.9501058871386947, 0.00021996605594071128],
];

describe('synthetic regression up to n = 120 (R lmtest / shapiro.test)', () => {
  for (const [n, dw, dwP, bp, bpP, w, swP] of expected) {
    test(`n = ${n}`, () => {
      const { X, y } = synthetic(n);
      const fit = olsFit({ y, X, names: ['(Intercept)', 'x1', 'x2'], hasIntercept: true });
      const d = durbinWatson(fit.residuals, X);
      expect(d.method).toBe(n < 100 ? 'exact' : 'normal');
      if (n < 100) expect(d.exactAlgorithm).toBe(n - 3 <= 60 ? 'pan' : 'imhof');
      close(d.statistic, dw, STAT);
      close(d.p, dwP, PVAL);
      const b = breuschPagan(fit.residuals, X);
      close(b.statistic, bp, STAT);
      close(b.p, bpP, PVAL);
      const s = shapiroWilk(fit.residuals);
      close(s.w, w, STAT);
      close(s.p, swP, PVAL);
    });
  }
  test('Shapiro-Wilk at the n = 5000 limit', () => {
    // R 4.2.2: x <- sin(1:5000) + ((1:5000) %% 7) / 10; shapiro.test(x)
    //   -> W = 0.94796763414360852, p = 7.4839975173704244e-39
    const x = Array.from({ length: 5000 }, (_, i) => Math.sin(i + 1) + ((i + 1) % 7) / 10);
    const s = shapiroWilk(x);
    close(s.w, 0.94796763414360852, STAT);
    close(s.p, 7.4839975173704244e-39, PVAL);
  });
});
