import { evaluateForm, type FormState } from '../../../../analysis/entry/evaluate-form';
import { parseAnswer, type AnswerValue } from '../../../../analysis/entry/parse-answer';
import type { Problem, Question, Questionnaire } from '../../../../analysis/form/types';

export type { AnswerValue };

/**
 * The form as data entry would evaluate it, for the designer's preview. Expressions with
 * problems are left out (the editor shows those problems), so a half-typed rule never breaks
 * the preview. Null if the form cannot be evaluated at all.
 */
export function previewForm(q: Questionnaire, problems: readonly Problem[], answers: Record<string, AnswerValue>, language: 'id' | 'en'): FormState | null {
  const broken = new Set(problems.filter((p) => p.questionIndex !== null && (p.field === 'relevant' || p.field === 'constraint' || p.field === 'calculation')).map((p) => `${p.questionIndex}:${p.field}`));
  const sound: Questionnaire = {
    ...q,
    questions: q.questions.map((x, i) => ({
      ...x,
      relevant: broken.has(`${i}:relevant`) ? '' : x.relevant,
      constraint: broken.has(`${i}:constraint`) ? '' : x.constraint,
      calculation: broken.has(`${i}:calculation`) ? '' : x.calculation,
    })),
  };
  try {
    return evaluateForm(sound, answers, { language, today: new Date().toISOString().slice(0, 10) });
  } catch {
    return null;
  }
}

/** Parses what was typed in the preview: the value, or the message in the UI language. */
export function previewAnswer(question: Question, raw: string | number | null, q: Questionnaire, language: 'id' | 'en'): { ok: true; value: AnswerValue } | { ok: false; message: string } {
  try {
    const r = parseAnswer(question, raw, q);
    return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message[language] };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
