import { describe, expect, it } from 'vitest';
import { frequencies } from './frequencies';
import { close } from './testkit';
import type { Row, VariableMeta } from './types';

const jobMeta: VariableMeta = {
  name: 'pekerjaan',
  type: 'categorical',
  label: { id: 'Jenis pekerjaan', en: 'Job type' },
  valueLabels: [
    { value: 'umkm', label: { id: 'Pelaku UMKM', en: 'Micro/small business owner' } },
    { value: 'buruh_harian', label: { id: 'Buruh harian', en: 'Day labourer' } },
    { value: 'pekerja_lepas', label: { id: 'Pekerja lepas', en: 'Freelancer' } },
    { value: 'pedagang_kecil', label: { id: 'Pedagang kecil', en: 'Small trader' } },
    { value: 'pekerja_rumahan', label: { id: 'Pekerja rumahan', en: 'Home worker' } },
  ],
};

// 13 rows: umkm x3, buruh_harian x4, pekerja_lepas x2, pedagang_kecil x1, an unlabelled
// 'lainnya' x1, and 2 missing (null and a blank string).
const jobs: Row[] = [
  ...['umkm', 'umkm', 'umkm', 'buruh_harian', 'buruh_harian', 'buruh_harian', 'buruh_harian'],
  ...['pekerja_lepas', 'pekerja_lepas', 'pedagang_kecil', 'lainnya'],
].map((pekerjaan) => ({ pekerjaan }));
jobs.push({ pekerjaan: null }, { pekerjaan: '  ' });

describe('frequencies', () => {
  it('counts, percentages and Wilson intervals match R', () => {
    const f = frequencies(jobs, 'pekerjaan', jobMeta, { lang: 'en' });
    expect(f.n).toBe(13);
    expect(f.base).toBe(13);
    expect(f.valid).toBe(11);
    expect(f.missing).toBe(2);
    // Value-label order, the unobserved label with n = 0, then the unlabelled value.
    expect(f.rows.map((r) => r.value)).toEqual(['umkm', 'buruh_harian', 'pekerja_lepas', 'pedagang_kecil', 'pekerja_rumahan', 'lainnya']);
    expect(f.rows.map((r) => r.label)).toEqual(['Micro/small business owner', 'Day labourer', 'Freelancer', 'Small trader', 'Home worker', 'lainnya']);
    expect(f.rows.map((r) => r.n)).toEqual([3, 4, 2, 1, 0, 1]);
    // R 4.2.2: x <- c(rep("umkm",3), rep("buruh_harian",4), rep("pekerja_lepas",2), "pedagang_kecil", "lainnya", NA, NA)
    //   tab <- table(factor(x, levels = c("umkm","buruh_harian","pekerja_lepas","pedagang_kecil","pekerja_rumahan","lainnya")))
    //   format(100 * as.numeric(tab) / length(x), digits = 17)
    const percent = [23.0769230769230766, 30.7692307692307701, 15.384615384615385, 7.6923076923076925, 0, 7.6923076923076925];
    //   format(100 * as.numeric(prop.table(tab)), digits = 17)
    const valid = [27.2727272727272698, 36.3636363636363669, 18.1818181818181834, 9.0909090909090917, 0, 9.0909090909090917];
    // 100 * prop.test(k, 11, correct = FALSE)$conf.int for k in tab
    const ci: [number, number][] = [
      [9.7460592900248955, 56.5645301176129109],
      [15.166471095367584, 64.619882549215106],
      [5.1367689746085121, 47.6980561960844156],
      [1.6232172885884844, 37.7358436451595551],
      [0, 25.883296696803164],
      [1.6232172885884844, 37.7358436451595551],
    ];
    f.rows.forEach((r, i) => {
      close(r.percent, percent[i]);
      close(r.validPercent, valid[i]);
      close(r.ci[0], ci[i][0]);
      close(r.ci[1], ci[i][1]);
    });
  });

  it('gives labels in Indonesian by default and can leave out unobserved labels', () => {
    const f = frequencies(jobs, 'pekerjaan', [jobMeta], { includeUnobservedLabels: false });
    expect(f.rows.map((r) => r.label)).toEqual(['Pelaku UMKM', 'Buruh harian', 'Pekerja lepas', 'Pedagang kecil', 'lainnya']);
  });

  it('sorts unlabelled numeric values numerically and merges 1 with "1"', () => {
    const rows: Row[] = [{ q: 10 }, { q: '2' }, { q: 2 }, { q: 1 }, { q: ' 10 ' }, { q: Number.NaN }];
    const f = frequencies(rows, 'q');
    expect(f.rows.map((r) => [r.value, r.n])).toEqual([
      [1, 1],
      ['2', 2],
      [10, 2],
    ]);
    expect(f.missing).toBe(1);
  });

  it('sorts unlabelled text alphabetically', () => {
    const f = frequencies([{ k: 'b' }, { k: 'a' }, { k: 'c' }, { k: 'a' }], 'k');
    expect(f.rows.map((r) => r.value)).toEqual(['a', 'b', 'c']);
    expect(f.rows.map((r) => r.validPercent)).toEqual([50, 25, 25]);
  });

  it('handles a variable where every answer is missing', () => {
    const f = frequencies([{ q: null }, { q: '' }, {}], 'q');
    expect(f.n).toBe(3);
    expect(f.valid).toBe(0);
    expect(f.missing).toBe(3);
    expect(f.rows).toEqual([]);
  });

  it('handles no rows at all', () => {
    const f = frequencies([], 'q', { ...jobMeta, name: 'q' });
    expect(f.n).toBe(0);
    expect(f.rows.length).toBe(5);
    expect(f.rows.every((r) => r.n === 0 && Number.isNaN(r.percent) && Number.isNaN(r.validPercent))).toBe(true);
  });

  it('applies a filter and reports its base', () => {
    const rows: Row[] = jobs.map((r, i) => ({ ...r, kota: i % 2 === 0 ? 'Surabaya' : 'Yogyakarta' }));
    const f = frequencies(rows, 'pekerjaan', jobMeta, { filter: { all: [{ variable: 'kota', op: '=', value: 'Surabaya' }] } });
    expect(f.base).toBe(7);
    expect(f.n).toBe(7);
    // rows 0,2,4,6,8,10,12: umkm, umkm, buruh, buruh, lepas, lainnya, '  '
    expect(f.rows.map((r) => r.n)).toEqual([2, 2, 1, 0, 0, 1]);
    expect(f.missing).toBe(1);
  });

  it('refuses a select-multiple variable', () => {
    expect(() => frequencies([{ p: 'JKK JKM' }], 'p', { name: 'p', type: 'multiple' })).toThrow(/multipleResponse/);
  });

  it('rejects metadata of another variable and does not mutate its input', () => {
    expect(() => frequencies(jobs, 'kota', jobMeta)).toThrow(/pekerjaan/);
    const copy = JSON.stringify(jobs);
    frequencies(jobs, 'pekerjaan', jobMeta);
    expect(JSON.stringify(jobs)).toBe(copy);
  });
});
