/**
 * Double-double ("dd") arithmetic: a value is the unevaluated sum hi + lo of two
 * doubles with |lo| <= ulp(hi)/2, giving about 106 bits (~32 decimal digits).
 * Error-free transformations after Dekker (1971) and Knuth (TAOCP vol. 2); the
 * operation sequences follow Hida, Li & Bailey's QD library (2001).
 *
 * To avoid allocating in hot loops every operation writes its result into the
 * shared scratch `dd` (read `dd.hi`, `dd.lo` immediately after the call).
 */
export const dd = { hi: 0, lo: 0 };

const SPLITTER = 134217729; // 2^27 + 1

/** hi + lo = a + b exactly (Knuth two-sum). */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  dd.hi = s;
  dd.lo = a - (s - bb) + (b - bb);
}

/** hi + lo = a + b exactly, assuming |a| >= |b|. */
function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  dd.hi = s;
  dd.lo = b - (s - a);
}

/** hi + lo = a * b exactly (Dekker two-product with Veltkamp splitting). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  dd.hi = p;
  dd.lo = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl), accurate ("IEEE") variant. */
export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = dd.hi;
  let s2 = dd.lo;
  twoSum(al, bl);
  const t1 = dd.hi;
  const t2 = dd.lo;
  s2 += t1;
  quickTwoSum(s1, s2);
  const u1 = dd.hi;
  const u2 = dd.lo + t2;
  quickTwoSum(u1, u2);
}

/** (ah + al) * (bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p1 = dd.hi;
  const p2 = dd.lo + (ah * bl + al * bh);
  quickTwoSum(p1, p2);
}

/** (ah + al) / (bh + bl), three-step long division. */
export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(bh, bl, q1, 0);
  ddAdd(ah, al, -dd.hi, -dd.lo);
  let rh = dd.hi;
  let rl = dd.lo;
  const q2 = rh / bh;
  ddMul(bh, bl, q2, 0);
  ddAdd(rh, rl, -dd.hi, -dd.lo);
  rh = dd.hi;
  rl = dd.lo;
  const q3 = rh / bh;
  quickTwoSum(q1, q2);
  ddAdd(dd.hi, dd.lo, q3, 0);
}

/** sqrt(ah + al) for a non-negative argument (one Newton step from the double root). */
export function ddSqrt(ah: number, al: number): void {
  if (ah <= 0) {
    dd.hi = ah === 0 ? 0 : NaN;
    dd.lo = 0;
    return;
  }
  const x = Math.sqrt(ah);
  twoProd(x, x);
  ddAdd(ah, al, -dd.hi, -dd.lo);
  const e = (dd.hi * 0.5) / x;
  quickTwoSum(x, e);
}

/** Sum of a list of doubles accumulated in double-double, rounded to a double. */
export function accurateSum(values: ArrayLike<number>): number {
  let h = 0;
  let l = 0;
  for (let i = 0; i < values.length; i++) {
    ddAdd(h, l, values[i], 0);
    h = dd.hi;
    l = dd.lo;
  }
  return h + l;
}

/** Dot product of two double vectors accumulated in double-double, rounded to a double. */
export function accurateDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let h = 0;
  let l = 0;
  for (let i = 0; i < a.length; i++) {
    twoProd(a[i], b[i]);
    ddAdd(h, l, dd.hi, dd.lo);
    h = dd.hi;
    l = dd.lo;
  }
  return h + l;
}
