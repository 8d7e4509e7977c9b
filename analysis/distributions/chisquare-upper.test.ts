import { describe, expect, test } from 'vitest';
import { chiSquareUpper } from './chisquare-upper';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('chiSquareUpper', () => {
  test('matches R pchisq(lower.tail = FALSE), including tiny p-values', () => {
    // R 4.2.2: sprintf('%.17g', pchisq(3.84, 1, lower.tail = FALSE))
    expect(rel(chiSquareUpper(3.84, 1), 0.050043521248705224)).toBeLessThan(1e-12);
    // R 4.2.2: sprintf('%.17g', pchisq(12.5, 4, lower.tail = FALSE))
    expect(rel(chiSquareUpper(12.5, 4), 0.013995792487650892)).toBeLessThan(1e-12);
    // R 4.2.2: sprintf('%.17g', pchisq(150, 3, lower.tail = FALSE))
    expect(rel(chiSquareUpper(150, 3), 2.6349139284880449e-32)).toBeLessThan(1e-10);
    // R 4.2.2: sprintf('%.17g', pchisq(0.5, 10, lower.tail = FALSE))
    expect(rel(chiSquareUpper(0.5, 10), 0.99999338828943896)).toBeLessThan(1e-14);
  });
  test('edges', () => {
    expect(chiSquareUpper(0, 3)).toBe(1);
    expect(chiSquareUpper(Infinity, 3)).toBe(0);
    expect(chiSquareUpper(1, 0)).toBeNaN();
  });
});
