/**
 * OLS with every diagnostic of `kajian regress` on n = 1,000,000 rows and 10 predictors, beside R
 * (lm + summary + lmtest::bptest + lmtest::dwtest) on the same data in the same run.
 *
 * - Data: analysis/regression/olsBenchmark `olsBenchmarkProblem(n, 11)` (an intercept and 10
 *   uniform predictors from a seeded LCG, y = X beta + noise), written column-major as
 *   little-endian doubles for R (readBin), so both fit the same doubles.
 * - What is timed (file reading excluded on both sides):
 *   Kajian: `olsFit` + the assumption tests exactly as the CLI runs them for this n
 *   (`assumptionTests` of analysis/regression/report: Shapiro-Wilk is not defined above
 *   n = 5000 and returns null with its reason; K-S with Lilliefors p; Breusch-Pagan Koenker and
 *   original; Glejser; Durbin-Watson with the normal-approximation p as dwtest for n >= 100 and
 *   the Cornish-Fisher dL/dU), i.e. `classicAssumptionsFast` (one shared QR in typed arrays).
 *   `classicAssumptions` itself is not timed at this n: its exact Imhof dL/dU take minutes, and
 *   its QR (assumptions/linalg.ts `Math.hypot(...column)`) overflows the default call stack
 *   near n = 1e6. The linear report's Tolerance/VIF are not included (R's side has no vif).
 *   R: system.time({ m <- lm(y ~ ., d); s <- summary(m); bptest(m); bptest(m, studentize =
 *   FALSE); dwtest(m) }) inside one Rscript process (dwtest uses the normal approximation at this
 *   n, as Kajian).
 * - One timed run each (a run takes tens of seconds; the R figure is R's own elapsed time).
 * Set KAJIAN_BENCH_REGRESSION_N to try another n (default 1,000,000).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { olsBenchmarkProblem } from '../analysis/regression/olsBenchmark';
import { olsFit } from '../analysis/regression/ols';
import { assumptionTests } from '../analysis/regression/report';
import type { Benchmark, BenchResult } from './types';

const N = Number(process.env.KAJIAN_BENCH_REGRESSION_N ?? 1_000_000);
const P = 11; // intercept + 10 predictors

const R_SCRIPT = `
suppressPackageStartupMessages(library(lmtest))
a <- commandArgs(TRUE); n <- as.integer(a[2]); p <- as.integer(a[3])
con <- file(a[1], "rb"); v <- readBin(con, "double", n * (p + 1), endian = "little"); close(con)
M <- matrix(v, nrow = n)
d <- data.frame(y = M[, 1], M[, 3:(p + 1)])
t <- system.time({
  m <- lm(y ~ ., d); s <- summary(m)
  bk <- bptest(m); bo <- bptest(m, studentize = FALSE); dw <- dwtest(m)
})
cat(sprintf("%.17g %.17g %.17g %.17g %.17g\\n", t[["elapsed"]] * 1000, s$r.squared, bk$statistic, bo$statistic, dw$statistic))
`;

export const benchmark: Benchmark = {
  name: 'regression',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'kajian-bench-reg-'));
    try {
      const problem = olsBenchmarkProblem(N, P);
      // column-major doubles: y, then the P columns of X
      const buf = new Float64Array(N * (P + 1));
      for (let i = 0; i < N; i++) buf[i] = problem.y[i];
      for (let j = 0; j < P; j++) for (let i = 0; i < N; i++) buf[(j + 1) * N + i] = problem.X[i][j];
      const dataFile = join(dir, 'data.f64');
      writeFileSync(dataFile, new Uint8Array(buf.buffer));
      const scriptFile = join(dir, 'bench.R');
      writeFileSync(scriptFile, R_SCRIPT);

      const t0 = performance.now();
      const fit = olsFit(problem);
      const tFit = performance.now() - t0;
      const { result: a } = assumptionTests(problem.X, fit.residuals, problem.names, true, fit.aliased);
      const kajianMs = performance.now() - t0;

      let referenceMs: number | null = null;
      let rCheck = '';
      try {
        const out = execFileSync('Rscript', ['--vanilla', scriptFile, dataFile, String(N), String(P)], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split(/\s+/).map(Number);
        referenceMs = out[0];
        const rel = (x: number | null, y: number) => (x === null ? NaN : Math.abs(x - y) / Math.abs(y));
        rCheck = `same numbers as R: R² rel. diff ${rel(fit.rSquared, out[1]).toExponential(1)}, BP (Koenker) ${rel(a.breuschPagan.statistic, out[2]).toExponential(1)}, BP (original) ${rel(a.breuschPaganOriginal.statistic, out[3]).toExponential(1)}, DW ${rel(a.durbinWatson.statistic, out[4]).toExponential(1)}`;
      } catch (e) {
        rCheck = `R not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      }
      return [
        {
          work: `OLS + classic assumption tests, n = ${N.toLocaleString('en')}, 10 predictors (Kajian: olsFit ${(tFit / 1000).toFixed(1)} s of it)`,
          kajianMs,
          referenceTool: 'R 4.2.2 lm + summary + bptest x2 + dwtest',
          referenceMs,
          goal: '<= 0.5x R',
          notes: `file reading excluded on both sides; Kajian also runs K-S/Lilliefors and Glejser, which R's side does not; Shapiro-Wilk: ${a.shapiroWilk.error ?? 'computed'}; DW p by ${a.durbinWatson.pMethod}, dL/dU by Cornish-Fisher; ${rCheck}`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
