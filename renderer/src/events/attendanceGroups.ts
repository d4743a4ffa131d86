/**
 * Who appears on a rehearsal's attendance sheet, grouped register by register: members who
 * played in the club on that day (active, youth, or an honorary member who still sits in a
 * register), plus anyone already ticked for it.
 */

import type { Attendance } from '../../../shared/domain/attendance.ts';
import type { ClubEvent } from '../../../shared/domain/event.ts';
import type { Member } from '../../../shared/domain/member.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import type { Register } from '../../../shared/domain/register.ts';

export interface AttendanceGroup {
  /** Register id, or null for members without a register. */
  registerId: string | null;
  name: string;
  members: Member[];
}

function belongsOnSheet(m: Member, event: ClubEvent, ticked: boolean): boolean {
  if (ticked) return true;
  const plays =
    m.status === 'aktiv' ||
    m.status === 'jugend' ||
    (m.status === 'ehrenmitglied' && m.registerIds.length > 0);
  if (!plays) return false;
  if (m.entryDate && m.entryDate > event.date) return false;
  if (m.exitDate && m.exitDate < event.date) return false;
  return true;
}

export function attendanceGroups(
  event: ClubEvent,
  members: Iterable<Member>,
  registers: Iterable<Register>,
  byMember: ReadonlyMap<string, Attendance>,
  withoutRegisterName: string,
): AttendanceGroup[] {
  const ordered = [...registers].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'de'),
  );
  const rank = new Map(ordered.map((r, index) => [r.id, index]));
  const groups = new Map<string | null, AttendanceGroup>(
    ordered.map((r) => [r.id, { registerId: r.id, name: r.name, members: [] }]),
  );
  const rest: AttendanceGroup = { registerId: null, name: withoutRegisterName, members: [] };
  for (const m of members) {
    if (!belongsOnSheet(m, event, byMember.has(m.id))) continue;
    // A member who plays in two registers is ticked once, in the first one.
    const first = m.registerIds
      .filter((id) => rank.has(id))
      .sort((a, b) => rank.get(a)! - rank.get(b)!)[0];
    (first ? groups.get(first)! : rest).members.push(m);
  }
  const result = [...groups.values(), rest].filter((g) => g.members.length > 0);
  for (const g of result) {
    g.members.sort((a, b) => memberSortName(a).localeCompare(memberSortName(b), 'de'));
  }
  return result;
}
