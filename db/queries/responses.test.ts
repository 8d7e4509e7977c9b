import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createProject, openProject } from '../project';
import { smallQuestionnaire, question } from '../test-fixtures';
import { tempDir } from '../test-helpers';
import { loadQuestionnaire, saveQuestionnaire } from './questionnaire';
import { auditTrail, createResponse, deleteResponse, duplicateRespondents, getResponse, loadRows, restoreResponse, setAnswer, setResponseHeader } from './responses';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => createProject(join(tmp.dir, `r${++n}.kajian`), { title: 't' });

describe('questionnaire storage', () => {
  test('round-trips the model exactly', () => {
    const p = fresh();
    const q = smallQuestionnaire();
    saveQuestionnaire(p.db, q);
    expect(loadQuestionnaire(p.db)!.questionnaire).toEqual(q);
    p.close();
    const again = openProject(p.path);
    expect(loadQuestionnaire(again.db)!.questionnaire).toEqual(q);
    again.close();
  });

  test('reordering and renaming keep answers of unchanged questions; removed questions lose theirs', () => {
    const p = fresh();
    const q = smallQuestionnaire();
    saveQuestionnaire(p.db, q);
    const r = createResponse(p.db, { respondentCode: 'R1' });
    setAnswer(p.db, r, 'umur', 41, { actor: 'ani' });
    setAnswer(p.db, r, 'akses1', 4, { actor: 'ani' });
    const reordered = { ...q, questions: [q.questions[5]!, q.questions[1]!, q.questions[2]!, question('baru', 'text')] };
    saveQuestionnaire(p.db, reordered);
    expect(loadQuestionnaire(p.db)!.questionnaire.questions.map((x) => x.name)).toEqual(['akses1', 'umur', 'peserta_aktif', 'baru']);
    expect(getResponse(p.db, r).answers).toEqual({ umur: 41, akses1: 4 });
    p.close();
  });
});

describe('responses', () => {
  test('answers are saved one by one; drafts are not audited, complete responses are', () => {
    const p = fresh();
    saveQuestionnaire(p.db, smallQuestionnaire());
    const r = createResponse(p.db, { respondentCode: 'SBY-001', enumerator: 'Ani', location: 'Surabaya', interviewDate: '2024-05-02' });
    expect(setAnswer(p.db, r, 'umur', 41, { actor: 'Ani' })).toBe(true);
    expect(setAnswer(p.db, r, 'umur', 41, { actor: 'Ani' })).toBe(false);
    setAnswer(p.db, r, 'peserta_aktif', 'tidak', { actor: 'Ani' });
    setAnswer(p.db, r, 'program', 'jkk jkm', { actor: 'Ani' });
    expect(auditTrail(p.db, r)).toEqual([]);
    setResponseHeader(p.db, r, { status: 'complete' }, { actor: 'Ani' });
    setAnswer(p.db, r, 'umur', 42, { actor: 'Budi', reason: 'salah ketik' });
    setAnswer(p.db, r, 'program', '', { actor: 'Budi' });
    const trail = auditTrail(p.db, r);
    expect(trail.map(({ at: _at, ...e }) => e)).toEqual([
      { actor: 'Budi', field: 'umur', oldValue: 41, newValue: 42, reason: 'salah ketik' },
      { actor: 'Budi', field: 'program', oldValue: 'jkk jkm', newValue: null, reason: '' },
    ]);
    const got = getResponse(p.db, r);
    expect(got).toMatchObject({ respondentCode: 'SBY-001', enumerator: 'Ani', location: 'Surabaya', interviewDate: '2024-05-02', status: 'complete' });
    expect(got.answers).toEqual({ umur: 42, peserta_aktif: 'tidak' });
    expect(() => setAnswer(p.db, r, 'tidak_ada', 1, { actor: 'x' })).toThrow(/No question named "tidak_ada"/);
    p.close();
  });

  test('duplicate respondent IDs are found; delete and undo', () => {
    const p = fresh();
    saveQuestionnaire(p.db, smallQuestionnaire());
    const a = createResponse(p.db, { respondentCode: 'R7' });
    const b = createResponse(p.db, { respondentCode: 'R7' });
    expect(duplicateRespondents(p.db, 'R7', b).map((x) => x.id)).toEqual([a]);
    deleteResponse(p.db, a);
    expect(duplicateRespondents(p.db, 'R7', b)).toEqual([]);
    restoreResponse(p.db, a);
    expect(duplicateRespondents(p.db, 'R7', b).map((x) => x.id)).toEqual([a]);
    p.close();
  });

  test('loadRows gives one record per complete first-pass response, keyed by question name', () => {
    const p = fresh();
    saveQuestionnaire(p.db, smallQuestionnaire());
    const a = createResponse(p.db, { respondentCode: 'A', enumerator: 'Ani', location: 'Medan' });
    setAnswer(p.db, a, 'umur', 30, { actor: 'x' });
    setAnswer(p.db, a, 'peserta_aktif', 'ya', { actor: 'x' });
    setAnswer(p.db, a, 'program', 'jkk jkm', { actor: 'x' });
    setResponseHeader(p.db, a, { status: 'complete' }, { actor: 'x' });
    const draft = createResponse(p.db, { respondentCode: 'B' });
    setAnswer(p.db, draft, 'umur', 50, { actor: 'x' });
    createResponse(p.db, { respondentCode: 'A', entryPass: 2, verifiesResponseId: a });
    const { rows } = loadRows(p.db);
    expect(rows).toHaveLength(1);
    expect({ ...rows[0]! }).toEqual({
      _id: a, _respondent: 'A', _enumerator: 'Ani', _location: 'Medan', _date: null, _status: 'complete',
      nama: null, umur: 30, peserta_aktif: 'ya', alasan_tidak_ikut: null, program: 'jkk jkm', akses1: null,
    });
    expect(loadRows(p.db, { includeDrafts: true }).rows).toHaveLength(2);
    p.close();
  });
});

describe('listResponses: the plain grid path and the filtered path agree', () => {
  test('paging, a filter on the respondent ID (which reads the respondents table), a question filter, search and sort', async () => {
    const { listResponses } = await import('./response-list');
    const p = fresh();
    saveQuestionnaire(p.db, smallQuestionnaire());
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = createResponse(p.db, { respondentCode: `R-${String(i).padStart(3, '0')}`, enumerator: i % 2 ? 'Ani' : 'Budi' });
      setAnswer(p.db, id, 'umur', 20 + i, { actor: 'x' });
      ids.push(id);
    }
    deleteResponse(p.db, ids[3]!);
    const codes = (q: Parameters<typeof listResponses>[1]) => {
      const page = listResponses(p.db, q);
      return { total: page.total, codes: page.rows.map((r) => r.cells[0]) };
    };
    // Plain: creation order, the deleted response left out, paged.
    expect(codes({ offset: 0, limit: 3 })).toEqual({ total: 29, codes: ['R-000', 'R-001', 'R-002'] });
    expect(codes({ offset: 3, limit: 2 })).toEqual({ total: 29, codes: ['R-004', 'R-005'] });
    expect(codes({ offset: 28, limit: 5 })).toEqual({ total: 29, codes: ['R-029'] });
    // A filter on the respondent ID (the double-entry form finds the first entry this way).
    expect(codes({ offset: 0, limit: 5, filters: [{ column: '_respondent', value: 'R-01' }] })).toEqual({ total: 10, codes: ['R-010', 'R-011', 'R-012', 'R-013', 'R-014'] });
    // umur is 20 + i: the ages holding a 4 are 24, 34 and 40-49.
    expect(codes({ offset: 0, limit: 5, filters: [{ column: 'umur', value: '4' }] })).toEqual({ total: 12, codes: ['R-004', 'R-014', 'R-020', 'R-021', 'R-022'] });
    expect(codes({ offset: 0, limit: 2, search: 'Budi' })).toEqual({ total: 15, codes: ['R-000', 'R-002'] });
    expect(codes({ offset: 0, limit: 2, sort: { column: 'umur', direction: 'desc' } })).toEqual({ total: 29, codes: ['R-029', 'R-028'] });
    p.close();
  });
});
