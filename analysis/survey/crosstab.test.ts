import { describe, expect, it } from 'vitest';
import { contingencyTests } from './contingency';
import { crosstab } from './crosstab';
import { fisherExact2x2 } from './fisher';
import { close, closeMatrix, expand } from './testkit';
import type { Row, VariableMeta } from './types';

// Expected values: R 4.2.2 (2022-11-10 r83330), printed with format(x, digits = 17), for a table t:
//   ct <- chisq.test(t, correct = FALSE); ct$statistic; ct$parameter; ct$p.value; ct$expected; ct$stdres
//   E <- ct$expected; G <- 2 * sum(ifelse(t > 0, t * log(t / E), 0)); pchisq(G, ct$parameter, lower.tail = FALSE)
//   sqrt(ct$statistic / (sum(t) * (min(dim(t)) - 1)))        # Cramér's V
//   fisher.test(t)$p.value                                    # 2x2 only
//   100 * mean(E < 5); min(E)
// Tolerances: relative 1e-8 for statistics, 1e-6 for p-values.

describe('contingencyTests: 2x2, t <- matrix(c(18, 9, 7, 21), 2)', () => {
  const r = contingencyTests([
    [18, 7],
    [9, 21],
  ]);
  it('Pearson chi-square, G², V and adjusted residuals', () => {
    close(r.chiSquare, 9.6249999999999964);
    expect(r.df).toBe(1);
    close(r.p, 0.0019194644992197633, 1e-6);
    closeMatrix(r.expected, [
      [12.272727272727273, 12.727272727272727],
      [14.727272727272727, 15.272727272727273],
    ]);
    closeMatrix(r.adjustedResiduals, [
      [3.1024184114977138, -3.1024184114977138],
      [-3.1024184114977138, 3.1024184114977138],
    ]);
    close(r.gSquare, 9.9284830458592808);
    close(r.gP, 0.0016274059969717883, 1e-6);
    close(r.cramersV, 0.41833001326703767);
  });
  it('Fisher exact two-sided and no low-expected warning', () => {
    close(r.fisherP, 0.0028506666435523351, 1e-6);
    expect(r.lowExpectedShare).toBe(0);
    close(r.minExpected, 12.272727272727273);
    expect(r.warning).toBeNull();
    expect(r.note).toBeNull();
  });
});

describe('contingencyTests: 3x3, t <- matrix(c(20,10,4, 15,25,8, 5,12,30), 3)', () => {
  const r = contingencyTests([
    [20, 15, 5],
    [10, 25, 12],
    [4, 8, 30],
  ]);
  it('matches chisq.test and the G² formula', () => {
    close(r.chiSquare, 42.34885301591212);
    expect(r.df).toBe(4);
    close(r.p, 1.41226373354182e-8, 1e-6);
    closeMatrix(r.expected, [
      [10.542635658914728, 14.883720930232558, 14.573643410852712],
      [12.387596899224807, 17.488372093023255, 17.124031007751938],
      [11.069767441860465, 15.627906976744185, 15.302325581395349],
    ]);
    closeMatrix(r.adjustedResiduals, [
      [4.086282856934726482, 0.045792883069590909, -3.786874901979026209],
      [-0.99149026706852139, 2.84314918785278303, -1.94798049640580229],
      [-3.0151169405463394, -2.9651219100356108, 5.7384296458536532],
    ]);
    close(r.gSquare, 41.733125471181772);
    close(r.gP, 1.89473059592023e-8, 1e-6);
    close(r.cramersV, 0.4051454567768793);
    expect(r.fisherP).toBeNull();
    expect(r.warning).toBeNull();
  });
});

describe('contingencyTests: low expected counts and zero cells', () => {
  it('2x3 with a zero cell, t <- matrix(c(3,1, 0,6, 2,4), 2): warns, G² skips the zero', () => {
    const r = contingencyTests([
      [3, 0, 2],
      [1, 6, 4],
    ]);
    close(r.chiSquare, 6.3030303030303028);
    expect(r.df).toBe(2);
    close(r.p, 0.042787248564730818, 1e-6);
    closeMatrix(r.expected, [
      [1.25, 1.875, 1.875],
      [2.75, 4.125, 4.125],
    ]);
    closeMatrix(r.adjustedResiduals, [
      [2.17979704365226423, -2.088931871468374, 0.13926212476455826],
      [-2.17979704365226423, 2.088931871468374, -0.13926212476455826],
    ]);
    close(r.gSquare, 7.7379128092796234);
    close(r.gP, 0.020880148485054251, 1e-6);
    close(r.cramersV, 0.62764591446084783);
    // 100 * mean(E < 5) -> 100
    expect(r.lowExpectedShare).toBe(100);
    expect(r.lowExpectedCount).toBe(6);
    close(r.minExpected, 1.25);
    expect(r.warning?.en).toMatch(/expected count below 5/);
    expect(r.warning?.id).toMatch(/harapan < 5/);
  });

  it('2x2 with a zero cell, t <- matrix(c(0,5,4,2), 2)', () => {
    const r = contingencyTests([
      [0, 4],
      [5, 2],
    ]);
    close(r.chiSquare, 5.238095238095239);
    close(r.p, 0.022097455284227151, 1e-6);
    closeMatrix(r.adjustedResiduals, [
      [-2.2886885410853171, 2.2886885410853175],
      [2.2886885410853175, -2.2886885410853175],
    ]);
    close(r.gSquare, 6.7824290062928885);
    close(r.gP, 0.0092059528929542642, 1e-6);
    close(r.cramersV, 0.69006555934235425);
    close(r.fisherP, 0.060606060606060545, 1e-6);
    expect(r.warning).not.toBeNull();
  });

  it('one expected count below 5 out of 9 (11.1%) does not warn, t <- matrix(c(20,10,8, 15,25,9, 5,12,1), 3)', () => {
    const r = contingencyTests([
      [20, 15, 5],
      [10, 25, 12],
      [8, 9, 1],
    ]);
    // 100 * mean(E < 5) -> 11.111111111111111; min(E) -> 3.0857142857142859
    close(r.lowExpectedShare, 11.111111111111111);
    close(r.minExpected, 3.0857142857142859);
    expect(r.warning).toBeNull();
    // chisq.test(t)$statistic -> 10.36931683523229, $p.value -> 0.034645527406861776
    close(r.chiSquare, 10.36931683523229);
    close(r.p, 0.034645527406861776, 1e-6);
  });
});

describe('fisherExact2x2', () => {
  it('matches fisher.test on a tied symmetric table, t <- matrix(c(3,1,1,3), 2)', () => {
    // R: fisher.test(matrix(c(3,1,1,3), 2))$p.value -> 0.48571428571428582
    close(fisherExact2x2([
      [3, 1],
      [1, 3],
    ]), 0.48571428571428582, 1e-6);
  });
  it('gives 1 for a degenerate margin and rejects non-counts', () => {
    expect(fisherExact2x2([
      [0, 0],
      [3, 4],
    ])).toBe(1);
    expect(() => fisherExact2x2([[1, 2]])).toThrow();
    expect(() => fisherExact2x2([
      [1.5, 2],
      [1, 1],
    ])).toThrow(RangeError);
  });
});

describe('crosstab from rows', () => {
  const jobMeta: VariableMeta = {
    name: 'pekerjaan',
    type: 'categorical',
    valueLabels: [
      { value: 'umkm', label: { id: 'Pelaku UMKM', en: 'Business owner' } },
      { value: 'buruh_harian', label: { id: 'Buruh harian', en: 'Day labourer' } },
      { value: 'pekerja_rumahan', label: { id: 'Pekerja rumahan', en: 'Home worker' } },
      { value: 'pekerja_lepas', label: { id: 'Pekerja lepas', en: 'Freelancer' } },
    ],
  };
  const activeMeta: VariableMeta = {
    name: 'aktif',
    type: 'categorical',
    valueLabels: [
      { value: 1, label: { id: 'Ya', en: 'Yes' } },
      { value: 2, label: { id: 'Kadang', en: 'Sometimes' } },
      { value: 0, label: { id: 'Tidak', en: 'No' } },
    ],
  };
  // Same counts as the 3x3 table above (rows umkm, buruh_harian, pekerja_lepas; columns 1, 2, 0).
  const rows: Row[] = [
    ...expand(
      [
        [20, 15, 5],
        [10, 25, 12],
        [4, 8, 30],
      ],
      'pekerjaan',
      'aktif',
      ['umkm', 'buruh_harian', 'pekerja_lepas'],
      [1, '2', 0],
    ),
    { pekerjaan: null, aktif: 1 },
    { pekerjaan: 'umkm', aktif: '' },
  ];

  it('builds the table in label order, drops the empty labelled row with a note, and tests it', () => {
    const x = crosstab(rows, 'pekerjaan', 'aktif', [jobMeta, activeMeta], { lang: 'en' });
    expect(x.base).toBe(131);
    expect(x.missing).toBe(2);
    expect(x.n).toBe(129);
    expect(x.rows).toEqual(['Business owner', 'Day labourer', 'Freelancer']);
    expect(x.cols).toEqual(['Yes', 'Sometimes', 'No']);
    expect(x.table).toEqual([
      [20, 15, 5],
      [10, 25, 12],
      [4, 8, 30],
    ]);
    expect(x.notes.map((n) => n.en)).toEqual(['Empty rows dropped: Home worker']);
    close(x.chiSquare, 42.34885301591212);
    close(x.p, 1.41226373354182e-8, 1e-6);
    close(x.gSquare, 41.733125471181772);
    close(x.cramersV, 0.4051454567768793);
    close(x.adjustedResiduals?.[2][2], 5.7384296458536532);
    expect(x.fisherP).toBeNull();
    // R: 100 * prop.table(t, 1)[1, ] -> 50.0 37.5 12.5
    expect(x.rowPercent[0]).toEqual([50, 37.5, 12.5]);
    // R: 100 * prop.table(t, 2)[3, 3] -> 63.829787234042556
    close(x.colPercent[2][2], 63.829787234042556);
    // R: 100 * prop.table(t)[3, 3] -> 23.255813953488371
    close(x.totalPercent[2][2], 23.255813953488371);
    x.rowPercent.forEach((row) => close(row.reduce((s, v) => s + v, 0), 100, 1e-12));
  });

  it('2x2 from rows with a filter carries Fisher p and the base', () => {
    const r2: Row[] = expand(
      [
        [18, 7],
        [9, 21],
      ],
      'g',
      'h',
      ['a', 'b'],
      ['x', 'y'],
    ).map((r) => ({ ...r, keep: 'y' }));
    r2.push({ g: 'a', h: 'x', keep: 'n' });
    const x = crosstab(r2, 'g', 'h', undefined, { filter: { all: [{ variable: 'keep', op: '=', value: 'y' }] } });
    expect(x.base).toBe(55);
    close(x.chiSquare, 9.6249999999999964);
    close(x.fisherP, 0.0028506666435523351, 1e-6);
  });

  it('a single category gives null statistics with a note, not a crash', () => {
    const x = crosstab(
      [
        { a: 'p', b: 'u' },
        { a: 'p', b: 'v' },
        { a: 'p', b: 'v' },
      ],
      'a',
      'b',
    );
    expect(x.table).toEqual([[1, 2]]);
    expect(x.chiSquare).toBeNull();
    expect(x.p).toBeNull();
    expect(x.gSquare).toBeNull();
    expect(x.cramersV).toBeNull();
    expect(x.adjustedResiduals).toBeNull();
    expect(x.fisherP).toBeNull();
    expect(x.warning).toBeNull(); // expected counts are below 5, but no test is reported
    expect(x.notes.at(-1)?.en).toMatch(/at least 2/);
  });

  it('refuses a select-multiple variable', () => {
    expect(() => crosstab([{ a: 'x', p: 'JKK JKM' }], 'a', 'p', [{ name: 'p', type: 'multiple' }])).toThrow(/select-multiple/);
  });

  it('all missing gives an empty table with null statistics', () => {
    const x = crosstab([{ a: null, b: 'x' }, { a: 'p' }], 'a', 'b');
    expect(x.n).toBe(0);
    expect(x.missing).toBe(2);
    expect(x.table).toEqual([]);
    expect(x.chiSquare).toBeNull();
    expect(x.warning).toBeNull();
  });
});
