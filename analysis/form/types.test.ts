import { describe, expect, test } from 'vitest';
import { blankQuestion, emptyText, validateQuestionnaire, type Question, type Questionnaire } from './types';

function question(over: Partial<Question> & { name: string }): Question {
  return blankQuestion(over.name, over.type ?? 'text', { label: { id: over.name, en: over.name }, ...over });
}

const likertList = { name: 'setuju', choices: ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: { id: v, en: v } })) };

function form(questions: Question[], choiceLists = [likertList]): Questionnaire {
  return { title: 'T', formId: 't', version: '1', defaultLanguage: 'id', questions, choiceLists };
}

describe('validateQuestionnaire', () => {
  test('a sound questionnaire has no problems', () => {
    const q = form([
      question({ name: 'member', type: 'select_one', listName: 'setuju' }),
      question({ name: 'puas', type: 'likert', listName: 'setuju', dimension: 'manfaat', reverse: true, relevant: "${member} = '1'" }),
      question({ name: 'age', type: 'integer', constraint: '. >= 15' }),
      question({ name: 'score', type: 'calculate', calculation: '6 - ${puas}' }),
    ]);
    expect(validateQuestionnaire(q)).toEqual([]);
  });

  test('names: invalid and duplicate', () => {
    const problems = validateQuestionnaire(form([question({ name: '1st' }), question({ name: 'a b' }), question({ name: 'x' }), question({ name: 'x' })]));
    expect(problems.map((p) => [p.question, p.field, p.questionIndex])).toEqual([
      ['1st', 'name', 0],
      ['a b', 'name', 1],
      ['x', 'name', 3],
    ]);
    expect(problems[2].message).toBe("Question name 'x' is used twice (questions 3 and 4)");
  });

  test('select questions need an existing list; likert needs 1..5', () => {
    const problems = validateQuestionnaire(
      form(
        [
          question({ name: 'a', type: 'select_one', listName: null }),
          question({ name: 'b', type: 'select_multiple', listName: 'nope' }),
          question({ name: 'c', type: 'likert', listName: 'yn' }),
          question({ name: 'd', type: 'text', listName: 'yn' }),
          question({ name: 'e', type: 'select_one', listName: 'empty' }),
        ],
        [likertList, { name: 'yn', choices: [{ value: 'y', label: emptyText() }, { value: 'n', label: emptyText() }] }, { name: 'empty', choices: [] }],
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "Question 'a': select_one needs a choice list",
      "Question 'b': choice list 'nope' does not exist",
      "Question 'c': a likert question needs a list with the values 1, 2, 3, 4, 5; 'yn' has y, n",
      "Question 'd': a text question has no choice list (found 'yn')",
      "Question 'e': choice list 'empty' has no choices",
    ]);
  });

  test('lists: duplicate, empty and space-containing values, duplicate lists, invalid names', () => {
    const bad = { name: 'l', choices: ['a', 'a', '', 'b c'].map((v) => ({ value: v, label: emptyText() })) };
    const problems = validateQuestionnaire(form([], [bad, { name: 'l', choices: [] }, { name: '9x', choices: [] }]));
    expect(problems.map((p) => [p.list, p.choiceIndex, p.message])).toEqual([
      ['l', 1, "List 'l': value 'a' occurs more than once"],
      ['l', 2, "List 'l': choice 3 has no value"],
      ['l', 3, "List 'l': value 'b c' contains a space (select-multiple answers are space-separated)"],
      ['l', null, "List 'l' is defined twice"],
      ['9x', null, "List name '9x' is not valid: use a letter or '_' first, then letters, digits, '_', '-' or '.'"],
    ]);
  });

  test('expressions: parse errors with position, unknown references', () => {
    const problems = validateQuestionnaire(
      form([
        question({ name: 'a', relevant: '${b} >' }),
        question({ name: 'b', constraint: '. > ${nope}' }),
        question({ name: 'c', calculation: 'foo(1)' }),
      ]),
    );
    expect(problems.map((p) => [p.question, p.field, p.position, p.reference, p.message])).toEqual([
      ['a', 'relevant', 6, null, "Question 'a': relevant '${b} >': position 6: expected a value at the end of the expression"],
      ['b', 'constraint', 4, 'nope', "Question 'b': constraint refers to ${nope} at position 4, but there is no question 'nope'"],
      ['c', 'calculation', 0, null, "Question 'c': calculation 'foo(1)': position 0: unknown function 'foo'"],
    ]);
  });

  test('calculate needs a calculation; calculations must not depend on themselves', () => {
    const problems = validateQuestionnaire(
      form([
        question({ name: 'empty', type: 'calculate' }),
        question({ name: 'x', type: 'calculate', calculation: '${y} + 1' }),
        question({ name: 'y', type: 'calculate', calculation: '${x} + 1' }),
        question({ name: 'self', type: 'calculate', calculation: '${self}' }),
      ]),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "Question 'empty': a calculate question needs a calculation",
      "Question 'x': calculation depends on itself (${x} -> ${y} -> ${x})",
      "Question 'self': calculation depends on itself (${self} -> ${self})",
    ]);
  });

  test("a group's questions must be consecutive; group names must not be question names", () => {
    const g = (name: string) => ({ name, label: emptyText() });
    const problems = validateQuestionnaire(
      form([
        question({ name: 'a', group: g('outer/x') }),
        question({ name: 'b', group: g('outer/y') }),
        question({ name: 'c' }),
        question({ name: 'd', group: g('outer/x') }),
        question({ name: 'e', group: g('c') }),
      ]),
    );
    expect(problems.map((p) => [p.question, p.field, p.message])).toEqual([
      ['d', 'group', "Question 'd': group 'outer' is split (questions 2 and 4 are in it, those between are not); a group's questions must be consecutive"],
      ['d', 'group', "Question 'd': group 'outer/x' is split (questions 1 and 4 are in it, those between are not); a group's questions must be consecutive"],
      ['e', 'group', "Question 'e': group name 'c' is also the name of a question"],
    ]);
  });

  test('type, dimension and group names read from stored data are checked', () => {
    const raw = JSON.parse(JSON.stringify(form([question({ name: 'a', group: { name: 'g/9', label: emptyText() } })]))) as Questionnaire;
    (raw.questions[0] as unknown as Record<string, unknown>).type = 'geopoint';
    (raw.questions[0] as unknown as Record<string, unknown>).dimension = 'biaya';
    expect(validateQuestionnaire(raw).map((p) => p.message)).toEqual([
      "Question 'a': unknown type 'geopoint'",
      "Question 'a': unknown dimension 'biaya' (use akses, pemahaman, manfaat)",
      "Question 'a': group name 'g/9' is not valid",
    ]);
  });
});
