import { checkConstraint, checkRequired, computeCalculations, dateQuestionNames, isRelevant } from '../form/expr';
import type { Questionnaire } from '../form/types';
import type { AnswerValue } from './parse-answer';

export interface QuestionState {
  name: string;
  relevant: boolean;
  /** The answer after calculations (null when empty or not relevant). */
  value: AnswerValue;
  /** The first problem with the answer (required or constraint), in the requested language. */
  error: string | null;
}

export interface FormState {
  questions: QuestionState[];
  /** Questions that are not relevant but still hold an answer: the caller clears them. */
  toClear: string[];
  /** Calculated values that differ from what is stored: the caller saves them. */
  calculated: { name: string; value: AnswerValue }[];
  errorCount: number;
}

/**
 * Evaluates a whole form for data entry: relevance (in document order, so a question hidden by an
 * earlier answer is treated as empty by later conditions), calculations, required answers and
 * constraints. Pure: it reports what should be cleared or saved and changes nothing.
 */
export function evaluateForm(q: Questionnaire, stored: Readonly<Record<string, AnswerValue>>, options: { language: 'id' | 'en'; today?: string }): FormState {
  const dateNames = dateQuestionNames(q);
  const opts = { dateNames, ...(options.today ? { today: options.today } : {}) };
  const answers = new Map<string, AnswerValue>();
  for (const question of q.questions) answers.set(question.name, stored[question.name] ?? null);
  const relevant = new Map<string, boolean>();
  const toClear: string[] = [];
  for (const question of q.questions) {
    const r = isRelevant(question, answers, opts);
    relevant.set(question.name, r);
    if (!r) {
      if (answers.get(question.name) !== null && question.type !== 'calculate') toClear.push(question.name);
      answers.set(question.name, null);
    }
  }
  const withCalcs = computeCalculations(q, answers, opts);
  const calculated: { name: string; value: AnswerValue }[] = [];
  const states: QuestionState[] = q.questions.map((question) => {
    const isRel = relevant.get(question.name) ?? true;
    const value = isRel ? (withCalcs.get(question.name) ?? null) : null;
    if (question.type === 'calculate' && value !== (stored[question.name] ?? null)) calculated.push({ name: question.name, value });
    let error: string | null = null;
    if (isRel && question.type !== 'note' && question.type !== 'calculate') {
      const req = checkRequired(question, value, options.language);
      if (!req.ok) error = req.message;
      else {
        const c = checkConstraint(question, value, withCalcs, { ...opts, language: options.language });
        if (!c.ok) error = c.message;
      }
    }
    return { name: question.name, relevant: isRel, value, error };
  });
  return { questions: states, toClear, calculated, errorCount: states.filter((s) => s.error !== null).length };
}
