import { basename, resolve } from 'node:path';
import { getProjectInfo, openProject, type Project } from '../../db';
import { loadQuestionnaire } from '../../db/queries/questionnaire';
import { findSavedAnalysis } from '../../db/queries/saved-analyses';
import { formatNumber } from '../../analysis/format';
import type { Crosstab, FrequencyTable, Lang, Row } from '../../analysis/survey';
import { readTableFile, TableFileError } from '../io/table-file';
import { aggregateCrosstab, aggregateFrequencies } from '../api/analysis/aggregate';
import {
  AnalysisInputError,
  defaultSummarySpec,
  parseSaved,
  projectDataset,
  recordsDataset,
  variablesOf,
  runCrosstab,
  runFrequencies,
  runReliability,
  runSummary,
  type Dataset,
} from '../api/analysis/service';
import type { FilterSpec, SummarySpecInput } from '../api/analysis/spec';
import { numberFlag, positional, stringFlag, UsageError, type ParsedArgs } from './args';
import type { Command, CommandOutput } from './commands';

/**
 * Survey commands: `summary`, `frequencies`, `crosstab`, `reliability`. Input is a project file
 * (.kajian: complete responses with the questionnaire's value labels) or a CSV/XLSX table (first
 * row headers, categorical values as text). JSON field names are the public contract of the
 * issue; numbers are written at full precision (JSON.stringify; NaN becomes null).
 */

function isProjectPath(path: string): boolean {
  return path.toLowerCase().endsWith('.kajian');
}

function withDataset<T>(path: string, fn: (ds: Dataset) => T): T {
  const file = resolve(path);
  if (isProjectPath(file)) {
    const p = openProject(file);
    try {
      return fn(projectDataset(p.db, getProjectInfo(p.db).title || basename(file)));
    } finally {
      p.close();
    }
  }
  let table;
  try {
    table = readTableFile(file);
  } catch (e) {
    if (e instanceof TableFileError) throw new Error(`${file}: ${e.message}`);
    throw e;
  }
  return fn(recordsDataset(table.records as Row[], table.header, basename(file)));
}

function language(args: ParsedArgs): Lang {
  const l = stringFlag(args, 'language') ?? 'id';
  if (l !== 'id' && l !== 'en') throw new UsageError(`--language must be id or en, not "${l}"`);
  return l;
}

/** `--filter "peserta_aktif=tidak,kota!=medan"`: conditions joined by commas, each `var=value` or `var!=value`. */
export function parseFilter(text: string | undefined): FilterSpec | undefined {
  if (text === undefined) return undefined;
  const all: FilterSpec['all'] = text
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((part) => {
      const m = /^\s*([^!=<>]+?)\s*(!=|=)\s*(.*?)\s*$/.exec(part);
      if (!m) throw new UsageError(`--filter: "${part}" is not of the form variable=value or variable!=value`);
      return { variable: m[1]!, op: m[2] as '=' | '!=', value: m[3]! };
    });
  return { all };
}

function list(text: string, flag: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`--${flag} needs at least one name`);
  return items;
}

/** Turns analysis input errors into usage-level messages. */
function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AnalysisInputError) throw new Error(e.message);
    throw e;
  }
}

const pct = (x: number) => formatNumber(x, 'en', 1);
const dec = (x: number | null, d = 3) => (x === null ? '–' : formatNumber(x, 'en', d));

function textTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/**
 * A project without a filter: runs `fn` on the open database (SQL aggregates, identical results
 * to the row-based analyses and fast on very large projects); null to fall back to the rows.
 */
function fastProject<T>(path: string, filter: FilterSpec | undefined, fn: (db: Project['db']) => T | null): T | null {
  const file = resolve(path);
  if (!isProjectPath(file) || (filter && filter.all.length > 0)) return null;
  const p = openProject(file);
  try {
    if (!loadQuestionnaire(p.db)) return null;
    return fn(p.db);
  } finally {
    p.close();
  }
}

function frequencyOutput(variable: string, t: FrequencyTable): CommandOutput {
  const rows = t.rows.map((r) => ({ value: r.value, label: r.label, n: r.n, percent: r.percent, validPercent: r.validPercent }));
  return {
    json: { n: t.n, missing: t.missing, rows },
    text: [`${variable}: n = ${t.n}, valid = ${t.valid}, missing = ${t.missing}`, textTable(['value', 'label', 'n', '%', 'valid %'], t.rows.map((r) => [String(r.value), r.label, String(r.n), pct(r.percent), pct(r.validPercent)]))].join('\n'),
  };
}

function crosstabOutput(row: string, col: string, c: Crosstab): CommandOutput {
  const is2x2 = c.table.length === 2 && c.table[0]?.length === 2;
  const json = {
    rows: c.rows,
    cols: c.cols,
    table: c.table,
    expected: c.expected,
    chiSquare: c.chiSquare,
    df: c.df,
    p: c.p,
    gSquare: c.gSquare,
    gP: c.gP,
    cramersV: c.cramersV,
    adjustedResiduals: c.adjustedResiduals,
    ...(is2x2 ? { fisherP: c.fisherP } : {}),
  };
  const text = [
    `${row} × ${col}: n = ${c.n}${c.missing ? `, ${c.missing} missing` : ''}`,
    textTable([`${row} \\ ${col}`, ...c.cols, 'total'], c.table.map((r, i) => [c.rows[i]!, ...r.map(String), String(c.rowTotals[i])])),
    `chi-square = ${dec(c.chiSquare)}, df = ${c.df ?? '–'}, p = ${dec(c.p, 4)}; G² = ${dec(c.gSquare)}, p = ${dec(c.gP, 4)}; Cramér's V = ${dec(c.cramersV)}${is2x2 ? `; Fisher p = ${dec(c.fisherP, 4)}` : ''}`,
    ...(c.warning ? [`warning: ${c.warning.en}`] : []),
  ].join('\n');
  return { text, json };
}

export const surveyCommands: Record<string, Command> = {
  summary: {
    usage: 'kajian summary <file.kajian> [--participation peserta_aktif] [--yes ya] [--reason alasan_tidak_ikut] [--language id|en] [--json]',
    summary: 'participation rate with its Wilson interval, reasons among non-participants, the effectiveness index',
    run(args): CommandOutput {
      const file = resolve(positional(args, 1, 'the project file'));
      if (!isProjectPath(file)) throw new UsageError('summary needs a project file (.kajian)');
      const lang = language(args);
      const p = openProject(file);
      try {
        // The saved 'summary' analysis of the project when there is one, else the study's defaults.
        const saved = findSavedAnalysis(p.db, 'summary');
        let spec: SummarySpecInput = defaultSummarySpec();
        if (saved) {
          const parsed = run(() => parseSaved(saved));
          if (parsed.kind === 'summary') spec = parsed.spec;
        }
        const participation = stringFlag(args, 'participation');
        const yes = stringFlag(args, 'yes');
        const reason = stringFlag(args, 'reason');
        spec = {
          ...spec,
          participation: { variable: participation ?? spec.participation.variable, yes: yes ?? spec.participation.yes },
          reason: { variable: reason ?? spec.reason.variable },
          ...(args.flags.has('filter') ? { filter: parseFilter(stringFlag(args, 'filter')) } : {}),
        };
        const ds = projectDataset(p.db, getProjectInfo(p.db).title);
        const { summary: s } = run(() => runSummary(ds, spec, lang));
        const json = {
          respondents: s.respondents,
          participants: s.participants,
          participationRate: s.participationRate,
          participationCI: s.participationCI,
          reasons: s.reasons.map((r) => ({ code: r.code, label: r.label, n: r.n, percent: r.percent })),
          index: {
            overall: s.index.overall.mean,
            dimensions: s.index.dimensions.map((d) => ({ name: d.name, mean: d.mean, sd: d.sd, n: d.n, alpha: d.alpha })),
            overallDetail: s.index.overall,
          },
          answered: s.answered,
          reasonsBase: s.reasonsBase,
        };
        const text = [
          `respondents: ${s.respondents}`,
          `participants: ${s.participants} (${pct(s.participationRate)}%, 95% CI ${pct(s.participationCI[0])}–${pct(s.participationCI[1])}%)`,
          `reasons among ${s.reasonsBase} non-participants:`,
          textTable(['reason', 'n', '%'], s.reasons.map((r) => [r.label, String(r.n), pct(r.percent)])),
          `effectiveness index: ${dec(s.index.overall.mean, 2)} (n = ${s.index.overall.n}${s.index.overall.band ? `, ${s.index.overall.band[lang]}` : ''})`,
          textTable(['dimension', 'mean', 'sd', 'n', 'alpha'], s.index.dimensions.map((d) => [d.name, dec(d.mean, 2), dec(d.sd, 2), String(d.n), dec(d.alpha)])),
        ].join('\n');
        return { text, json };
      } finally {
        p.close();
      }
    },
  },
  frequencies: {
    usage: 'kajian frequencies <file.csv|file.kajian> --var X [--filter "A=v,B!=w"] [--language id|en] [--json]',
    summary: 'frequency table of one question: n, percent, valid percent, missing',
    run(args): CommandOutput {
      const path = positional(args, 1, 'the CSV or project file');
      const variable = stringFlag(args, 'var', true);
      const filter = parseFilter(stringFlag(args, 'filter'));
      const lang = language(args);
      const fast = fastProject(path, filter, (db) => {
        const q = loadQuestionnaire(db);
        const kind = q ? variablesOf(q.questionnaire).find((v) => v.name === variable)?.kind : undefined;
        return kind === 'categorical' || kind === 'numeric' ? run(() => aggregateFrequencies(db, variable, lang)) : null;
      });
      if (fast) return frequencyOutput(variable, fast);
      return withDataset(path, (ds) => {
        const f = run(() => runFrequencies(ds, { variable, filter }, lang));
        if (f.kind === 'multiple') {
          // A response set: percent and validPercent are both the percentage of cases (respondents with an answer).
          const t = f.table;
          const rows = t.rows.map((r) => ({ value: r.value, label: r.label, n: r.n, percent: r.percentOfCases, validPercent: r.percentOfCases, percentOfResponses: r.percentOfResponses }));
          return {
            json: { n: t.base, missing: t.missing, rows, cases: t.cases, responses: t.responses },
            text: [`${variable} (response set): n = ${t.base}, cases = ${t.cases}, missing = ${t.missing}`, textTable(['value', 'label', 'n', '% cases', '% responses'], t.rows.map((r) => [r.value, r.label, String(r.n), pct(r.percentOfCases), pct(r.percentOfResponses)]))].join('\n'),
          };
        }
        return frequencyOutput(variable, f.table);
      });
    },
  },
  crosstab: {
    usage: 'kajian crosstab <file.csv|file.kajian> --row A --col B [--filter "C=v"] [--language id|en] [--json]',
    summary: "crosstab of two questions: counts, expected counts, chi-square, G², Cramér's V, adjusted residuals, Fisher (2×2)",
    run(args): CommandOutput {
      const path = positional(args, 1, 'the CSV or project file');
      const row = stringFlag(args, 'row', true);
      const col = stringFlag(args, 'col', true);
      const filter = parseFilter(stringFlag(args, 'filter'));
      const lang = language(args);
      const fast = fastProject(path, filter, (db) => {
        const q = loadQuestionnaire(db);
        const vars = q ? variablesOf(q.questionnaire) : [];
        const single = (n: string) => ['categorical', 'numeric'].includes(vars.find((v) => v.name === n)?.kind ?? '');
        return single(row) && single(col) ? run(() => aggregateCrosstab(db, row, col, lang)) : null;
      });
      return fast ? crosstabOutput(row, col, fast) : withDataset(path, (ds) => crosstabOutput(row, col, run(() => runCrosstab(ds, { row, col, filter }, lang)).table));
    },
  },
  reliability: {
    usage: 'kajian reliability <file.csv|file.kajian> --items Q1,Q2,... [--reverse Q5] [--min 1 --max 5] [--filter "C=v"] [--json]',
    summary: "Cronbach's alpha, standardised alpha, corrected item-total correlations, alpha if item deleted",
    run(args): CommandOutput {
      const path = positional(args, 1, 'the CSV or project file');
      const items = list(stringFlag(args, 'items', true), 'items');
      if (items.length < 2) throw new UsageError('--items needs at least two items');
      const reverseText = stringFlag(args, 'reverse');
      const reverse = reverseText === undefined ? [] : list(reverseText, 'reverse');
      const min = numberFlag(args, 'min');
      const max = numberFlag(args, 'max');
      if ((min === undefined) !== (max === undefined)) throw new UsageError('give both --min and --max, or neither');
      if (min !== undefined && max !== undefined && !(min < max)) throw new UsageError('--min must be below --max');
      const filter = parseFilter(stringFlag(args, 'filter'));
      return withDataset(path, (ds) => {
        const r = run(() => runReliability(ds, { items, reverse, min, max, filter }));
        const json = {
          n: r.n,
          alpha: r.alpha,
          standardizedAlpha: r.standardizedAlpha,
          items: r.items.map((i) => ({ item: i.item, mean: i.mean, sd: i.sd, itemRestCorrelation: i.itemRestCorrelation, alphaIfDeleted: i.alphaIfDeleted })),
        };
        const text = [
          `n = ${r.n} (listwise; ${r.excluded} excluded), k = ${r.k}, alpha = ${dec(r.alpha)}, standardised alpha = ${dec(r.standardizedAlpha)}`,
          textTable(['item', 'mean', 'sd', 'item-rest r', 'alpha if deleted'], r.items.map((i) => [i.item, dec(i.mean, 2), dec(i.sd, 2), dec(i.itemRestCorrelation), dec(i.alphaIfDeleted)])),
        ].join('\n');
        return { text, json };
      });
    },
  },
};
