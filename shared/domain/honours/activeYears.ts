/**
 * How many years a member has served by a cut-off date, counted the way a rule says: from the
 * membership history (periods of a status or function), from a birthday on if the rule counts
 * from an age. Dates are `YYYY-MM-DD`; a period's `until` is its last day, and the cut-off day
 * counts. As periods run by law (BGB §§ 187, 188): a member who entered on 1 May 2017 has
 * completed ten years at the end of 30 April 2027, and years from the 8th birthday begin on
 * that birthday.
 */
import { isCalendarDate } from '../dates.ts';
import type { Membership, MembershipKind } from '../memberships.ts';
import type { Counting } from './honourRule.ts';

/*
 * Days and dates are converted by arithmetic (H. Hinnant's civil calendar algorithms), not
 * through Date objects: a list of honours converts some hundred thousand of them.
 */

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The calendar date of a day number. */
export function dateOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
}

/** Whether a period's date is a calendar date, remembered: the same few dates are asked often. */
const checked = new Map<string, boolean>();
function isDate(value: string): boolean {
  let known = checked.get(value);
  if (known === undefined) {
    known = isCalendarDate(value);
    if (checked.size < 100_000) checked.set(value, known);
  }
  return known;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The same day `years` later (or earlier); 29 February becomes 1 March in a common year when
 * counting forward (an age from 29 February is completed at the end of 28 February, BGB § 188)
 * and 28 February when counting back, so a span of years is never shortened.
 */
export function shiftYears(iso: string, years: number): string {
  const target = Number(iso.slice(0, 4)) + years;
  const year = String(target).padStart(4, '0');
  if (iso.slice(5) !== '02-29' || isLeapYear(target)) return `${year}${iso.slice(4)}`;
  return years >= 0 ? `${year}-03-01` : `${year}-02-28`;
}

/** Half-open day intervals [from, to). */
type Span = [number, number];

function merged(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

export interface CountInput {
  memberships: readonly Membership[];
  counts: readonly MembershipKind[];
  counting: Counting;
  /** Counting begins on this day (the birthday of the rule's age); null: no limit. */
  from: string | null;
  /** The cut-off date; the years completed by it are returned. */
  cutOff: string;
}

export interface Counted {
  years: number;
  /** A counted period without a start date: the years cannot be known. */
  startUnknown: boolean;
}

/** The counted time up to the cut-off, as merged day intervals. */
function countedSpans(input: CountInput): { spans: Span[]; startUnknown: boolean } {
  const end = dayNumber(input.cutOff) + 1;
  const start = input.from ? dayNumber(input.from) : Number.NEGATIVE_INFINITY;
  let startUnknown = false;
  const spans: Span[] = [];
  for (const p of input.memberships) {
    if (!input.counts.includes(p.status)) continue;
    if (!p.from || !isDate(p.from)) {
      // A period without a start counts for an unknown time: never guess it.
      startUnknown = true;
      continue;
    }
    const from = Math.max(dayNumber(p.from), start);
    const to = Math.min(p.until && isDate(p.until) ? dayNumber(p.until) + 1 : end, end);
    spans.push([from, to]);
  }
  return { spans: merged(spans), startUnknown };
}

/**
 * Completed years in day intervals: each interval's whole years by its anniversaries, and the
 * days left over after them added up across intervals, a year for every 366 — so one interval
 * counts exactly as its anniversary says, and separate intervals never lose or gain a year by
 * where the leap days fall.
 */
function completedYears(spans: readonly Span[]): number {
  let years = 0;
  let rest = 0;
  for (const [from, to] of spans) {
    const start = dateOf(from);
    const end = dateOf(to);
    let whole = Number(end.slice(0, 4)) - Number(start.slice(0, 4));
    while (whole > 0 && shiftYears(start, whole) > end) whole--;
    years += whole;
    rest += to - dayNumber(shiftYears(start, whole));
  }
  return years + Math.floor(rest / 366);
}

export function countYears(input: CountInput): Counted {
  const { spans, startUnknown } = countedSpans(input);
  const end = dayNumber(input.cutOff) + 1;
  if (input.counting === 'calendarYears') {
    const honourYear = Number(input.cutOff.slice(0, 4));
    const years = new Set<number>();
    for (const [from, to] of spans) {
      const first = Number(dateOf(from).slice(0, 4));
      const last = Math.min(Number(dateOf(to - 1).slice(0, 4)), honourYear - 1);
      for (let y = first; y <= last; y++) years.add(y);
    }
    return { years: years.size, startUnknown };
  }
  if (input.counting === 'continuous') {
    const reaching = spans.find(([, to]) => to === end);
    return { years: reaching ? completedYears([reaching]) : 0, startUnknown };
  }
  return { years: completedYears(spans), startUnknown };
}

/** The statuses and functions a member holds on `day`. */
export function heldOn(memberships: readonly Membership[], day: string): MembershipKind[] {
  return memberships
    .filter((p) => (!p.from || p.from <= day) && (!p.until || p.until >= day))
    .map((p) => p.status);
}
