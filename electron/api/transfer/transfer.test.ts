import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { question, smallQuestionnaire } from '../../../analysis/entry/fixtures';
import type { Questionnaire } from '../../../analysis/form/types';
import { createProject, type Project } from '../../../db';
import { exportTables, neutralise, writeExport } from '../../../db/queries/export-responses';
import { autoMapping, importResponses, ImportError, type ColumnMapping } from '../../../db/queries/import-responses';
import { saveQuestionnaire } from '../../../db/queries/questionnaire';
import { loadRows } from '../../../db/queries/responses';
import { writeXlsx } from '../../../db/queries/xlsx-writer';
import { tempDir } from '../../../db/test-helpers';
import { readImportTable } from './read-table';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The small questionnaire plus a decimal, a date and a long text. */
function form(): Questionnaire {
  const q = smallQuestionnaire();
  q.questions.push(question('pendapatan', 'decimal'), question('tgl_lahir', 'date'), question('catatan', 'text', { label: { id: 'Catatan', en: 'Notes' } }));
  return q;
}

let n = 0;
let project: Project;
beforeEach(() => {
  project?.close();
  project = createProject(join(tmp.dir, `p${++n}.kajian`), { title: 'T' });
  saveQuestionnaire(project.db, form());
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp.dir, `${n}-${name}`);
  writeFileSync(path, content);
  return path;
}

function xlsx(name: string, aoa: unknown[][], extraSheets = 0): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'data');
  for (let i = 0; i < extraSheets; i++) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x'], [1]]), `repeat${i}`);
  return file(name, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

function run(path: string, mapping?: (m: ColumnMapping[]) => ColumnMapping[]) {
  const table = readImportTable(path);
  let m = autoMapping(table.header, form());
  if (mapping) m = mapping(m);
  return { table, mapping: m, outcome: importResponses(project.db, table, m) };
}

const count = () => (project.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;

describe('reading files', () => {
  test('an empty file and a header-only file', () => {
    expect(() => readImportTable(file('empty.csv', ''))).toThrow(/empty/);
    expect(() => readImportTable(file('empty.xlsx', ''))).toThrow(/empty/);
    const header = run(file('header.csv', 'respondent_id,umur\r\n'));
    expect(header.outcome).toMatchObject({ ok: true, imported: 0 });
    expect(count()).toBe(0);
  });

  test('Windows-1252 and UTF-8 with a BOM', () => {
    const cp = Buffer.from('respondent_id;catatan\r\nR1;caf\xe9 \x80 5\r\n', 'latin1');
    const a = readImportTable(file('cp.csv', cp));
    expect(a.encoding).toBe('windows-1252');
    expect(a.rows[0]).toEqual(['R1', 'café € 5']);
    const bom = readImportTable(file('bom.csv', '\uFEFFrespondent_id,catatan\nR2,naïve\n'));
    expect(bom.header).toEqual(['respondent_id', 'catatan']);
    expect(bom.rows[0]).toEqual(['R2', 'naïve']);
  });

  test('the fast XLSX reader agrees with SheetJS: shared and inline strings, numbers, booleans, gaps, entities, row numbers', () => {
    const aoa = [['respondent_id', 'umur', 'catatan', 'flag'], ['R1', 30, 'a & b <c> "d"', true], [], ['R3', 41.5, null, false], ['R4', null, 'plain', null]];
    const t = readImportTable(xlsx('kinds.xlsx', aoa));
    expect(t.header).toEqual(['respondent_id', 'umur', 'catatan', 'flag']);
    expect(t.rows).toEqual([['R1', 30, 'a & b <c> "d"', 1], ['R3', 41.5, null, 0], ['R4', null, 'plain']]);
    expect(t.rowNumbers).toEqual([2, 4, 5]);
    const own = file('own.xlsx', writeXlsx([{ name: 's', rows: [['a', 'b'], ['x\u0001y', 2], ['_x0041_', -3.25]] }]));
    expect(readImportTable(own).rows).toEqual([['x\u0001y', 2], ['_x0041_', -3.25]]);
    const back = XLSX.read(readFileSync(own));
    expect(XLSX.utils.sheet_to_json(back.Sheets.s!, { header: 1 })).toEqual([['a', 'b'], ['x\u0001y', 2], ['_x0041_', -3.25]]);
  });

  test('a preview stops after maxRows and still counts the rows', () => {
    const aoa = [['respondent_id', 'umur'], ...Array.from({ length: 25 }, (_, i) => [`R${i}`, 20 + i])];
    for (const path of [xlsx('many.xlsx', aoa), file('many.csv', aoa.map((r) => r.join(',')).join('\n'))]) {
      const t = readImportTable(path, { maxRows: 10 });
      expect(t.rows).toHaveLength(10);
      expect(t.totalRows).toBe(25);
      expect(t.rowNumbers[9]).toBe(11);
    }
  });

  test('formulas: the cached value is read, never evaluated', () => {
    const ws = XLSX.utils.aoa_to_sheet([['respondent_id', 'umur', 'catatan'], ['R1', 0, '=1+1']]);
    ws.B2 = { t: 'n', v: 42, f: 'SUM(20,22)' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'data');
    const path = file('formula.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const { outcome } = run(path);
    expect(outcome.ok).toBe(true);
    const row = loadRows(project.db).rows[0]!;
    expect(row.umur).toBe(42);
    expect(row.catatan).toBe('=1+1');
    // ... and neutralised on the way out.
    expect(exportTables(project.db).data[1]).toContain("'=1+1");
  });

  test('a crafted XLSX with __proto__ keys leaves the prototype clean', () => {
    const path = xlsx('proto.xlsx', [['__proto__', 'constructor', 'respondent_id', 'umur'], ['{"polluted":1}', 'x', 'R1', 20]]);
    const { table, outcome } = run(path);
    expect(table.header[0]).toBe('__proto__');
    expect(outcome.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const csv = run(file('proto.csv', '__proto__,respondent_id,umur\npolluted,R2,21\n'));
    expect(csv.outcome.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checking and writing', () => {
  test('required answers: a complete row must answer every required question the form asks; drafts and questions the form would not ask are exempt', () => {
    const q = form();
    // alasan_tidak_ikut is asked only when peserta_aktif = tidak; make it required.
    q.questions.find((x) => x.name === 'alasan_tidak_ikut')!.required = true;
    saveQuestionnaire(project.db, q);
    const csv = [
      'respondent_id,umur,peserta_aktif,alasan_tidak_ikut,status',
      'R1,30,ya,,complete', // alasan not asked: fine
      'R2,31,tidak,,complete', // alasan asked and empty: bad
      'R3,,ya,,complete', // umur empty: bad
      'R4,,tidak,,draft', // a draft may be incomplete
      'R5,abc,ya,,complete', // a bad umur is reported once, not also as missing
    ].join('\n');
    const table = readImportTable(file('req.csv', csv));
    const outcome = importResponses(project.db, table, autoMapping(table.header, q));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.row, e.column, e.value, e.reason])).toEqual([
      [3, 'alasan_tidak_ikut', '', 'alasan_tidak_ikut: This question requires an answer.'],
      [4, 'umur', '', 'umur: This question requires an answer.'],
      [6, 'umur', 'abc', '"abc" is not a whole number.'],
    ]);
    expect(outcome.errors[0]!.reasonId).toBe('alasan_tidak_ikut: Pertanyaan ini wajib dijawab.');
    expect(count()).toBe(0);
  });

  test('a required question that no column holds is a note, not a bad cell in every row', () => {
    const table = readImportTable(file('noumur.csv', 'respondent_id,peserta_aktif\nR1,ya\nR2,tidak\n'));
    const outcome = importResponses(project.db, table, autoMapping(table.header, form()));
    expect(outcome).toMatchObject({ ok: true, imported: 2 });
    expect(outcome.notes).toContainEqual({ column: '', en: '"umur" is required but no column holds it: its answers stay empty.', id: '"umur" wajib dijawab tetapi tidak ada kolom yang memuatnya: jawabannya tetap kosong.' });
  });

  test('wrong types: every bad cell with spreadsheet row, column, value and reason; nothing written', () => {
    const { outcome } = run(file('bad.csv', 'respondent_id,umur,peserta_aktif,pendapatan,tgl_lahir\nR1,30,ya,"2,5",2000-01-31\nR2,abc,mungkin,x,31/02/2000\nR3,40,tidak,1.5,\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'umur', 'abc'],
      [3, 'peserta_aktif', 'mungkin'],
      [3, 'pendapatan', 'x'],
      [3, 'tgl_lahir', '31/02/2000'],
    ]);
    expect(outcome.errors[0]!.reason).toMatch(/whole number/);
    expect(outcome.errors[0]!.reasonId).toMatch(/bilangan bulat/);
    expect(count()).toBe(0);
  });

  test('constraints are checked as data entry checks them: the message names the question, nothing written', () => {
    const { outcome } = run(file('constraint.csv', 'respondent_id,umur,peserta_aktif\nR1,30,ya\nR2,120,tidak\nR3,14,ya\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // smallQuestionnaire: umur has the constraint ". >= 15 and . <= 99" with the messages "Umur 15-99" / "Age 15-99".
    expect(outcome.errors.map((e) => [e.row, e.column, e.value, e.reason, e.reasonId])).toEqual([
      [3, 'umur', '120', 'umur: Age 15-99', 'umur: Umur 15-99'],
      [4, 'umur', '14', 'umur: Age 15-99', 'umur: Umur 15-99'],
    ]);
    expect(count()).toBe(0);
  });

  test('all rows go in one transaction, with values as data entry stores them', () => {
    const { outcome } = run(file('ok.csv', 'respondent_id,enumerator,umur,peserta_aktif,program,pendapatan,tgl_lahir,akses1\nR1,Ani,30,ya,jkm jkk,"2,5",31/01/2000,4\nR2,Budi,40,tidak,,7,2001-02-03,\n'));
    expect(outcome).toMatchObject({ ok: true, imported: 2, respondentsCreated: 2 });
    const rows = loadRows(project.db).rows;
    expect(rows.map((r) => [r._respondent, r._enumerator, r.umur, r.peserta_aktif, r.program, r.pendapatan, r.tgl_lahir, r.akses1])).toEqual([
      ['R1', 'Ani', 30, 'ya', 'jkk jkm', 2.5, '2000-01-31', 4],
      ['R2', 'Budi', 40, 'tidak', null, 7, '2001-02-03', null],
    ]);
    expect(project.db.prepare("SELECT count(*) AS n FROM responses WHERE source = 'import' AND status = 'complete'").get()).toEqual({ n: 2 });
  });

  test('extra and duplicate columns are skipped with a note; two columns onto one question are refused', () => {
    const { mapping, outcome } = run(file('dup.csv', 'respondent_id,umur,umur,hobi\nR1,30,31,x\n'));
    expect(mapping.map((m) => m.target)).toEqual(['@respondent', 'umur', null, null]);
    expect(mapping[2]!.note?.en).toMatch(/same name as column 2/);
    expect(mapping[3]!.note?.en).toMatch(/no question/);
    expect(outcome.ok).toBe(true);
    expect(loadRows(project.db).rows[0]!.umur).toBe(30);
    expect(() => run(file('dup2.csv', 'respondent_id,umur,usia\nR1,30,31\n'), (m) => m.map((c) => (c.column === 'usia' ? { ...c, target: 'umur' } : c)))).toThrow(ImportError);
  });

  test('a 1 MB cell: kept whole in a text question, cut short in the report elsewhere', () => {
    const big = 'x'.repeat(1_000_000);
    const bad = run(file('big.csv', `respondent_id,umur,catatan\nR1,${big},ok\n`)).outcome;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.value.length).toBeLessThan(300);
    const ok = run(file('big2.csv', `respondent_id,catatan\nR1,${big}\n`)).outcome;
    expect(ok.ok).toBe(true);
    expect((loadRows(project.db).rows[0]!.catatan as string).length).toBe(1_000_000);
  });

  test('dates as Excel serial numbers', () => {
    const { outcome } = run(xlsx('serial.xlsx', [['respondent_id', 'tgl_lahir', 'interview_date'], ['R1', 36556, 45292.5], ['R2', 60, '2024-03-05T10:00:00.000+07:00']]));
    expect(outcome.ok).toBe(true);
    const rows = loadRows(project.db).rows;
    expect(rows.map((r) => [r.tgl_lahir, r._date])).toEqual([
      ['2000-01-31', '2024-01-01'],
      ['1900-02-29'.replace('02-29', '02-28'), '2024-03-05'],
    ]);
  });

  test('a bulk import leaves the answers indexes as they were; a cancel before the commit leaves everything as it was', () => {
    const indexes = () => project.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'answers' ORDER BY name").all();
    const before = indexes();
    const q = form();
    q.questions.push(...Array.from({ length: 30 }, (_, i) => question(`n${i}`, 'integer')));
    saveQuestionnaire(project.db, q);
    const header = ['respondent_id', ...Array.from({ length: 30 }, (_, i) => `n${i}`)];
    const rows = Array.from({ length: 4000 }, (_, r) => [`R${r}`, ...Array.from({ length: 30 }, (_, i) => (r + i) % 97)]);
    const table = { header, rows, rowNumbers: rows.map((_, i) => i + 2) };
    const mapping = autoMapping(header, q);
    expect(() => importResponses(project.db, table, mapping, { beforeCommit: () => { throw new Error('cancelled'); } })).toThrow('cancelled');
    expect(indexes()).toEqual(before);
    expect(count()).toBe(0);
    const outcome = importResponses(project.db, table, mapping);
    expect(outcome).toMatchObject({ ok: true, imported: 4000, answers: 120_000 });
    expect(indexes()).toEqual(before);
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(project.db.prepare("SELECT count(*) AS n FROM answers a JOIN questions q ON q.seq = a.question_seq WHERE q.name = 'n3' AND a.value = 5").get()).toEqual({ n: rows.filter((r) => r[4] === 5).length });
  });

  test('a long CSV row is a bad cell', () => {
    const { outcome } = run(file('long.csv', 'respondent_id,umur\nR1,30,extra\n'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]).toMatchObject({ row: 2, value: 'extra' });
  });
});

describe('KoboToolbox exports', () => {
  test('group paths, codes, per-choice 0/1 columns, system columns; _uuid as respondent ID; other sheets noted', () => {
    const path = xlsx(
      'kobo.xlsx',
      [
        ['start', 'grp/umur', 'grp/peserta_aktif', 'grp/program/jkk', 'grp/program/jkm', 'grp/program/jht', 'grp/program/jkp', '_id', '_uuid', '_submission_time', '_index', '_validation_status', '_submitted_by'],
        ['2024-01-01T08:00', 30, 'ya', 1, 0, 1, 0, 11, 'uuid-1', '2024-01-01', 1, '', ''],
        ['2024-01-01T09:00', 45, 'tidak', null, null, null, null, 12, 'uuid-2', '2024-01-01', 2, '', ''],
      ],
      1,
    );
    const { table, mapping, outcome } = run(path);
    expect(table.notes[0]!.en).toMatch(/Only the first sheet/);
    const targets = Object.fromEntries(mapping.map((m) => [m.column, m.target]));
    expect(targets).toMatchObject({ 'grp/umur': 'umur', 'grp/peserta_aktif': 'peserta_aktif', 'grp/program/jkm': 'program/jkm', _uuid: '@respondent', _id: null, _submission_time: null });
    expect(mapping.find((m) => m.column === '_index')!.note?.en).toMatch(/system column/);
    expect(outcome.ok).toBe(true);
    const rows = loadRows(project.db).rows;
    expect(rows.map((r) => [r._respondent, r.umur, r.program])).toEqual([
      ['uuid-1', 30, 'jkk jht'],
      ['uuid-2', 45, null],
    ]);
  });

  test('a label export: headers and values as labels, select_multiple as labels', () => {
    const q = form();
    q.questions.find((x) => x.name === 'alasan_tidak_ikut')!.label = { id: 'Alasan tidak ikut', en: 'Reason' };
    saveQuestionnaire(project.db, q);
    const path = file('labels.csv', 'Nama responden,Alasan tidak ikut,program,peserta_aktif,_id\nSiti,Kendala administrasi,JKK JHT,Ya,7\n');
    const table = readImportTable(path);
    const mapping = autoMapping(table.header, q);
    expect(mapping.map((m) => m.target)).toEqual(['nama', 'alasan_tidak_ikut', 'program', 'peserta_aktif', '@respondent']);
    const outcome = importResponses(project.db, table, mapping);
    expect(outcome.ok).toBe(true);
    const r = loadRows(project.db).rows[0]!;
    expect([r._respondent, r.nama, r.alasan_tidak_ikut, r.program, r.peserta_aktif]).toEqual(['7', 'Siti', 'administrasi', 'jkk jht', 'ya']);
  });
});

describe('export', () => {
  test('codes or labels, codebook, personal data left out unless included, formula injection neutralised', () => {
    run(file('seed.csv', 'respondent_id,nama,umur,peserta_aktif,program,catatan\nR1,Siti,30,ya,jkk jkm,"@SUM(A1)"\nR2,-Budi,40,tidak,,+1\n'));
    const codes = exportTables(project.db);
    expect(codes.data[0]).not.toContain('nama');
    expect(codes.excluded).toEqual(['nama']);
    const col = (t: typeof codes, name: string) => t.data.slice(1).map((r) => r[t.columns.indexOf(name)]);
    expect(col(codes, 'peserta_aktif')).toEqual(['ya', 'tidak']);
    expect(col(codes, 'catatan')).toEqual(["'@SUM(A1)", "'+1"]);
    expect(col(codes, 'umur')).toEqual([30, 40]);
    const labels = exportTables(project.db, { labels: true, includePersonal: true, language: 'en' });
    expect(col(labels, 'peserta_aktif')).toEqual(['Yes', 'No']);
    expect(col(labels, 'program')).toEqual(['JKK; JKM', null]);
    expect(col(labels, 'nama')).toEqual(['Siti', "'-Budi"]);
    expect(labels.codebook.find((r) => r[0] === 'peserta_aktif')).toEqual(['peserta_aktif', 'peserta_aktif', 'select_one', 'ya = Yes; tidak = No']);
    expect(neutralise('=cmd')).toBe("'=cmd");
    expect(neutralise('plain')).toBe('plain');

    const x = writeExport(project.db, join(tmp.dir, 'out.xlsx'), { labels: true });
    const wb = XLSX.read(readFileSync(x.path));
    expect(wb.SheetNames).toEqual(['data', 'codebook']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.codebook!, { header: 1 })[0]).toEqual(['variable', 'label', 'type', 'value labels']);
    const c = writeExport(project.db, join(tmp.dir, 'out.csv'));
    expect(readFileSync(c.path, 'utf8').startsWith('\uFEFFrespondent_id,enumerator')).toBe(true);
    expect(readFileSync(c.codebookPath!, 'utf8')).toMatch(/variable,label,type,value labels/);
  });

  test('an export imports back into an empty project unchanged (codes and labels)', () => {
    run(file('seed.csv', 'respondent_id,enumerator,umur,peserta_aktif,program,pendapatan,tgl_lahir,akses1\nR1,Ani,30,ya,jkm jkk,"2,5",31/01/2000,4\nR2,Budi,40,tidak,,7,2001-02-03,\n'));
    const before = loadRows(project.db).rows.map(({ _id, ...r }) => r);
    for (const labels of [false, true]) {
      const out = writeExport(project.db, join(tmp.dir, `rt-${labels}.xlsx`), { labels, includePersonal: true });
      const p2 = createProject(join(tmp.dir, `rt-${labels}.kajian`), { title: 'RT' });
      saveQuestionnaire(p2.db, form());
      const table = readImportTable(out.path);
      const outcome = importResponses(p2.db, table, autoMapping(table.header, form()));
      expect(outcome.ok).toBe(true);
      expect(loadRows(p2.db).rows.map(({ _id, ...r }) => r)).toEqual(before);
      p2.close();
    }
  });
});
