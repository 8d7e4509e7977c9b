/**
 * The syntax tree of a Kajian / XLSForm expression (see README.md in this folder).
 *
 * Every node carries `start` and `end`: 0-based character offsets into the source text
 * (end exclusive), so that validation can point at the part of an expression at fault.
 * Nodes are plain data and JSON-serialisable.
 */

/** A binary operator, written as in XLSForm (`div` and `mod` are words). */
export type BinaryOperator = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

/** A number literal such as `17` or `2.5`. */
export interface NumberNode {
  kind: 'number';
  value: number;
  start: number;
  end: number;
}

/** A string literal: `'text'` or `"text"` (XPath has no escapes inside strings). */
export interface StringNode {
  kind: 'string';
  value: string;
  start: number;
  end: number;
}

/** A reference to another question's answer: `${name}`. */
export interface RefNode {
  kind: 'ref';
  name: string;
  start: number;
  end: number;
}

/** The current answer, `.` (the question the expression belongs to). */
export interface CurrentNode {
  kind: 'current';
  start: number;
  end: number;
}

/** Unary minus: `-x`. */
export interface NegateNode {
  kind: 'negate';
  operand: Expr;
  start: number;
  end: number;
}

/** `left op right`. */
export interface BinaryNode {
  kind: 'binary';
  op: BinaryOperator;
  left: Expr;
  right: Expr;
  start: number;
  end: number;
}

/** A function call such as `selected(${q}, 'x')`. The name is one of the supported functions. */
export interface CallNode {
  kind: 'call';
  name: string;
  args: Expr[];
  start: number;
  end: number;
}

/** Any expression node. */
export type Expr = NumberNode | StringNode | RefNode | CurrentNode | NegateNode | BinaryNode | CallNode;

/** Where and why an expression could not be read. `position` is a 0-based character offset. */
export interface ExprError {
  position: number;
  message: string;
}

/** The result of parsing: the tree, or the first error found. */
export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExprError };
