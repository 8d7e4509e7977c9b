import { describe, expect, it } from 'vitest';
import type { IndexSpec } from './effectivenessIndex';
import { summary } from './summary';
import { close } from './testkit';
import type { Row, VariableMeta } from './types';

// A synthetic study shaped like the article's survey: 300 respondents, the first 69
// participate; of the 231 others 141 name the benefits, 58 the cost, 32 administration.
// Likert items follow fixed cycles, the same in R 4.2.2 (2022-11-10 r83330):
//   i <- 0:299
//   d <- data.frame(a1 = c(2,3,3,4,2)[i %% 5 + 1], a2 = c(3,2,4,3,2,3,2)[i %% 7 + 1], p1 = c(3,3,2,4,2,3)[i %% 6 + 1],
//                   m1 = c(2,4,3,3,2)[(i * 3) %% 5 + 1], m2 = c(3,2,3,4,2,3,3,2)[i %% 8 + 1])
//   S <- cbind(akses = rowMeans(d[, c("a1","a2")]), pemahaman = d$p1, manfaat = rowMeans(d[, c("m1","m2")]))
//   overall <- rowMeans(S)
//   alpha <- function(m) { m <- na.omit(m); k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
const cycle = (c: number[], k: number): number => c[k % c.length];
const rows: Row[] = Array.from({ length: 300 }, (_, i) => ({
  ikut: i < 69 ? 'ya' : 'tidak',
  alasan: i < 69 ? null : i < 69 + 141 ? 'manfaat' : i < 69 + 141 + 58 ? 'biaya' : 'administrasi',
  a1: cycle([2, 3, 3, 4, 2], i),
  a2: cycle([3, 2, 4, 3, 2, 3, 2], i),
  p1: cycle([3, 3, 2, 4, 2, 3], i),
  m1: cycle([2, 4, 3, 3, 2], i * 3),
  m2: cycle([3, 2, 3, 4, 2, 3, 3, 2], i),
}));
const reasonMeta: VariableMeta = {
  name: 'alasan',
  type: 'categorical',
  valueLabels: [
    { value: 'manfaat', label: { id: 'Tidak tahu manfaat program', en: 'Does not know the benefits' } },
    { value: 'biaya', label: { id: 'Tidak mampu membayar iuran', en: 'Cannot afford the contribution' } },
    { value: 'administrasi', label: { id: 'Pendaftaran rumit', en: 'Complicated registration' } },
  ],
};
const index: IndexSpec = {
  dimensions: [
    { name: 'akses', label: { id: 'Akses', en: 'Access' }, items: ['a1', 'a2'] },
    { name: 'pemahaman', label: { id: 'Pemahaman', en: 'Understanding' }, items: ['p1'] },
    { name: 'manfaat', label: { id: 'Manfaat', en: 'Benefit' }, items: ['m1', 'm2'] },
  ],
};

describe('summary', () => {
  const s = summary(rows, { participation: { variable: 'ikut', yes: 'ya' }, reason: { variable: 'alasan' }, index, meta: [reasonMeta], lang: 'en' });

  it('participation rate and Wilson interval in percent', () => {
    expect(s.respondents).toBe(300);
    expect(s.answered).toBe(300);
    expect(s.participants).toBe(69);
    expect(s.participationRate).toBe(23);
    // R: 100 * prop.test(69, 300, correct = FALSE)$conf.int
    close(s.participationCI[0], 18.597181807303016);
    close(s.participationCI[1], 28.085538638822467);
  });

  it('reasons as percent of non-participants', () => {
    expect(s.reasonsBase).toBe(231);
    expect(s.reasons.map((r) => [r.code, r.label, r.n])).toEqual([
      ['manfaat', 'Does not know the benefits', 141],
      ['biaya', 'Cannot afford the contribution', 58],
      ['administrasi', 'Complicated registration', 32],
    ]);
    // R: 100 * c(141, 58, 32) / 231
    [61.038961038961041, 25.10822510822511, 13.852813852813853].forEach((p, i) => close(s.reasons[i].percent, p));
  });

  it('index overall and per dimension', () => {
    // R: c(mean(overall), sd(overall)); alpha(d); t.test(overall)$conf.int
    expect(s.index.overall.n).toBe(300);
    close(s.index.overall.mean, 2.78944444444444439);
    close(s.index.overall.sd, 0.32802301100878528);
    close(s.index.overall.alpha, -0.041200223983537954);
    close(s.index.overall.ci?.[0], 2.7521749710156302);
    close(s.index.overall.ci?.[1], 2.826713917873259);
    expect(s.index.overall.band?.id).toBe('sedang');
    // R: c(mean(S[, nm]), sd(S[, nm])); alpha(d[, c("a1","a2")]); alpha(d[, c("m1","m2")])
    const d = s.index.dimensions;
    expect(d.map((x) => [x.name, x.n])).toEqual([
      ['akses', 300],
      ['pemahaman', 300],
      ['manfaat', 300],
    ]);
    close(d[0].mean, 2.7583333333333333);
    close(d[0].sd, 0.50822389486649133);
    close(d[0].alpha, -0.038845427569463187);
    close(d[1].mean, 2.83333333333333348);
    close(d[1].sd, 0.68833244929908866);
    expect(d[1].alpha).toBeNull(); // one item: alpha undefined
    close(d[2].mean, 2.77666666666666684);
    close(d[2].sd, 0.49423657106979818);
    close(d[2].alpha, -0.052028661402948373);
  });

  it('skipped participation answers leave the rate denominator; several yes codes; a filter', () => {
    const extra: Row[] = [...rows, { ikut: null, alasan: 'biaya' }, { ikut: 1, alasan: null }];
    const t = summary(extra, { participation: { variable: 'ikut', yes: ['ya', '1'] }, reason: { variable: 'alasan' }, index });
    expect(t.respondents).toBe(302);
    expect(t.answered).toBe(301);
    expect(t.participants).toBe(70);
    // R: format(100 * 70 / 301, digits = 17) -> 23.255813953488371
    close(t.participationRate, 23.255813953488371);
    expect(t.reasonsBase).toBe(231);
    const f = summary(rows, {
      participation: { variable: 'ikut', yes: 'ya' },
      reason: { variable: 'alasan' },
      index,
      filter: { all: [{ variable: 'alasan', op: '=', value: 'biaya' }] },
    });
    expect([f.respondents, f.participants, f.participationRate, f.reasonsBase]).toEqual([58, 0, 0, 58]);
    expect(f.reasons).toEqual([{ code: 'biaya', label: 'biaya', n: 58, percent: 100 }]);
  });

  it('select-multiple reasons give percent of cases', () => {
    const multi: Row[] = [
      { ikut: 'tidak', alasan: 'manfaat biaya' },
      { ikut: 'tidak', alasan: 'biaya' },
      { ikut: 'tidak', alasan: null },
      { ikut: 'ya', alasan: 'manfaat' },
    ];
    const t = summary(multi, {
      participation: { variable: 'ikut', yes: 'ya' },
      reason: { variable: 'alasan' },
      index,
      meta: [{ ...reasonMeta, type: 'multiple' }],
    });
    expect(t.reasonsBase).toBe(2);
    expect(t.reasons.map((r) => [r.code, r.n, r.percent])).toEqual([
      ['manfaat', 1, 50],
      ['biaya', 2, 100],
      ['administrasi', 0, 0],
    ]);
    expect(t.index.overall.n).toBe(0);
    expect(t.index.overall.mean).toBeNull();
  });
});
