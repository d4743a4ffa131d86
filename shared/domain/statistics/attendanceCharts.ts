/**
 * Attendance over a season (issue #24): for each register and for each member, the share of
 * recorded entries that were present, excused and absent between two days. Only what was
 * recorded counts — an event without a list says nothing about who came. A member counts for
 * the registers they belong to now; the attendance list does not keep the register of the day.
 */
import { msg } from '../../messages/message.ts';
import { ATTENDANCE_STATUSES, type Attendance } from '../attendance.ts';
import type { ClubEvent } from '../event.ts';
import { type Member, memberSortName } from '../member.ts';
import type { Register } from '../register.ts';
import { type ChartData, type ChartOutcome, namedSeries, percent } from './chartData.ts';
import { registerCategories } from './memberCharts.ts';

export const ATTENDANCE_SERIES = ATTENDANCE_STATUSES;
const NO_REGISTER = 'none';

export interface AttendanceChartInput {
  members: readonly Member[];
  registers: readonly Register[];
  events: readonly ClubEvent[];
  attendance: readonly Attendance[];
  allMembersVisible: boolean;
}

export interface Season {
  from: string;
  to: string;
}

type Counts = [present: number, excused: number, absent: number];

/** Counts per member of the entries of events in the season. */
function countsByMember(input: AttendanceChartInput, season: Season): Map<string, Counts> {
  const inSeason = new Set(
    input.events.filter((e) => e.date >= season.from && e.date <= season.to).map((e) => e.id),
  );
  const counts = new Map<string, Counts>();
  for (const entry of input.attendance) {
    if (!inSeason.has(entry.eventId)) continue;
    let row = counts.get(entry.memberId);
    if (!row) {
      row = [0, 0, 0];
      counts.set(entry.memberId, row);
    }
    row[ATTENDANCE_STATUSES.indexOf(entry.status)]!++;
  }
  return counts;
}

function shares(rows: Counts[]): Pick<ChartData, 'values' | 'bases'> {
  const bases = rows.map((row) => row[0] + row[1] + row[2]);
  return {
    values: rows.map((row, index) => row.map((n) => percent(n, bases[index]!))),
    bases,
  };
}

function notes(input: AttendanceChartInput, entries: number) {
  return [
    msg('statistics.notes.attendanceShares'),
    ...(entries === 0 ? [msg('statistics.notes.noAttendance')] : []),
    ...(input.allMembersVisible ? [] : [msg('statistics.notes.membersHidden')]),
  ];
}

/** Each register's entries (of its members now) by present, excused, absent, in percent. */
export function attendanceByRegister(input: AttendanceChartInput, season: Season): ChartOutcome {
  const byMember = countsByMember(input, season);
  const categories = [
    ...registerCategories(input.registers),
    { id: NO_REGISTER, label: { message: msg('statistics.noRegister') } },
  ];
  const rowOf = new Map(categories.map((c, index) => [c.id, index]));
  const rows: Counts[] = categories.map(() => [0, 0, 0]);
  for (const member of input.members) {
    const counts = byMember.get(member.id);
    if (!counts) continue;
    const known = member.registerIds.filter((id) => rowOf.has(id));
    for (const id of known.length > 0 ? known : [NO_REGISTER]) {
      const row = rows[rowOf.get(id)!]!;
      for (let i = 0; i < 3; i++) row[i]! += counts[i]!;
    }
  }
  const kept = categories
    .map((_, index) => index)
    .filter((index) => rows[index]!.some((n) => n > 0));
  const entries = [...byMember.values()].reduce((sum, c) => sum + c[0] + c[1] + c[2], 0);
  return {
    ok: true,
    chart: {
      categories: kept.map((index) => categories[index]!),
      series: namedSeries(ATTENDANCE_SERIES),
      ...shares(kept.map((index) => rows[index]!)),
      unit: 'percent',
      notes: [...notes(input, entries), msg('statistics.notes.registerNow')],
    },
  };
}

/**
 * Each member's entries by present, excused, absent, in percent, sorted by name; only members
 * of `registerId` (null: everyone with an entry).
 */
export function attendanceByMember(
  input: AttendanceChartInput,
  season: Season,
  registerId: string | null,
): ChartOutcome {
  const byMember = countsByMember(input, season);
  const members = input.members
    .filter(
      (m) => byMember.has(m.id) && (registerId === null || m.registerIds.includes(registerId)),
    )
    .map((m) => ({ id: m.id, name: memberSortName(m) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const entries = members.reduce((sum, m) => {
    const c = byMember.get(m.id)!;
    return sum + c[0] + c[1] + c[2];
  }, 0);
  return {
    ok: true,
    chart: {
      categories: members.map((m) => ({ id: m.id, label: { text: m.name } })),
      series: namedSeries(ATTENDANCE_SERIES),
      ...shares(members.map((m) => byMember.get(m.id)!)),
      unit: 'percent',
      notes: notes(input, entries),
    },
  };
}
