/**
 * The annual report to the federation (Stärkemeldung, issue #22): how many members the club had
 * on the reference date (1 January), by status, gender and age band, and the list of active
 * members federations ask for (birth date, instrument, active since) — the list that decides
 * who is insured. Everything is read from the membership history as it stood on that day, so a
 * status changed in February does not change last January's report. A report that would have
 * to leave something out is refused with the list of what is missing, never sent incomplete.
 */
import type { Club } from '../club.ts';
import { isCalendarDate } from '../dates.ts';
import { ACTIVE_KINDS } from '../honours/honourRule.ts';
import type { GENDERS, Member } from '../member.ts';
import { historyOf, type Membership } from '../memberships.ts';
import type { Register } from '../register.ts';

/** The statuses the report counts, in its order; functions (board, conductor) are counted beside. */
export const REPORT_STATUSES = ['aktiv', 'jugend', 'passiv', 'ehrenmitglied', 'pause'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_FUNCTIONS = ['vorstand', 'dirigent'] as const;

/**
 * Age bands on the reference date: minors; young people up to 26, whom youth work counts
 * (SGB VIII § 7: "junger Mensch" is who is not yet 27); then in steps a federation can add up.
 */
export const AGE_BANDS = [
  { id: 'upTo17', from: 0, to: 17 },
  { id: 'from18To26', from: 18, to: 26 },
  { id: 'from27To40', from: 27, to: 40 },
  { id: 'from41To60', from: 41, to: 60 },
  { id: 'from61', from: 61, to: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['id'];
export type Gender = (typeof GENDERS)[number];

export interface StatusCounts {
  total: number;
  byGender: Record<Gender, number>;
  byAgeBand: Record<AgeBand, number>;
}

export interface ActiveMemberLine {
  memberId: string;
  name: string;
  birthDate: string;
  gender: Gender;
  /** The main instrument, or the registers the member plays in. */
  instrument: string;
  /** The first day of the uninterrupted active time that reaches the reference date. */
  activeSince: string;
}

export interface StrengthReport {
  year: number;
  referenceDate: string;
  clubName: string;
  federations: { name: string; number: string }[];
  byStatus: Record<ReportStatus, StatusCounts>;
  functions: Record<(typeof REPORT_FUNCTIONS)[number], number>;
  total: StatusCounts;
  activeMembers: ActiveMemberLine[];
}

export type MissingItem =
  | { kind: 'clubName' }
  | { kind: 'federationNumber' }
  | { kind: 'birthDatesHidden' }
  | { kind: 'membersHidden' }
  | {
      kind: 'birthDate' | 'gender' | 'statusUnknown' | 'activeSinceUnknown' | 'instrument';
      memberIds: string[];
    };

export type StrengthOutcome =
  | { ok: true; report: StrengthReport }
  | { ok: false; missing: MissingItem[] };

export interface StrengthQuery {
  year: number;
  club: Club | undefined;
  members: readonly Member[];
  registers: readonly Register[];
  /** Whether this device holds birth dates (a role without them gets no report). */
  birthDatesKnown: boolean;
  /** Whether the user sees every member (a register leader sees their registers' only). */
  allMembersVisible?: boolean;
  today: string;
}

/** Completed years of life on `day`. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthDate.slice(5) > day.slice(5) ? years - 1 : years;
}

function band(age: number): AgeBand {
  return AGE_BANDS.find((b) => age >= b.from && (b.to === null || age <= b.to))!.id;
}

function emptyCounts(): StatusCounts {
  return {
    total: 0,
    byGender: { w: 0, m: 0, d: 0 },
    byAgeBand: { upTo17: 0, from18To26: 0, from27To40: 0, from41To60: 0, from61: 0 },
  };
}

function add(counts: StatusCounts, gender: Gender, ageBand: AgeBand): void {
  counts.total++;
  counts.byGender[gender]++;
  counts.byAgeBand[ageBand]++;
}

const covers = (p: Membership, day: string) =>
  (p.from === null || p.from <= day) && (p.until === null || p.until >= day);

/**
 * The status on `day`: null for no member then; 'unknown' when a period of unknown kind or
 * start, or only a function (board, conductor) without a status, covers the day.
 */
export function statusOn(
  member: Member,
  history: readonly Membership[],
  day: string,
): ReportStatus | 'unknown' | null {
  const periods = history.filter((p) => covers(p, day));
  if (periods.some((p) => p.status === 'ausgetreten')) return null;
  // A history edited out of step with the record: the record's exit counts too.
  if (member.status === 'ausgetreten' && (!member.exitDate || member.exitDate <= day)) return null;
  const known = periods.find(
    (p) => p.from !== null && (REPORT_STATUSES as readonly string[]).includes(p.status),
  );
  if (known) return known.status as ReportStatus;
  return periods.length > 0 ? 'unknown' : null;
}

/** The first day of the active time (status or function) that runs without a gap to `day`. */
function activeSince(history: readonly Membership[], day: string): string | null {
  const active = history.filter((p) => ACTIVE_KINDS.includes(p.status));
  let since: string | null = null;
  let reach = day;
  for (;;) {
    const before = active.filter(
      (p) => covers(p, reach) && (since === null || p.from === null || p.from < since),
    );
    if (before.length === 0) return since;
    if (before.some((p) => p.from === null)) return null;
    const earliest = before.map((p) => p.from!).sort()[0]!;
    since = earliest;
    const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    reach = dayBefore;
  }
}

export function strengthReport(query: StrengthQuery): StrengthOutcome {
  const referenceDate = `${query.year}-01-01`;
  const missing: MissingItem[] = [];
  const club = query.club;
  if (!club?.name) missing.push({ kind: 'clubName' });
  const federations = (club?.federations ?? [])
    .filter((f) => f.number)
    .map((f) => ({ name: f.name, number: f.number! }));
  if (federations.length === 0) missing.push({ kind: 'federationNumber' });
  if (query.allMembersVisible === false) missing.push({ kind: 'membersHidden' });
  if (!query.birthDatesKnown)
    return { ok: false, missing: [...missing, { kind: 'birthDatesHidden' }] };

  const registerName = new Map(query.registers.map((r) => [r.id, r.name]));
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, emptyCounts()])) as Record<
    ReportStatus,
    StatusCounts
  >;
  const functions = { vorstand: 0, dirigent: 0 };
  const total = emptyCounts();
  const activeMembers: ActiveMemberLine[] = [];
  const lacking = {
    birthDate: [] as string[],
    gender: [] as string[],
    statusUnknown: [] as string[],
    activeSinceUnknown: [] as string[],
    instrument: [] as string[],
  };

  for (const m of query.members) {
    const history = historyOf(m, query.today);
    const status = statusOn(m, history, referenceDate);
    if (status === null) continue;
    if (status === 'unknown') {
      lacking.statusUnknown.push(m.id);
      continue;
    }
    const birthDate =
      m.birthDate && isCalendarDate(m.birthDate) && m.birthDate <= referenceDate
        ? m.birthDate
        : null;
    if (!birthDate) lacking.birthDate.push(m.id);
    if (!m.gender) lacking.gender.push(m.id);
    if (!birthDate || !m.gender) continue;
    const ageBand = band(ageOn(birthDate, referenceDate));
    add(byStatus[status], m.gender, ageBand);
    add(total, m.gender, ageBand);
    for (const f of REPORT_FUNCTIONS)
      if (history.some((p) => p.status === f && covers(p, referenceDate))) functions[f]++;
    if (status === 'aktiv' || status === 'jugend') {
      const since = activeSince(history, referenceDate);
      const instrument =
        m.mainInstrument ??
        m.registerIds
          .map((id) => registerName.get(id) ?? '')
          .filter(Boolean)
          .join(', ');
      if (!since) lacking.activeSinceUnknown.push(m.id);
      if (!instrument) lacking.instrument.push(m.id);
      if (!since || !instrument) continue;
      activeMembers.push({
        memberId: m.id,
        name: [m.lastName, m.firstName].filter(Boolean).join(', '),
        birthDate,
        gender: m.gender,
        instrument,
        activeSince: since,
      });
    }
  }
  for (const kind of [
    'statusUnknown',
    'birthDate',
    'gender',
    'activeSinceUnknown',
    'instrument',
  ] as const)
    if (lacking[kind].length > 0) missing.push({ kind, memberIds: lacking[kind] });
  if (missing.length > 0) return { ok: false, missing };
  activeMembers.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return {
    ok: true,
    report: {
      year: query.year,
      referenceDate,
      clubName: club!.name,
      federations,
      byStatus,
      functions,
      total,
      activeMembers,
    },
  };
}
