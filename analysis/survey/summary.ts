/**
 * The study summary behind `kajian summary`: participation rate with its Wilson
 * interval, reasons for not participating, and the effectiveness index.
 *
 * - `respondents`: rows after the filter (all cases).
 * - `participants`: rows whose participation answer equals `participation.yes` (or one
 *   of its values; compared as in filterRows '=').
 * - `participationRate` = 100 · participants / answered, in percent units (23 for 23%),
 *   where `answered` = respondents with a non-missing participation answer (equal to
 *   `respondents` when nobody skipped the question). `participationCI` is the Wilson
 *   score interval (R prop.test(participants, answered, correct = FALSE)$conf.int),
 *   also in percent units.
 * - `reasons`: among non-participants (a non-missing participation answer other than
 *   yes), the frequency of each reason: `percent` = 100 · n / non-participants who gave a
 *   reason (`reasonsBase`), the valid percentage as in frequencies(); order and labels as
 *   frequencies(). A select-multiple reason variable (meta type 'multiple') gives, per
 *   choice, the percentage of non-participants with at least one reason (SPSS MULT
 *   RESPONSE "percent of cases").
 * - `index`: overall and per-dimension mean, sd, n and alpha from effectivenessIndex();
 *   `overall` carries the same fields as a dimension plus the t-based CI and band.
 */
import { effectivenessIndex } from './effectivenessIndex';
import type { IndexSpec } from './effectivenessIndex';
import { applyFilter, filterRows } from './filter';
import { frequencies } from './frequencies';
import { multipleResponse } from './multipleResponse';
import type { Filter, Lang, LocalizedText, MetaInput, Row } from './types';
import { findMeta } from './values';
import { wilsonInterval } from './wilson';

export interface SummarySpec {
  participation: { variable: string; yes: string | number | readonly (string | number)[] };
  reason: { variable: string };
  index: IndexSpec;
  /** Metadata of the dataset (labels of reasons; 'multiple' type of a select-multiple reason). */
  meta?: MetaInput;
  lang?: Lang;
  filter?: Filter;
}

export interface SummaryReason {
  code: string | number;
  label: string;
  n: number;
  percent: number;
}

export interface SummaryScore {
  name: string;
  mean: number | null;
  sd: number | null;
  n: number;
  alpha: number | null;
}

export interface StudySummary {
  /** Rows after the filter (= respondents). */
  base: number;
  respondents: number;
  /** Respondents with a non-missing participation answer (the rate's denominator). */
  answered: number;
  participants: number;
  participationRate: number;
  participationCI: [number, number];
  /** Non-participants who gave a reason (the reasons' percentage base). */
  reasonsBase: number;
  reasons: SummaryReason[];
  index: {
    overall: { mean: number | null; sd: number | null; n: number; alpha: number | null; ci: [number, number] | null; band: LocalizedText | null };
    dimensions: SummaryScore[];
  };
}

/**
 * The `kajian summary` contract: participation rate (percent) with its Wilson interval
 * (prop.test(correct = FALSE)), reasons among non-participants (valid percent), and the
 * effectiveness index summary; see the module comment.
 */
export function summary(rows: readonly Row[], spec: SummarySpec): StudySummary {
  const lang = spec.lang ?? 'id';
  const data = applyFilter(rows, spec.filter);
  const pv = spec.participation.variable;
  const yes = Array.isArray(spec.participation.yes)
    ? (spec.participation.yes as readonly (string | number)[])
    : [spec.participation.yes as string | number];
  const answeredRows = filterRows(data, { all: [{ variable: pv, op: 'notMissing' }] });
  const isYes = { all: [{ variable: pv, op: 'in' as const, value: yes }] };
  // Row by row, so that a row object listed twice is counted twice.
  const flags = answeredRows.map((r) => filterRows([r], isYes).length === 1);
  const participants = flags.filter(Boolean).length;
  const nonParticipants = answeredRows.filter((_, i) => !flags[i]);
  const answered = answeredRows.length;
  const [lo, hi] = wilsonInterval(participants, answered);

  const rv = spec.reason.variable;
  const reasonMeta = findMeta(spec.meta, rv);
  let reasons: SummaryReason[];
  let reasonsBase: number;
  if (reasonMeta?.type === 'multiple') {
    const choices = reasonMeta.valueLabels ?? [];
    const mr = multipleResponse(nonParticipants, rv, choices, { lang });
    reasonsBase = mr.cases;
    reasons = mr.rows.map((r) => ({ code: r.value, label: r.label, n: r.n, percent: r.percentOfCases }));
  } else {
    const f = frequencies(nonParticipants, rv, reasonMeta, { lang });
    reasonsBase = f.valid;
    reasons = f.rows.map((r) => ({ code: r.value, label: r.label, n: r.n, percent: r.validPercent }));
  }

  const idx = effectivenessIndex(data, { ...spec.index, groupBy: undefined }, spec.meta, { lang });
  return {
    base: data.length,
    respondents: data.length,
    answered,
    participants,
    participationRate: answered === 0 ? NaN : (100 * participants) / answered,
    participationCI: [100 * lo, 100 * hi],
    reasonsBase,
    reasons,
    index: {
      overall: {
        mean: idx.overall.mean,
        sd: idx.overall.sd,
        n: idx.overall.n,
        alpha: idx.overall.alpha,
        ci: idx.overall.ci,
        band: idx.overall.band,
      },
      dimensions: idx.dimensions.map((d) => ({ name: d.name, mean: d.mean, sd: d.sd, n: d.n, alpha: d.alpha })),
    },
  };
}
