import { describe, expect, test } from 'vitest';
import { smallQuestionnaire } from './fixtures';
import { evaluateForm } from './evaluate-form';
import { parseAnswer } from './parse-answer';

const q = smallQuestionnaire();
const byName = (name: string) => q.questions.find((x) => x.name === name)!;

describe('parseAnswer', () => {
  test('integers, decimals with a comma, dates, choices', () => {
    expect(parseAnswer(byName('umur'), '41', q)).toEqual({ ok: true, value: 41 });
    expect(parseAnswer(byName('umur'), '4.5', q)).toMatchObject({ ok: false, message: { en: '"4.5" is not a whole number.' } });
    expect(parseAnswer({ ...byName('umur'), type: 'decimal' }, '2,5', q)).toEqual({ ok: true, value: 2.5 });
    expect(parseAnswer({ ...byName('umur'), type: 'date' }, '31/12/2024', q)).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseAnswer({ ...byName('umur'), type: 'date' }, '2024-02-30', q)).toMatchObject({ ok: false, message: { id: 'Tanggal 2024-02-30 tidak ada.' } });
    expect(parseAnswer(byName('peserta_aktif'), 'ya', q)).toEqual({ ok: true, value: 'ya' });
    expect(parseAnswer(byName('peserta_aktif'), 'mungkin', q)).toMatchObject({ ok: false, message: { en: '"mungkin" is not one of the choices (ya, tidak).' } });
    expect(parseAnswer(byName('program'), 'jkm, jkk', q)).toEqual({ ok: true, value: 'jkk jkm' });
    expect(parseAnswer(byName('program'), 'jkk xyz', q)).toMatchObject({ ok: false, message: { en: 'Not among the choices: xyz.' } });
    expect(parseAnswer(byName('akses1'), '4', q)).toEqual({ ok: true, value: 4 });
    expect(parseAnswer(byName('akses1'), '6', q).ok).toBe(false);
    expect(parseAnswer(byName('umur'), '  ', q)).toEqual({ ok: true, value: null });
  });
});

describe('evaluateForm', () => {
  test('relevance hides the reason for participants and asks for it from non-participants', () => {
    const s = evaluateForm(q, { umur: 30, peserta_aktif: 'ya', alasan_tidak_ikut: 'administrasi' }, { language: 'id' });
    const st = Object.fromEntries(s.questions.map((x) => [x.name, x]));
    expect(st.alasan_tidak_ikut!.relevant).toBe(false);
    expect(st.program!.relevant).toBe(true);
    expect(s.toClear).toEqual(['alasan_tidak_ikut']);
    const t = evaluateForm(q, { umur: 30, peserta_aktif: 'tidak', program: 'jkk' }, { language: 'id' });
    expect(t.toClear).toEqual(['program']);
  });

  test('required and constraint messages in the requested language', () => {
    const s = evaluateForm(q, { umur: 12 }, { language: 'en' });
    const st = Object.fromEntries(s.questions.map((x) => [x.name, x]));
    expect(st.umur!.error).toBe('Age 15-99');
    expect(st.peserta_aktif!.error).toBe('This question requires an answer.');
    expect(s.errorCount).toBe(2);
    const ok = evaluateForm(q, { umur: 40, peserta_aktif: 'tidak' }, { language: 'id' });
    expect(ok.errorCount).toBe(0);
  });
});
