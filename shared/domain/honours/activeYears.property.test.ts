import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import type { Membership } from '../memberships.ts';
import { countYears, shiftYears } from './activeYears.ts';
import type { HonourRule } from './honourRule.ts';
import { honoursDue } from './honoursDue.ts';
import { VMB_NRW } from './ruleSets/vmbNrw.ts';

const DAY = 86_400_000;
const BASE = Date.UTC(1950, 0, 1);
/** A calendar date between 1950 and about 2049. */
const isoDate = fc
  .integer({ min: 0, max: 36_500 })
  .map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10));
const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const counted = (
  memberships: Membership[],
  cutOff: string,
  counting: 'sum' | 'continuous' | 'calendarYears',
) => countYears({ memberships, counts: ['aktiv'], counting, from: null, cutOff }).years;

const active = (from: string, until: string | null = null): Membership => ({
  status: 'aktiv',
  from,
  until,
  notes: null,
});
const pause = (from: string, until: string | null = null): Membership => ({
  status: 'pause',
  from,
  until,
  notes: null,
});

/** A history of alternating active and paused periods from a start, each a number of days. */
const history = fc
  .tuple(isoDate, fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 8 }))
  .map(([start, lengths]) => {
    const periods: Membership[] = [];
    let from = start;
    lengths.forEach((length, i) => {
      const until = plusDays(from, length - 1);
      periods.push(i % 2 === 0 ? active(from, until) : pause(from, until));
      from = plusDays(until, 1);
    });
    return periods;
  });

describe('counting active years (property)', () => {
  it('one uninterrupted period: sum and continuous agree with the anniversary', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [from, cutOff] = a < b ? [a, b] : [b, a];
        const years = counted([active(from)], cutOff, 'sum');
        expect(counted([active(from)], cutOff, 'continuous')).toBe(years);
        // The cut-off day counts: completed when the anniversary is the day after it or earlier.
        const dayAfter = plusDays(cutOff, 1);
        expect(shiftYears(from, years) <= dayAfter).toBe(true);
        expect(shiftYears(from, years + 1) > dayAfter).toBe(true);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('years never fall as the cut-off date moves on, for every way of counting', () => {
    fc.assert(
      fc.property(history, isoDate, fc.integer({ min: 0, max: 5000 }), (periods, cutOff, later) => {
        // Not a continuous count: a pause ends it.
        for (const counting of ['sum', 'calendarYears'] as const) {
          expect(counted(periods, plusDays(cutOff, later), counting)).toBeGreaterThanOrEqual(
            counted(periods, cutOff, counting),
          );
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a pause never adds years, and a continuous count is never more than the sum', () => {
    fc.assert(
      fc.property(history, isoDate, (periods, cutOff) => {
        const sum = counted(periods, cutOff, 'sum');
        const allActive = periods.map((p) => ({ ...p, status: 'aktiv' as const }));
        expect(counted(allActive, cutOff, 'sum')).toBeGreaterThanOrEqual(sum);
        expect(counted(periods, cutOff, 'continuous')).toBeLessThanOrEqual(sum);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a level due once recorded is never due again, and nothing lower is offered', () => {
    const rule = VMB_NRW.rules[0] as HonourRule;
    fc.assert(
      fc.property(history, fc.integer({ min: 1960, max: 2060 }), (periods, year) => {
        const member = {
          id: newId(),
          status: 'aktiv',
          memberships: periods,
          birthDate: null,
          entryDate: periods[0]!.from,
        } as never;
        const first = honoursDue({
          year,
          ceremonyDate: null,
          rules: [rule],
          members: [member],
          honours: [],
          birthDatesKnown: true,
        });
        for (const item of first.items) {
          expect(item.activeYears).toBeGreaterThanOrEqual(item.level.years);
          expect(item.reachedIn).toBeLessThanOrEqual(year);
        }
        const item = first.items[0];
        if (!item) return;
        const recorded = {
          id: newId(),
          memberId: (member as { id: string }).id,
          kind: item.level.name.de,
          date: `${year}-06-01`,
          federation: null,
          notes: null,
          importedValues: {},
        };
        const again = honoursDue({
          year,
          ceremonyDate: null,
          rules: [rule],
          members: [member],
          honours: [recorded],
          birthDatesKnown: true,
        });
        expect(again.items).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});
