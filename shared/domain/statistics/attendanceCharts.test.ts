import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_STATUSES, type Attendance, type AttendanceStatus } from '../attendance.ts';
import { validateRecord } from '../entities.ts';
import type { ClubEvent } from '../event.ts';
import { newId } from '../ids.ts';
import type { Member } from '../member.ts';
import type { Register } from '../register.ts';
import {
  type AttendanceChartInput,
  attendanceByMember,
  attendanceByRegister,
  type Season,
} from './attendanceCharts.ts';
import type { ChartData, ChartOutcome } from './chartData.ts';

function member(fields: Record<string, unknown>): Member {
  const result = validateRecord('members', { id: newId(), status: 'aktiv', ...fields });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

function register(name: string, sortOrder: number): Register {
  const result = validateRecord('registers', { id: newId(), name, sortOrder });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

function event(date: string): ClubEvent {
  const result = validateRecord('events', { id: newId(), kind: 'probe', title: 'Probe', date });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const entry = (e: ClubEvent, m: Member, status: AttendanceStatus): Attendance => ({
  id: newId(),
  eventId: e.id,
  memberId: m.id,
  status,
});

function chartOf(outcome: ChartOutcome): ChartData {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason.key}`);
  return outcome.chart;
}

const SEASON: Season = { from: '2024-09-01', to: '2025-07-31' };

describe('attendance over a season', () => {
  const holz = register('Holz', 1);
  const blech = register('Blech', 2);
  const anna = member({ firstName: 'Anna', lastName: 'Adler', registerIds: [holz.id] });
  const bert = member({ firstName: 'Bert', lastName: 'Berg', registerIds: [holz.id, blech.id] });
  const cara = member({ firstName: 'Cara', lastName: 'Christ', registerIds: [blech.id] });
  const dora = member({ firstName: 'Dora', lastName: 'Dach', registerIds: [holz.id] });
  const dayBefore = event('2024-08-31');
  const first = event('2024-09-01');
  const middle = event('2025-01-15');
  const last = event('2025-07-31');
  const dayAfter = event('2025-08-01');
  const input: AttendanceChartInput = {
    members: [cara, dora, bert, anna],
    registers: [blech, holz],
    events: [dayBefore, first, middle, last, dayAfter],
    attendance: [
      entry(dayBefore, anna, 'absent'),
      entry(first, anna, 'present'),
      entry(middle, anna, 'present'),
      entry(last, anna, 'excused'),
      entry(dayAfter, anna, 'absent'),
      entry(first, bert, 'present'),
      entry(middle, bert, 'absent'),
      entry(last, cara, 'present'),
      entry(dayAfter, dora, 'absent'),
    ],
    allMembersVisible: true,
  };

  it('gives each register the shares of its members’ entries on the first to the last day', () => {
    const chart = chartOf(attendanceByRegister(input, SEASON));
    expect(chart.series.map((s) => s.id)).toEqual(['present', 'excused', 'absent']);
    expect(chart.unit).toBe('percent');
    expect(chart.categories).toEqual([
      { id: holz.id, label: { text: 'Holz' } },
      { id: blech.id, label: { text: 'Blech' } },
    ]);
    // Holz: Anna 2 present, 1 excused; Bert 1 present, 1 absent. Blech: Bert and Cara.
    expect(chart.values).toEqual([
      [60, 20, 20],
      [66.7, 0, 33.3],
    ]);
    expect(chart.bases).toEqual([5, 3]);
    expect(chart.notes.map((n) => n.key)).toEqual([
      'statistics.notes.attendanceShares',
      'statistics.notes.registerNow',
    ]);
  });

  it('gives each member with an entry their shares, sorted by name', () => {
    const chart = chartOf(attendanceByMember(input, SEASON, null));
    expect(chart.categories).toEqual([
      { id: anna.id, label: { text: 'Adler, Anna' } },
      { id: bert.id, label: { text: 'Berg, Bert' } },
      { id: cara.id, label: { text: 'Christ, Cara' } },
    ]);
    expect(chart.values).toEqual([
      [66.7, 33.3, 0],
      [50, 0, 50],
      [100, 0, 0],
    ]);
    expect(chart.bases).toEqual([3, 2, 1]);
  });

  it('lists only the members of the register asked for', () => {
    const chart = chartOf(attendanceByMember(input, SEASON, blech.id));
    expect(chart.categories.map((c) => c.id)).toEqual([bert.id, cara.id]);
    expect(chart.bases).toEqual([2, 1]);
  });

  it('counts a season of one day', () => {
    const chart = chartOf(
      attendanceByMember(input, { from: '2025-07-31', to: '2025-07-31' }, null),
    );
    expect(chart.categories.map((c) => c.id)).toEqual([anna.id, cara.id]);
    expect(chart.values).toEqual([
      [0, 100, 0],
      [100, 0, 0],
    ]);
  });

  it('sorts names as German does: Ö with O, not after Z', () => {
    const e = event('2025-01-01');
    const people = ['Zander', 'Özdemir', 'Ostermann', 'Adam'].map((lastName) =>
      member({ lastName }),
    );
    const chart = chartOf(
      attendanceByMember(
        {
          ...input,
          members: people,
          events: [e],
          attendance: people.map((p) => entry(e, p, 'present')),
        },
        SEASON,
        null,
      ),
    );
    expect(chart.categories.map((c) => c.label)).toEqual([
      { text: 'Adam' },
      { text: 'Ostermann' },
      { text: 'Özdemir' },
      { text: 'Zander' },
    ]);
  });

  it('says so when nothing was recorded in the season', () => {
    const empty = { from: '2020-01-01', to: '2020-12-31' };
    const byRegister = chartOf(attendanceByRegister(input, empty));
    expect(byRegister.categories).toEqual([]);
    expect(byRegister.notes.map((n) => n.key)).toContain('statistics.notes.noAttendance');
    const byMember = chartOf(attendanceByMember(input, empty, null));
    expect(byMember.categories).toEqual([]);
    expect(byMember.notes.map((n) => n.key)).toContain('statistics.notes.noAttendance');
  });

  it('says so when the role sees only some members', () => {
    const chart = chartOf(attendanceByRegister({ ...input, allMembersVisible: false }, SEASON));
    expect(chart.notes.map((n) => n.key)).toContain('statistics.notes.membersHidden');
  });
});

describe('attendance (property)', () => {
  const DAYS = ['2024-08-31', '2024-09-01', '2025-01-15', '2025-07-31', '2025-08-01', '2026-03-03'];

  const scene = fc
    .record({
      registerCount: fc.integer({ min: 1, max: 3 }),
      members: fc.array(fc.array(fc.nat({ max: 3 }), { maxLength: 3 }), {
        minLength: 1,
        maxLength: 6,
      }),
      events: fc.array(fc.constantFrom(...DAYS), { maxLength: 6 }),
      marks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...ATTENDANCE_STATUSES)), {
        maxLength: 30,
      }),
      season: fc
        .tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS))
        .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
    })
    .map(({ registerCount, members, events, marks, season }) => {
      const registers = Array.from({ length: registerCount }, (_, i) => register(`R${i}`, i));
      const people = members.map((picks, i) =>
        member({
          lastName: `M${i}`,
          // Index registerCount stands for a register that was deleted.
          registerIds: [...new Set(picks)].map((p) => registers[p]?.id ?? newId()),
        }),
      );
      const dated = events.map(event);
      // One entry per member and event, as the attendance list keeps it.
      const seen = new Map<string, Attendance>();
      if (dated.length > 0)
        for (const [e, m, status] of marks) {
          const a = entry(dated[e % dated.length]!, people[m % people.length]!, status);
          seen.set(`${a.eventId}/${a.memberId}`, a);
        }
      const input: AttendanceChartInput = {
        members: people,
        registers,
        events: dated,
        attendance: [...seen.values()],
        allMembersVisible: true,
      };
      return { input, season };
    });

  const inSeasonEntries = (input: AttendanceChartInput, season: Season, m: Member) =>
    input.attendance.filter((a) => {
      const e = input.events.find((x) => x.id === a.eventId)!;
      return a.memberId === m.id && e.date >= season.from && e.date <= season.to;
    });

  function checkShares(chart: ChartData) {
    chart.values.forEach((row, index) => {
      const sum = row.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.15);
      expect(chart.bases![index]).toBeGreaterThan(0);
    });
  }

  it('bases each register on its members’ entries in the season; the shares add up to 100', () => {
    fc.assert(
      fc.property(scene, ({ input, season }) => {
        const chart = chartOf(attendanceByRegister(input, season));
        const known = new Set(input.registers.map((r) => r.id));
        const expected = [
          ...input.registers.map((r) => ({
            id: r.id,
            entries: input.members
              .filter((m) => m.registerIds.includes(r.id))
              .flatMap((m) => inSeasonEntries(input, season, m)),
          })),
          {
            // Members in no register the club has are counted under "ohne Register".
            id: 'none',
            entries: input.members
              .filter((m) => !m.registerIds.some((id) => known.has(id)))
              .flatMap((m) => inSeasonEntries(input, season, m)),
          },
        ].filter((r) => r.entries.length > 0);
        expect(chart.categories.map((c) => c.id)).toEqual(expected.map((r) => r.id));
        expect(chart.bases).toEqual(expected.map((r) => r.entries.length));
        expected.forEach((r, row) => {
          ATTENDANCE_STATUSES.forEach((status, column) => {
            const n = r.entries.filter((a) => a.status === status).length;
            const exact = (n / r.entries.length) * 100;
            // Shown to one decimal: off by at most half a tenth.
            expect(Math.abs(chart.values[row]![column]! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
          });
        });
        checkShares(chart);
      }),
      { numRuns: 200 },
    );
  });

  it('bases each member on their own entries in the season; the shares add up to 100', () => {
    fc.assert(
      fc.property(scene, ({ input, season }) => {
        const chart = chartOf(attendanceByMember(input, season, null));
        const expected = input.members.filter((m) => inSeasonEntries(input, season, m).length > 0);
        expect(new Set(chart.categories.map((c) => c.id))).toEqual(
          new Set(expected.map((m) => m.id)),
        );
        chart.categories.forEach((category, row) => {
          const m = input.members.find((x) => x.id === category.id)!;
          expect(chart.bases![row]).toBe(inSeasonEntries(input, season, m).length);
        });
        checkShares(chart);
      }),
      { numRuns: 200 },
    );
  });
});
