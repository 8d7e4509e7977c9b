import type Database from 'better-sqlite3';

/**
 * Survey aggregates computed inside SQLite (GROUP BY), for analyses over very large response
 * sets without loading every answer into memory. The responses analysed are those loadRows()
 * returns: of the questionnaire, not deleted, first entry pass, complete.
 * Every statement is parameterised; question ids come from the questionnaire.
 */
const ELIGIBLE = "r.questionnaire_id = ? AND r.deleted_at IS NULL AND r.entry_pass = 1 AND r.status = 'complete'";

export type StoredValue = string | number | null;

/** Parameters: question id, questionnaire id. */
export const ANSWER_COUNTS_SQL = `SELECT a.value AS value, count(*) AS n FROM responses r
  LEFT JOIN answers a ON a.response_seq = r.seq AND a.question_seq = (SELECT seq FROM questions WHERE id = ?)
  WHERE ${ELIGIBLE} GROUP BY a.value`;

/** Parameters: row question id, column question id, questionnaire id. */
export const PAIR_COUNTS_SQL = `SELECT a.value AS a, b.value AS b, count(*) AS n FROM responses r
  LEFT JOIN answers a ON a.response_seq = r.seq AND a.question_seq = (SELECT seq FROM questions WHERE id = ?)
  LEFT JOIN answers b ON b.response_seq = r.seq AND b.question_seq = (SELECT seq FROM questions WHERE id = ?)
  WHERE ${ELIGIBLE} GROUP BY a.value, b.value`;

/** Count of each stored answer of one question over the analysed responses (NULL = no answer). */
export function answerCounts(db: Database.Database, questionnaireId: string, questionId: string): { value: StoredValue; n: number }[] {
  return db.prepare(ANSWER_COUNTS_SQL).all(questionId, questionnaireId) as { value: StoredValue; n: number }[];
}

/** Count of each pair of stored answers of two questions (NULL = no answer). */
export function pairCounts(db: Database.Database, questionnaireId: string, rowQuestionId: string, colQuestionId: string): { a: StoredValue; b: StoredValue; n: number }[] {
  return db.prepare(PAIR_COUNTS_SQL).all(rowQuestionId, colQuestionId, questionnaireId) as { a: StoredValue; b: StoredValue; n: number }[];
}

export interface ScaleItemRef {
  questionId: string;
  reverse: boolean;
}

export interface ScaleSums {
  /** Respondents with every item of the scale answered within [min, max]. */
  n: number;
  /** Per item, over those respondents: Σx and Σx² (after reverse recoding). */
  itemSum: number[];
  itemSumSq: number[];
  /** Σ and Σ² of the sum score of the items. */
  totalSum: number;
  totalSumSq: number;
}

/** A finite number as an SQL literal (scale bounds and weights are numbers, never text from input). */
function lit(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return JSON.stringify(x);
}

export interface IndexSums {
  dimensions: ScaleSums[];
  /** All items of all dimensions, over the respondents with every dimension complete. */
  all: ScaleSums;
  /** Σ and Σ² of the weighted overall score over those respondents. */
  overallSum: number;
  overallSumSq: number;
}

/**
 * Sufficient statistics of the effectiveness index (listwise 'complete' rule): per dimension
 * (respondents with all its items valid) and overall (respondents with every item valid), in one
 * pass: the answers are pivoted per response (GROUP BY response), values outside [min, max] or
 * not numeric are missing, reverse-keyed items recoded as min + max - x.
 */
export function indexSums(
  db: Database.Database,
  questionnaireId: string,
  dims: readonly { items: readonly ScaleItemRef[]; weight: number }[],
  min: number,
  max: number,
): IndexSums {
  const { sql, params } = indexSumsQuery(questionnaireId, dims, min, max);
  const row = db.prepare(sql).raw().get(...params) as (number | null)[];
  let p = 0;
  const next = () => Number(row[p++] ?? 0);
  const scale = (k: number): ScaleSums => {
    const n = next();
    const itemSum: number[] = [];
    const itemSumSq: number[] = [];
    for (let j = 0; j < k; j++) {
      itemSum.push(next());
      itemSumSq.push(next());
    }
    return { n, itemSum, itemSumSq, totalSum: next(), totalSumSq: next() };
  };
  const dimensions = dims.map((d) => scale(d.items.length));
  const all = scale(dims.reduce((s, d) => s + d.items.length, 0));
  return { dimensions, all, overallSum: next(), overallSumSq: next() };
}

/** The statement behind indexSums() and its parameters (the benchmark hands the same query to the sqlite3 tool). */
export function indexSumsQuery(
  questionnaireId: string,
  dims: readonly { items: readonly ScaleItemRef[]; weight: number }[],
  min: number,
  max: number,
): { sql: string; params: string[] } {
  const items = dims.flatMap((d) => d.items);
  const params: string[] = [];
  // Pivot: one column per item, numeric and in range, else NULL.
  const pivotCols = items.map((it, i) => {
    params.push(it.questionId);
    return `max(CASE WHEN a.question_seq = (SELECT seq FROM questions WHERE id = ?) THEN a.value END) AS c${i}`;
  });
  const cleaned = items.map((it, i) => {
    // Numbers, or text that reads as a number (digits, sign, point, exponent), within [min, max].
    const valid = `(typeof(c${i}) IN ('integer', 'real') OR (typeof(c${i}) = 'text' AND trim(c${i}) GLOB '*[0-9]*' AND trim(c${i}) NOT GLOB '*[^0-9.eE+-]*')) AND CAST(c${i} AS REAL) BETWEEN ${lit(min)} AND ${lit(max)}`;
    const x = it.reverse ? `(${lit(min + max)} - CAST(c${i} AS REAL))` : `CAST(c${i} AS REAL)`;
    return `CASE WHEN ${valid} THEN ${x} END AS x${i}`;
  });
  let offset = 0;
  const dimIdx = dims.map((d) => {
    const idx = d.items.map((_, j) => offset + j);
    offset += d.items.length;
    return idx;
  });
  const okDim = dimIdx.map((idx) => `(${idx.map((i) => `x${i} IS NOT NULL`).join(' AND ')})`);
  const totalDim = dimIdx.map((idx) => `(${idx.map((i) => `x${i}`).join(' + ')})`);
  const okAll = `(${okDim.join(' AND ')})`;
  const wSum = dims.reduce((s, d) => s + d.weight, 0);
  const overall = `((${dims.map((d, k) => `${lit(d.weight)} * ${totalDim[k]} / ${d.items.length}`).join(' + ')}) / ${lit(wSum)})`;
  const totalAll = `(${items.map((_, i) => `x${i}`).join(' + ')})`;
  const aggs: string[] = [];
  dimIdx.forEach((idx, k) => {
    aggs.push(`sum(${okDim[k]})`);
    for (const i of idx) aggs.push(`total(CASE WHEN ${okDim[k]} THEN x${i} END)`, `total(CASE WHEN ${okDim[k]} THEN x${i} * x${i} END)`);
    aggs.push(`total(CASE WHEN ${okDim[k]} THEN ${totalDim[k]} END)`, `total(CASE WHEN ${okDim[k]} THEN ${totalDim[k]} * ${totalDim[k]} END)`);
  });
  aggs.push(`sum(${okAll})`);
  items.forEach((_, i) => aggs.push(`total(CASE WHEN ${okAll} THEN x${i} END)`, `total(CASE WHEN ${okAll} THEN x${i} * x${i} END)`));
  aggs.push(`total(CASE WHEN ${okAll} THEN ${totalAll} END)`, `total(CASE WHEN ${okAll} THEN ${totalAll} * ${totalAll} END)`);
  aggs.push(`total(CASE WHEN ${okAll} THEN ${overall} END)`, `total(CASE WHEN ${okAll} THEN ${overall} * ${overall} END)`);
  const inList = items.map(() => '?').join(', ');
  // The answers are read in their stored order (the primary key starts with the response), so the
  // pivot needs no sort; eligibility is checked once per pivoted response, not once per answer.
  // MATERIALIZED keeps SQLite from copying the cleaning expressions into every aggregate.
  const sql = `WITH pivot AS MATERIALIZED (
      SELECT a.response_seq AS rseq, ${pivotCols.join(', ')} FROM answers a
      WHERE +a.question_seq IN (SELECT seq FROM questions WHERE id IN (${inList}))
      GROUP BY a.response_seq
    ), scored AS MATERIALIZED (
      SELECT ${cleaned.join(', ')} FROM pivot CROSS JOIN responses r ON r.seq = pivot.rseq WHERE ${ELIGIBLE}
    )
    SELECT ${aggs.join(', ')} FROM scored`;
  // Responses without any item answered are not in the pivot; they are incomplete anyway.
  return { sql, params: [...params, ...items.map((it) => it.questionId), questionnaireId] };
}
