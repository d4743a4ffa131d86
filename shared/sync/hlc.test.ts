import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStamp, encodeStamp, HybridLogicalClock } from './hlc.ts';

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
});
