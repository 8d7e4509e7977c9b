/**
 * The functions of the expression language: arity (checked when parsing) and meaning.
 * See README.md for the list with examples. Arguments are evaluated before the call.
 */
import { dateValue, isDate, parseDateDays, toBoolean, toNumber, toText, type Value } from './values';

/** What a function may read besides its arguments. */
export interface CallContext {
  /** The current answer (`.`), already converted to a value. */
  current: Value;
  /** Today as days since 1970-01-01. */
  todayDays: number;
}

/** One function: how many arguments it takes (max Infinity = any) and what it computes. */
export interface FunctionSpec {
  min: number;
  max: number;
  run: (args: readonly Value[], ctx: CallContext) => Value;
}

const regexCache = new Map<string, RegExp | null>();

/** The compiled pattern, or null if it is not a valid (JavaScript) regular expression. */
export function compileRegex(pattern: string): RegExp | null {
  const cached = regexCache.get(pattern);
  if (cached !== undefined) return cached;
  let re: RegExp | null;
  try {
    re = new RegExp(pattern);
  } catch {
    re = null;
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(pattern, re);
  return re;
}

/** The choice codes of a select-multiple answer: its text split on whitespace. */
export function splitSelected(v: Value): string[] {
  const text = toText(v).trim();
  return text === '' ? [] : text.split(/\s+/);
}

/** Round half up (away from zero) to `places` decimals, done on the decimal text to avoid 1.005 -> 1.00. */
function roundPlaces(x: number, places: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(places)) return NaN;
  const p = Math.trunc(places);
  const sign = x < 0 ? -1 : 1;
  const scaled = Math.round(Number(`${Math.abs(x)}e${p}`));
  return sign * Number(`${scaled}e${-p}`);
}

const num = (f: (x: number) => number): FunctionSpec => ({ min: 1, max: 1, run: (a) => f(toNumber(a[0])) });

function minMax(args: readonly Value[], pick: (a: number, b: number) => number): number {
  if (args.length === 0) return NaN;
  let best = toNumber(args[0]);
  for (const a of args.slice(1)) {
    const x = toNumber(a);
    if (Number.isNaN(x) || Number.isNaN(best)) return NaN;
    best = pick(best, x);
  }
  return best;
}

/** The supported functions by name (a Map, so names such as `constructor` are never found by accident). */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  // logic
  ['if', { min: 3, max: 3, run: (a) => (toBoolean(a[0]) ? a[1] : a[2]) }],
  ['not', { min: 1, max: 1, run: (a) => !toBoolean(a[0]) }],
  ['true', { min: 0, max: 0, run: () => true }],
  ['false', { min: 0, max: 0, run: () => false }],
  ['boolean', { min: 1, max: 1, run: (a) => toBoolean(a[0]) }],
  ['boolean-from-string', { min: 1, max: 1, run: (a) => ['true', '1'].includes(toText(a[0]).trim()) }],
  ['coalesce', { min: 2, max: 2, run: (a) => (toText(a[0]) !== '' ? a[0] : a[1]) }],
  ['once', { min: 1, max: 1, run: (a) => a[0] }],
  // choices
  ['selected', { min: 2, max: 2, run: (a) => splitSelected(a[0]).includes(toText(a[1]).trim()) }],
  ['selected-at', { min: 2, max: 2, run: (a) => splitSelected(a[0])[toNumber(a[1])] ?? '' }],
  ['count-selected', { min: 1, max: 1, run: (a) => splitSelected(a[0]).length }],
  // text
  ['string', { min: 0, max: 1, run: (a, c) => toText(a.length ? a[0] : c.current) }],
  ['string-length', { min: 0, max: 1, run: (a, c) => [...toText(a.length ? a[0] : c.current)].length }],
  ['concat', { min: 0, max: Infinity, run: (a) => a.map(toText).join('') }],
  ['contains', { min: 2, max: 2, run: (a) => toText(a[0]).includes(toText(a[1])) }],
  ['starts-with', { min: 2, max: 2, run: (a) => toText(a[0]).startsWith(toText(a[1])) }],
  ['ends-with', { min: 2, max: 2, run: (a) => toText(a[0]).endsWith(toText(a[1])) }],
  [
    'substr',
    {
      min: 2,
      max: 3,
      run: (a) => {
        const chars = [...toText(a[0])];
        const start = Math.max(0, toNumber(a[1]) || 0);
        const end = a.length > 2 ? toNumber(a[2]) : chars.length;
        return chars.slice(start, Number.isNaN(end) ? start : end).join('');
      },
    },
  ],
  [
    'substring-before',
    {
      min: 2,
      max: 2,
      run: (a) => {
        const s = toText(a[0]);
        const i = s.indexOf(toText(a[1]));
        return i < 0 ? '' : s.slice(0, i);
      },
    },
  ],
  [
    'substring-after',
    {
      min: 2,
      max: 2,
      run: (a) => {
        const s = toText(a[0]);
        const t = toText(a[1]);
        const i = s.indexOf(t);
        return i < 0 ? '' : s.slice(i + t.length);
      },
    },
  ],
  ['normalize-space', { min: 0, max: 1, run: (a, c) => toText(a.length ? a[0] : c.current).trim().split(/\s+/).join(' ') }],
  [
    'translate',
    {
      min: 3,
      max: 3,
      run: (a) => {
        const from = [...toText(a[1])];
        const to = [...toText(a[2])];
        return [...toText(a[0])]
          .map((ch) => {
            const i = from.indexOf(ch);
            return i < 0 ? ch : (to[i] ?? '');
          })
          .join('');
      },
    },
  ],
  [
    'regex',
    {
      min: 2,
      max: 2,
      run: (a) => {
        const re = compileRegex(toText(a[1]));
        return re !== null && re.test(toText(a[0]));
      },
    },
  ],
  // numbers
  ['number', { min: 0, max: 1, run: (a, c) => toNumber(a.length ? a[0] : c.current) }],
  ['int', num((x) => Math.trunc(x))],
  [
    'round',
    {
      min: 1,
      max: 2,
      run: (a) => {
        const x = toNumber(a[0]);
        return a.length > 1 ? roundPlaces(x, toNumber(a[1])) : Math.floor(x + 0.5);
      },
    },
  ],
  ['floor', num(Math.floor)],
  ['ceiling', num(Math.ceil)],
  ['abs', num(Math.abs)],
  ['sqrt', num(Math.sqrt)],
  ['exp', num(Math.exp)],
  ['exp10', num((x) => 10 ** x)],
  ['log', num(Math.log)],
  ['log10', num(Math.log10)],
  ['sin', num(Math.sin)],
  ['cos', num(Math.cos)],
  ['tan', num(Math.tan)],
  ['asin', num(Math.asin)],
  ['acos', num(Math.acos)],
  ['atan', num(Math.atan)],
  ['atan2', { min: 2, max: 2, run: (a) => Math.atan2(toNumber(a[0]), toNumber(a[1])) }],
  ['pow', { min: 2, max: 2, run: (a) => toNumber(a[0]) ** toNumber(a[1]) }],
  ['pi', { min: 0, max: 0, run: () => Math.PI }],
  ['min', { min: 1, max: Infinity, run: (a) => minMax(a, Math.min) }],
  ['max', { min: 1, max: Infinity, run: (a) => minMax(a, Math.max) }],
  // dates
  ['today', { min: 0, max: 0, run: (_a, c) => dateValue(c.todayDays) }],
  [
    'date',
    {
      min: 1,
      max: 1,
      run: (a) => {
        const v = a[0];
        if (isDate(v)) return v;
        const days = typeof v === 'string' ? parseDateDays(v) : toNumber(v);
        return Number.isNaN(days) ? '' : dateValue(days);
      },
    },
  ],
]);
