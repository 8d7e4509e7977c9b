/** The expression language of Kajian questionnaires (see README.md in this folder). */
export type { BinaryOperator, Expr, ExprError, ParseResult } from './ast';
export { tokenize, NAME_PATTERN, type Token, type TokenKind, type TokenizeResult } from './tokenizer';
export { parseExpression, dependencies, references } from './parser';
export { evaluate, readAnswer, type AnswerValue, type Answers, type EvalContext } from './evaluate';
export { FUNCTIONS, type FunctionSpec } from './functions';
export { toBoolean, toNumber, toText, compare, type Value, type DateValue } from './values';
export { isRelevant, checkConstraint, checkRequired, calculateValue, computeCalculations, dateQuestionNames, toAnswer, type LogicOptions, type CheckResult } from './form-logic';
