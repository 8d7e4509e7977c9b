import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { smallQuestionnaire } from '../../../db/test-fixtures';
import { tempDir } from '../../../db/test-helpers';
import { SettingsStore } from '../../settings';
import { Session } from '../handlers';
import type { EntryView } from './contract';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function setup() {
  const s = new Session({ settings: SettingsStore.inFolder(join(tmp.dir, 'settings')), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0' } });
  const made = await s.dispatch('project.create', { path: join(tmp.dir, `p${Math.random().toString(36).slice(2)}.kajian`), title: 'Entri' });
  expect(made.ok).toBe(true);
  const saved = await s.dispatch('questionnaire.save', { questionnaire: smallQuestionnaire() });
  expect(saved.ok).toBe(true);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await s.dispatch(method, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { s, call };
}

const state = (v: EntryView, name: string) => v.state.questions.find((q) => q.name === name)!;

describe('data entry through the API', () => {
  test('typing, validation on leaving a field, relevance clearing, completion and audit', async () => {
    const { s, call } = await setup();
    let v = await call<EntryView>('entry.new', { respondentCode: 'SBY-001', enumerator: 'Ani', location: 'Surabaya', interviewDate: '2024-05-02', language: 'id' });
    const id = v.header.id;
    expect(v.header.status).toBe('draft');

    let r = await call<{ view: EntryView; error: string | null }>('entry.answer', { id, name: 'umur', raw: 'empat puluh', actor: 'Ani', language: 'id' });
    expect(r.error).toBe('umur: "empat puluh" bukan bilangan bulat.');
    r = await call('entry.answer', { id, name: 'umur', raw: '12', actor: 'Ani', language: 'en' });
    expect(r.error).toBeNull();
    expect(state(r.view, 'umur').error).toBe('Age 15-99');
    r = await call('entry.answer', { id, name: 'umur', raw: '41', actor: 'Ani', language: 'id' });
    expect(state(r.view, 'umur').error).toBeNull();

    r = await call('entry.answer', { id, name: 'peserta_aktif', raw: 'ya', actor: 'Ani', language: 'id' });
    r = await call('entry.answer', { id, name: 'program', raw: 'jkk jkm', actor: 'Ani', language: 'id' });
    expect(r.view.answers.program).toBe('jkk jkm');
    // Changing to a non-participant hides and clears the programmes.
    r = await call('entry.answer', { id, name: 'peserta_aktif', raw: 'tidak', actor: 'Ani', language: 'id' });
    expect(state(r.view, 'program').relevant).toBe(false);
    expect(r.view.answers.program).toBeUndefined();
    expect(state(r.view, 'alasan_tidak_ikut').relevant).toBe(true);

    const done = await call<{ view: EntryView; completed: boolean }>('entry.complete', { id, actor: 'Ani', language: 'id' });
    expect(done.completed).toBe(true);
    expect(done.view.header.status).toBe('complete');

    await call('entry.answer', { id, name: 'umur', raw: '42', actor: 'Supervisor', reason: 'cek ulang KTP', language: 'id' });
    const audit = await call<{ field: string; oldValue: unknown; newValue: unknown; actor: string; reason: string }[]>('entry.audit', { id });
    expect(audit.map(({ field, oldValue, newValue, actor, reason }) => ({ field, oldValue, newValue, actor, reason }))).toEqual([
      { field: 'umur', oldValue: 41, newValue: 42, actor: 'Supervisor', reason: 'cek ulang KTP' },
    ]);
    s.close();
  });

  test('completion is refused while required answers are missing', async () => {
    const { s, call } = await setup();
    const v = await call<EntryView>('entry.new', { respondentCode: 'R1', enumerator: 'Ani', location: '', interviewDate: null, language: 'en' });
    const done = await call<{ view: EntryView; completed: boolean }>('entry.complete', { id: v.header.id, actor: 'Ani', language: 'en' });
    expect(done.completed).toBe(false);
    expect(done.view.state.errorCount).toBe(2);
    expect(state(done.view, 'peserta_aktif').error).toBe('This question requires an answer.');
    s.close();
  });

  test('duplicate respondent IDs are flagged', async () => {
    const { s, call } = await setup();
    await call<EntryView>('entry.new', { respondentCode: 'R9', enumerator: 'Ani', location: '', interviewDate: null, language: 'id' });
    const second = await call<EntryView>('entry.new', { respondentCode: 'R9', enumerator: 'Budi', location: '', interviewDate: null, language: 'id' });
    expect(second.duplicates.map((d) => d.enumerator)).toEqual(['Ani']);
    s.close();
  });

  test('double entry: discrepancies field by field, resolution, agreement per enumerator', async () => {
    const { s, call } = await setup();
    const first = await call<EntryView>('entry.new', { respondentCode: 'R1', enumerator: 'Ani', location: '', interviewDate: null, language: 'id' });
    const id = first.header.id;
    for (const [name, raw] of [['umur', '41'], ['peserta_aktif', 'tidak'], ['alasan_tidak_ikut', 'administrasi'], ['akses1', '3']]) {
      await call('entry.answer', { id, name, raw, actor: 'Ani', language: 'id' });
    }
    const second = await call<EntryView>('entry.new', { respondentCode: 'R1', enumerator: 'Cici', location: '', interviewDate: null, verifies: id, language: 'id' });
    expect(second.header.entryPass).toBe(2);
    expect(second.duplicates).toEqual([]);
    for (const [name, raw] of [['umur', '44'], ['peserta_aktif', 'tidak'], ['alasan_tidak_ikut', 'administrasi'], ['akses1', '3']]) {
      await call('entry.answer', { id: second.header.id, name, raw, actor: 'Cici', language: 'id' });
    }
    const diffs = await call<{ name: string; first: unknown; second: unknown }[]>('entry.compare', { id });
    expect(diffs.map(({ name, first: a, second: b }) => ({ name, a, b }))).toEqual([{ name: 'umur', a: 41, b: 44 }]);
    const agreement = await call<{ enumerator: string; fieldsCompared: number; fieldsAgreed: number; agreementPercent: number }[]>('entry.agreement', {});
    expect(agreement).toEqual([{ enumerator: 'Ani', forms: 1, fieldsCompared: 4, fieldsAgreed: 3, agreementPercent: 75 }]);
    expect(await call('entry.resolve', { id: second.header.id, name: 'umur', raw: '41', actor: 'Supervisor', language: 'id' })).toEqual([]);
    const after = await call<{ agreementPercent: number }[]>('entry.agreement', {});
    expect(after[0]!.agreementPercent).toBe(100);
    s.close();
  });

  test('the responses grid pages, sorts, filters, searches and shows labels', async () => {
    const { s, call } = await setup();
    const ages = [50, 20, 35];
    for (let i = 0; i < 3; i++) {
      const v = await call<EntryView>('entry.new', { respondentCode: `R${i + 1}`, enumerator: i === 1 ? 'Budi' : 'Ani', location: 'Medan', interviewDate: null, language: 'id' });
      await call('entry.answer', { id: v.header.id, name: 'umur', raw: String(ages[i]), actor: 'x', language: 'id' });
      await call('entry.answer', { id: v.header.id, name: 'peserta_aktif', raw: i === 2 ? 'ya' : 'tidak', actor: 'x', language: 'id' });
    }
    type Page = { total: number; columns: { name: string }[]; rows: { id: string; cells: unknown[] }[] };
    const col = (p: Page, name: string) => p.columns.findIndex((c) => c.name === name);
    let p = await call<Page>('responses.list', { offset: 0, limit: 10, sort: { column: 'umur', direction: 'asc' } });
    expect(p.total).toBe(3);
    expect(p.rows.map((r) => r.cells[col(p, 'umur')])).toEqual([20, 35, 50]);
    p = await call<Page>('responses.list', { offset: 0, limit: 10, filters: [{ column: '_enumerator', value: 'bud' }] });
    expect(p.rows.map((r) => r.cells[col(p, '_respondent')])).toEqual(['R2']);
    p = await call<Page>('responses.list', { offset: 1, limit: 1, sort: { column: 'umur', direction: 'desc' } });
    expect(p.rows.map((r) => r.cells[col(p, 'umur')])).toEqual([35]);
    p = await call<Page>('responses.list', { offset: 0, limit: 10, search: 'ya', labels: true, language: 'en' });
    expect(p.rows.map((r) => r.cells[col(p, 'peserta_aktif')])).toEqual(['Yes']);
    const bad = await s.dispatch('responses.list', { offset: 0, limit: 10, sort: { column: 'x; DROP TABLE answers', direction: 'asc' } });
    expect(bad.ok === false && bad.error.message).toBe('No column named "x; DROP TABLE answers"');
    const all = await call<Page>('responses.list', { offset: 0, limit: 10 });
    await call('responses.delete', { ids: [all.rows[0]!.id] });
    expect((await call<Page>('responses.list', { offset: 0, limit: 10 })).total).toBe(2);
    await call('responses.restore', { ids: [all.rows[0]!.id] });
    expect((await call<Page>('responses.list', { offset: 0, limit: 10 })).total).toBe(3);
    s.close();
  });
});
