import { describe, expect, test } from 'vitest';
import { formatCount, formatDate, formatNumber } from './format';

describe('formatNumber', () => {
  test('uses a decimal comma in Indonesian and a point in English', () => {
    expect(formatNumber(2.8, 'id', 1)).toBe('2,8');
    expect(formatNumber(2.8, 'en', 1)).toBe('2.8');
    expect(formatNumber(1234.5, 'id', 2)).toBe('1.234,50');
    expect(formatNumber(1234.5, 'en', 2)).toBe('1,234.50');
  });
  test('shows non-finite values as a dash', () => {
    expect(formatNumber(Number.NaN, 'id')).toBe('–');
  });
  test('counts and dates', () => {
    expect(formatCount(100000, 'id')).toBe('100.000');
    expect(formatCount(100000, 'en')).toBe('100,000');
    expect(formatDate('2024-03-05', 'id')).toBe('5 Maret 2024');
    expect(formatDate('2024-03-05', 'en')).toBe('March 5, 2024');
  });
});
