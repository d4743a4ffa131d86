/**
 * How many years a member has served by a cut-off date, counted the way a rule says: from the
 * membership history (periods of a status or function), from a birthday on if the rule counts
 * from an age. Dates are `YYYY-MM-DD`; a period's `until` is its last day. The cut-off day
 * itself is not counted: a member who entered on 1 May 2017 has completed ten years on
 * 1 May 2027, as an age is completed on the birthday.
 */
import { isCalendarDate } from '../dates.ts';
import type { Membership, MembershipKind } from '../memberships.ts';
import type { Counting } from './honourRule.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
    DAY_MS
  );
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The same day `years` later (or earlier); 29 February becomes 1 March in a common year when
 * counting forward (an age from 29 February is completed at the end of 28 February, BGB § 188)
 * and 28 February when counting back, so a span of years is never shortened.
 */
export function shiftYears(iso: string, years: number): string {
  const year = String(Number(iso.slice(0, 4)) + years).padStart(4, '0');
  const date = `${year}${iso.slice(4)}`;
  if (isCalendarDate(date)) return date;
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
  const end = dayNumber(input.cutOff);
  const start = input.from ? dayNumber(input.from) : Number.NEGATIVE_INFINITY;
  let startUnknown = false;
  const spans: Span[] = [];
  for (const p of input.memberships) {
    if (!input.counts.includes(p.status)) continue;
    if (!p.from || !isCalendarDate(p.from)) {
      // An open-ended period without a start, or one that ends before the cut-off, counts
      // for an unknown time: never guess it.
      if (!p.until || p.until < input.cutOff) startUnknown = true;
      continue;
    }
    const from = Math.max(dayNumber(p.from), start);
    const to = Math.min(p.until && isCalendarDate(p.until) ? dayNumber(p.until) + 1 : end, end);
    spans.push([from, to]);
  }
  return { spans: merged(spans), startUnknown };
}

/** Completed years in `days` counted back from the cut-off date. */
function completedYears(days: number, cutOff: string): number {
  const end = dayNumber(cutOff);
  let years = 0;
  while (end - dayNumber(shiftYears(cutOff, -(years + 1))) <= days) years++;
  return years;
}

export function countYears(input: CountInput): Counted {
  const { spans, startUnknown } = countedSpans(input);
  const end = dayNumber(input.cutOff);
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
    return {
      years: reaching ? completedYears(end - reaching[0], input.cutOff) : 0,
      startUnknown,
    };
  }
  const days = spans.reduce((sum, [from, to]) => sum + (to - from), 0);
  return { years: completedYears(days, input.cutOff), startUnknown };
}

/** The statuses and functions a member holds on `day`. */
export function heldOn(memberships: readonly Membership[], day: string): MembershipKind[] {
  return memberships
    .filter((p) => (!p.from || p.from <= day) && (!p.until || p.until >= day))
    .map((p) => p.status);
}
