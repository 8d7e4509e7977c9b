import { describe, expect, test } from 'vitest';
import { seriesWarnings } from './warnings';

describe('seriesWarnings', () => {
  test('Table 2 (n = 5) projected 6 years: small sample, no Durbin-Watson, long horizon, in id and en', () => {
    const w = seriesWarnings(5, 6);
    expect(w.map((x) => x.code)).toEqual(['small-sample', 'durbin-watson-undefined', 'long-horizon']);
    expect(w[0].dfResidual).toBe(3);
    expect(w[0].messages.en).toContain('3 residual degrees of freedom');
    expect(w[0].messages.id).toContain('3 derajat bebas residual');
    expect(w[1].messages.en).toContain('n ≥ 6');
    expect(w[1].messages.id).toContain('n = 5');
    expect(w[2].messages.en).toContain('6 years ahead');
    expect(w[2].messages.id).toContain('6 tahun');
  });

  test('thresholds: DW from n = 6, small sample below 10 residual df, horizon beyond the span', () => {
    expect(seriesWarnings(6).map((x) => x.code)).toEqual(['small-sample']);
    expect(seriesWarnings(11).map((x) => x.code)).toEqual(['small-sample']);
    expect(seriesWarnings(12)).toEqual([]);
    expect(seriesWarnings(12, 11).map((x) => x.code)).toEqual([]);
    expect(seriesWarnings(12, 12).map((x) => x.code)).toEqual(['long-horizon']);
  });
});
