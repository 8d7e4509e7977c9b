import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, test } from 'vitest';
import { parseAnswer } from '../../../analysis/entry/parse-answer';
import { question, smallQuestionnaire } from '../../../analysis/entry/fixtures';
import type { Questionnaire } from '../../../analysis/form/types';
import { createProject, type Project } from '../../../db';
import { autoMapping, checkCell, importQuestionnaire, importResponses, ImportWriter, type ImportCell } from '../../../db/queries/import-responses';
import { saveQuestionnaire } from '../../../db/queries/questionnaire';
import { loadRows } from '../../../db/queries/responses';
import { writeXlsx, zip } from '../../../db/queries/xlsx-writer';
import { tempDir } from '../../../db/test-helpers';
import { importFile } from './pipeline';
import { readImportTable, readNumber, streamImportTable } from './read-table';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const EXAMPLES = new URL('../../../../shared/xlsform-examples/', import.meta.url).pathname;

function form(): Questionnaire {
  const q = smallQuestionnaire();
  q.questions.push(question('pendapatan', 'decimal'), question('tgl_lahir', 'date'), question('catatan', 'text'));
  return q;
}

let n = 0;
function project(q: Questionnaire = form()): Project {
  const p = createProject(join(tmp.dir, `p${++n}.kajian`), { title: 'T' });
  saveQuestionnaire(p.db, q);
  return p;
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp.dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
}

function sheetJs(name: string, aoa: unknown[][], opts: XLSX.WritingOptions = {}): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'data');
  return file(name, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', ...opts }) as Buffer);
}

/** Every stored response (without its id) of a project, in order. */
const stored = (p: Project) => loadRows(p.db, { includeDrafts: true }).rows.map(({ _id, ...rest }) => ({ ...rest }));

/** The same file through the one-thread path (readImportTable + importResponses) and through importFile: same outcome, same rows stored. */
async function bothWays(path: string, q: Questionnaire = form()) {
  const a = project(q);
  const b = project(q);
  try {
    let oneThread;
    try {
      const table = readImportTable(path);
      oneThread = importResponses(a.db, table, autoMapping(table.header, q));
    } catch (e) {
      oneThread = { threw: (e as Error).message };
    }
    let twoThreads;
    try {
      twoThreads = (await importFile(b.db, path)).outcome;
    } catch (e) {
      twoThreads = { threw: (e as Error).message };
    }
    expect(twoThreads).toEqual(oneThread);
    expect(stored(b)).toEqual(stored(a));
    expect(b.db.pragma('foreign_key_check')).toEqual([]);
    expect(b.db.pragma('foreign_keys', { simple: true })).toBe(1);
    return { outcome: twoThreads, rows: stored(b) };
  } finally {
    a.close();
    b.close();
  }
}

describe('importFile: reading and checking on a worker, writing here, gives what the one-thread path gives', () => {
  test('a CSV with one bad row: the same report, nothing written', async () => {
    const r = await bothWays(file('bad.csv', 'respondent_id,umur,peserta_aktif\nR1,30,ya\nR2,tiga puluh,ya\nR3,40,tidak\n'));
    expect(r.outcome).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 3, column: 'umur', value: 'tiga puluh' }] });
    expect(r.rows).toEqual([]);
  });

  test('an XLSX written by SheetJS with shared strings, serial dates, decimals, booleans and a formula result', async () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([
      ['respondent_id', 'umur', 'pendapatan', 'tgl_lahir', 'peserta_aktif', 'catatan'],
      ['R1', 30, 2.5, 36556, 'ya', 'baik & "benar" <ok>'],
      ['R2', 41, -0.125, '2000-02-29', 'tidak', true],
      ['R3', 55, 1e-7, 45292, 'ya', 'ünïcödé ✓ 漢字'],
    ]);
    ws['F5'] = { t: 's', v: 'dari rumus', f: 'CONCAT("dari ","rumus")' };
    ws['A5'] = { t: 's', v: 'R4' };
    ws['B5'] = { t: 'n', v: 60 };
    ws['E5'] = { t: 's', v: 'tidak' };
    ws['!ref'] = 'A1:F5';
    XLSX.utils.book_append_sheet(wb, ws, 'data');
    const path = file('mixed.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer);
    const r = await bothWays(path);
    expect(r.outcome).toMatchObject({ ok: true, imported: 4 });
    expect(r.rows.map((x) => [x._respondent, x.umur, x.pendapatan, x.tgl_lahir, x.catatan])).toEqual([
      ['R1', 30, 2.5, '2000-01-31', 'baik & "benar" <ok>'],
      ['R2', 41, -0.125, '2000-02-29', '1'],
      ['R3', 55, 1e-7, '2024-01-01', 'ünïcödé ✓ 漢字'],
      ['R4', 60, null, null, 'dari rumus'],
    ]);
  });

  test('a row with values beyond the last named column, and a column called __proto__', async () => {
    const r = await bothWays(sheetJs('wide.xlsx', [['respondent_id', '__proto__', 'umur'], ['R1', 'x', 30, 'extra']]));
    expect(r.outcome).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 2, column: '(column 4)', value: 'extra' }] });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('an empty file, a header-only file and a missing file', async () => {
    expect((await bothWays(file('empty.xlsx', ''))).outcome).toEqual({ threw: 'the file is empty' });
    expect((await bothWays(sheetJs('header.xlsx', [['respondent_id', 'umur']]))).outcome).toMatchObject({ ok: true, imported: 0 });
    expect((await bothWays(join(tmp.dir, 'nowhere.xlsx'))).outcome).toMatchObject({ threw: expect.stringMatching(/^cannot read/) });
  });

  test('20,000 rows written by Kajian (inline strings): the sheet XML arrives in many pieces; every row and cell survives the piece boundaries', async () => {
    const rows: (string | number | null)[][] = [['respondent_id', 'umur', 'pendapatan', 'peserta_aktif', 'catatan']];
    for (let i = 0; i < 20_000; i++) rows.push([`R${i}`, 18 + (i % 60), i % 7 === 0 ? null : (i * 37) / 8, i % 2 ? 'ya' : 'tidak', `catatan nomor ${i} — ${'x'.repeat(i % 40)}`]);
    const path = file('big.xlsx', writeXlsx([{ name: 'data', rows }]));
    const r = await bothWays(path);
    expect(r.outcome).toMatchObject({ ok: true, imported: 20_000, answers: 20_000 * 4 - Math.ceil(20_000 / 7) });
    expect(r.rows[19_998]).toMatchObject({ _respondent: 'R19998', umur: 18 + (19_998 % 60), pendapatan: (19_998 * 37) / 8, catatan: `catatan nomor 19998 — ${'x'.repeat(19_998 % 40)}` });
    expect(r.rows[19_999]).toMatchObject({ _respondent: 'R19999', pendapatan: null });
    // And the streaming reader hands over exactly what the whole-file reader reads.
    const whole = readImportTable(path);
    const streamed: { cells: ImportCell[]; rowNo: number }[] = [];
    let header: string[] = [];
    await streamImportTable(path, { header: (h) => (header = h), row: (cells, rowNo) => streamed.push({ cells, rowNo }), problem: () => undefined });
    expect(header).toEqual(whole.header);
    expect(streamed.map((s) => s.cells)).toEqual(whole.rows);
    expect(streamed.map((s) => s.rowNo)).toEqual(whole.rowNumbers);
  });

  test('a 1.5 MB text cell, longer than one inflated piece, arrives whole', async () => {
    const long = 'teks panjang — '.repeat(100_000);
    const path = file('longcell.xlsx', writeXlsx([{ name: 'data', rows: [['respondent_id', 'umur', 'peserta_aktif', 'catatan'], ['R1', 30, 'ya', long], ['R2', 31, 'tidak', 'pendek']] }]));
    const r = await bothWays(path);
    expect(r.outcome).toMatchObject({ ok: true, imported: 2 });
    expect(r.rows.map((x) => x.catatan)).toEqual([long, 'pendek']);
  });

  test('real XLSForm files (first sheet) stream exactly as they are read whole', async () => {
    for (const name of ['UCL_Biomass_Plot_Form.xlsx', 'group.xlsx', 'xlsform_spec_test.xlsx', 'specify_other.xlsx']) {
      const path = join(tmp.dir, name);
      copyFileSync(join(EXAMPLES, name), path);
      const whole = readImportTable(path);
      const streamed: ImportCell[][] = [];
      const problems: unknown[] = [];
      let header: string[] = [];
      await streamImportTable(path, { header: (h) => (header = h), row: (cells) => streamed.push(cells), problem: (p) => problems.push(p) });
      expect(header, name).toEqual(whole.header);
      expect(streamed, name).toEqual(whole.rows);
      expect(problems, name).toEqual(whole.problems);
    }
  });

  test('hand-written sheet XML: attributes after newlines, rows without r, unusual cell types', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>respondent_id</t></is></c><c r="B1" t="inlineStr"><is><t>umur</t></is></c><c r="C1" t="inlineStr"><is><t>catatan</t></is></c></row>
<row
 r="4"><c
 r="A4" t="str"><v>R1</v></c><c r="B4" t=""><v>41</v></c><c r="C4" t="e"><v>#N/A</v></c></row>
<row><c t="inlineStr"><is><t>R2</t></is></c><c t="n"><v>42.5</v></c><c t="s"><v/></c></row>
</sheetData></worksheet>`;
    const path = file(
      'hand.xlsx',
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>') },
        { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
      ]),
    );
    const whole = readImportTable(path);
    expect(whole.rows).toEqual([['R1', 41, '#N/A'], ['R2', 42.5]]);
    expect(whole.rowNumbers).toEqual([4, 5]);
    const streamed: unknown[] = [];
    await streamImportTable(path, { header: () => undefined, row: (cells, rowNo) => streamed.push([rowNo, cells]), problem: () => undefined });
    expect(streamed).toEqual([[4, ['R1', 41, '#N/A']], [5, ['R2', 42.5]]]);
  });

  test('a mapping made on a preview that no longer fits the file is refused, and nothing is written', async () => {
    const p = project();
    try {
      const path = file('m.csv', 'umur,respondent_id\n30,R1\n');
      const columns = [{ index: 0, column: 'respondent_id', target: '@respondent' }, { index: 1, column: 'umur', target: 'umur' }];
      await expect(importFile(p.db, path, { mapping: { kind: 'columns', columns } })).rejects.toThrow(/column 1 of the file is "umur", not "respondent_id"/);
      expect(p.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });
    } finally {
      p.close();
    }
  });

  test('a cancel just before the commit leaves nothing, and the connection as it was', async () => {
    const p = project();
    try {
      const path = file('c.csv', 'respondent_id,umur\nR1,30\nR2,31\n');
      await expect(
        importFile(p.db, path, {
          beforeCommit: () => {
            throw new Error('cancelled');
          },
        }),
      ).rejects.toThrow('cancelled');
      expect(p.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });
      expect(p.db.prepare('SELECT count(*) AS n FROM respondents').get()).toEqual({ n: 0 });
      expect(p.db.inTransaction).toBe(false);
      expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
      // The project still takes an import afterwards.
      expect((await importFile(p.db, path)).outcome).toMatchObject({ ok: true, imported: 2 });
    } finally {
      p.close();
    }
  });
});

describe('ImportWriter', () => {
  test('refuses to write when the questionnaire changed after the rows were checked against it, and leaves the connection as it was', () => {
    const p = project();
    try {
      const checkedAgainst = importQuestionnaire(p.db);
      const changed = form();
      changed.choiceLists.find((l) => l.name === 'ya_tidak')!.choices.pop();
      saveQuestionnaire(p.db, changed);
      expect(() => new ImportWriter(p.db, checkedAgainst)).toThrow(/the questionnaire changed while the file was being read/);
      expect(p.db.inTransaction).toBe(false);
      expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => new ImportWriter(p.db, importQuestionnaire(p.db)).rollback()).not.toThrow();
    } finally {
      p.close();
    }
  });
});

describe('ImportWriter and importResponses end their transaction on every failure', () => {
  test('the write lock is taken: the error comes back, foreign keys are on again, nothing is open', () => {
    const p = project();
    const second = new (p.db.constructor as new (path: string) => Project['db'])(p.path);
    try {
      second.exec('BEGIN IMMEDIATE');
      p.db.pragma('busy_timeout = 50');
      expect(() => new ImportWriter(p.db, importQuestionnaire(p.db))).toThrow(/locked/);
      expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(p.db.inTransaction).toBe(false);
    } finally {
      second.exec('ROLLBACK');
      second.close();
      p.close();
    }
  });

  test('a progress callback that throws rolls the import back', () => {
    const p = project();
    try {
      const table = { header: ['respondent_id', 'umur', 'peserta_aktif'], rows: [['R1', 30, 'ya']], rowNumbers: [2] };
      const run = () =>
        importResponses(p.db, table, autoMapping(table.header, form()), {
          onProgress: (e) => {
            if (e.phase === 'write' && e.done > 0) throw new Error('stop');
          },
        });
      expect(run).toThrow('stop');
      expect(p.db.inTransaction).toBe(false);
      expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(p.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });
    } finally {
      p.close();
    }
  });
});

describe('readNumber reads what Number() reads', () => {
  const read = (s: string) => readNumber(Buffer.from(s, 'latin1'), 0, s.length);
  test('edge cases', () => {
    for (const s of ['0', '-0', '7', '-12', '0.1', '0.3', '2.675', '123456789012345', '1234567890123456', '9007199254740993', '0.000000000000000000000001', '1e5', '1E-7', '-1.5e300', '.5', '5.', '-', '', '.', '00012.50', '+4', ' 5', '1,5', '0x10', 'NaN'])
      expect(Object.is(read(s), Number(s)) || (Number.isNaN(read(s)) && Number.isNaN(Number(s))), s).toBe(true);
  });
  test('20,000 random decimals as spreadsheets write them', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 20_000; k++) {
      const digits = 1 + Math.floor(rnd() * 17);
      const places = Math.floor(rnd() * Math.min(digits, 20));
      let s = '';
      for (let d = 0; d < digits; d++) s += Math.floor(rnd() * 10);
      if (places > 0) s = `${s.slice(0, s.length - places) || '0'}.${s.slice(s.length - places)}`;
      if (rnd() < 0.3) s = `-${s}`;
      expect(read(s), s).toBe(Number(s));
    }
  });
});

describe('the cell checks take fast paths with exactly parseAnswer’s result', () => {
  const q = form();
  const cases: ImportCell[] = [null, '', ' ', '\u00a0', 'abc', ' abc', 'abc ', 'äbc', '12', ' 12 ', '1,5', '2.5', 0, -0, 7, -3, 2.5, 1e-7, 2 ** 53, 2 ** 53 + 2, 1e21, -1e21, Number.NaN, Number.POSITIVE_INFINITY, 45292];
  for (const type of ['integer', 'decimal', 'text', 'date'] as const) {
    test(type, () => {
      const question_ = q.questions.find((x) => x.type === type)!;
      for (const raw of cases) {
        const slow = parseAnswer(question_, raw, q);
        const expected = slow.ok ? slow.value : { en: slow.message.en, id: slow.message.id };
        const got = checkCell(question_, q, raw);
        if (type === 'date' && typeof raw === 'number') continue; // dates from numbers are Excel serials, not parseAnswer's
        expect(Object.is(got, expected) || JSON.stringify(got) === JSON.stringify(expected), `${type} ${String(raw)}`).toBe(true);
      }
    });
  }
});
