import { describe, expect, test } from 'vitest';
import { blankQuestion, emptyText, type Question, type Questionnaire } from '../types';
import { calculateValue, checkConstraint, checkRequired, computeCalculations, dateQuestionNames, isRelevant, toAnswer } from './form-logic';

function question(over: Partial<Question> & { name: string }): Question {
  return blankQuestion(over.name, over.type ?? 'text', over);
}

describe('isRelevant', () => {
  const q = question({ name: 'jkk', relevant: "${member} = 'yes' and ${age} >= 18" });
  test('evaluates the relevant expression against the answers', () => {
    expect(isRelevant(q, { member: 'yes', age: '30' })).toBe(true);
    expect(isRelevant(q, { member: 'no', age: '30' })).toBe(false);
    expect(isRelevant(q, { member: 'yes', age: '' })).toBe(false); // empty age: NaN >= 18 is false
    expect(isRelevant(q, new Map<string, string | number>([['member', 'yes'], ['age', 18]]))).toBe(true);
  });
  test('no condition, or one that does not parse, means asked', () => {
    expect(isRelevant(question({ name: 'a' }), {})).toBe(true);
    expect(isRelevant(question({ name: 'a', relevant: '${b} =' }), {})).toBe(true);
  });
  test('dates in relevance use the injected today', () => {
    const d = question({ name: 'late', relevant: '${visit} < today()' });
    const opts = { today: '2026-05-01', dateNames: new Set(['visit']) };
    expect(isRelevant(d, { visit: '2026-04-30' }, opts)).toBe(true);
    expect(isRelevant(d, { visit: '2026-05-01' }, opts)).toBe(false);
  });
});

describe('checkConstraint and checkRequired', () => {
  const age = question({ name: 'age', type: 'integer', constraint: '. >= 15 and . <= ${max_age}', constraintMessage: { id: 'Umur 15 sampai ${max_age}', en: '' } });
  test('passes good answers, fails bad ones with the message in the language asked (falling back to the other)', () => {
    expect(checkConstraint(age, '20', { max_age: 99 })).toEqual({ ok: true });
    expect(checkConstraint(age, 12, { max_age: 99 })).toEqual({ ok: false, message: 'Umur 15 sampai ${max_age}' });
    expect(checkConstraint(age, 120, { max_age: 99 }, { language: 'en' })).toEqual({ ok: false, message: 'Umur 15 sampai ${max_age}' });
  });
  test('empty answers pass (required is a separate check); generic message when none is written', () => {
    expect(checkConstraint(age, '', {})).toEqual({ ok: true });
    expect(checkConstraint(age, null, {})).toEqual({ ok: true });
    const noMessage = question({ name: 'n', constraint: 'string-length(.) = 16' });
    expect(checkConstraint(noMessage, '123', {}, { language: 'en' })).toEqual({ ok: false, message: 'The answer does not meet the condition.' });
    expect(checkConstraint(noMessage, '123', {})).toEqual({ ok: false, message: 'Jawaban tidak memenuhi syarat.' });
  });
  test('a date question compares its own answer as a date', () => {
    const d = question({ name: 'd', type: 'date', constraint: '. <= today()' });
    expect(checkConstraint(d, '2026-01-01', {}, { today: '2026-01-01' })).toEqual({ ok: true });
    expect(checkConstraint(d, '2026-01-02', {}, { today: '2026-01-01' }).ok).toBe(false);
  });
  test('select-multiple constraint on the current answer', () => {
    const s = question({ name: 's', type: 'select_multiple', listName: 'l', constraint: "not(selected(., 'none') and count-selected(.) > 1)" });
    expect(checkConstraint(s, 'jkk jkm', {}).ok).toBe(true);
    expect(checkConstraint(s, 'none jkm', {}).ok).toBe(false);
  });
  test('required', () => {
    const r = question({ name: 'r', required: true, requiredMessage: { id: '', en: 'Please answer' } });
    expect(checkRequired(r, ' ')).toEqual({ ok: false, message: 'Please answer' });
    expect(checkRequired(r, 0)).toEqual({ ok: true });
    expect(checkRequired(question({ name: 'x', required: true }), null, 'en')).toEqual({ ok: false, message: 'This question requires an answer.' });
    expect(checkRequired(question({ name: 'x' }), null)).toEqual({ ok: true });
  });
});

describe('calculations', () => {
  test('calculateValue turns values into stored answers', () => {
    expect(calculateValue(question({ name: 'c', type: 'calculate', calculation: '${a} * 2' }), { a: '2.5' })).toBe(5);
    expect(calculateValue(question({ name: 'c', type: 'calculate', calculation: '${a} div 0' }), { a: '1' })).toBeNull();
    expect(calculateValue(question({ name: 'c', type: 'calculate', calculation: "concat(${a}, '!')" }), { a: 'hi' })).toBe('hi!');
    expect(calculateValue(question({ name: 'c', type: 'calculate', calculation: '${a} > 1' }), { a: 2 })).toBe('true');
    expect(calculateValue(question({ name: 'c', type: 'calculate', calculation: 'today()' }), {}, { today: '2026-07-01' })).toBe('2026-07-01');
    expect(calculateValue(question({ name: 'c', type: 'calculate', calculation: '' }), {})).toBeNull();
    expect(toAnswer('')).toBeNull();
  });

  test('computeCalculations runs calculations after those they depend on, leaves input untouched', () => {
    const q: Questionnaire = {
      title: 't',
      formId: 't',
      version: '1',
      defaultLanguage: 'id',
      choiceLists: [],
      questions: [
        question({ name: 'total', type: 'calculate', calculation: '${sub} + ${c}' }),
        question({ name: 'sub', type: 'calculate', calculation: '${a} + ${b}' }),
        question({ name: 'a', type: 'integer' }),
        question({ name: 'b', type: 'integer' }),
        question({ name: 'c', type: 'integer' }),
        question({ name: 'hidden', type: 'calculate', calculation: '1', relevant: '${a} > 100' }),
        question({ name: 'dob', type: 'date' }),
        question({ name: 'days', type: 'calculate', calculation: 'today() - ${dob}' }),
      ],
    };
    const answers = Object.freeze({ a: '1', b: '2', c: 3, dob: '2026-06-01' });
    const out = computeCalculations(q, answers, { today: '2026-06-11' });
    expect(out.get('sub')).toBe(3);
    expect(out.get('total')).toBe(6);
    expect(out.get('hidden')).toBeNull();
    expect(out.get('days')).toBe(10);
    expect(answers).toEqual({ a: '1', b: '2', c: 3, dob: '2026-06-01' });
    expect(dateQuestionNames(q)).toEqual(new Set(['dob']));
  });
});
