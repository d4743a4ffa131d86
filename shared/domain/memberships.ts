/**
 * A member's history in the club: periods of a status (aktiv, passiv, Vorstand, Dirigent,
 * Jugend, Pause, ausgetreten …), from which active years are counted. It starts from the entry
 * date, status and exit date a club had before (`initialMemberships`), and every later change of
 * these follows it (`followMembership`): a status change ends the open period the day before
 * and opens the next one, so nobody has to remember to keep the history.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.ts';
import { optionalCalendarDate, optionalText } from './fields.ts';
import { sameValue } from './sameValue.ts';

export const MEMBERSHIP_KINDS = [
  'aktiv',
  'passiv',
  'ehrenmitglied',
  'jugend',
  'pause',
  'vorstand',
  'dirigent',
  'ausgetreten',
  // Taken over from an exit without knowing what the member was before.
  'mitglied',
] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

/** Functions held beside a status (a board member is also an active musician). */
const ROLES: readonly MembershipKind[] = ['vorstand', 'dirigent'];

export const membershipSchema = z
  .object({
    status: z.enum(MEMBERSHIP_KINDS, { error: 'validation.choose.membership' }),
    from: optionalCalendarDate,
    until: optionalCalendarDate,
    notes: optionalText(200),
  })
  .superRefine((p, ctx) => {
    if (p.from && p.until && isCalendarDate(p.from) && p.until < p.from)
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'validation.membership.endsBeforeStart',
      });
  });
export type Membership = z.output<typeof membershipSchema>;

export const membershipList = z.preprocess((v) => v ?? [], z.array(membershipSchema).max(200));

interface StatusFields {
  status?: unknown;
  entryDate?: unknown;
  exitDate?: unknown;
}

const date = (value: unknown): string | null =>
  typeof value === 'string' && isCalendarDate(value) ? value : null;

function dayBefore(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

function period(
  status: MembershipKind,
  from: string | null,
  until: string | null = null,
): Membership {
  return { status, from, until, notes: null };
}

/** The history a member's entry date, status and exit date tell, when nothing more is known. */
export function initialMemberships(member: StatusFields, today: string): Membership[] {
  const entry = date(member.entryDate);
  const exit = date(member.exitDate);
  const status = String(member.status ?? '');
  if (status === 'ausgetreten') {
    const left = exit ?? today;
    return [
      // An entry after the exit (contradicting dates an import kept for review) starts nothing.
      period('mitglied', entry && entry <= dayBefore(left) ? entry : null, dayBefore(left)),
      period('ausgetreten', left),
    ];
  }
  const kind = (MEMBERSHIP_KINDS as readonly string[]).includes(status)
    ? (status as MembershipKind)
    : 'mitglied';
  // Without an entry date the start is unknown, and said so: never the day of the save, which
  // honours and the federation report would take for the truth.
  return [period(kind, entry)];
}

/**
 * A member's history for counting years and the annual report; a record from before the
 * history is read from its entry date and status, and without an entry date its one period has
 * no start — counted by nobody rather than from a guessed day.
 */
export function historyOf(
  member: StatusFields & { memberships: readonly Membership[] },
  today: string,
): readonly Membership[] {
  if (member.memberships.length > 0) return member.memberships;
  if (date(member.entryDate)) return initialMemberships(member, today);
  const status = String(member.status ?? '');
  const kind = (MEMBERSHIP_KINDS as readonly string[]).includes(status)
    ? (status as MembershipKind)
    : 'mitglied';
  return [period(kind, null)];
}

const isOpen = (p: Membership) => p.until === null;
const isStatus = (p: Membership) => !ROLES.includes(p.status);

/**
 * The history after a member's save: `before` is the stored member (null for a new one),
 * `after` what is being saved. Only what changed between the two moves the history. A history
 * the person edited in the same save is theirs and kept exactly as they left it (also when
 * they emptied it); the automatic steps apply to the stored one.
 */
export function followMembership(
  before: (StatusFields & { memberships?: unknown }) | null,
  after: StatusFields & { memberships?: unknown },
  today: string,
): Membership[] {
  const copy = (value: unknown) =>
    Array.isArray(value) ? (value as Membership[]).map((p) => ({ ...p })) : null;
  const given = copy(after.memberships);
  if (!before) return given && given.length > 0 ? given : initialMemberships(after, today);
  const stored = copy(before.memberships);
  if (given && !sameValue(given, stored ?? [])) return given;
  // Nothing kept yet (a record from before the history): start from what the record said.
  const list = stored && stored.length > 0 ? stored : initialMemberships(before, today);
  const oldStatus = String(before.status ?? '');
  const newStatus = String(after.status ?? '');
  const oldEntry = date(before.entryDate);
  const newEntry = date(after.entryDate);
  if (oldEntry !== newEntry && newEntry) {
    // The first period began with the entry: it moves with it, never past its own end.
    const first = list.reduce<Membership | null>(
      (earliest, p) => (earliest === null || (p.from ?? '') < (earliest.from ?? '') ? p : earliest),
      null,
    );
    if (
      first &&
      (first.from === oldEntry || first.from === null) &&
      !(first.until && first.until < newEntry)
    )
      first.from = newEntry;
  }
  if (oldStatus !== newStatus && (MEMBERSHIP_KINDS as readonly string[]).includes(newStatus)) {
    const leaving = newStatus === 'ausgetreten';
    const effective = leaving ? (date(after.exitDate) ?? today) : today;
    for (const p of list)
      if (isOpen(p) && (isStatus(p) || leaving))
        p.until = p.from && p.from >= effective ? p.from : dayBefore(effective);
    list.push(period(newStatus as MembershipKind, effective));
  } else if (newStatus === 'ausgetreten' && date(before.exitDate) !== date(after.exitDate)) {
    // A corrected exit date moves the exit and the end of what came before.
    const exit = date(after.exitDate);
    const previousExit = date(before.exitDate);
    if (exit)
      for (const p of list) {
        if (p.status === 'ausgetreten' && p.from === previousExit) p.from = exit;
        else if (previousExit && p.until === dayBefore(previousExit))
          p.until = p.from && p.from > dayBefore(exit) ? p.from : dayBefore(exit);
      }
  }
  return list;
}
