import { describe, expect, test } from 'vitest';
import { newId, uuidV7Bytes } from './ids';

describe('newId: UUID version 7', () => {
  test('has the RFC 9562 layout: version 7, variant 10, the time in the first 48 bits', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5_000);
  });

  test('the milliseconds are stored big-endian: 2026-11-25T00:00:00Z', () => {
    const ms = Date.UTC(2026, 10, 25);
    const b = uuidV7Bytes(ms + 10_000_000_000); // far ahead of every earlier call, so the counter restarts at 0
    const hex = Buffer.from(b).toString('hex');
    expect(hex.slice(0, 12)).toBe((ms + 10_000_000_000).toString(16).padStart(12, '0'));
    expect(hex.slice(12, 16)).toBe('7000');
  });

  test('ids made in the same millisecond still increase, also past 4,096 in one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
    expect(new Set(ids).size).toBe(10_000);
  });
});
