import { describe, expect, it } from 'vitest';
import { close } from './testkit';
import { wilsonInterval } from './wilson';

// Expected values: R 4.2.2 (2022-11-10 r83330), stats::prop.test, printed with format(x, digits = 17).
describe('wilsonInterval', () => {
  it('matches prop.test(correct = FALSE) for the study figure 69 of 300', () => {
    // R: prop.test(69, 300, correct = FALSE)$conf.int
    const [lo, hi] = wilsonInterval(69, 300);
    close(lo, 0.18597181807303018);
    close(hi, 0.28085538638822466);
  });
  it('clamps to 0 and 1 at the boundaries', () => {
    // R: prop.test(0, 10, correct = FALSE)$conf.int -> 0, 0.27753279986288915
    const a = wilsonInterval(0, 10);
    expect(a[0]).toBe(0);
    close(a[1], 0.27753279986288915);
    // R: prop.test(10, 10, correct = FALSE)$conf.int -> 0.72246720013711085, 1
    const b = wilsonInterval(10, 10);
    close(b[0], 0.72246720013711085);
    expect(b[1]).toBe(1);
    // R: prop.test(1, 1, correct = FALSE)$conf.int -> 0.2065493143772375, 1
    const c = wilsonInterval(1, 1);
    close(c[0], 0.2065493143772375);
    expect(c[1]).toBe(1);
  });
  it('honours the confidence level', () => {
    // R: prop.test(3, 7, conf.level = 0.9, correct = FALSE)$conf.int
    const [lo, hi] = wilsonInterval(3, 7, 0.9);
    close(lo, 0.18644319036395615);
    close(hi, 0.71052290898640702);
    // R: prop.test(141, 231, conf.level = 0.99, correct = FALSE)$conf.int
    const [lo2, hi2] = wilsonInterval(141, 231, 0.99);
    close(lo2, 0.52576361513963943);
    close(hi2, 0.68885132874895449);
  });
  it('returns NaN for n = 0 and rejects invalid input', () => {
    expect(wilsonInterval(0, 0).every(Number.isNaN)).toBe(true);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2.5)).toThrow(RangeError);
  });
});
