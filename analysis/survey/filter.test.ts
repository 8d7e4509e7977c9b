import { describe, expect, it } from 'vitest';
import { filterRows } from './filter';
import { multipleResponse } from './multipleResponse';
import { close } from './testkit';
import type { Filter, Row } from './types';

// The same data frame in R 4.2.2 (see each expected value's command):
// df <- data.frame(kota = c("Surabaya","Yogyakarta","Surabaya","Medan","Jakarta","Surabaya","Bandung", NA, "Medan", "Jakarta"),
//   umur = c(25, 41, 37, NA, 52, 30, 19, 45, 30, 60),
//   aktif = c("ya","tidak","tidak","ya","tidak","tidak","ya","tidak", NA, "ya"),
//   program = c("JKK JKM","JKK","","JKK JHT",NA,"JKM JKP","XYZ","JKM","JKK JKM JKK","JKM"), stringsAsFactors = FALSE)
const kota = ['Surabaya', 'Yogyakarta', 'Surabaya', 'Medan', 'Jakarta', 'Surabaya', 'Bandung', null, 'Medan', 'Jakarta'];
const umur = [25, '41', 37, null, 52, 30, 19, 45, 30, 60];
const aktif = ['ya', 'tidak', 'tidak', 'ya', 'tidak', 'tidak', 'ya', 'tidak', null, 'ya'];
const program = ['JKK JKM', 'JKK', '', 'JKK JHT', null, 'JKM JKP', 'XYZ', 'JKM', 'JKK JKM JKK', 'JKM'];
const rows: Row[] = kota.map((k, i) => ({ id: i + 1, kota: k, umur: umur[i], aktif: aktif[i], program: program[i] }));

const ids = (f: Filter): number[] => filterRows(rows, f).map((r) => r.id as number);

describe('filterRows', () => {
  it('matches R which() on the same conditions (NA never selected)', () => {
    // R: which(with(df, umur >= 30 & kota != "Surabaya")) -> 2 5 9 10
    expect(ids({ all: [{ variable: 'umur', op: '>=', value: 30 }, { variable: 'kota', op: '!=', value: 'Surabaya' }] })).toEqual([2, 5, 9, 10]);
    // R: which(with(df, umur < 30)) -> 1 7
    expect(ids({ all: [{ variable: 'umur', op: '<', value: '30' }] })).toEqual([1, 7]);
    // R: which(with(df, kota %in% c("Medan", "Jakarta") & aktif == "ya")) -> 4 10
    expect(ids({ all: [{ variable: 'kota', op: 'in', value: ['Medan', 'Jakarta'] }, { variable: 'aktif', op: '=', value: 'ya' }] })).toEqual([4, 10]);
    // R: which(is.na(df$umur)) -> 4
    expect(ids({ all: [{ variable: 'umur', op: 'missing' }] })).toEqual([4]);
    // R: which(with(df, !is.na(aktif) & umur <= 30)) -> 1 6 7
    expect(ids({ all: [{ variable: 'aktif', op: 'notMissing' }, { variable: 'umur', op: '<=', value: 30 }] })).toEqual([1, 6, 7]);
    // R: which(grepl("(^| )JKM( |$)", df$program)) -> 1 6 8 9 10
    expect(ids({ all: [{ variable: 'program', op: 'contains', value: 'JKM' }] })).toEqual([1, 6, 8, 9, 10]);
  });

  it('keeps every row for an empty condition list and rejects malformed conditions', () => {
    expect(filterRows(rows, { all: [] }).length).toBe(10);
    expect(() => filterRows(rows, { all: [{ variable: 'kota', op: 'in', value: 'Medan' }] })).toThrow(/array/);
    expect(() => filterRows(rows, { all: [{ variable: 'umur', op: '>' }] })).toThrow(/single value/);
  });

  it('compares numbers numerically (10 > 9) and text by code point; != drops missing', () => {
    const r: Row[] = [{ x: '10' }, { x: 9 }, { x: null }, { x: 'b' }];
    expect(filterRows(r, { all: [{ variable: 'x', op: '>', value: 9 }] })).toEqual([{ x: '10' }]);
    expect(filterRows(r, { all: [{ variable: 'x', op: '>', value: 'a' }] })).toEqual([{ x: 'b' }]);
    expect(filterRows(r, { all: [{ variable: 'x', op: '!=', value: 9 }] })).toEqual([{ x: '10' }, { x: 'b' }]);
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(rows);
    filterRows(rows, { all: [{ variable: 'umur', op: '>', value: 20 }] });
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe('multipleResponse', () => {
  it('matches SPSS MULT RESPONSE definitions computed in R', () => {
    const mr = multipleResponse(rows, 'program', ['JKK', 'JKM', 'JHT', 'JKP']);
    // R: s <- lapply(strsplit(ifelse(is.na(df$program), "", df$program), " +"), unique); ch <- c("JKK","JKM","JHT","JKP")
    //    n <- sapply(ch, function(k) sum(sapply(s, function(v) k %in% v)))  -> 4 5 1 1
    //    cases <- sum(sapply(s, function(v) any(v %in% ch)))               -> 7
    expect(mr.rows.map((r) => r.n)).toEqual([4, 5, 1, 1]);
    expect(mr.cases).toBe(7);
    expect(mr.base).toBe(10);
    expect(mr.missing).toBe(3);
    expect(mr.responses).toBe(11);
    expect(mr.unlisted).toEqual([{ value: 'XYZ', n: 1 }]);
    // R: format(100 * n / sum(n), digits = 17)
    const ofResponses = [36.3636363636363669, 45.4545454545454533, 9.0909090909090917, 9.0909090909090917];
    // R: format(100 * n / cases, digits = 17)
    const ofCases = [57.142857142857146, 71.428571428571431, 14.285714285714286, 14.285714285714286];
    mr.rows.forEach((r, i) => {
      close(r.percentOfResponses, ofResponses[i]);
      close(r.percentOfCases, ofCases[i]);
    });
  });

  it('uses value labels in the requested language and honours a filter', () => {
    const mr = multipleResponse(
      rows,
      'program',
      [
        { value: 'JKK', label: { id: 'Jaminan Kecelakaan Kerja', en: 'Work-accident insurance' } },
        { value: 'JKM', label: { id: 'Jaminan Kematian', en: 'Death benefit' } },
      ],
      { lang: 'en', filter: { all: [{ variable: 'kota', op: '=', value: 'Surabaya' }] } },
    );
    expect(mr.base).toBe(3);
    expect(mr.rows.map((r) => [r.label, r.n])).toEqual([
      ['Work-accident insurance', 1],
      ['Death benefit', 2],
    ]);
    expect(mr.cases).toBe(2);
    expect(mr.rows[1].percentOfCases).toBe(100);
  });

  it('reads KoboToolbox 0/1 columns (question/choice) when the codes column is missing', () => {
    const dummies: Row[] = rows.map((r) => {
      const codes = typeof r.program === 'string' ? r.program.split(' ') : [];
      const out: Record<string, number | string | null> = { kota: r.kota ?? null };
      for (const c of ['JKK', 'JKM', 'JHT', 'JKP']) out[`program/${c}`] = r.program === null ? null : codes.includes(c) ? (c === 'JHT' ? '1' : 1) : 0;
      return out;
    });
    const mr = multipleResponse(dummies, 'program', ['JKK', 'JKM', 'JHT', 'JKP'], { dummySeparator: '/' });
    // Same counts as the space-separated column (R values above): 4 5 1 1, cases 7
    expect(mr.rows.map((r) => r.n)).toEqual([4, 5, 1, 1]);
    expect(mr.cases).toBe(7);
    close(mr.rows[1].percentOfCases, 71.428571428571431);
  });

  it('returns NaN percentages when nobody answered', () => {
    const mr = multipleResponse([{ p: null }, { p: '' }], 'p', ['A']);
    expect(mr.cases).toBe(0);
    expect(mr.rows[0].n).toBe(0);
    expect(Number.isNaN(mr.rows[0].percentOfCases)).toBe(true);
  });
});
