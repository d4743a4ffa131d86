import { describe, expect, it } from 'vitest';
import { sameValue } from './sameValue.ts';

describe('sameValue', () => {
  it('compares objects by content, whatever the order of their keys', () => {
    expect(
      sameValue({ status: 'aktiv', from: '2020-01-01' }, { from: '2020-01-01', status: 'aktiv' }),
    ).toBe(true);
    expect(sameValue([{ a: 1, b: [2] }], [{ b: [2], a: 1 }])).toBe(true);
  });

  it('tells different values apart', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});
