import { isValidName, type Problem, type Questionnaire } from '../../../../analysis/form/types';
import type { Messages } from '../../lib/i18n/id';

/**
 * A problem found by validateQuestionnaire in the UI language, rebuilt from its structured
 * fields (question, field, list, choice, reference, position) and the questionnaire. Expression
 * problems are worded by ExpressionInput; anything not recognised keeps the model's message.
 */
export function problemText(p: Problem, q: Questionnaire, m: Messages['questionnaire']): string {
  const t = m.problems;
  const question = p.questionIndex !== null ? q.questions[p.questionIndex] : undefined;
  const list = p.list !== null ? q.choiceLists.find((l) => l.name === p.list) : undefined;
  switch (p.field) {
    case 'name':
      return question && !isValidName(question.name) ? t.nameInvalid(question.name) : t.nameTwice(question?.name ?? '');
    case 'type':
      return t.typeUnknown;
    case 'listName': {
      if (!question) break;
      const name = question.listName;
      if (name === null || name === '') return t.listMissing;
      const target = q.choiceLists.find((l) => l.name === name);
      if (question.type !== 'select_one' && question.type !== 'select_multiple' && question.type !== 'likert') return t.listNotAllowed;
      if (!target) return t.listUnknown(name);
      if (target.choices.length === 0) return t.listEmpty(name);
      if (question.type === 'likert') return t.likertList(name);
      break;
    }
    case 'calculation':
      if (p.position !== null) break;
      return question && question.calculation.trim() === '' ? t.calculationMissing : t.calculationCycle;
    case 'dimension':
      return t.dimensionUnknown;
    case 'group':
      if (/ is split /.test(p.message)) return t.groupSplit;
      if (/also the name of a question/.test(p.message)) return t.groupClash;
      return t.groupInvalid;
    case 'list':
      return p.list !== null && !isValidName(p.list) ? t.listNameInvalid(p.list) : t.listTwice(p.list ?? '');
    case 'choice': {
      const choice = list && p.choiceIndex !== null ? list.choices[p.choiceIndex] : undefined;
      if (!choice || choice.value === '') return t.choiceEmpty;
      if (/\s/.test(choice.value)) return t.choiceSpace;
      return t.choiceTwice(choice.value);
    }
    default:
      break;
  }
  return p.message;
}
