// Expected values follow the XPath 1.0 rules (W3C XPath 1.0, sections 3.4-4.4) and the ODK
// XForms function list (getodk.github.io/xforms-spec), worked out by hand for each case.
import { describe, expect, test } from 'vitest';
import type { Expr } from './ast';
import { evaluate, type EvalContext } from './evaluate';
import { FUNCTIONS } from './functions';
import { dependencies, parseExpression, references } from './parser';
import { tokenize } from './tokenizer';
import { toText, type Value } from './values';

function parse(src: string): Expr {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.position}: ${r.error.message}`);
  return r.ast;
}

function run(src: string, ctx: Partial<EvalContext> = {}): Value {
  return evaluate(parse(src), { answers: {}, today: '2026-03-15', ...ctx });
}

function errorOf(src: string): { position: number; message: string } {
  const r = parseExpression(src);
  if (r.ok) throw new Error(`${src} parsed`);
  return r.error;
}

/** The tree as a compact s-expression, to check structure and precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return `'${e.value}'`;
    case 'ref':
      return `$${e.name}`;
    case 'current':
      return '.';
    case 'negate':
      return `(neg ${show(e.operand)})`;
    case 'binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'call':
      return `(${e.name}${e.args.map((a) => ' ' + show(a)).join('')})`;
  }
}

describe('tokenizer', () => {
  test('splits every token kind with offsets', () => {
    const r = tokenize("${age} >= 17.5 and selected(., 'a b') != \"x\"");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tokens.map((t) => [t.kind, t.text, t.start, t.end])).toEqual([
      ['ref', 'age', 0, 6],
      ['op', '>=', 7, 9],
      ['number', '17.5', 10, 14],
      ['name', 'and', 15, 18],
      ['name', 'selected', 19, 27],
      ['lparen', '(', 27, 28],
      ['dot', '.', 28, 29],
      ['comma', ',', 29, 30],
      ['string', 'a b', 31, 36],
      ['rparen', ')', 36, 37],
      ['op', '!=', 38, 40],
      ['string', 'x', 41, 44],
      ['eof', '', 44, 44],
    ]);
  });

  test('names may contain hyphens; a number may start with a point', () => {
    const r = tokenize('count-selected(.) - .5');
    expect(r.ok && r.tokens.map((t) => t.text)).toEqual(['count-selected', '(', '.', ')', '-', '.5', '']);
  });

  test('rejects what the language lacks, with the position', () => {
    expect(tokenize('/data/age > 3')).toEqual({ ok: false, error: { position: 0, message: expect.stringContaining('paths') } });
    expect(tokenize('../age')).toEqual({ ok: false, error: { position: 0, message: expect.stringContaining('paths') } });
    expect(tokenize('${a} # 1')).toEqual({ ok: false, error: { position: 5, message: "unexpected character '#'" } });
    expect(tokenize('${a')).toEqual({ ok: false, error: { position: 0, message: expect.stringContaining('not closed') } });
    expect(tokenize('${1a}')).toEqual({ ok: false, error: { position: 2, message: "'1a' is not a valid question name" } });
    expect(tokenize("'abc")).toEqual({ ok: false, error: { position: 0, message: expect.stringContaining('not closed') } });
    expect(tokenize('${a} ! 1')).toEqual({ ok: false, error: { position: 5, message: expect.stringContaining("'!'") } });
  });
});

describe('parser', () => {
  test('precedence: or < and < equality < relation < sum < product < unary minus', () => {
    expect(show(parse('1 or 2 and 3'))).toBe('(or 1 (and 2 3))');
    expect(show(parse('${a} = 1 and ${b} != 2'))).toBe('(and (= $a 1) (!= $b 2))');
    expect(show(parse('${a} = ${b} < 3'))).toBe('(= $a (< $b 3))');
    expect(show(parse('1 + 2 * 3'))).toBe('(+ 1 (* 2 3))');
    expect(show(parse('1 + 2 > 2 * 1'))).toBe('(> (+ 1 2) (* 2 1))');
    expect(show(parse('-2 * 3'))).toBe('(* (neg 2) 3)');
    expect(show(parse('--2'))).toBe('(neg (neg 2))');
    expect(show(parse('6 div 2 mod 2'))).toBe('(mod (div 6 2) 2)');
  });

  test('operators associate to the left; parentheses group', () => {
    expect(show(parse('10 - 4 - 3'))).toBe('(- (- 10 4) 3)');
    expect(show(parse('10 - (4 - 3)'))).toBe('(- 10 (- 4 3))');
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('10 - (4 - 3)')).toBe(9);
    expect(run('2 * (3 + 4)')).toBe(14);
  });

  test('function calls allow a space before the parenthesis (as in real forms)', () => {
    expect(show(parse("selected (., 'no')"))).toBe("(selected . 'no')");
  });

  test('errors carry a 0-based position and say what is wrong', () => {
    expect(errorOf('')).toEqual({ position: 0, message: 'empty expression' });
    expect(errorOf('   ')).toEqual({ position: 0, message: 'empty expression' });
    expect(errorOf('${a} >')).toEqual({ position: 6, message: 'expected a value at the end of the expression' });
    expect(errorOf('(1 + 2')).toEqual({ position: 6, message: expect.stringContaining("expected ')'") });
    expect(errorOf('1 + 2)')).toEqual({ position: 5, message: "')' has no matching '('" });
    expect(errorOf('${a} ${b}')).toEqual({ position: 5, message: 'expected an operator before ${b}' });
    expect(errorOf('foo(1)')).toEqual({ position: 0, message: "unknown function 'foo'" });
    expect(errorOf('1 + age')).toEqual({ position: 4, message: expect.stringContaining('${age}') });
    expect(errorOf('and 1')).toEqual({ position: 0, message: "expected a value before 'and'" });
    expect(errorOf("if(1, 2)")).toEqual({ position: 0, message: 'if() takes 3 arguments, not 2' });
    expect(errorOf("selected(${a}, 'x', 'y')")).toEqual({ position: 0, message: 'selected() takes 2 arguments, not 3' });
    expect(errorOf('round(1, 2, 3)')).toEqual({ position: 0, message: 'round() takes 1 to 2 arguments, not 3' });
    expect(errorOf("regex(., '[a-')")).toEqual({ position: 9, message: 'invalid regular expression [a-' });
    expect(errorOf("${x} = ‘other’")).toEqual({ position: 7, message: expect.stringContaining('typographic quote') });
    expect(errorOf('f(1,')).toEqual({ position: 0, message: "unknown function 'f'" });
    expect(errorOf('concat(1,')).toEqual({ position: 9, message: 'expected a value at the end of the expression' });
    expect(errorOf('concat(1 2)')).toEqual({ position: 9, message: expect.stringContaining("expected ',' or ')'") });
  });

  test('dependencies and references list the ${names} used', () => {
    const ast = parse("if(selected(${b}, 'x'), ${a} + ${b}, -${c}) > .");
    expect(dependencies(ast)).toEqual(['b', 'a', 'c']);
    expect(references(ast).map((r) => [r.name, r.start])).toEqual([
      ['b', 12],
      ['a', 24],
      ['b', 31],
      ['c', 38],
    ]);
    expect(dependencies(parse('1 + 2'))).toEqual([]);
  });
});

describe('evaluation: XPath conversions', () => {
  test('comparison of a text answer with a number converts the text', () => {
    expect(run('${age} > 17', { answers: { age: '18' } })).toBe(true);
    expect(run('${age} = 18', { answers: { age: '18' } })).toBe(true);
    expect(run("${age} = '18'", { answers: { age: 18 } })).toBe(true);
    expect(run("${a} = ${b}", { answers: { a: '018', b: '18' } })).toBe(false); // both text: compared as text
    expect(run("${a} < ${b}", { answers: { a: '9', b: '10' } })).toBe(true); // relational: numbers
  });

  test('an empty or missing answer is the empty string', () => {
    for (const answers of [{}, { age: null }, { age: '' }]) {
      expect(run('${age} > 17', { answers })).toBe(false);
      expect(run('${age} <= 17', { answers })).toBe(false);
      expect(run("${age} = ''", { answers })).toBe(true);
      expect(run('${age} != 5', { answers })).toBe(true); // NaN != 5
      expect(run('${age} + 1', { answers })).toBeNaN();
      expect(run('string-length(${age})', { answers })).toBe(0);
      expect(run('${age}', { answers })).toBe('');
    }
  });

  test('a Map works as well as a record, and a record never exposes Object.prototype', () => {
    expect(run('${a} * 2', { answers: new Map([['a', 4]]) })).toBe(8);
    expect(run("${constructor} = ''", { answers: {} })).toBe(true);
    expect(run("string-length(${toString})", { answers: {} })).toBe(0);
  });

  test('booleans: non-empty text and non-zero numbers are true', () => {
    expect(run("${a} and 1", { answers: { a: 'x' } })).toBe(true);
    expect(run("${a} or 0", { answers: { a: '' } })).toBe(false);
    expect(run('not(0)')).toBe(true);
    expect(run("not('')")).toBe(true);
    expect(run("boolean('false')")).toBe(true);
    expect(run('true() = 1')).toBe(true);
    expect(run("false() = ''")).toBe(true);
  });

  test('arithmetic: div by zero gives Infinity or NaN, mod keeps the sign of the dividend', () => {
    expect(run('7 div 2')).toBe(3.5);
    expect(run('1 div 0')).toBe(Infinity);
    expect(run('-1 div 0')).toBe(-Infinity);
    expect(run('0 div 0')).toBeNaN();
    expect(run('7 mod 3')).toBe(1);
    expect(run('-7 mod 3')).toBe(-1);
    expect(run('5 mod 0')).toBeNaN();
    expect(run('2 * 3 - 1')).toBe(5);
    expect(run("'3' + '4'")).toBe(7);
    expect(run("'1e3' + 0")).toBeNaN(); // XPath numbers have no exponent
    expect(toText(run('1 div 0'))).toBe('Infinity');
    expect(toText(run('0 div 0'))).toBe('NaN');
    expect(toText(run('10 div 4'))).toBe('2.5');
  });

  test('. is the current answer', () => {
    expect(run('. < 10', { current: '9' })).toBe(true);
    expect(run('. < 10', { current: 12 })).toBe(false);
    expect(run('. > 10.51 and . < 18.39', { current: '18.31' })).toBe(true);
    expect(run('. > 10.51 and . < 18.39', { current: '18.4' })).toBe(false);
    expect(run('string-length(.) = 3', { current: 'abc' })).toBe(true);
    expect(run('string-length() = 3', { current: 'abc' })).toBe(true);
    expect(run(". = ''", {})).toBe(true);
  });

  test('dates compare and subtract as days', () => {
    expect(run('. >= today()', { current: '2026-03-15', currentIsDate: true })).toBe(true);
    expect(run('. >= today()', { current: '2026-03-14', currentIsDate: true })).toBe(false);
    expect(run('today() - ${dob}', { answers: { dob: '2026-03-01' }, dateNames: new Set(['dob']) })).toBe(14);
    expect(run("${d} < '2026-01-01'", { answers: { d: '2025-12-31' }, dateNames: new Set(['d']) })).toBe(true);
    expect(run("${d} = '2025-12-31'", { answers: { d: '2025-12-31' }, dateNames: new Set(['d']) })).toBe(true);
    expect(run("${d} < ${e}", { answers: { d: '2025-12-31', e: '2026-01-01' }, dateNames: new Set(['d', 'e']) })).toBe(true);
    expect(run("${d} < ${e}", { answers: { d: '2025-12-31', e: '2026-01-01' } })).toBe(false); // not known as dates: NaN < NaN
    expect(toText(run('today()'))).toBe('2026-03-15');
    expect(toText(run('today()', { today: new Date(2024, 1, 29, 23, 59) }))).toBe('2024-02-29');
    expect(run('today() > 0')).toBe(true);
  });
});

describe('functions', () => {
  const cases: [string, Partial<EvalContext>, Value][] = [
    ["if(${a} > 1, 'big', 'small')", { answers: { a: 2 } }, 'big'],
    ["if(${a} > 1, 'big', 'small')", { answers: { a: '' } }, 'small'],
    ['not(1 = 1)', {}, false],
    ['true()', {}, true],
    ['false()', {}, false],
    ['boolean(0)', {}, false],
    ["boolean-from-string('true')", {}, true],
    ["boolean-from-string('1')", {}, true],
    ["boolean-from-string('yes')", {}, false],
    ["coalesce(${a}, 'none')", { answers: { a: '' } }, 'none'],
    ["coalesce(${a}, 'none')", { answers: { a: 'x' } }, 'x'],
    ['once(3)', {}, 3],
    ["selected(${s}, 'b')", { answers: { s: 'a b  c' } }, true],
    ["selected(${s}, 'bc')", { answers: { s: 'a b c' } }, false],
    ["selected(${s}, ' c ')", { answers: { s: 'a b c' } }, true],
    ["selected(${s}, 'a')", { answers: { s: '' } }, false],
    ['selected-at(${s}, 1)', { answers: { s: 'a b c' } }, 'b'],
    ['selected-at(${s}, 5)', { answers: { s: 'a b c' } }, ''],
    ['count-selected(${s})', { answers: { s: ' a  b c ' } }, 3],
    ['count-selected(${s})', { answers: { s: '' } }, 0],
    ['string(12)', {}, '12'],
    ['string()', { current: 'x' }, 'x'],
    ["string-length('héllo')", {}, 5],
    ["concat('a', 1, ' ', true())", {}, 'a1 true'],
    ['concat()', {}, ''],
    ["contains('kajian', 'jia')", {}, true],
    ["starts-with('kajian', 'ka')", {}, true],
    ["ends-with('kajian', 'an')", {}, true],
    ["substr('kajian', 2)", {}, 'jian'],
    ["substr('kajian', 1, 3)", {}, 'aj'],
    ["substring-before('2026-03-15', '-')", {}, '2026'],
    ["substring-after('2026-03-15', '-')", {}, '03-15'],
    ["normalize-space('  a   b ')", {}, 'a b'],
    ["translate('abc', 'ab', 'A')", {}, 'Ac'],
    ["regex('0712345678', '^[0-9]{10}$')", {}, true],
    ["regex('07123', '^[0-9]{10}$')", {}, false],
    ["regex('a@b.co', '[a-z]+@[a-z.]+')", {}, true],
    ["regex('x', ${p})", { answers: { p: '[' } }, false],
    ["number('12.5')", {}, 12.5],
    ["number('abc')", {}, NaN],
    ['number()', { current: '4' }, 4],
    ['int(-2.7)', {}, -2],
    ['int(2.7)', {}, 2],
    ['round(2.5)', {}, 3],
    ['round(-2.5)', {}, -2],
    ['round(1.005, 2)', {}, 1.01],
    ['round(-1.005, 2)', {}, -1.01],
    ['round(1234.5, -2)', {}, 1200],
    ['floor(-1.5)', {}, -2],
    ['ceiling(1.2)', {}, 2],
    ['abs(-3)', {}, 3],
    ['sqrt(16)', {}, 4],
    ['pow(2, 10)', {}, 1024],
    ['exp(0)', {}, 1],
    ['exp10(2)', {}, 100],
    ['log(1)', {}, 0],
    ['log10(1000)', {}, 3],
    ['sin(0)', {}, 0],
    ['cos(0)', {}, 1],
    ['tan(0)', {}, 0],
    ['asin(1) * 2 = pi()', {}, true],
    ['acos(1)', {}, 0],
    ['atan(1) * 4 = pi()', {}, true],
    ['atan2(1, 1) * 4 = pi()', {}, true],
    ['min(3, 1, 2)', {}, 1],
    ['max(3, 1, 2)', {}, 3],
    ["max(3, '')", {}, NaN],
    ["date('2026-03-15') = today()", {}, true],
    ["date('2026-02-30')", {}, ''],
    ['date(0) = date(\'1970-01-01\')', {}, true],
  ];
  test.each(cases)('%s', (src, ctx, expected) => {
    const v = run(src, ctx);
    if (typeof expected === 'number' && Number.isNaN(expected)) expect(v).toBeNaN();
    else expect(v).toEqual(expected);
  });

  test('every supported function is exercised above', () => {
    const used = new Set(cases.flatMap(([src]) => [...src.matchAll(/([a-z][a-z0-9-]*)\s*\(/g)].map((m) => m[1])));
    used.add('today');
    const missing = [...FUNCTIONS.keys()].filter((f) => !used.has(f));
    expect(missing).toEqual([]);
  });
});

describe('expressions from the example forms', () => {
  test('UCL_Biomass_Plot_Form: slope radius calculation and phone regex', () => {
    // round(15 / sqrt(cos(atan(0.2))), 2): cos(atan(0.2)) = 1/sqrt(1.04) = 0.980581, sqrt = 0.990243, 15/that = 15.1478
    expect(run('round(15 div (sqrt(cos(atan(${slope} div 100)))),2)', { answers: { slope: '20' } })).toBe(15.15);
    expect(run('round(5 div (sqrt(cos(atan(${slope} div 100)))),2)', { answers: { slope: '0' } })).toBe(5);
    expect(run('if(${tree_distance} > ${slope_radius_inner}, 15, 6)', { answers: { tree_distance: '7.2', slope_radius_inner: 5.05 } })).toBe(15);
    expect(run('. >=  ${size_constraint}', { current: '14', answers: { size_constraint: 15 } })).toBe(false);
    const phone = "regex(.,'^(([0-9]{1})*[- .(]*([0-9]{3})[- .)]*[0-9]{3}[- .]*[0-9]{4})+$')";
    expect(run(phone, { current: '0712 345 678' })).toBe(false); // 3+3+3 digits do not fit 3-3-4
    expect(run(phone, { current: '071 234 5678' })).toBe(true);
    expect(run('${cbh} >= 200', { answers: { cbh: '' } })).toBe(false);
  });

  test('widgets.xls constraints', () => {
    expect(run("not(selected(., 'c') and selected(., 'd'))", { current: 'a c' })).toBe(true);
    expect(run("not(selected(., 'c') and selected(., 'd'))", { current: 'd c' })).toBe(false);
  });

  test('calculate.xls and xlsform_spec_test.xlsx', () => {
    expect(run('2+2')).toBe(4);
    expect(run("if(${calculate_test_output}=${calculate_test_output}, 'success', 'error')")).toBe('success');
    expect(run("not(selected(${skip_to_end}, 'yes'))", { answers: { skip_to_end: 'yes' } })).toBe(false);
    expect(run(". <= ${a_integer}", { current: '2.5', answers: { a_integer: '3' } })).toBe(true);
    expect(run("regex(${address}, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,4}')", { answers: { address: 'ani@bps.go.id' } })).toBe(true);
    expect(run("regex(${address}, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,4}')", { answers: { address: 'Jl. Merdeka 1' } })).toBe(false);
  });
});

describe('robustness', () => {
  // A small deterministic generator (mulberry32) so failures can be replayed.
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = ['${a}', '${b}', '.', '1', '2.5', "'x'", '"y z"', '(', ')', ',', '=', '!=', '<', '>=', '+', '-', '*', ' div ', ' mod ', ' and ', ' or ', 'not(', 'if(', 'selected(', 'concat(', 'round(', 'today()', 'regex(', '$', '{', '/', '‘', ' '];

  test('parsing and evaluating random input never throws; errors point inside the text', () => {
    const next = random(20260315);
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(next() * 12);
      let src = '';
      for (let j = 0; j < n; j++) src += pieces[Math.floor(next() * pieces.length)];
      const r = parseExpression(src);
      if (r.ok) {
        expect(() => evaluate(r.ast, { answers: { a: 'x y', b: 3 }, current: '2', today: '2026-01-01' })).not.toThrow();
      } else {
        expect(r.error.position).toBeGreaterThanOrEqual(0);
        expect(r.error.position).toBeLessThanOrEqual(src.length);
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
  });
});
