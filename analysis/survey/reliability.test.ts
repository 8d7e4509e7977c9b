import { describe, expect, it } from 'vitest';
import { reliability } from './reliability';
import { close, closeMatrix } from './testkit';
import type { Row } from './types';

// psych is not installed here; the expected values come from base-R formulas
// (R 4.2.2, 2022-11-10 r83330), printed with format(x, digits = 17):
//   d <- data.frame(q1 = c(4,3,5,2,4,3,5,1,4,2, 3), q2 = c(4,2,5,3,4,3,4,2,5,2, NA),
//                   q3 = c(2,4,1,4,2,3,1,5,2,4, 3), q4 = c(3,3,4,2,5,3,4,2,4,1, 4))
//   x <- na.omit(d); x$q3 <- (1 + 5) - x$q3; k <- ncol(x)
//   alpha <- function(m) { k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
//   R <- cor(x); rbar <- mean(R[upper.tri(R)])
//   alpha(x); k*rbar/(1+(k-1)*rbar); colMeans(x); apply(x, 2, sd)
//   sapply(1:k, function(i) cor(x[,i], rowSums(x[,-i])))      # r.drop / corrected item-total
//   sapply(1:k, function(i) alpha(x[,-i]))                     # alpha if item deleted
//   c(mean(rowSums(x)), sd(rowSums(x))); R
const q1 = [4, 3, 5, 2, 4, 3, 5, 1, 4, 2, 3];
const q2 = [4, 2, 5, 3, 4, 3, 4, 2, 5, 2, null];
const q3 = [2, 4, 1, 4, 2, 3, 1, 5, 2, 4, 3];
const q4 = [3, 3, 4, 2, 5, 3, 4, 2, 4, 1, 4];
const rows: Row[] = q1.map((v, i) => ({ q1: v, q2: q2[i], q3: String(q3[i]), q4: q4[i] }));

describe('reliability', () => {
  const r = reliability(rows, ['q1', 'q2', 'q3', 'q4'], { reverse: ['q3'], min: 1, max: 5 });

  it('listwise deletion and scale statistics', () => {
    expect(r.base).toBe(11);
    expect(r.n).toBe(10);
    expect(r.excluded).toBe(1);
    expect(r.k).toBe(4);
    close(r.alpha, 0.95512820512820507);
    close(r.standardizedAlpha, 0.95545486865573936);
    close(r.meanInterItemCorrelation, 0.84282378063092667);
    close(r.scaleMean, 13);
    close(r.scaleSd, 4.8074017006186525);
    expect([r.min, r.max]).toEqual([1, 5]);
  });

  it('item statistics after reverse recoding', () => {
    const means = [3.3, 3.4, 3.2, 3.1];
    const sds = [1.3374935098492586, 1.1737877907772674, 1.398411797560202, 1.1972189997378648];
    const rDrop = [0.93919798332361493, 0.87396032849201355, 0.95134463101539157, 0.81172080977227745];
    const alphaDrop = [0.92595896520963428, 0.946993670886076, 0.92286245353159857, 0.96353762606671844];
    r.items.forEach((it, i) => {
      expect(it.item).toBe(`q${i + 1}`);
      close(it.mean, means[i]);
      close(it.sd, sds[i]);
      close(it.itemRestCorrelation, rDrop[i]);
      close(it.alphaIfDeleted, alphaDrop[i]);
    });
  });

  it('inter-item correlations', () => {
    closeMatrix(r.interItemCorrelations, [
      [1, 0.83513796450380584, 0.97425933586960289, 0.81185425010570988],
      [0.83513796450380584, 1, 0.89352509577190575, 0.75904152456173446],
      [0.97425933586960289, 0.89352509577190575, 1, 0.78312451297280083],
      [0.81185425010570988, 0.75904152456173446, 0.78312451297280083, 1],
    ]);
  });

  it('defaults the reverse bounds to the observed minimum and maximum (psych::alpha rule)', () => {
    // R: x <- data.frame(a = c(2,3,4,5,3,4), b = c(5,4,4,2,4,2), c = c(3,3,5,4,2,5))
    //    lo <- min(x); hi <- max(x); x$b <- lo + hi - x$b; alpha(x)  -> 2 5 0.85563380281690149
    const a = [2, 3, 4, 5, 3, 4];
    const b = [5, 4, 4, 2, 4, 2];
    const c = [3, 3, 5, 4, 2, 5];
    const rr = reliability(
      a.map((v, i) => ({ a: v, b: b[i], c: c[i] })),
      ['a', 'b', 'c'],
      { reverse: ['b'] },
    );
    expect([rr.min, rr.max]).toEqual([2, 5]);
    close(rr.alpha, 0.85563380281690149);
    close(rr.items[1].mean, 3.5);
  });

  it('filters rows and reports the base', () => {
    const tagged = rows.map((row, i) => ({ ...row, kota: i < 10 ? 'A' : 'B' }));
    const f = reliability(tagged, ['q1', 'q2', 'q3', 'q4'], { reverse: ['q3'], min: 1, max: 5, filter: { all: [{ variable: 'kota', op: '=', value: 'A' }] } });
    expect(f.base).toBe(10);
    expect(f.excluded).toBe(0);
    close(f.alpha, 0.95512820512820507);
  });

  it('undefined cases give null, not a crash', () => {
    const one = reliability(rows, ['q1']);
    expect(one.alpha).toBeNull();
    expect(one.standardizedAlpha).toBeNull();
    expect(one.items[0].alphaIfDeleted).toBeNull();
    const two = reliability(rows, ['q1', 'q4']);
    expect(two.items[0].alphaIfDeleted).toBeNull();
    expect(two.alpha).not.toBeNull();
    const none = reliability([{ q1: null, q2: 3 }], ['q1', 'q2']);
    expect(none.n).toBe(0);
    expect(none.alpha).toBeNull();
    const constant = reliability([{ a: 3, b: 1 }, { a: 3, b: 2 }, { a: 3, b: 4 }], ['a', 'b']);
    expect(constant.items[0].itemRestCorrelation).toBeNull();
    expect(Number.isNaN(constant.interItemCorrelations[0][1])).toBe(true);
    expect(() => reliability(rows, ['q1', 'q2'], { reverse: ['q9'] })).toThrow(/q9/);
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(rows);
    reliability(rows, ['q1', 'q2', 'q3', 'q4'], { reverse: ['q3'], min: 1, max: 5 });
    expect(JSON.stringify(rows)).toBe(before);
  });
});
