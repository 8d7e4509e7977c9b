import { describe, expect, it } from 'vitest';
import { bandOf, defaultBands, effectivenessIndex, indexScores } from './effectivenessIndex';
import type { IndexSpec, ScoreSummary } from './effectivenessIndex';
import { close } from './testkit';
import type { Row, VariableMeta } from './types';

// Expected values: R 4.2.2 (2022-11-10 r83330), base R only, printed with format(x, digits = 17):
//   alpha <- function(m) { m <- na.omit(m); k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
//   d <- data.frame(job = c("u","u","u","u","b","b","b","b","l","l","l","u"),
//     a1 = c(4,3,4,3,2,3,2,1,3,2,3,4), a2 = c(4,4,3,3,2,2,3,2,3,3,2,5),
//     p1 = c(3,3,4,2,2,3,2,1,3,3,2,4), p2 = c(4,3,4,3,2,2,1,2,3,2,NA,4), p3 = c(2,3,1,3,4,4,4,5,3,3,4,2),
//     m1 = c(3,4,4,3,2,3,2,2,3,2,3,9), m2 = c(4,3,4,2,2,2,3,1,2,3,3,4))
//   items <- c("a1","a2","p1","p2","p3","m1","m2")
//   for (v in items) d[[v]][!is.na(d[[v]]) & (d[[v]] < 1 | d[[v]] > 5)] <- NA   # 9 is out of range
//   d$p3 <- 6 - d$p3
//   dims <- list(akses = c("a1","a2"), pemahaman = c("p1","p2","p3"), manfaat = c("m1","m2"))
//   w <- c(akses = 2, pemahaman = 1, manfaat = 1)
//   complete rule: S <- sapply(dims, function(it) rowMeans(dd[, it, drop = FALSE])); overall <- as.vector(S %*% w) / sum(w)
//   partial rule:  rowMeans(..., na.rm = TRUE); overall = sum(w[ok] * s[ok]) / sum(w[ok]) per row
//   per score s (NA dropped): length(s), mean(s), sd(s), t.test(s)$conf.int
//   alpha: alpha(dd[, items]) for overall, alpha(dd[, dims[[nm]]]) per dimension; groups: dd <- d[d$job == g, ]
const job = ['u', 'u', 'u', 'u', 'b', 'b', 'b', 'b', 'l', 'l', 'l', 'u'];
const cols: Record<string, (number | null)[]> = {
  a1: [4, 3, 4, 3, 2, 3, 2, 1, 3, 2, 3, 4],
  a2: [4, 4, 3, 3, 2, 2, 3, 2, 3, 3, 2, 5],
  p1: [3, 3, 4, 2, 2, 3, 2, 1, 3, 3, 2, 4],
  p2: [4, 3, 4, 3, 2, 2, 1, 2, 3, 2, null, 4],
  p3: [2, 3, 1, 3, 4, 4, 4, 5, 3, 3, 4, 2],
  m1: [3, 4, 4, 3, 2, 3, 2, 2, 3, 2, 3, 9],
  m2: [4, 3, 4, 2, 2, 2, 3, 1, 2, 3, 3, 4],
};
const rows: Row[] = job.map((j, i) => {
  const r: Record<string, number | string | null> = { pekerjaan: j };
  for (const [k, v] of Object.entries(cols)) r[k] = v[i];
  return r;
});
const jobMeta: VariableMeta = {
  name: 'pekerjaan',
  type: 'categorical',
  valueLabels: [
    { value: 'u', label: { id: 'Pelaku UMKM', en: 'Business owner' } },
    { value: 'b', label: { id: 'Buruh harian', en: 'Day labourer' } },
    { value: 'l', label: { id: 'Pekerja lepas', en: 'Freelancer' } },
  ],
};
const spec: IndexSpec = {
  dimensions: [
    { name: 'akses', label: { id: 'Akses', en: 'Access' }, items: ['a1', 'a2'], weight: 2 },
    { name: 'pemahaman', label: { id: 'Pemahaman', en: 'Understanding' }, items: ['p1', 'p2', 'p3'], reverse: ['p3'] },
    { name: 'manfaat', label: { id: 'Manfaat', en: 'Perceived benefit' }, items: ['m1', 'm2'] },
  ],
};

type Expected = [n: number, mean: number, sd: number, lo: number, hi: number, alpha: number];
function check(s: ScoreSummary, e: Expected): void {
  expect(s.n).toBe(e[0]);
  close(s.mean, e[1]);
  close(s.sd, e[2]);
  close(s.ci?.[0], e[3]);
  close(s.ci?.[1], e[4]);
  // alpha exactly 0 in R is compared with an absolute tolerance (close() does that at 0).
  close(s.alpha, e[5]);
}

describe('effectivenessIndex, complete-items rule (default), weights 2:1:1', () => {
  const idx = effectivenessIndex(rows, { ...spec, groupBy: 'pekerjaan' }, [jobMeta], { lang: 'en' });

  it('overall and per dimension', () => {
    expect(idx.base).toBe(12);
    expect(idx.missingRule).toBe('complete');
    check(idx.overall, [10, 2.7416666666666667, 0.76270109673643638, 2.1960631699248565, 3.2872701634084764, 0.93929440389294405]);
    check(idx.dimensions[0], [12, 2.9166666666666665, 0.84834955631329811, 2.3776510743247994, 3.4556822590085337, 0.7578947368421054]);
    check(idx.dimensions[1], [11, 2.7878787878787876, 0.94601770329602963, 2.1523354470974403, 3.4234221286601358, 0.91760722347629797]);
    check(idx.dimensions[2], [11, 2.7272727272727271, 0.71984846890287835, 2.2436719456077423, 3.2108735089377114, 0.63157894736842124]);
    expect(idx.overall.band).toEqual({ id: 'sedang', en: 'moderate' });
    expect(idx.dimensions.map((d) => [d.name, d.weight])).toEqual([
      ['akses', 2],
      ['pemahaman', 1],
      ['manfaat', 1],
    ]);
  });

  it('by subgroup, in value-label order with labels', () => {
    const g = idx.groups!;
    expect(g.map((x) => [x.value, x.label, x.base])).toEqual([
      ['u', 'Business owner', 5],
      ['b', 'Day labourer', 4],
      ['l', 'Freelancer', 3],
    ]);
    check(g[0].overall, [4, 3.4479166666666665, 0.48397347455627571, 2.6778068686881973, 4.2180264646451358, 0.875]);
    check(g[0].dimensions[0], [5, 3.7, 0.57008771254956903, 2.9921426115088638, 4.407857388491137, 0.46153846153846168]);
    check(g[0].dimensions[1], [5, 3.5333333333333332, 0.69121471177759064, 2.6750769106903074, 4.3915897559763586, 0.90697674418604646]);
    check(g[0].dimensions[2], [4, 3.375, 0.62915286960589578, 2.3738773873320373, 4.3761226126679631, 0.42105263157894735]);
    check(g[1].overall, [4, 2.0520833333333335, 0.43882075772165507, 1.3538215837867944, 2.750345082879873, 0.76282051282051277]);
    check(g[1].dimensions[1], [4, 1.8333333333333335, 0.43033148291193529, 1.1485799144131597, 2.5180867522535073, 0.45000000000000023]);
    check(g[1].dimensions[2], [4, 2.125, 0.47871355387816905, 1.3632599095855937, 2.8867400904144063, 0]);
    check(g[2].overall, [2, 2.708333333333333, 0.23570226039551595, 0.59063254397088283, 4.82603412269578236, 0]);
    check(g[2].dimensions[0], [3, 2.6666666666666665, 0.28867513459481287, 1.9495578783750898, 3.3837754549582435, -2]);
    expect(g[0].overall.band?.en).toBe('high');
    expect(g[1].overall.band?.id).toBe('rendah');
    expect(g[1].dimensions[1].band?.en).toBe('low');
  });
});

describe('effectivenessIndex, partial rule', () => {
  it('scores respondents with some items answered and renormalises weights', () => {
    const idx = effectivenessIndex(rows, { ...spec, missingRule: 'partial' });
    check(idx.overall, [12, 2.8472222222222223, 0.82214714371937458, 2.3248548485774649, 3.3695895958669797, 0.93929440389294405]);
    check(idx.dimensions[1], [12, 2.7222222222222223, 0.9302257066539632, 2.1311850058385704, 3.3132594386058742, 0.91760722347629797]);
    check(idx.dimensions[2], [12, 2.8333333333333335, 0.77849894416152299, 2.3386987025941934, 3.3279679640724731, 0.63157894736842124]);
    expect(idx.groups).toBeNull();
  });

  it('per-respondent scores under both rules', () => {
    // R (partial): S[11, ] -> 2.5, 2.0, 3.0, overall 2.5; S[12, ] -> 4.5, 4.0, 4.0, overall 4.25
    const partial = indexScores(rows, { ...spec, missingRule: 'partial' });
    expect(partial[10]).toEqual({ overall: 2.5, dimensions: { akses: 2.5, pemahaman: 2, manfaat: 3 } });
    expect(partial[11]).toEqual({ overall: 4.25, dimensions: { akses: 4.5, pemahaman: 4, manfaat: 4 } });
    const complete = indexScores(rows, spec);
    expect(complete[10]).toEqual({ overall: null, dimensions: { akses: 2.5, pemahaman: null, manfaat: 3 } });
    expect(complete[11].dimensions.manfaat).toBeNull();
    expect(complete[11].overall).toBeNull();
  });
});

describe('bands and validation', () => {
  it('default bands for 1-5 and equal-width bands for other scales', () => {
    expect(defaultBands().map((b) => b.upTo)).toEqual([1.8, 2.6, 3.4, 4.2, 5]);
    expect(defaultBands(0, 10).map((b) => b.upTo)).toEqual([2, 4, 6, 8, 10]);
    const bands = defaultBands();
    expect(bandOf(1.8, bands)?.en).toBe('very low');
    expect(bandOf(1.81, bands)?.id).toBe('rendah');
    expect(bandOf(3.41, bands)?.en).toBe('high');
    expect(bandOf(5, bands)?.en).toBe('very high');
    expect(bandOf(5.2, bands)).toBeNull();
    expect(bandOf(null, bands)).toBeNull();
  });

  it('uses custom bands', () => {
    const idx = effectivenessIndex(rows, {
      ...spec,
      bands: [
        { upTo: 3, label: { id: 'kurang efektif', en: 'not effective' } },
        { upTo: 5, label: { id: 'efektif', en: 'effective' } },
      ],
    });
    expect(idx.overall.band).toEqual({ id: 'kurang efektif', en: 'not effective' });
  });

  it('rejects bad specifications', () => {
    expect(() => effectivenessIndex(rows, { dimensions: [] })).toThrow();
    expect(() => effectivenessIndex(rows, { dimensions: [{ ...spec.dimensions[0], weight: 0 }] })).toThrow(/weight/);
    expect(() => effectivenessIndex(rows, { dimensions: [{ ...spec.dimensions[0], reverse: ['p3'] }] })).toThrow(/p3/);
    expect(() => effectivenessIndex(rows, { ...spec, min: 5, max: 1 })).toThrow();
  });

  it('all missing gives n = 0 and null statistics; a filter sets the base', () => {
    const empty = effectivenessIndex([{ a1: null }, { a1: '' }], spec);
    expect(empty.overall).toEqual({ n: 0, mean: null, sd: null, ci: null, alpha: null, band: null });
    const f = effectivenessIndex(rows, spec, undefined, { filter: { all: [{ variable: 'pekerjaan', op: '=', value: 'b' }] } });
    expect(f.base).toBe(4);
    close(f.overall.mean, 2.0520833333333335);
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(rows);
    effectivenessIndex(rows, { ...spec, groupBy: 'pekerjaan' });
    expect(JSON.stringify(rows)).toBe(before);
  });
});
