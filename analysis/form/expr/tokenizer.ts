/**
 * Tokenizer of the expression language: turns source text into tokens with 0-based
 * character offsets. It rejects, with a position and a plain-language message, what the
 * language does not have (paths such as `/data/x` or `../x`, predicates, typographic
 * quotes pasted from a word processor).
 */
import type { ExprError } from './ast';

/** Token kinds. `name` covers function names and the word operators and/or/div/mod. */
export type TokenKind = 'number' | 'string' | 'ref' | 'dot' | 'lparen' | 'rparen' | 'comma' | 'op' | 'name' | 'eof';

/** One token; `text` is the literal value (string without quotes, question name without `${}`). */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

/** The outcome of tokenizing. */
export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: ExprError };

/** A question name as XLSForm allows it: a letter or underscore, then letters, digits, `_`, `-`, `.`. */
export const NAME_PATTERN = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_.\-:]/u;
const DIGIT = /[0-9]/;
const TYPOGRAPHIC_QUOTES = '\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F';

/**
 * Splits `src` into tokens. Whitespace separates tokens and is otherwise ignored.
 * A name may contain `-` and `.` (as in `count-selected`), so `a-b` is one name; write
 * `${a} - ${b}` for a subtraction (bare names are never question references anyway).
 */
export function tokenize(src: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (position: number, message: string): TokenizeResult => ({ ok: false, error: { position, message } });
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00A0') {
      i++;
      continue;
    }
    const start = i;
    if (c === '$') {
      if (src[i + 1] !== '{') return fail(i, "'$' must start a question reference such as ${name}");
      const close = src.indexOf('}', i + 2);
      if (close < 0) return fail(i, "question reference '${' is not closed with '}'");
      const name = src.slice(i + 2, close).trim();
      if (name === '') return fail(i, 'empty question reference ${}');
      if (!NAME_PATTERN.test(name)) return fail(i + 2, `'${name}' is not a valid question name`);
      tokens.push({ kind: 'ref', text: name, start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) return fail(i, `text starting with ${c} is not closed`);
      tokens.push({ kind: 'string', text: src.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (TYPOGRAPHIC_QUOTES.includes(c)) {
      return fail(i, `typographic quote ${c} is not allowed; use a straight quote ' or "`);
    }
    if (DIGIT.test(c) || (c === '.' && DIGIT.test(src[i + 1] ?? ''))) {
      let j = i;
      while (j < src.length && DIGIT.test(src[j])) j++;
      if (src[j] === '.') {
        j++;
        while (j < src.length && DIGIT.test(src[j])) j++;
      }
      tokens.push({ kind: 'number', text: src.slice(i, j), start, end: j });
      i = j;
      continue;
    }
    if (c === '.') {
      if (src[i + 1] === '.') return fail(i, "paths such as '..' are not supported; refer to questions as ${name}");
      if (src[i + 1] === '/') return fail(i, "paths such as './x' are not supported; refer to questions as ${name}");
      tokens.push({ kind: 'dot', text: '.', start, end: i + 1 });
      i++;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < src.length && NAME_PART.test(src[j])) j++;
      // A trailing '.' or '-' belongs to what follows, not to the name (as in `x- 1`).
      while (j > i + 1 && (src[j - 1] === '.' || src[j - 1] === '-' || src[j - 1] === ':')) j--;
      tokens.push({ kind: 'name', text: src.slice(i, j), start, end: j });
      i = j;
      continue;
    }
    switch (c) {
      case '(':
        tokens.push({ kind: 'lparen', text: c, start, end: i + 1 });
        i++;
        continue;
      case ')':
        tokens.push({ kind: 'rparen', text: c, start, end: i + 1 });
        i++;
        continue;
      case ',':
        tokens.push({ kind: 'comma', text: c, start, end: i + 1 });
        i++;
        continue;
      case '=':
      case '+':
      case '-':
      case '*':
        tokens.push({ kind: 'op', text: c, start, end: i + 1 });
        i++;
        continue;
      case '!':
        if (src[i + 1] !== '=') return fail(i, "'!' must be followed by '=' (write not(...) for negation)");
        tokens.push({ kind: 'op', text: '!=', start, end: i + 2 });
        i += 2;
        continue;
      case '<':
      case '>':
        if (src[i + 1] === '=') {
          tokens.push({ kind: 'op', text: c + '=', start, end: i + 2 });
          i += 2;
        } else {
          tokens.push({ kind: 'op', text: c, start, end: i + 1 });
          i++;
        }
        continue;
      case '/':
        return fail(i, "paths such as '/data/x' are not supported; refer to questions as ${name} and divide with 'div'");
      case '[':
      case ']':
      case '@':
      case '|':
        return fail(i, `'${c}' (XPath paths and predicates) is not supported`);
      default:
        return fail(i, `unexpected character '${c}'`);
    }
  }
  tokens.push({ kind: 'eof', text: '', start: src.length, end: src.length });
  return { ok: true, tokens };
}
