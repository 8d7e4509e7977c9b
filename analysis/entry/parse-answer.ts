import type { Question, Questionnaire } from '../form/types';

export type AnswerValue = string | number | null;
export type ParseAnswerResult = { ok: true; value: AnswerValue } | { ok: false; message: { id: string; en: string } };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Turns what an enumerator typed (or an imported cell) into the stored value of a question, or
 * says why it cannot: integers must be whole numbers; decimals accept a decimal comma (2,5) or
 * point; dates are YYYY-MM-DD or DD/MM/YYYY; select_one takes a choice code; select_multiple
 * takes codes separated by spaces or commas; Likert takes 1-5 (or its list's codes).
 * Empty input is null (required-ness is checked elsewhere).
 */
export function parseAnswer(question: Question, raw: string | number | null, questionnaire: Questionnaire): ParseAnswerResult {
  if (raw === null) return { ok: true, value: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, message: { id: 'Bukan angka yang sah.', en: 'Not a valid number.' } };
    raw = String(raw);
  }
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const list = question.listName ? questionnaire.choiceLists.find((l) => l.name === question.listName) : undefined;
  const codes = list ? list.choices.map((c) => c.value) : [];
  switch (question.type) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text)) return { ok: false, message: { id: `"${text}" bukan bilangan bulat.`, en: `"${text}" is not a whole number.` } };
      const n = Number(text);
      if (!Number.isSafeInteger(n)) return { ok: false, message: { id: 'Angka terlalu besar.', en: 'The number is too large.' } };
      return { ok: true, value: n };
    }
    case 'decimal': {
      const normalised = /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return { ok: false, message: { id: `"${text}" bukan angka.`, en: `"${text}" is not a number.` } };
      return { ok: true, value: Number(normalised) };
    }
    case 'date': {
      let m = ISO_DATE.exec(text);
      let y: number, mo: number, d: number;
      if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if ((m = DMY_DATE.exec(text))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else return { ok: false, message: { id: `"${text}" bukan tanggal (TTTT-BB-HH atau HH/BB/TTTT).`, en: `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY).` } };
      if (!validDate(y, mo, d)) return { ok: false, message: { id: `Tanggal ${text} tidak ada.`, en: `There is no date ${text}.` } };
      return { ok: true, value: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
    }
    case 'likert':
    case 'select_one': {
      if (!codes.includes(text)) return { ok: false, message: { id: `"${text}" bukan pilihan yang tersedia (${codes.join(', ')}).`, en: `"${text}" is not one of the choices (${codes.join(', ')}).` } };
      if (question.type === 'likert' && /^\d+$/.test(text)) return { ok: true, value: Number(text) };
      return { ok: true, value: text };
    }
    case 'select_multiple': {
      const parts = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
      const bad = parts.filter((p) => !codes.includes(p));
      if (bad.length) return { ok: false, message: { id: `Bukan pilihan yang tersedia: ${bad.join(', ')}.`, en: `Not among the choices: ${bad.join(', ')}.` } };
      // Stored in the list's order, as ODK does.
      return { ok: true, value: codes.filter((c) => parts.includes(c)).join(' ') };
    }
    case 'text':
      return { ok: true, value: raw };
    case 'note':
      return { ok: false, message: { id: 'Catatan tidak memiliki jawaban.', en: 'A note takes no answer.' } };
    case 'calculate':
      return { ok: false, message: { id: 'Nilai ini dihitung otomatis.', en: 'This value is calculated.' } };
  }
}
