import { resolve } from 'node:path';
import { formatNumber } from '../../analysis/format';
import { projectSeries, roundHalfAway, SeriesError, seriesWarnings, type ProjectSeriesOutput, type YearValue } from '../../analysis/series';
import { parseNumberCell } from '../../db/queries/series';
import { readTableFile, TableFileError } from '../io/table-file';
import { numberFlag, positional, stringFlag, UsageError, type ParsedArgs } from './args';
import type { Command, CommandOutput } from './commands';

/**
 * `kajian project <csv> --year YEAR --value VALUE --to 2030 [--rate 15] --json`: growth, mean
 * growth, CAGR, the linear and log-linear OLS trends and projections by five stated methods of
 * one annual series read from a CSV or XLSX file. `--year` and `--value` name the columns holding
 * the year and the value. The JSON is `projectSeries` of analysis/series (field names are the
 * public contract; percentages as percent, 18.45 for 18.45%; numbers at full precision).
 * `projections.constant` is empty unless --rate is given: no rate is assumed.
 */

/** Reads the year and value columns of a table file into a series; every problem names the file row and column. */
export function readSeriesColumns(path: string, yearColumn: string, valueColumn: string): YearValue[] {
  let table;
  try {
    table = readTableFile(path);
  } catch (e) {
    if (e instanceof TableFileError) throw new Error(`${path}: ${e.message}`);
    throw e;
  }
  for (const c of [yearColumn, valueColumn]) {
    if (!table.header.includes(c)) throw new UsageError(`the file has no column "${c}"; its columns are: ${table.header.join(', ')}`);
  }
  const out: YearValue[] = [];
  const rowOfYear = new Map<number, number>();
  table.records.forEach((rec, i) => {
    const row = table.rowNumbers[i] ?? i + 2;
    const y = parseNumberCell(rec[yearColumn]);
    if (!y.ok) throw new Error(`row ${row}, column "${yearColumn}": ${y.en}`);
    if (!Number.isInteger(y.value)) throw new Error(`row ${row}, column "${yearColumn}": the year ${y.value} is not a whole number`);
    const v = parseNumberCell(rec[valueColumn]);
    if (!v.ok) throw new Error(`row ${row}, column "${valueColumn}": ${v.en}`);
    if (!(v.value > 0)) throw new Error(`row ${row}, column "${valueColumn}": growth and the log-linear trend need values > 0, got ${v.value}`);
    const first = rowOfYear.get(y.value);
    if (first !== undefined) throw new Error(`row ${row}, column "${yearColumn}": the year ${y.value} appears twice (rows ${first} and ${row})`);
    rowOfYear.set(y.value, row);
    out.push({ year: y.value, value: v.value });
  });
  return out;
}

function text(out: ProjectSeriesOutput, unsorted: readonly YearValue[], to: number, rate: number | undefined): string {
  const series = [...unsorted].sort((a, b) => a.year - b.year);
  // Rounded as the decimal each figure stands for (28.125 prints 28.13 although 100 * (4.1 - 3.2) / 3.2 is 28.12499... in binary).
  const f = (x: number, d = 4) => formatNumber(roundHalfAway(x, d), 'en', d);
  const lines: string[] = [];
  lines.push(`Series: ${series.length} years, ${series[0]!.year}-${series[series.length - 1]!.year}; projected to ${to}`);
  lines.push('', 'Year-over-year growth (%)');
  for (const g of out.growth) lines.push(`  ${g.year}  ${f(g.percent, 2)}`);
  lines.push(`Mean growth: ${f(out.meanGrowth, 2)}%   CAGR: ${f(out.cagr, 2)}%`);
  lines.push(
    '',
    `Linear trend: slope ${f(out.linear.slope)} (SE ${f(out.linear.se)}, t ${f(out.linear.t, 2)}, p ${out.linear.p.toPrecision(3)}), intercept ${f(out.linear.intercept)}, R² ${f(out.linear.rSquared)}`,
  );
  lines.push(`Log-linear trend: slope ${f(out.logLinear.slope)}, implied annual growth ${f(out.logLinear.annualGrowth, 2)}%, R² ${f(out.logLinear.rSquared)}`);
  const p = out.projections;
  lines.push('', `Projections (95% prediction intervals for the trends)${rate === undefined ? '; no constant rate given (--rate)' : `; constant rate ${rate}%`}`);
  lines.push(`  year  ${rate === undefined ? '' : 'constant  '}    CAGR  mean gr.    linear [95% PI]          log-linear [95% PI]`);
  p.cagr.forEach((c, i) => {
    const lin = p.linear[i]!;
    const log = p.logLinear[i]!;
    const constant = rate === undefined ? '' : `${f(p.constant[i]!.value, 2).padStart(8)}  `;
    lines.push(
      `  ${c.year}  ${constant}${f(c.value, 2).padStart(8)}  ${f(p.meanGrowth[i]!.value, 2).padStart(8)}  ${f(lin.value, 2).padStart(8)} [${f(lin.piLow, 2)}, ${f(lin.piHigh, 2)}]  ${f(log.value, 2).padStart(8)} [${f(log.piLow, 2)}, ${f(log.piHigh, 2)}]`,
    );
  });
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const warnings = seriesWarnings(series.length, to - last.year, last.year - first.year);
  if (warnings.length > 0) lines.push('', 'Cautions:', ...warnings.map((w) => `  - ${w.messages.en}`));
  return lines.join('\n');
}

export const seriesCommands: Record<string, Command> = {
  project: {
    usage: 'kajian project <file.csv|file.xlsx> --year YEAR --value VALUE --to 2030 [--rate 15] [--json]',
    summary: 'growth, CAGR, linear and log-linear trends and projections of an annual series',
    run(args: ParsedArgs): CommandOutput {
      const file = resolve(positional(args, 1, 'the CSV or XLSX file of the series'));
      const yearColumn = stringFlag(args, 'year', true);
      const valueColumn = stringFlag(args, 'value', true);
      const to = numberFlag(args, 'to') ?? 2030;
      if (!Number.isInteger(to)) throw new UsageError(`--to must be a whole year, not ${to}`);
      const rate = numberFlag(args, 'rate');
      const series = readSeriesColumns(file, yearColumn, valueColumn);
      let out: ProjectSeriesOutput;
      try {
        out = projectSeries(rate === undefined ? { series, to } : { series, to, rate });
      } catch (e) {
        if (e instanceof SeriesError && e.code === 'invalid-target') throw new UsageError(`--to: ${e.message}`);
        if (e instanceof SeriesError && e.code === 'invalid-argument') throw new UsageError(`--rate: ${e.message}`);
        throw e;
      }
      return { text: text(out, series, to, rate), json: out };
    },
  },
};
