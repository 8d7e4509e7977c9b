import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { smallQuestionnaire } from '../../../analysis/entry/fixtures';
import { readXlsForm, writeXlsForm } from '../../../analysis/form/xlsform';
import type { Problem, Questionnaire } from '../../../analysis/form/types';
import { tempDir } from '../../../db/test-helpers';
import type { Session } from '../handlers';
import { ok, sessionWithProject } from '../test-session';
import type { LostQuestion, SkippedRow } from './contract';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
// The shared folder sits beside the repository (here and in CI's clone).
const EXAMPLES = fileURLToPath(new URL('../../../../shared/xlsform-examples', import.meta.url));

const withProject = (): Promise<Session> => sessionWithProject(tmp.dir, 'form', 'Form');


async function fails(s: Session, method: string, input: unknown): Promise<{ code: string; message: string; field?: string }> {
  const r = await s.dispatch(method, input);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}

type Imported = { questionnaire: Questionnaire; skipped: SkippedRow[]; deleted: LostQuestion[]; answersDeleted: number };

function writeForm(name: string, q: Questionnaire): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, writeXlsForm(q));
  return path;
}

describe('form.importXlsForm / form.exportXlsForm', () => {
  test('imports an example form with its skipped rows, stores it, and export re-imports identically', async () => {
    const s = await withProject();
    const r = await ok<Imported>(s, 'form.importXlsForm', { path: join(EXAMPLES, 'widgets.xls') });
    expect(r.questionnaire.questions.length).toBeGreaterThan(10);
    expect(r.skipped.length).toBeGreaterThan(0);
    for (const sk of r.skipped) expect(sk.row).toBeGreaterThan(0);
    expect(r.skipped.some((sk) => /time/.test(sk.reason))).toBe(true);
    const got = await ok<{ questionnaire: Questionnaire }>(s, 'questionnaire.get', {});
    expect(got.questionnaire).toEqual(r.questionnaire);

    const out = await ok<{ path: string; questions: number }>(s, 'form.exportXlsForm', { path: 'widgets-out' });
    expect(out.path).toBe(join(tmp.dir, 'widgets-out.xlsx'));
    expect(existsSync(out.path)).toBe(true);
    const s2 = await withProject();
    const again = await ok<Imported>(s2, 'form.importXlsForm', { path: out.path });
    expect(again.questionnaire).toEqual(r.questionnaire);
    expect(again.skipped).toEqual([]);
  });

  test('a broken form imports nothing and lists every problem with sheet and row', async () => {
    const s = await withProject();
    await ok(s, 'questionnaire.save', { questionnaire: smallQuestionnaire() });
    const e = await fails(s, 'form.importXlsForm', { path: join(EXAMPLES, 'UCL_Biomass_Plot_Form.xlsx') });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.field).toBe('path');
    expect(e.message).toMatch(/nothing changed/);
    expect(e.message).toMatch(/survey row 9, column relevant: .*position 17/);
    expect(e.message).toMatch(/survey row 32, column type: .*repeat group 'trees'/);
    const got = await ok<{ questionnaire: Questionnaire }>(s, 'questionnaire.get', {});
    expect(got.questionnaire).toEqual(smallQuestionnaire());
  });

  test('a missing file is NOT_FOUND naming the path', async () => {
    const s = await withProject();
    const e = await fails(s, 'form.importXlsForm', { path: 'nope.xlsx' });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('nope.xlsx');
  });

  test('refuses to delete questions holding answers unless replace, and says how many', async () => {
    const s = await withProject();
    await ok(s, 'questionnaire.save', { questionnaire: smallQuestionnaire() });
    const view = await ok<{ header: { id: string } }>(s, 'entry.new', { respondentCode: 'R1', enumerator: 'Ani', location: '', interviewDate: null, language: 'id' });
    await ok(s, 'entry.answer', { id: view.header.id, name: 'umur', raw: '40', actor: 'Ani', language: 'id' });
    await ok(s, 'entry.answer', { id: view.header.id, name: 'nama', raw: 'Budi', actor: 'Ani', language: 'id' });

    const small = smallQuestionnaire();
    const trimmed: Questionnaire = { ...small, questions: small.questions.filter((q) => q.name !== 'umur') };
    const path = writeForm('tanpa-umur.xlsx', trimmed);
    const check = await ok<{ problems: Problem[]; lost: LostQuestion[] }>(s, 'form.validate', { questionnaire: trimmed });
    expect(check.lost).toEqual([{ question: 'umur', answers: 1 }]);
    expect(check.problems).toEqual([]);

    const e = await fails(s, 'form.importXlsForm', { path });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.field).toBe('replace');
    expect(e.message).toMatch(/1 question holding 1 answer \(umur: 1\)/);
    expect((await ok<{ questionnaire: Questionnaire }>(s, 'questionnaire.get', {})).questionnaire!.questions.map((q) => q.name)).toContain('umur');

    const r = await ok<Imported>(s, 'form.importXlsForm', { path, replace: true });
    expect(r.answersDeleted).toBe(1);
    expect(r.deleted).toEqual([{ question: 'umur', answers: 1 }]);
    // The answer to a question kept by name survives.
    const after = await ok<{ answers: Record<string, unknown> }>(s, 'entry.open', { id: view.header.id, language: 'id' });
    expect(after.answers.nama).toBe('Budi');
    expect(after.answers.umur).toBeUndefined();
  });

  test('form.validate reports expression errors with the question and position', async () => {
    const s = await withProject();
    const q = smallQuestionnaire();
    q.questions[1]!.constraint = '. >= 15 and and . <= 99';
    const r = await ok<{ problems: Problem[] }>(s, 'form.validate', { questionnaire: q });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ question: 'umur', field: 'constraint', position: 12 });
  });

  test('export without a questionnaire is refused', async () => {
    const s = await withProject();
    const e = await fails(s, 'form.exportXlsForm', { path: 'x.xlsx' });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/no questionnaire/);
  });

  test('the round trip of the designer fixture is exact', async () => {
    const s = await withProject();
    const path = writeForm('kecil.xlsx', smallQuestionnaire());
    const r = await ok<Imported>(s, 'form.importXlsForm', { path });
    expect(r.questionnaire).toEqual(smallQuestionnaire());
    const read = readXlsForm(writeXlsForm(r.questionnaire));
    expect(read.ok && read.questionnaire).toEqual(smallQuestionnaire());
  });
});
