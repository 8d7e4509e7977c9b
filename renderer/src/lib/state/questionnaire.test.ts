import { describe, expect, test } from 'vitest';
import { smallQuestionnaire } from '../../../../analysis/entry/fixtures';
import { previewAnswer, previewForm } from '../../components/questionnaire/preview';
import type { AppState } from './app.svelte';
import { DesignerState } from './questionnaire.svelte';

function designer(): DesignerState {
  const app = { project: { path: '/tmp/x.kajian', info: { title: 'Survei BPJS 2025' } } } as unknown as AppState;
  return new DesignerState(app);
}

describe('questionnaire designer state', () => {
  test('adding questions: unique names, after the selected one; select types get a list, Likert the 1..5 agreement list', () => {
    const d = designer();
    d.addQuestion('text');
    d.addQuestion('select_one');
    d.addQuestion('likert');
    d.addQuestion('likert');
    expect(d.draft.questions.map((q) => q.name)).toEqual(['q1', 'q2', 'likert3', 'likert4']);
    expect(d.selected).toBe(3);
    expect(d.draft.questions[1]!.listName).toBe('q2');
    expect(d.draft.choiceLists.map((l) => l.name)).toEqual(['q2', 'likert5']);
    const likert = d.draft.choiceLists[1]!;
    expect(likert.choices.map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(likert.choices[0]!.label).toEqual({ id: 'Sangat tidak setuju', en: 'Strongly disagree' });
    expect(likert.choices[4]!.label).toEqual({ id: 'Sangat setuju', en: 'Strongly agree' });
    expect(d.draft.questions[3]!.listName).toBe('likert5');
    // The empty list of q2 is reported against q2.
    expect(d.problems.map((p) => [p.question, p.field])).toEqual([['q2', 'listName']]);
  });

  test('reorder, delete and undo; the draft is dirty until it matches what was saved', () => {
    const d = designer();
    d.draft = smallQuestionnaire();
    d.savedJson = JSON.stringify(smallQuestionnaire());
    expect(d.dirty).toBe(false);
    d.selected = 1;
    expect(d.move(1, -1)).toBe(true);
    expect(d.selected).toBe(0);
    expect(d.move(0, -1)).toBe(false);
    expect(d.draft.questions.map((q) => q.name).slice(0, 2)).toEqual(['umur', 'nama']);
    expect(d.dirty).toBe(true);
    d.move(0, 1);
    expect(d.dirty).toBe(false);
    d.remove(2);
    expect(d.draft.questions.map((q) => q.name)).not.toContain('peserta_aktif');
    // relevance of later questions now refers to a missing question
    expect(d.problems.some((p) => p.reference === 'peserta_aktif')).toBe(true);
    d.undoRemove();
    expect(d.draft.questions[2]!.name).toBe('peserta_aktif');
    expect(d.dirty).toBe(false);
  });

  test('renaming follows ${name} references; a list rename follows into the questions', () => {
    const d = designer();
    d.draft = smallQuestionnaire();
    d.rename(2, 'ikut');
    expect(d.draft.questions[3]!.relevant).toBe("${ikut} = 'tidak'");
    expect(d.draft.questions[4]!.relevant).toBe("${ikut} = 'ya'");
    // Renaming onto an existing name leaves references alone (they would change meaning).
    d.rename(2, 'umur');
    expect(d.draft.questions[3]!.relevant).toBe("${ikut} = 'tidak'");
    d.renameList(0, 'yt');
    expect(d.draft.questions[2]!.listName).toBe('yt');
  });

  test('changing the type keeps what still applies', () => {
    const d = designer();
    d.draft = smallQuestionnaire();
    d.setType(5, 'integer');
    expect(d.draft.questions[5]).toMatchObject({ listName: null, dimension: null, reverse: false });
    d.setType(5, 'likert');
    expect(d.draft.questions[5]!.listName).toBe('likert5');
  });

  test('expression errors carry the question and the position', () => {
    const d = designer();
    d.draft = smallQuestionnaire();
    d.draft.questions[1]!.constraint = '. >= 15 and and . <= 99';
    expect(d.problemsOf(1)).toMatchObject([{ question: 'umur', field: 'constraint', position: 12 }]);
  });

  test('the preview evaluates skip rules and constraints, ignoring broken expressions', () => {
    const d = designer();
    d.draft = smallQuestionnaire();
    let state = previewForm(d.draft, d.problems, { peserta_aktif: 'tidak', umur: 12 }, 'id')!;
    const by = new Map(state.questions.map((s) => [s.name, s]));
    expect(by.get('alasan_tidak_ikut')!.relevant).toBe(true);
    expect(by.get('program')!.relevant).toBe(false);
    expect(by.get('umur')!.error).toBe('Umur 15-99');
    d.draft.questions[1]!.constraint = '. >= (';
    state = previewForm(d.draft, d.problems, { umur: 12 }, 'en')!;
    expect(state.questions.find((s) => s.name === 'umur')!.error).toBeNull();
    const bad = previewAnswer(d.draft.questions[1]!, 'dua belas', d.draft, 'en');
    expect(bad.ok).toBe(false);
  });
});

describe('problems in the UI language', () => {
  test('built from the problem structure, in Indonesian and English', async () => {
    const { problemText } = await import('../../components/questionnaire/problem-text');
    const { id } = await import('../i18n/id');
    const { en } = await import('../i18n/en');
    const { validateQuestionnaire } = await import('../../../../analysis/form/types');
    const q = smallQuestionnaire();
    q.questions[0]!.name = '1nama';
    q.questions[1]!.name = 'peserta_aktif';
    q.choiceLists[0]!.choices[1]!.value = 'ya';
    q.questions[5]!.listName = 'alasan';
    const texts = (lang: typeof id) => validateQuestionnaire(q).map((p) => problemText(p, q, lang.questionnaire));
    expect(texts(id)).toEqual([
      "Kode 'ya' muncul lebih dari sekali dalam daftar.",
      "Nama '1nama' tidak sah: awali dengan huruf atau _, lalu huruf, angka, _, - atau .",
      "Nama 'peserta_aktif' dipakai lebih dari sekali.",
      "Butir Likert memerlukan daftar dengan nilai 1, 2, 3, 4, 5; 'alasan' tidak demikian.",
    ]);
    expect(texts(en)[3]).toBe("A Likert item needs a list with the values 1, 2, 3, 4, 5; 'alasan' is not one.");
  });
});
