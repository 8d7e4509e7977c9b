import {
  cagr,
  compareWithPrinted,
  growth,
  linearTrend,
  logLinearTrend,
  meanGrowth,
  oneStepFromPrinted,
  projectCagr,
  projectConstantRate,
  projectLinearTrend,
  projectLogLinearTrend,
  projectMeanGrowth,
  projectionTable,
  ratesConsistentWithPrinted,
  roundedChain,
  SeriesError,
  seriesWarnings,
  targetRate,
  type Bilingual,
  type ConsistentRates,
  type GrowthRow,
  type PrintedComparison,
  type ProjectionTable,
  type SeriesErrorCode,
  type SeriesWarning,
  type YearValue,
  type YearValueInterval,
} from '../../../analysis/series';
import type { Programme, Sector } from '../../../db/queries/series';

/** The projection methods of the issue, in the order of the side-by-side table. */
export const PROJECTION_METHODS = ['constant', 'cagr', 'meanGrowth', 'linear', 'logLinear'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

/** Ways a printed table may have been made at the stated rate, compared beside the methods. */
export const PRINTED_CANDIDATES = ['oneStepFromPrinted', 'roundedChain'] as const;

export interface TrendSummary {
  slope: number;
  intercept: number;
  se: number;
  t: number;
  p: number;
  rSquared: number;
  sigma: number;
  dfResidual: number;
}

export interface LogTrendSummary extends TrendSummary {
  /** 100 (exp(slope) - 1), percent. */
  annualGrowth: number;
  smearingFactor: number;
}

export interface SeriesProjections {
  /** Empty unless a rate is given (no rate is assumed). */
  constant: YearValue[];
  cagr: YearValue[];
  meanGrowth: YearValue[];
  linear: YearValueInterval[];
  logLinear: YearValueInterval[];
}

export interface PrintedAnalysis {
  values: YearValue[];
  decimals: number;
  source: string;
  /** Each printed figure beside each method's value (and, with a rate, the two usual ways of a hand-made table). */
  comparison: PrintedComparison | null;
  /** Year-over-year growth of the printed figures, the first against the last observation (what a printed "annual increase" column holds). */
  printedGrowth: { year: number; percent: number }[];
  /** Arithmetic mean of printedGrowth. */
  printedMeanGrowth: number | null;
  /** Constant rates that would print each figure, compounded from the last observation or applied to each previous printed figure. */
  consistentRates: { fromStart: ConsistentRates | null; fromPreviousPrinted: ConsistentRates | null };
  /** Why the printed figures could not be compared (for example a year inside the observed span), or null. */
  problem: Bilingual | null;
}

export interface TargetAnalysis {
  startYear: number;
  startValue: number;
  year: number;
  /** One entry per target value: the constant yearly rate (percent) that reaches it. */
  targets: { value: number; rate: number }[];
}

export interface SeriesAnalysisOk {
  status: 'ok';
  indicator: string;
  sector: Sector;
  programme: Programme;
  unit: string;
  source: string;
  n: number;
  to: number;
  level: number;
  rate: number | null;
  smearing: boolean;
  observed: YearValue[];
  growth: GrowthRow[];
  meanGrowth: number;
  cagr: number;
  linear: TrendSummary;
  logLinear: LogTrendSummary;
  projections: SeriesProjections;
  /** The methods side by side by projected year (constant only with a rate). */
  table: ProjectionTable;
  warnings: SeriesWarning[];
  printed: PrintedAnalysis | null;
  target: TargetAnalysis | null;
}

/** The stored series cannot be analysed as it is (too few years, a gap, a value <= 0, ...): said in both languages. */
export interface SeriesAnalysisProblem {
  status: 'problem';
  indicator: string;
  n: number;
  code: SeriesErrorCode | 'no-data';
  messages: Bilingual;
  year: number | null;
}

export type SeriesAnalysis = SeriesAnalysisOk | SeriesAnalysisProblem;

export interface AnalyseOptions {
  indicator: string;
  sector: Sector;
  programme: Programme;
  unit: string;
  source: string;
  observed: readonly YearValue[];
  to: number;
  level: number;
  rate?: number | undefined;
  smearing: boolean;
  printed?: { values: readonly YearValue[]; decimals?: number | undefined; source: string } | undefined;
  target?: { year: number; values: readonly number[] } | undefined;
}

/** Thrown for an option that does not fit the series (the target year, a printed year); `field` names the input field. */
export class AnalyseInputError extends Error {
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.name = 'AnalyseInputError';
    this.field = field;
  }
}

/** Decimals a figure prints with, from its shortest decimal form (7.3 -> 1, 14 -> 0), at most 6. */
export function printedDecimalsOf(values: readonly number[]): number {
  let d = 0;
  for (const v of values) {
    const s = String(Number(v.toPrecision(15)));
    if (/e/i.test(s)) continue;
    const dot = s.indexOf('.');
    if (dot >= 0) d = Math.max(d, s.length - dot - 1);
  }
  return Math.min(d, 6);
}

const strip = (xs: readonly YearValue[]): YearValue[] => xs.map((p) => ({ year: p.year, value: p.value }));

function trendSummary(f: ReturnType<typeof linearTrend>): TrendSummary {
  return { slope: f.slope, intercept: f.intercept, se: f.se, t: f.t, p: f.p, rSquared: f.rSquared, sigma: f.sigma, dfResidual: f.dfResidual };
}

function analysePrinted(
  observed: readonly YearValue[],
  last: YearValue,
  projections: SeriesProjections,
  options: AnalyseOptions,
): PrintedAnalysis | null {
  const p = options.printed;
  if (!p || p.values.length === 0) return null;
  const values = [...p.values].sort((a, b) => a.year - b.year).map((v) => ({ year: v.year, value: v.value }));
  const decimals = p.decimals ?? printedDecimalsOf(values.map((v) => v.value));
  const out: PrintedAnalysis = {
    values,
    decimals,
    source: p.source,
    comparison: null,
    printedGrowth: [],
    printedMeanGrowth: null,
    consistentRates: { fromStart: null, fromPreviousPrinted: null },
    problem: null,
  };
  const early = values.find((v) => v.year <= last.year);
  if (early) {
    out.problem = {
      en: `the printed year ${early.year} is not after the last observed year ${last.year}; printed projections are compared from ${last.year + 1} on`,
      id: `tahun cetakan ${early.year} tidak sesudah tahun pengamatan terakhir ${last.year}; proyeksi cetakan dibandingkan mulai ${last.year + 1}`,
    };
    return out;
  }
  // Methods projected to the last printed year (which may lie beyond the chosen `to`).
  const lastPrinted = values[values.length - 1]!.year;
  const reach = Math.max(lastPrinted, options.to);
  const methods: Record<string, YearValue[]> = {};
  if (options.rate !== undefined) methods.constant = projectConstantRate(last, options.rate, reach);
  methods.cagr = reach === options.to ? projections.cagr : projectCagr(observed, reach);
  methods.meanGrowth = reach === options.to ? projections.meanGrowth : projectMeanGrowth(observed, reach);
  methods.linear = strip(reach === options.to ? projections.linear : projectLinearTrend(observed, reach, options.level));
  methods.logLinear = strip(reach === options.to ? projections.logLinear : projectLogLinearTrend(observed, reach, { level: options.level, smearing: options.smearing }));
  if (options.rate !== undefined) {
    try {
      methods.oneStepFromPrinted = oneStepFromPrinted(last, values, options.rate);
    } catch (e) {
      if (!(e instanceof SeriesError)) throw e; // printed years not consecutive from last + 1: this way does not apply
    }
    methods.roundedChain = roundedChain(last, options.rate, reach, decimals);
  }
  out.comparison = compareWithPrinted(values, methods, decimals);
  try {
    const chain = growth([last, ...values]);
    out.printedGrowth = chain.map((g) => ({ year: g.year, percent: g.percent }));
    out.printedMeanGrowth = out.printedGrowth.reduce((s, g) => s + g.percent, 0) / out.printedGrowth.length;
  } catch (e) {
    if (!(e instanceof SeriesError)) throw e; // a gap in the printed years: no year-over-year column
  }
  const tolerance = 0.5 * Math.pow(10, -decimals);
  if (last.value > 0 && values.every((v) => v.value - tolerance > 0)) {
    out.consistentRates.fromStart = ratesConsistentWithPrinted(last, values, decimals, 'from-start');
    try {
      out.consistentRates.fromPreviousPrinted = ratesConsistentWithPrinted(last, values, decimals, 'from-previous-printed');
    } catch (e) {
      if (!(e instanceof SeriesError)) throw e;
    }
  }
  return out;
}

/**
 * Everything the Projection view shows for one stored series: growth, mean growth and CAGR,
 * the linear and log-linear OLS trends, projections to `to` by the five stated methods with
 * prediction intervals for the trends, the methods side by side, the small-sample cautions,
 * the printed projection beside each method, and the rate needed to reach a target. Computed
 * by the functions of analysis/series; nothing is rounded or adjusted towards printed figures.
 */
export function analyseSeries(options: AnalyseOptions): SeriesAnalysis {
  const observed = [...options.observed].sort((a, b) => a.year - b.year).map((v) => ({ year: v.year, value: v.value }));
  if (observed.length === 0) {
    return {
      status: 'problem',
      indicator: options.indicator,
      n: 0,
      code: 'no-data',
      messages: { en: 'this series has no observed values yet', id: 'deret ini belum memiliki nilai pengamatan' },
      year: null,
    };
  }
  const last = observed[observed.length - 1]!;
  if (!Number.isInteger(options.to) || options.to <= last.year) {
    throw new AnalyseInputError(`the projection year ${options.to} must be after the last observed year ${last.year}`, 'to');
  }
  if (options.target && options.target.year <= last.year) {
    throw new AnalyseInputError(`the target year ${options.target.year} must be after the last observed year ${last.year}`, 'target.year');
  }
  try {
    const lin = linearTrend(observed);
    const log = logLinearTrend(observed);
    const projections: SeriesProjections = {
      constant: options.rate === undefined ? [] : projectConstantRate(last, options.rate, options.to),
      cagr: projectCagr(observed, options.to),
      meanGrowth: projectMeanGrowth(observed, options.to),
      linear: projectLinearTrend(observed, options.to, options.level),
      logLinear: projectLogLinearTrend(observed, options.to, { level: options.level, smearing: options.smearing }),
    };
    const growthRows = growth(observed);
    const byMethod: Record<string, YearValue[]> = {};
    for (const m of PROJECTION_METHODS) if (m !== 'constant' || options.rate !== undefined) byMethod[m] = strip(projections[m]);
    const first = observed[0]!;
    return {
      status: 'ok',
      indicator: options.indicator,
      sector: options.sector,
      programme: options.programme,
      unit: options.unit,
      source: options.source,
      n: observed.length,
      to: options.to,
      level: options.level,
      rate: options.rate ?? null,
      smearing: options.smearing,
      observed,
      growth: growthRows,
      meanGrowth: meanGrowth(observed),
      cagr: cagr(observed),
      linear: trendSummary(lin),
      logLinear: { ...trendSummary(log), annualGrowth: log.annualGrowth, smearingFactor: log.smearingFactor },
      projections,
      table: projectionTable(byMethod),
      warnings: seriesWarnings(observed.length, options.to - last.year, last.year - first.year),
      printed: analysePrinted(observed, last, projections, options),
      target: options.target
        ? {
            startYear: last.year,
            startValue: last.value,
            year: options.target.year,
            targets: options.target.values.map((value) => ({ value, rate: targetRate(last, { year: options.target!.year, value }) })),
          }
        : null,
    };
  } catch (e) {
    if (e instanceof SeriesError) {
      return { status: 'problem', indicator: options.indicator, n: observed.length, code: e.code, messages: e.messages, year: e.year ?? null };
    }
    throw e;
  }
}
