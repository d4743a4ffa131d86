/**
 * Members by year against a model of what happened: each generated member is saved step by step
 * as the screens save them (entry, status changes, exit), and the chart must tell, year by year,
 * what the steps said on 1 January (and, last, today).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import { MEMBER_STATUSES, type Member } from '../member.ts';
import { followMembership } from '../memberships.ts';
import type { ChartData } from './chartData.ts';
import { type MemberChartInput, membersByYear, YEAR_SERIES } from './memberCharts.ts';

const TODAY = '2026-04-15';
const FIRST_YEAR = 1998;
const THIS_YEAR = 2026;
const STATUSES = ['aktiv', 'passiv', 'ehrenmitglied', 'jugend'] as const;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function member(fields: Record<string, unknown>): Member {
  const result = validateRecord('members', { id: newId(), lastName: 'M', ...fields });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

interface Life {
  /** null: the entry date was never recorded. */
  entry: string | null;
  firstSaved: string;
  status: (typeof STATUSES)[number];
  changes: { on: string; status: (typeof STATUSES)[number] }[];
  exit: string | null;
}

/** Dates strictly one after the other, none after today. */
const lifeArb: fc.Arbitrary<Life> = fc
  .record({
    hasEntry: fc.boolean(),
    start: fc.integer({ min: 0, max: 9_600 }),
    status: fc.constantFrom(...STATUSES),
    changes: fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 2_500 }), status: fc.constantFrom(...STATUSES) }),
      { maxLength: 4 },
    ),
    exitGap: fc.option(fc.integer({ min: 1, max: 3_000 })),
  })
  .map(({ hasEntry, start, status, changes, exitGap }) => {
    const entry = addDays('2000-01-01', start);
    let day = entry;
    const dated = changes.map((c) => {
      day = addDays(day, c.gap);
      return { on: day, status: c.status };
    });
    // Saving the status a member already has changes nothing, so it is no step.
    let previous: string = status;
    const kept = dated.filter((c) => {
      const step = c.on <= TODAY && c.status !== previous;
      if (step) previous = c.status;
      return step;
    });
    const last = kept.at(-1)?.on ?? entry;
    const exit = exitGap === null ? null : addDays(last, exitGap);
    return {
      entry: hasEntry ? entry : null,
      firstSaved: entry,
      status,
      changes: kept,
      exit: exit !== null && exit <= TODAY ? exit : null,
    };
  });

function lived(life: Life): Member {
  const first = { status: life.status, entryDate: life.entry };
  let current = member({ ...first, memberships: followMembership(null, first, life.firstSaved) });
  const save = (fields: Record<string, unknown>, today: string) => {
    const after = { ...current, ...fields };
    current = member({ ...after, memberships: followMembership(current, after, today) });
  };
  for (const change of life.changes) save({ status: change.status }, change.on);
  if (life.exit) save({ status: 'ausgetreten', exitDate: life.exit }, life.exit);
  return current;
}

/** What the steps say about `day`: null for no member then. */
function expectedStatus(life: Life, day: string): string | null {
  if (life.entry !== null && life.entry > day) return null;
  if (life.exit !== null && life.exit <= day) return null;
  const change = life.changes.filter((c) => c.on <= day).at(-1);
  if (change) return change.status;
  return life.entry === null ? 'unknown' : life.status;
}

const dayOf = (id: string) => (id === 'today' ? TODAY : `${id}-01-01`);

const input = (members: Member[]): MemberChartInput => ({
  members,
  registers: [],
  birthDatesKnown: true,
  allMembersVisible: true,
  today: TODAY,
});

function chartOf(members: Member[]): ChartData {
  const outcome = membersByYear(input(members), FIRST_YEAR, THIS_YEAR + 3);
  if (!outcome.ok) throw new Error('refused');
  return outcome.chart;
}

describe('members by year (property)', () => {
  it('tells each year what the saved steps said on 1 January, and today what they say today', () => {
    fc.assert(
      fc.property(fc.array(lifeArb, { maxLength: 8 }), (lives) => {
        const chart = chartOf(lives.map(lived));
        expect(chart.categories.map((c) => c.id)).toEqual([
          ...Array.from({ length: THIS_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i)),
          'today',
        ]);
        chart.categories.forEach((category, row) => {
          const day = dayOf(category.id);
          const expected = YEAR_SERIES.map(
            (status) => lives.filter((life) => expectedStatus(life, day) === status).length,
          );
          expect(chart.values[row], day).toEqual(expected);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('adds up each year to the members the history holds on that day', () => {
    fc.assert(
      fc.property(fc.array(lifeArb, { maxLength: 8 }), (lives) => {
        const chart = chartOf(lives.map(lived));
        chart.categories.forEach((category, row) => {
          const day = dayOf(category.id);
          const members = lives.filter((life) => expectedStatus(life, day) !== null).length;
          expect(
            chart.values[row]!.reduce((sum, n) => sum + n, 0),
            day,
          ).toBe(members);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('does not rewrite earlier years when a status is changed today', () => {
    fc.assert(
      fc.property(
        fc.array(lifeArb, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom(...MEMBER_STATUSES),
        (lives, pick, status) => {
          const members = lives.map(lived);
          const index = pick % members.length;
          const before = members[index]!;
          const after = {
            ...before,
            status,
            exitDate:
              status === 'ausgetreten' && before.status !== 'ausgetreten' ? TODAY : before.exitDate,
          };
          const changed = members.with(
            index,
            member({ ...after, memberships: followMembership(before, after, TODAY) }),
          );
          const earlier = (chart: ChartData) =>
            chart.values.filter((_, row) => chart.categories[row]!.id !== 'today');
          expect(earlier(chartOf(changed))).toEqual(earlier(chartOf(members)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
