import { describe, expect, test } from 'vitest';
import { csvToRecords, CsvError, detectDelimiter, readCsv } from './csv';

describe('readCsv', () => {
  test('quoted fields, doubled quotes, embedded newlines and CRLF', () => {
    const t = readCsv('nama,catatan\r\n"Budi","kata ""ya""\r\nlalu pergi"\r\nSiti,biasa\r\n');
    expect(t.header).toEqual(['nama', 'catatan']);
    expect(t.rows).toEqual([
      ['Budi', 'kata "ya"\r\nlalu pergi'],
      ['Siti', 'biasa'],
    ]);
    expect(t.problems).toEqual([]);
  });

  test('detects semicolons and tabs, strips a BOM', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('"x;y",b\n')).toBe(',');
    const t = readCsv('\ufefftahun;nilai\n2020;3,2\n');
    expect(t.header).toEqual(['tahun', 'nilai']);
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([['2020', '3,2']]);
  });

  test('short and long rows are reported by line', () => {
    const t = readCsv('a,b,c\n1,2\n1,2,3,4\n\n5,6,7');
    expect(t.rows).toEqual([['1', '2', ''], ['1', '2', '3'], ['5', '6', '7']]);
    expect(t.problems).toEqual([
      { line: 2, message: '2 fields where the header has 3' },
      { line: 3, message: '4 fields where the header has 3' },
    ]);
  });

  test('errors name the line or column', () => {
    expect(() => readCsv('')).toThrow(CsvError);
    expect(() => readCsv('a,b\n"open,1\n')).toThrow(/opened on line 2 is never closed/);
    expect(() => readCsv('a,,c\n1,2,3')).toThrow(/column 2 has no name/);
    expect(() => readCsv('a,b,a\n1,2,3')).toThrow(/"a" appears twice \(columns 1 and 3\)/);
  });

  test('records: numbers, text and missing; no prototype pollution', () => {
    const recs = csvToRecords(readCsv('__proto__,year,value,city\nx,2020,3.2,Surabaya\n,2021,,"  "'));
    expect(recs[0]!.year).toBe(2020);
    expect(recs[0]!.value).toBe(3.2);
    expect(recs[0]!.city).toBe('Surabaya');
    expect(recs[1]!.value).toBeNull();
    expect(recs[1]!.city).toBeNull();
    expect(Object.keys(recs[0]!)).toEqual(['__proto__', 'year', 'value', 'city']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
