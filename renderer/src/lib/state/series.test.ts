import { describe, expect, test } from 'vitest';
import { editableNumber, parseTypedNumber, seriesKey } from './series.svelte';

describe('numbers typed in the series grid and the projection fields', () => {
  test('Indonesian: comma as decimal separator; a point is still read as a decimal point', () => {
    expect(parseTypedNumber('3,2', 'id')).toBe(3.2);
    expect(parseTypedNumber(' 14,6 ', 'id')).toBe(14.6);
    expect(parseTypedNumber('15', 'id')).toBe(15);
    expect(parseTypedNumber('6.3', 'id')).toBe(6.3);
    expect(parseTypedNumber('1,234', 'id')).toBe(1.234);
    expect(parseTypedNumber('-0,5', 'id')).toBe(-0.5);
  });

  test('English: point as decimal separator; a lone comma decimal is accepted, grouping is not guessed', () => {
    expect(parseTypedNumber('3.2', 'en')).toBe(3.2);
    expect(parseTypedNumber('3,2', 'en')).toBe(3.2);
    expect(parseTypedNumber('1e3', 'en')).toBe(1000);
    expect(parseTypedNumber('1,234.5', 'en')).toBeNaN();
  });

  test('empty is null, text is NaN', () => {
    expect(parseTypedNumber('', 'id')).toBeNull();
    expect(parseTypedNumber('   ', 'en')).toBeNull();
    expect(parseTypedNumber('tiga', 'id')).toBeNaN();
    expect(parseTypedNumber('3,2,1', 'id')).toBeNaN();
  });

  test('editable form keeps full precision in the locale', () => {
    expect(editableNumber(3.2, 'id')).toBe('3,2');
    expect(editableNumber(3.2, 'en')).toBe('3.2');
    expect(editableNumber(14.5722828234375, 'id')).toBe('14,5722828234375');
    expect(parseTypedNumber(editableNumber(14.5722828234375, 'id'), 'id')).toBe(14.5722828234375);
    expect(seriesKey({ indicator: 'a', sector: 'informal', programme: '' })).toBe('["a","informal",""]');
  });
});
