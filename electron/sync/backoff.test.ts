import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff.ts';

describe('retry backoff', () => {
  it('grows with each attempt, never beyond the cap, and spreads retries out', () => {
    expect(backoffDelay(0, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 1)).toBe(8_000);
    expect(backoffDelay(50, () => 1)).toBe(BACKOFF_CAP_MS);
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, () => r);
        return delay >= 0 && delay <= BACKOFF_CAP_MS;
      }),
    );
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(5)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
