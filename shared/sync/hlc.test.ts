import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beyondDrift,
  decodeStamp,
  encodeStamp,
  HybridLogicalClock,
  MAX_CLOCK_DRIFT_MS,
} from './hlc.ts';

describe('hybrid logical clock', () => {
  it('encodes stamps so that string order is time order', () => {
    fc.assert(
      fc.property(
        fc.record({
          wall: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
          counter: fc.integer({ min: 0, max: 0xffff }),
        }),
        fc.record({
          wall: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
          counter: fc.integer({ min: 0, max: 0xffff }),
        }),
        (a, b) => {
          const sa = encodeStamp({ ...a, deviceId: 'dev' });
          const sb = encodeStamp({ ...b, deviceId: 'dev' });
          const byTime = a.wall - b.wall || a.counter - b.counter;
          expect(sa < sb).toBe(byTime < 0);
          expect(decodeStamp(sa)).toEqual({ ...a, deviceId: 'dev' });
        },
      ),
    );
  });

  it('never repeats or goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }),
        (times) => {
          let i = 0;
          const clock = new HybridLogicalClock('a', () => times[i++ % times.length]!);
          let last = '';
          for (let n = 0; n < times.length; n++) {
            const stamp = clock.tick();
            expect(stamp > last).toBe(true);
            last = stamp;
          }
        },
      ),
    );
  });

  it('stamps a local edit later than every remote stamp it has seen', () => {
    const slow = new HybridLogicalClock('slow', () => 1_000);
    slow.observe(encodeStamp({ wall: 9_000, counter: 3, deviceId: 'fast' }));
    expect(slow.tick() > encodeStamp({ wall: 9_000, counter: 3, deviceId: 'fast' })).toBe(true);
  });

  it('continues after a restart from its last stamp', () => {
    const before = new HybridLogicalClock('a', () => 5_000).tick();
    const after = new HybridLogicalClock('a', () => 10, before).tick();
    expect(after > before).toBe(true);
  });

  it('does not follow a stamp from a clock more than the drift bound ahead', () => {
    const honest = new HybridLogicalClock('honest', () => 1_000_000);
    const tenMinutesFast = encodeStamp({ wall: 1_000_000 + 600_000, counter: 0, deviceId: 'x' });
    const farFuture = 'ffffffffffff-ffff-x';
    expect(honest.observe(tenMinutesFast)).toBe(false);
    expect(honest.observe(farFuture)).toBe(false);
    expect(decodeStamp(honest.tick()).wall).toBe(1_000_000);
    const withinBound = encodeStamp({ wall: 1_000_000 + 59_000, counter: 7, deviceId: 'x' });
    expect(honest.observe(withinBound)).toBe(true);
    expect(honest.tick() > withinBound).toBe(true);
    // Nor after a restart from a reading taken while its own clock was wrong.
    const restarted = new HybridLogicalClock('honest', () => 1_000_000, farFuture);
    expect(decodeStamp(restarted.tick()).wall).toBe(1_000_000);
  });

  it('tells stamps beyond the drift bound by their text, as decoding does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: -200_000, max: 200_000 }),
        (now, offset) => {
          const wall = Math.max(0, now + offset);
          const stamp = encodeStamp({ wall, counter: 5, deviceId: 'd' });
          expect(beyondDrift(now)(stamp)).toBe(wall > now + MAX_CLOCK_DRIFT_MS);
        },
      ),
    );
  });

  it('stamps from the corrected time once a clock that ran fast is set back', () => {
    let now = 1_000_000 + 600_000; // ten minutes fast
    const clock = new HybridLogicalClock('laptop', () => now);
    const fast = clock.tick();
    now = 1_000_000; // set right
    expect(decodeStamp(clock.tick()).wall).toBe(1_000_000);
    expect(fast > clock.tick()).toBe(true);
    // Set back by less than the bound, it still never goes backwards.
    now = 1_000_000 - 30_000;
    const before = clock.tick();
    expect(clock.tick() > before).toBe(true);
  });
});
