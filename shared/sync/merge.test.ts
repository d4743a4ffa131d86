import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeStamp } from './hlc.ts';
import { mergeRecord, type RecordState } from './merge.ts';

const FIELDS = ['firstName', 'city', 'deleted'] as const;

/** A change to some fields, stamped by one of three devices at a random time. */
const change = fc
  .record({
    device: fc.constantFrom('a', 'b', 'c'),
    wall: fc.integer({ min: 1, max: 50 }),
    counter: fc.integer({ min: 0, max: 3 }),
    fields: fc.subarray([...FIELDS], { minLength: 1 }),
  })
  .map(({ device, wall, counter, fields }): RecordState => {
    const stamp = encodeStamp({ wall, counter, deviceId: device });
    return {
      // The value is a function of the stamp: a device never stamps two different values alike
      // (its clock ticks for every change), so two changes with one stamp are the same change.
      fields: Object.fromEntries(
        fields.map((f) => [f, f === 'deleted' ? wall % 2 === 0 : `${f}@${stamp}`]),
      ),
      stamps: Object.fromEntries(fields.map((f) => [f, stamp])),
    };
  });

function applyAll(changes: RecordState[]): RecordState | undefined {
  return changes.reduce<RecordState | undefined>(
    (state, c) => mergeRecord(state, c).state,
    undefined,
  );
}

describe('field-level last-writer-wins merge', () => {
  it('converges whatever order the changes arrive in (commutative)', () => {
    fc.assert(
      fc.property(
        fc
          .array(change, { maxLength: 12 })
          .chain((cs) =>
            fc.tuple(
              fc.constant(cs),
              fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
            ),
          ),
        ([inOrder, shuffled]) => {
          expect(applyAll(shuffled)).toEqual(applyAll(inOrder));
        },
      ),
    );
  });

  it('applies a change twice as once (idempotent: a retried push changes nothing)', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (cs) => {
        const once = applyAll(cs);
        const twice = applyAll([...cs, ...cs]);
        expect(twice).toEqual(once);
      }),
    );
  });

  it('keeps, per field, the value with the latest stamp, and reports what lost', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (cs) => {
        const state = applyAll(cs)!;
        for (const field of FIELDS) {
          const writes = cs.filter((c) => field in c.stamps);
          if (writes.length === 0) {
            expect(field in state.stamps).toBe(false);
            continue;
          }
          const latest = writes.reduce((a, b) => (b.stamps[field]! > a.stamps[field]! ? b : a));
          expect(state.fields[field]).toEqual(latest.fields[field]);
        }
      }),
    );
  });

  it('names an older remote value that lost against a newer local one', () => {
    const local: RecordState = {
      fields: { city: 'Freiburg' },
      stamps: { city: encodeStamp({ wall: 20, counter: 0, deviceId: 'a' }) },
    };
    const remote: RecordState = {
      fields: { city: 'Basel', firstName: 'Anna' },
      stamps: {
        city: encodeStamp({ wall: 10, counter: 0, deviceId: 'b' }),
        firstName: encodeStamp({ wall: 10, counter: 0, deviceId: 'b' }),
      },
    };
    const result = mergeRecord(local, remote);
    expect(result.state.fields).toEqual({ city: 'Freiburg', firstName: 'Anna' });
    expect(result.applied).toEqual(['firstName']);
    expect(result.overridden).toEqual([
      expect.objectContaining({ field: 'city', losingValue: 'Basel', winningValue: 'Freiburg' }),
    ]);
  });
});
