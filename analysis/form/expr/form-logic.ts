/**
 * What data entry needs from the expression language: is a question asked (relevant),
 * does an answer pass its constraint, is a required answer given, and what do the
 * calculations compute. All helpers are pure and never mutate their inputs.
 */
import type { Question, Questionnaire } from '../types';
import type { Expr } from './ast';
import { evaluate, readAnswer, type AnswerValue, type Answers, type EvalContext } from './evaluate';
import { dependencies, parseExpression } from './parser';
import { isDate, toBoolean, toText, type Value } from './values';

/** Options shared by the helpers. */
export interface LogicOptions {
  /** Today (`YYYY-MM-DD` or a Date); default the machine's today. Inject it in tests. */
  today?: string | Date;
  /** Names of date questions (see dateQuestionNames) so their answers compare as dates. */
  dateNames?: ReadonlySet<string>;
}

const cache = new Map<string, Expr | null>();

/** The parsed expression (cached), or null if it does not parse. */
function parsed(src: string): Expr | null {
  const hit = cache.get(src);
  if (hit !== undefined) return hit;
  const result = parseExpression(src);
  const ast = result.ok ? result.ast : null;
  if (cache.size > 2000) cache.clear();
  cache.set(src, ast);
  return ast;
}

function context(answers: Answers, current: AnswerValue, question: Question, options: LogicOptions): EvalContext {
  return { answers, current, currentIsDate: question.type === 'date', dateNames: options.dateNames, today: options.today };
}

/** The names of the date questions of a questionnaire (for LogicOptions.dateNames). */
export function dateQuestionNames(q: Questionnaire): Set<string> {
  return new Set(q.questions.filter((x) => x.type === 'date').map((x) => x.name));
}

/**
 * True if the question is asked given the answers so far: its `relevant` is empty or
 * evaluates to true (`.` is the question's own answer). An expression that does not parse
 * counts as relevant, so a broken condition never hides a question (validation reports it).
 */
export function isRelevant(question: Question, answers: Answers, options: LogicOptions = {}): boolean {
  if (question.relevant.trim() === '') return true;
  const ast = parsed(question.relevant);
  if (ast === null) return true;
  return toBoolean(evaluate(ast, context(answers, readAnswer(answers, question.name), question, options)));
}

/** The outcome of a check: ok, or the message to show (in the requested language). */
export type CheckResult = { ok: true } | { ok: false; message: string };

const DEFAULT_CONSTRAINT_MESSAGE = { id: 'Jawaban tidak memenuhi syarat.', en: 'The answer does not meet the condition.' };
const DEFAULT_REQUIRED_MESSAGE = { id: 'Pertanyaan ini wajib dijawab.', en: 'This question requires an answer.' };

function pick(text: { id: string; en: string }, fallback: { id: string; en: string }, language: 'id' | 'en'): string {
  const other = language === 'id' ? 'en' : 'id';
  return text[language] !== '' ? text[language] : text[other] !== '' ? text[other] : fallback[language];
}

function isEmpty(value: AnswerValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '') || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Checks `value` (the answer to `question`) against the question's constraint, with `.`
 * standing for `value` and `${...}` for `answers`. Empty answers and questions without a
 * constraint pass (emptiness is the business of checkRequired, as in ODK). A constraint
 * that does not parse passes too (validation reports it). On failure the message is the
 * question's constraintMessage in `language`, else in the other language, else a generic one.
 */
export function checkConstraint(question: Question, value: AnswerValue, answers: Answers, options: LogicOptions & { language?: 'id' | 'en' } = {}): CheckResult {
  if (question.constraint.trim() === '' || isEmpty(value)) return { ok: true };
  const ast = parsed(question.constraint);
  if (ast === null) return { ok: true };
  if (toBoolean(evaluate(ast, context(answers, value, question, options)))) return { ok: true };
  return { ok: false, message: pick(question.constraintMessage, DEFAULT_CONSTRAINT_MESSAGE, options.language ?? 'id') };
}

/** Checks that a required question has an answer; the message follows the same language rule as checkConstraint. */
export function checkRequired(question: Question, value: AnswerValue, language: 'id' | 'en' = 'id'): CheckResult {
  if (!question.required || !isEmpty(value)) return { ok: true };
  return { ok: false, message: pick(question.requiredMessage, DEFAULT_REQUIRED_MESSAGE, language) };
}

/** An expression value as a stored answer: numbers stay numbers (NaN and ±Infinity become null), booleans 'true'/'false', dates `YYYY-MM-DD`. */
export function toAnswer(v: Value): AnswerValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (isDate(v)) return toText(v) === '' ? null : toText(v);
  const text = toText(v);
  return text === '' ? null : text;
}

/** The value of a question's calculation given the answers (null when there is none, it does not parse, or it is empty). */
export function calculateValue(question: Question, answers: Answers, options: LogicOptions = {}): AnswerValue {
  if (question.calculation.trim() === '') return null;
  const ast = parsed(question.calculation);
  if (ast === null) return null;
  return toAnswer(evaluate(ast, context(answers, readAnswer(answers, question.name), question, options)));
}

/**
 * Evaluates every `calculate` question of the questionnaire, each after the calculations
 * it depends on (document order otherwise; a cycle is evaluated once in document order),
 * and returns a new Map: the given answers with the calculated values set. Calculations of
 * questions that are not relevant are set to null.
 */
export function computeCalculations(q: Questionnaire, answers: Answers, options: LogicOptions = {}): Map<string, AnswerValue> {
  const out = new Map<string, AnswerValue>(answers instanceof Map ? (answers as ReadonlyMap<string, AnswerValue>) : Object.entries(answers).map(([k, v]) => [k, v ?? null] as [string, AnswerValue]));
  const calcs = q.questions.filter((x) => x.type === 'calculate');
  const byName = new Map(calcs.map((x) => [x.name, x]));
  const state = new Map<string, 'active' | 'done'>();
  const opts: LogicOptions = { ...options, dateNames: options.dateNames ?? dateQuestionNames(q) };
  const run = (question: Question): void => {
    if (state.has(question.name)) return;
    state.set(question.name, 'active');
    const ast = parsed(question.calculation);
    const relevantAst = question.relevant.trim() === '' ? null : parsed(question.relevant);
    for (const src of [ast, relevantAst]) {
      if (src === null) continue;
      for (const dep of dependencies(src)) {
        const other = byName.get(dep);
        if (other !== undefined) run(other);
      }
    }
    out.set(question.name, isRelevant(question, out, opts) ? calculateValue(question, out, opts) : null);
    state.set(question.name, 'done');
  };
  calcs.forEach(run);
  return out;
}
