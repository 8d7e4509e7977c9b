/**
 * Evaluation of a parsed expression against the answers of one respondent.
 * Evaluation never throws: an unknown `${name}` reads as an empty answer, a division by
 * zero gives Infinity or NaN (as XPath), an invalid regular expression does not match.
 */
import type { Expr } from './ast';
import { FUNCTIONS, type CallContext } from './functions';
import { compare, dateValue, parseDateDays, toBoolean, toNumber, type Value } from './values';

/** A stored answer: text, a number, or null for no answer. Select-multiple answers are space-separated codes. */
export type AnswerValue = string | number | null;

/** Answers by question name: a Map or a plain record (only own properties are read). */
export type Answers = ReadonlyMap<string, AnswerValue> | Readonly<Record<string, AnswerValue | undefined>>;

/** What an expression can see. */
export interface EvalContext {
  /** Answers by question name. */
  answers: Answers;
  /** The answer `.` stands for (the question being checked); missing = empty. */
  current?: AnswerValue;
  /** True when `.` is a date question's answer (`YYYY-MM-DD`), so it compares as a date. */
  currentIsDate?: boolean;
  /** Names of date questions: their answers (`YYYY-MM-DD` text) are read as dates. */
  dateNames?: ReadonlySet<string>;
  /** Today, `YYYY-MM-DD` or a Date (its local calendar day); default: the machine's today. */
  today?: string | Date;
}

/** Reads one answer by name without ever reaching into Object.prototype. */
export function readAnswer(answers: Answers, name: string): AnswerValue {
  if (answers instanceof Map) return (answers as ReadonlyMap<string, AnswerValue>).get(name) ?? null;
  const record = answers as Readonly<Record<string, AnswerValue | undefined>>;
  return Object.hasOwn(record, name) ? (record[name] ?? null) : null;
}

function toValue(answer: AnswerValue, isDate: boolean): Value {
  if (answer === null || answer === undefined) return '';
  if (typeof answer === 'number') return answer;
  if (isDate) {
    const days = parseDateDays(answer);
    return Number.isNaN(days) ? answer : dateValue(days);
  }
  return answer;
}

/** Days since 1970-01-01 of the context's today. */
function todayDays(today: string | Date | undefined): number {
  if (typeof today === 'string') return parseDateDays(today);
  const d = today ?? new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

/**
 * Evaluates `ast` in `context` and returns its value: text, number, boolean or date.
 * Use toBoolean / toNumber / toText from './values' to read it as one kind.
 */
export function evaluate(ast: Expr, context: EvalContext): Value {
  const dateNames = context.dateNames ?? new Set<string>();
  const call: CallContext = {
    current: toValue(context.current ?? null, context.currentIsDate === true),
    todayDays: todayDays(context.today),
  };
  const run = (e: Expr): Value => {
    switch (e.kind) {
      case 'number':
      case 'string':
        return e.value;
      case 'ref':
        return toValue(readAnswer(context.answers, e.name), dateNames.has(e.name));
      case 'current':
        return call.current;
      case 'negate':
        return -toNumber(run(e.operand));
      case 'call': {
        const spec = FUNCTIONS.get(e.name);
        // The parser admits only known functions; a hand-built tree may not.
        if (spec === undefined) return '';
        return spec.run(e.args.map(run), call);
      }
      case 'binary': {
        switch (e.op) {
          case 'or':
            return toBoolean(run(e.left)) || toBoolean(run(e.right));
          case 'and':
            return toBoolean(run(e.left)) && toBoolean(run(e.right));
          case '=':
          case '!=':
          case '<':
          case '<=':
          case '>':
          case '>=':
            return compare(e.op, run(e.left), run(e.right));
          default: {
            const a = toNumber(run(e.left));
            const b = toNumber(run(e.right));
            switch (e.op) {
              case '+':
                return a + b;
              case '-':
                return a - b;
              case '*':
                return a * b;
              case 'div':
                return a / b;
              default:
                return a % b;
            }
          }
        }
      }
    }
  };
  return run(ast);
}
