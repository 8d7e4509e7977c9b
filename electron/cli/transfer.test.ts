import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, test } from 'vitest';
import { smallQuestionnaire } from '../../analysis/entry/fixtures';
import { createProject, openProject } from '../../db';
import { saveQuestionnaire } from '../../db/queries/questionnaire';
import { loadRows } from '../../db/queries/responses';
import { tempDir } from '../../db/test-helpers';
import { cli } from './test-cli';

const tmp = tempDir();
afterAll(() => tmp.cleanup());


let n = 0;
function project(): string {
  const path = join(tmp.dir, `p${++n}.kajian`);
  const p = createProject(path, { title: 'CLI' });
  saveQuestionnaire(p.db, smallQuestionnaire());
  p.close();
  return path;
}

const rows = (path: string) => {
  const p = openProject(path);
  try {
    return loadRows(p.db).rows;
  } finally {
    p.close();
  }
};

describe('kajian import / export', () => {
  test('a bad cell: exit 1, the report on stderr (JSON with --json), nothing imported', async () => {
    const proj = project();
    const csv = join(tmp.dir, 'bad.csv');
    writeFileSync(csv, 'respondent_id,umur,peserta_aktif\nR1,30,ya\nR2,x,ya\n');
    const text = await cli('import', proj, csv);
    expect(text.code).toBe(1);
    expect(text.err).toContain('row 3, column "umur", value "x"');
    const json = await cli('import', proj, csv, '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.err.slice(json.err.indexOf('\n') + 1));
    expect(report).toMatchObject({ ok: false, imported: 0, errorCount: 1, errors: [{ row: 3, column: 'umur', value: 'x' }] });
    expect(rows(proj)).toHaveLength(0);
  });

  test('--mapping overrides the automatic mapping; --json reports counts', async () => {
    const proj = project();
    const csv = join(tmp.dir, 'map.csv');
    writeFileSync(csv, 'kode,usia,ikut\nA1,30,ya\nA2,41,tidak\n');
    const mapping = join(tmp.dir, 'm.json');
    writeFileSync(mapping, JSON.stringify({ kode: '@respondent', usia: 'umur', ikut: 'peserta_aktif' }));
    const r = await cli('import', proj, csv, '--mapping', mapping, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, imported: 2, answers: 4, respondentsCreated: 2 });
    expect(rows(proj).map((x) => [x._respondent, x.umur, x.peserta_aktif])).toEqual([['A1', 30, 'ya'], ['A2', 41, 'tidak']]);
    writeFileSync(mapping, '{ not json');
    expect((await cli('import', proj, csv, '--mapping', mapping)).code).toBe(2);
    writeFileSync(mapping, JSON.stringify({ kode: 'no_such_question' }));
    const bad = await cli('import', proj, csv, '--mapping', mapping);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no question named "no_such_question"/);
  });

  test('export: codes or --labels, personal data only with --include-personal, codebook', async () => {
    const proj = project();
    const csv = join(tmp.dir, 'seed.csv');
    writeFileSync(csv, 'respondent_id,nama,umur,peserta_aktif\nR1,=HYPERLINK("x"),30,ya\n');
    expect((await cli('import', proj, csv)).code).toBe(0);
    const out = join(tmp.dir, 'out.xlsx');
    const r = await cli('export', proj, out, '--labels', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ rows: 1, excluded: ['nama'], format: 'xlsx' });
    const wb = XLSX.read(readFileSync(out));
    const data = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.data!);
    expect(data[0]).toMatchObject({ respondent_id: 'R1', umur: 30, peserta_aktif: 'Ya' });
    expect(data[0]).not.toHaveProperty('nama');
    const withPersonal = join(tmp.dir, 'out.csv');
    expect((await cli('export', proj, withPersonal, '--include-personal')).code).toBe(0);
    const text = readFileSync(withPersonal, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readFileSync(join(tmp.dir, 'out.codebook.csv'), 'utf8')).toContain('peserta_aktif,peserta_aktif,select_one,ya = Ya; tidak = Tidak');
    expect((await cli('export', proj, join(tmp.dir, 'out.pdf'))).code).toBe(2);
    expect((await cli('export', proj)).code).toBe(2);
  });
});
