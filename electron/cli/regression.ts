/**
 * `kajian regress <csv|xlsx> --y Y --x A,B,C [--factor C] [--ref C=UMKM] [--no-intercept]
 * [--logistic] [--cutoff 0.5] [--event ya] [--alpha 0.05] --json`
 *
 * Linear regression with the classic assumption tests, or binary logistic regression, on a
 * CSV/XLSX file (read by ../io/table-file). The JSON fields are the public contract of issue 5
 * (see analysis/regression/report.ts `regressionJson`), numbers at full precision (JSON.stringify
 * prints the shortest string that reads back to the same double); values that cannot be
 * computed are null, with a `reason` beside them.
 *
 * `--factor` and `--ref` take comma-separated lists (`--factor job,region --ref job=UMKM,region=Jawa`).
 * Repeating the flag (`--factor a --factor b`) needs the shared argument parser to keep repeated
 * flags; it currently keeps the last one, so the lists are the supported form.
 */
import { resolve } from 'node:path';
import { formatNumber } from '../../analysis/format';
import { regressionJson, regressionReport, type RegressionReport } from '../../analysis/regression/report';
import { readTableFile } from '../io/table-file';
import { numberFlag, positional, stringFlag, UsageError, type ParsedArgs } from './args';
import type { Command } from './commands';

function list(args: ParsedArgs, name: string): string[] {
  const v = stringFlag(args, name);
  if (v === undefined) return [];
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const f = (v: number | null | undefined, d = 4): string => (v === null || v === undefined ? '–' : formatNumber(v, 'en', d));
const fp = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : v < 1e-4 ? '<0.0001' : formatNumber(v, 'en', 4));

function text(r: RegressionReport, file: string): string {
  const lines: string[] = [];
  const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  if (r.kind === 'logistic') {
    lines.push(`Logistic regression of ${r.outcome.variable} (event = ${r.outcome.event}) on ${file}, n = ${r.n}${r.nExcluded ? ` (${r.nExcluded} excluded)` : ''}`);
    const w = [Math.max(4, ...r.coefficients.map((c) => c.term.length)), 10, 10, 8, 8, 10, 10, 10];
    lines.push(row(['term', 'B', 'SE', 'Wald', 'p', 'Exp(B)', 'OR low', 'OR high'], w));
    for (const c of r.coefficients) lines.push(row([c.term, f(c.estimate), f(c.se), f(c.wald, 3), fp(c.p), f(c.oddsRatio), f(c.orLow), f(c.orHigh)], w));
    lines.push(`-2LL = ${f(r.deviance)}, LR chi2(${r.lrDf}) = ${f(r.lrChiSquare)}, p = ${fp(r.lrP)}`);
    lines.push(`McFadden R2 = ${f(r.mcFaddenR2)}, Cox & Snell R2 = ${f(r.coxSnellR2)}, Nagelkerke R2 = ${f(r.nagelkerkeR2)}`);
    lines.push(`Hosmer-Lemeshow chi2(${r.hosmerLemeshow.df}) = ${f(r.hosmerLemeshow.statistic)}, p = ${fp(r.hosmerLemeshow.p)}`);
    const t = r.classification.counts;
    lines.push(`Classification (cut-off ${r.classification.cutoff}): observed 0 -> [${t[0].join(', ')}], observed 1 -> [${t[1].join(', ')}], accuracy ${f(100 * r.classification.accuracy, 1)}%`);
    for (const w2 of r.warnings) lines.push(`warning: ${w2.message}`);
    return lines.join('\n');
  }
  lines.push(`Linear regression of ${r.response} on ${file}, n = ${r.n}${r.nExcluded ? ` (${r.nExcluded} excluded)` : ''}`);
  const w = [Math.max(4, ...r.coefficients.map((c) => c.term.length)), 10, 10, 8, 8, 8, 9, 9];
  lines.push(row(['term', 'B', 'SE', 'Beta', 't', 'p', 'Tolerance', 'VIF'], w));
  for (const c of r.coefficients) lines.push(row([c.term, f(c.estimate), f(c.se), f(c.beta, 3), f(c.statistic, 3), fp(c.p), f(c.tolerance, 3), f(c.vif, 3)], w));
  lines.push(`R2 = ${f(r.rSquared)}, adjusted R2 = ${f(r.adjRSquared)}, SE of estimate = ${f(r.residualSE)}, F(${r.fDf1}, ${r.fDf2}) = ${f(r.fStatistic)}, p = ${fp(r.fP)}`);
  const a = r.assumptions;
  for (const v of [a.shapiroWilk.verdict, a.kolmogorovSmirnov.verdict, a.breuschPagan.verdict, a.glejser.verdict, a.durbinWatson.verdict]) lines.push(`- ${v.en}`);
  return lines.join('\n');
}

export const regressionCommands: Record<string, Command> = {
  regress: {
    usage: 'kajian regress <data.csv|xlsx> --y Y --x A,B,C [--factor C] [--ref C=UMKM] [--no-intercept] [--logistic] [--cutoff 0.5] [--event VALUE] [--alpha 0.05] [--json]',
    summary: 'linear regression with the classic assumption tests, or logistic regression',
    run(args) {
      const file = positional(args, 1, 'the CSV or XLSX file');
      const y = stringFlag(args, 'y', true).trim();
      const x = list(args, 'x');
      const factors = list(args, 'factor');
      if (x.length === 0 && factors.length === 0) throw new UsageError('--x needs at least one predictor (comma-separated)');
      const reference: Record<string, string> = {};
      for (const item of list(args, 'ref')) {
        const eq = item.indexOf('=');
        if (eq <= 0 || eq === item.length - 1) throw new UsageError(`--ref must look like VARIABLE=LEVEL, not "${item}"`);
        reference[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
      }
      // a variable given a reference level is a factor
      for (const name of Object.keys(reference)) if (!factors.includes(name)) factors.push(name);
      const logistic = args.flags.get('logistic') === true;
      const cutoff = numberFlag(args, 'cutoff');
      if (cutoff !== undefined && !logistic) throw new UsageError('--cutoff applies to --logistic only');
      if (cutoff !== undefined && !(cutoff > 0 && cutoff < 1)) throw new UsageError('--cutoff must lie between 0 and 1');
      const alpha = numberFlag(args, 'alpha');
      if (alpha !== undefined && !(alpha > 0 && alpha < 1)) throw new UsageError('--alpha must lie between 0 and 1');
      const event = stringFlag(args, 'event');
      const table = readTableFile(resolve(file));
      for (const name of [y, ...x, ...factors]) {
        if (!table.header.includes(name)) throw new UsageError(`no column "${name}" in ${file} (columns: ${table.header.join(', ')})`);
      }
      const report = regressionReport({
        rows: table.records,
        y,
        x,
        factors,
        reference,
        intercept: args.flags.get('no-intercept') !== true,
        logistic,
        cutoff,
        event,
        alpha,
      });
      return { text: text(report, file), json: regressionJson(report) };
    },
  },
};
