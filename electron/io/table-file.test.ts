import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../db/test-helpers';
import { decodeText } from './decode';
import { readTableFile } from './table-file';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('decodeText', () => {
  test('UTF-8 with BOM, plain UTF-8, and Windows-1252 fallback', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('Médan'))).toEqual({ text: 'Médan', encoding: 'utf-8' });
    // "café" in Windows-1252: é = 0xE9 (invalid as UTF-8 here); 0x80 is the euro sign.
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toEqual({ text: 'café €', encoding: 'windows-1252' });
  });
});

describe('readTableFile', () => {
  test('CSV and XLSX give the same records', () => {
    const csv = join(tmp.dir, 't.csv');
    writeFileSync(csv, 'year,value\n2020,3.2\n2021,4.1\n');
    const xlsx = join(tmp.dir, 't.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['year', 'value'], [2020, 3.2], [2021, 4.1]]), 'data');
    writeFileSync(xlsx, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const a = readTableFile(csv);
    const b = readTableFile(xlsx);
    expect(a.header).toEqual(['year', 'value']);
    expect(b.header).toEqual(['year', 'value']);
    expect(a.records.map((r) => ({ ...r }))).toEqual([{ year: 2020, value: 3.2 }, { year: 2021, value: 4.1 }]);
    expect(b.records.map((r) => ({ ...r }))).toEqual([{ year: 2020, value: 3.2 }, { year: 2021, value: 4.1 }]);
    expect(b.rowNumbers).toEqual([2, 3]);
  });

  test('bad files get clear messages', () => {
    const empty = join(tmp.dir, 'e.csv');
    writeFileSync(empty, '');
    expect(() => readTableFile(empty)).toThrow(/empty/);
    expect(() => readTableFile(join(tmp.dir, 'missing.csv'))).toThrow(/cannot read/);
    const odd = join(tmp.dir, 'a.json');
    writeFileSync(odd, '{}');
    expect(() => readTableFile(odd)).toThrow(/unsupported file type ".json"/);
  });
});
