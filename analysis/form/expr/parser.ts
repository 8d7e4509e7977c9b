/**
 * Recursive-descent parser of the expression language (grammar and precedence as XPath
 * 1.0, lowest first):
 *
 *   or       := and ('or' and)*
 *   and      := equality ('and' equality)*
 *   equality := relation (('=' | '!=') relation)*
 *   relation := sum (('<' | '<=' | '>' | '>=') sum)*
 *   sum      := product (('+' | '-') product)*
 *   product  := unary (('*' | 'div' | 'mod') unary)*
 *   unary    := '-' unary | primary
 *   primary  := number | string | ${name} | '.' | '(' or ')' | function '(' (or (',' or)*)? ')'
 *
 * All binary operators associate to the left. Function names and their argument counts
 * are checked here, so an expression that parses can always be evaluated.
 */
import type { BinaryOperator, Expr, ExprError, ParseResult } from './ast';
import { compileRegex, FUNCTIONS } from './functions';
import { tokenize, type Token } from './tokenizer';

class ParseFailure {
  constructor(readonly error: ExprError) {}
}

const WORD_OPERATORS = new Set(['and', 'or', 'div', 'mod']);

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `'${t.text}'`;
    case 'ref':
      return '${' + t.text + '}';
    default:
      return `'${t.text}'`;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i];
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private fail(position: number, message: string): never {
    throw new ParseFailure({ position, message });
  }

  /** The binary operator at the cursor if it is one of `ops`. */
  private operator(ops: readonly BinaryOperator[]): BinaryOperator | null {
    const t = this.peek();
    if (t.kind === 'op' || (t.kind === 'name' && WORD_OPERATORS.has(t.text))) {
      const op = t.text as BinaryOperator; // checked against `ops` on the next line
      if (ops.includes(op)) return op;
    }
    return null;
  }

  private level(ops: readonly BinaryOperator[], inner: () => Expr): Expr {
    let left = inner();
    for (;;) {
      const op = this.operator(ops);
      if (op === null) return left;
      this.next();
      const right = inner();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
  }

  parseAll(): Expr {
    const e = this.or();
    const t = this.peek();
    if (t.kind !== 'eof') {
      if (t.kind === 'rparen') this.fail(t.start, "')' has no matching '('");
      this.fail(t.start, `expected an operator before ${describe(t)}`);
    }
    return e;
  }

  private or = (): Expr => this.level(['or'], this.and);
  private and = (): Expr => this.level(['and'], this.equality);
  private equality = (): Expr => this.level(['=', '!='], this.relation);
  private relation = (): Expr => this.level(['<', '<=', '>', '>='], this.sum);
  private sum = (): Expr => this.level(['+', '-'], this.product);
  private product = (): Expr => this.level(['*', 'div', 'mod'], this.unary);

  private unary = (): Expr => {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '-') {
      this.next();
      const operand = this.unary();
      return { kind: 'negate', operand, start: t.start, end: operand.end };
    }
    return this.primary();
  };

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: Number(t.text), start: t.start, end: t.end };
      case 'string':
        return { kind: 'string', value: t.text, start: t.start, end: t.end };
      case 'ref':
        return { kind: 'ref', name: t.text, start: t.start, end: t.end };
      case 'dot':
        return { kind: 'current', start: t.start, end: t.end };
      case 'lparen': {
        const inner = this.or();
        const close = this.next();
        if (close.kind !== 'rparen') this.fail(close.start, `expected ')' to close the '(' at position ${t.start}, found ${describe(close)}`);
        return { ...inner };
      }
      case 'name':
        return this.call(t);
      case 'eof':
        return this.fail(t.start, 'expected a value at the end of the expression');
      default:
        return this.fail(t.start, `expected a value, found ${describe(t)}`);
    }
  }

  private call(nameToken: Token): Expr {
    const name = nameToken.text;
    if (this.peek().kind !== 'lparen') {
      if (WORD_OPERATORS.has(name)) this.fail(nameToken.start, `expected a value before '${name}'`);
      this.fail(nameToken.start, `'${name}' is not a value: refer to a question as \${${name}} and write text in quotes`);
    }
    const spec = FUNCTIONS.get(name);
    if (spec === undefined) this.fail(nameToken.start, `unknown function '${name}'`);
    this.next();
    const args: Expr[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        args.push(this.or());
        const t = this.peek();
        if (t.kind === 'comma') {
          this.next();
          continue;
        }
        if (t.kind === 'rparen') break;
        this.fail(t.start, `expected ',' or ')' in the call of ${name}(), found ${describe(t)}`);
      }
    }
    const close = this.next();
    if (args.length < spec.min || args.length > spec.max) {
      const wanted = spec.min === spec.max ? `${spec.min}` : spec.max === Infinity ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
      this.fail(nameToken.start, `${name}() takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${args.length}`);
    }
    if (name === 'regex' && args[1].kind === 'string' && compileRegex(args[1].value) === null) {
      this.fail(args[1].start, `invalid regular expression ${args[1].value}`);
    }
    return { kind: 'call', name, args, start: nameToken.start, end: close.end };
  }
}

/**
 * Parses an expression. Returns the tree, or the first error with its 0-based character
 * offset in `src` and a message. An empty (or blank) expression is an error.
 */
export function parseExpression(src: string): ParseResult {
  const tokens = tokenize(src);
  if (!tokens.ok) return tokens;
  if (tokens.tokens.length === 1) return { ok: false, error: { position: 0, message: 'empty expression' } };
  try {
    return { ok: true, ast: new Parser(tokens.tokens).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** The names of the questions an expression refers to with `${name}`, each once, in order of first use. */
export function dependencies(ast: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'ref':
        seen.add(e.name);
        return;
      case 'negate':
        walk(e.operand);
        return;
      case 'binary':
        walk(e.left);
        walk(e.right);
        return;
      case 'call':
        e.args.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(ast);
  return [...seen];
}

/** Every `${name}` reference in an expression with its position (for pointing at unknown names). */
export function references(ast: Expr): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'ref') out.push({ name: e.name, start: e.start, end: e.end });
    else if (e.kind === 'negate') walk(e.operand);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'call') e.args.forEach(walk);
  };
  walk(ast);
  return out;
}
