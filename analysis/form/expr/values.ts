/**
 * Values of the expression language and the XPath 1.0 conversions between them.
 *
 * - An answer is text (as typed or stored) or a number; an empty or missing answer is the
 *   empty string '' (never null inside the evaluator).
 * - A date is kept as days since 1970-01-01 (UTC, as ODK does), so that dates compare and
 *   subtract as numbers; its text form is `YYYY-MM-DD`.
 */

/** A date value: whole days since 1970-01-01 (a fractional part would be the time of day). */
export interface DateValue {
  kind: 'date';
  days: number;
}

/** Any value an expression can produce. */
export type Value = string | number | boolean | DateValue;

const DAY_MS = 86_400_000;
const NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const DATE_TEXT = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?\s*$/;

/** True for a date value. */
export function isDate(v: Value): v is DateValue {
  return typeof v === 'object';
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` text (a time part after it is ignored), or NaN. */
export function parseDateDays(text: string): number {
  const m = DATE_TEXT.exec(text);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a count of days since 1970-01-01 (the fraction is dropped); '' for NaN/Infinity. */
export function formatDateDays(days: number): string {
  if (!Number.isFinite(days)) return '';
  return new Date(Math.floor(days) * DAY_MS).toISOString().slice(0, 10);
}

/** A date value from days since 1970-01-01. */
export function dateValue(days: number): DateValue {
  return { kind: 'date', days };
}

/**
 * XPath `number()`: booleans 1/0, dates their day count, text that is a plain decimal
 * number (optional minus, digits, optional point; no exponent, no '+') its value, any
 * other text (including '') NaN.
 */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object') return v.days;
  return NUMBER_TEXT.test(v) ? Number(v) : NaN;
}

/** XPath `string()`: integers without a decimal point, NaN as 'NaN', booleans 'true'/'false', dates `YYYY-MM-DD`. */
export function toText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return formatDateDays(v.days);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '0';
  return String(v);
}

/** XPath `boolean()`: numbers are true unless 0 or NaN, text unless empty; dates are true. */
export function toBoolean(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'object') return true;
  return v.length > 0;
}

/** Number of a value that is compared with a date: text is read as `YYYY-MM-DD` first. */
function toDateNumber(v: Value): number {
  if (typeof v === 'string') {
    const days = parseDateDays(v);
    return Number.isNaN(days) ? toNumber(v) : days;
  }
  return toNumber(v);
}

/**
 * XPath 1.0 comparison. `=` and `!=`: if either side is a boolean both are compared as
 * booleans; else if either is a number or date both are compared as numbers (text beside a
 * date is read as a date); else as text. `<`, `<=`, `>`, `>=` always compare numbers, so
 * an empty answer (NaN) makes every one of them false.
 */
export function compare(op: '=' | '!=' | '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  const dated = isDate(a) || isDate(b);
  if (op === '=' || op === '!=') {
    let equal: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') equal = toBoolean(a) === toBoolean(b);
    else if (dated) equal = toDateNumber(a) === toDateNumber(b);
    else if (typeof a === 'number' || typeof b === 'number') equal = toNumber(a) === toNumber(b);
    else equal = a === b;
    return op === '=' ? equal : !equal;
  }
  const x = dated ? toDateNumber(a) : toNumber(a);
  const y = dated ? toDateNumber(b) : toNumber(b);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}
