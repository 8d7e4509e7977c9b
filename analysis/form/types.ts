/**
 * The questionnaire model of Kajian: what an enumerator fills in, in plain JSON-serialisable
 * data (the database layer maps its rows to it; XLSForm import and export read and write
 * it). Texts are held in both UI languages; the form's default language says which one the
 * form was written in.
 */
import { dependencies, parseExpression, references } from './expr/parser';
import { NAME_PATTERN } from './expr/tokenizer';

/** A text in both UI languages. An empty string means "not written in this language". */
export interface Text {
  id: string;
  en: string;
}

/** The kinds of question Kajian can ask. `likert` is a select_one over a list with the values 1..5. */
export type QuestionType = 'select_one' | 'select_multiple' | 'likert' | 'integer' | 'decimal' | 'text' | 'date' | 'note' | 'calculate';

/** Every question type, in a stable order. */
export const QUESTION_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple', 'likert', 'integer', 'decimal', 'text', 'date', 'note', 'calculate'];

/** The dimensions of the effectiveness index a question may count towards. */
export type Dimension = 'akses' | 'pemahaman' | 'manfaat';

/** Every dimension. */
export const DIMENSIONS: readonly Dimension[] = ['akses', 'pemahaman', 'manfaat'];

/** The group a question sits in; nested groups have their names joined with '/' (outer/inner) and the innermost label. */
export interface QuestionGroup {
  name: string;
  label: Text;
}

/** One question (or note, or calculation) of a questionnaire. Expressions use the language of ./expr. */
export interface Question {
  /** Variable name: a letter or '_', then letters, digits, '_', '-', '.'. Unique in the questionnaire. */
  name: string;
  type: QuestionType;
  label: Text;
  hint: Text;
  required: boolean;
  requiredMessage: Text;
  /** Expression that must be true for a (non-empty) answer; `.` is the answer. '' = none. */
  constraint: string;
  constraintMessage: Text;
  /** Expression deciding whether the question is asked. '' = always. */
  relevant: string;
  /** Expression computing the value (for `calculate`; on other types a computed default). '' = none. */
  calculation: string;
  /** The choice list of select_one / select_multiple / likert; null for other types. */
  listName: string | null;
  group: QuestionGroup | null;
  /** The answer identifies a person (name, phone, NIK...): kept out of exports and reports. */
  personalData: boolean;
  /** The index dimension this item counts towards, if any. */
  dimension: Dimension | null;
  /** The item is worded negatively: its score is reversed (6 - x on a 1..5 scale) in the index. */
  reverse: boolean;
  /** XLSForm appearance, kept as written (for example `minimal`, `multiline`). */
  appearance: string;
}

/** One choice of a list: the stored code and its label. */
export interface Choice {
  value: string;
  label: Text;
}

/** A named list of choices used by select questions. */
export interface ChoiceList {
  name: string;
  choices: Choice[];
}

/** A questionnaire: questions in order, and the choice lists they use. */
export interface Questionnaire {
  title: string;
  formId: string;
  version: string;
  defaultLanguage: 'id' | 'en';
  questions: Question[];
  choiceLists: ChoiceList[];
}

/** The fields of a question holding an expression. */
export type ExpressionField = 'relevant' | 'constraint' | 'calculation';

/** One problem found by validateQuestionnaire. `message` is complete on its own; the other fields locate it. */
export interface Problem {
  message: string;
  /** The question at fault (its name) and its index in `questions`; null for list problems. */
  question: string | null;
  questionIndex: number | null;
  /** The field at fault. */
  field: 'name' | 'type' | 'listName' | 'group' | 'dimension' | 'calculation' | 'relevant' | 'constraint' | 'list' | 'choice' | null;
  /** The list at fault (list problems), and the choice's index in it. */
  list: string | null;
  choiceIndex: number | null;
  /** For expression problems: 0-based character offset in the expression. */
  position: number | null;
  /** For references to unknown questions: the name referred to. */
  reference: string | null;
}

/** An empty text. */
export function emptyText(): Text {
  return { id: '', en: '' };
}

/** A question of the given type with every other field at its neutral value (empty texts, not required, no expressions, no list), overridden by `over`. */
export function blankQuestion(name: string, type: QuestionType, over: Partial<Question> = {}): Question {
  return {
    name,
    type,
    label: emptyText(),
    hint: emptyText(),
    required: false,
    requiredMessage: emptyText(),
    constraint: '',
    constraintMessage: emptyText(),
    relevant: '',
    calculation: '',
    listName: null,
    group: null,
    personalData: false,
    dimension: null,
    reverse: false,
    appearance: '',
    ...over,
  };
}

/** True if `name` is a valid question, group or list name (XLSForm / XML name rules). */
export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** True for the select types (which need a choice list). */
export function isSelectType(type: QuestionType): boolean {
  return type === 'select_one' || type === 'select_multiple' || type === 'likert';
}

const EXPRESSION_FIELDS: readonly ExpressionField[] = ['relevant', 'constraint', 'calculation'];
const LIKERT_VALUES = ['1', '2', '3', '4', '5'];

function problem(message: string, at: Partial<Problem>): Problem {
  return { message, question: null, questionIndex: null, field: null, list: null, choiceIndex: null, position: null, reference: null, ...at };
}

/**
 * Checks a questionnaire and returns every problem found (an empty list when it is sound):
 * invalid or duplicate names, unknown types and dimensions, select questions without a
 * list or with a list that does not exist, likert questions whose list is not 1..5, lists
 * with duplicate, empty or space-containing values, expressions that do not parse (with
 * the position), references to unknown questions, calculate questions without a
 * calculation, calculations that depend on themselves, groups whose questions are not
 * consecutive, and group names that are also question names.
 */
export function validateQuestionnaire(q: Questionnaire): Problem[] {
  const problems: Problem[] = [];
  const lists = new Map<string, ChoiceList>();
  q.choiceLists.forEach((list) => {
    if (!isValidName(list.name)) problems.push(problem(`List name '${list.name}' is not valid: use a letter or '_' first, then letters, digits, '_', '-' or '.'`, { field: 'list', list: list.name }));
    if (lists.has(list.name)) problems.push(problem(`List '${list.name}' is defined twice`, { field: 'list', list: list.name }));
    else lists.set(list.name, list);
    const seen = new Set<string>();
    list.choices.forEach((choice, choiceIndex) => {
      const at = { field: 'choice' as const, list: list.name, choiceIndex };
      if (choice.value === '') problems.push(problem(`List '${list.name}': choice ${choiceIndex + 1} has no value`, at));
      else if (/\s/.test(choice.value)) problems.push(problem(`List '${list.name}': value '${choice.value}' contains a space (select-multiple answers are space-separated)`, at));
      if (seen.has(choice.value)) problems.push(problem(`List '${list.name}': value '${choice.value}' occurs more than once`, at));
      seen.add(choice.value);
    });
  });

  const names = new Map<string, number>();
  q.questions.forEach((question, index) => {
    const at = { question: question.name, questionIndex: index };
    if (!isValidName(question.name)) {
      problems.push(problem(`Question name '${question.name}' is not valid: use a letter or '_' first, then letters, digits, '_', '-' or '.'`, { ...at, field: 'name' }));
    }
    const first = names.get(question.name);
    if (first !== undefined) problems.push(problem(`Question name '${question.name}' is used twice (questions ${first + 1} and ${index + 1})`, { ...at, field: 'name' }));
    else names.set(question.name, index);
  });

  q.questions.forEach((question, index) => {
    const at = { question: question.name, questionIndex: index };
    const label = `Question '${question.name}'`;
    if (!QUESTION_TYPES.includes(question.type)) {
      problems.push(problem(`${label}: unknown type '${String(question.type)}'`, { ...at, field: 'type' }));
    } else if (isSelectType(question.type)) {
      if (question.listName === null || question.listName === '') {
        problems.push(problem(`${label}: ${question.type} needs a choice list`, { ...at, field: 'listName' }));
      } else {
        const list = lists.get(question.listName);
        if (list === undefined) problems.push(problem(`${label}: choice list '${question.listName}' does not exist`, { ...at, field: 'listName' }));
        else if (list.choices.length === 0) problems.push(problem(`${label}: choice list '${question.listName}' has no choices`, { ...at, field: 'listName' }));
        else if (question.type === 'likert') {
          const values = list.choices.map((c) => c.value);
          if (values.length !== 5 || !LIKERT_VALUES.every((v) => values.includes(v))) {
            problems.push(problem(`${label}: a likert question needs a list with the values 1, 2, 3, 4, 5; '${question.listName}' has ${values.join(', ')}`, { ...at, field: 'listName' }));
          }
        }
      }
    } else if (question.listName !== null) {
      problems.push(problem(`${label}: a ${question.type} question has no choice list (found '${question.listName}')`, { ...at, field: 'listName' }));
    }
    if (question.type === 'calculate' && question.calculation.trim() === '') {
      problems.push(problem(`${label}: a calculate question needs a calculation`, { ...at, field: 'calculation' }));
    }
    if (question.dimension !== null && !DIMENSIONS.includes(question.dimension)) {
      problems.push(problem(`${label}: unknown dimension '${String(question.dimension)}' (use ${DIMENSIONS.join(', ')})`, { ...at, field: 'dimension' }));
    }
    if (question.group !== null && (question.group.name === '' || !question.group.name.split('/').every(isValidName))) {
      problems.push(problem(`${label}: group name '${question.group.name}' is not valid`, { ...at, field: 'group' }));
    }
    for (const field of EXPRESSION_FIELDS) {
      const src = question[field];
      if (src.trim() === '') continue;
      const parsed = parseExpression(src);
      if (!parsed.ok) {
        problems.push(problem(`${label}: ${field} '${src}': position ${parsed.error.position}: ${parsed.error.message}`, { ...at, field, position: parsed.error.position }));
        continue;
      }
      for (const ref of references(parsed.ast)) {
        if (!names.has(ref.name)) {
          problems.push(problem(`${label}: ${field} refers to \${${ref.name}} at position ${ref.start}, but there is no question '${ref.name}'`, { ...at, field, position: ref.start, reference: ref.name }));
        }
      }
    }
  });

  problems.push(...groupProblems(q, names));
  problems.push(...calculationCycles(q));
  return problems;
}

/**
 * Groups must be written as one block in XLSForm (two groups of the same name are a
 * duplicate name for ODK), so the questions of a group (and of each enclosing group) must
 * be consecutive; a group may not share its name with a question.
 */
function groupProblems(q: Questionnaire, names: ReadonlyMap<string, number>): Problem[] {
  const out: Problem[] = [];
  const lastSeen = new Map<string, number>();
  const reported = new Set<string>();
  q.questions.forEach((question, index) => {
    if (question.group === null) return;
    const segments = question.group.name.split('/');
    segments.forEach((segment, depth) => {
      const path = segments.slice(0, depth + 1).join('/');
      const last = lastSeen.get(path);
      if (last !== undefined && last !== index - 1 && !reported.has(path)) {
        reported.add(path);
        out.push(problem(`Question '${question.name}': group '${path}' is split (questions ${last + 1} and ${index + 1} are in it, those between are not); a group's questions must be consecutive`, { question: question.name, questionIndex: index, field: 'group' }));
      }
      lastSeen.set(path, index);
      if (names.has(segment) && !reported.has('name:' + segment)) {
        reported.add('name:' + segment);
        out.push(problem(`Question '${question.name}': group name '${segment}' is also the name of a question`, { question: question.name, questionIndex: index, field: 'group' }));
      }
    });
  });
  return out;
}

/** Problems for calculations that depend (directly or through other calculations) on themselves. */
function calculationCycles(q: Questionnaire): Problem[] {
  const deps = new Map<string, string[]>();
  q.questions.forEach((question) => {
    if (question.calculation.trim() === '') return;
    const parsed = parseExpression(question.calculation);
    if (parsed.ok) deps.set(question.name, dependencies(parsed.ast));
  });
  const state = new Map<string, 'active' | 'done'>();
  const reported = new Set<string>();
  const out: Problem[] = [];
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'active') {
      const cycle = path.slice(path.indexOf(name));
      const key = [...cycle].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        const index = q.questions.findIndex((x) => x.name === name);
        out.push(problem(`Question '${name}': calculation depends on itself (${[...cycle, name].map((n) => '${' + n + '}').join(' -> ')})`, { question: name, questionIndex: index, field: 'calculation' }));
      }
      return;
    }
    state.set(name, 'active');
    for (const dep of deps.get(name) ?? []) if (deps.has(dep)) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of deps.keys()) visit(name, []);
  return out;
}
