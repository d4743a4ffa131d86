/**
 * The honours due in a year (issue #22): for every member and every rule the club follows, the
 * highest level whose years are completed by the cut-off date and that the member has not
 * received yet. A level reached in an earlier year and never recorded is listed as overdue, not
 * dropped; one the rule lets wait after the previous honour is listed as waiting. What cannot be
 * computed — an age-based rule without birth dates, a period without a start — is returned as
 * a problem, and the list is then not complete: an incomplete list never passes for a whole one.
 */
import { todayIso } from '../dates.ts';
import type { Honour } from '../honour.ts';
import type { Member } from '../member.ts';
import { historyOf, type Membership } from '../memberships.ts';
import { foldForSearch } from '../searchFold.ts';
import { countYears, heldOn, shiftYears } from './activeYears.ts';
import { type HonourLevel, type HonourRule, levelsUpTo } from './honourRule.ts';

export type DueState = 'due' | 'overdue' | 'waiting';

export interface DueHonour {
  memberId: string;
  ruleId: string;
  /** Who gives this level. */
  issuer: string;
  level: HonourLevel;
  /** Years counted by the cut-off date. */
  activeYears: number;
  state: DueState;
  /** The year in which the level was first reached. */
  reachedIn: number;
  /** For `waiting`: the first year the rule allows it. */
  waitsUntil: number | null;
  cutOff: string;
  /** The day the application must be with the issuer; null if the rule names none. */
  applyBy: string | null;
}

export type HonourProblem =
  | { kind: 'birthDatesHidden'; ruleId: string }
  | { kind: 'membersHidden' }
  | { kind: 'birthDateMissing'; ruleId: string; memberId: string }
  | { kind: 'startUnknown'; ruleId: string; memberId: string };

export interface DueList {
  year: number;
  items: DueHonour[];
  problems: HonourProblem[];
  /** True only when every rule could be computed for every member. */
  complete: boolean;
}

export interface DueQuery {
  year: number;
  /** The day of the ceremony in that year; without one the years count to 31 December. */
  ceremonyDate: string | null;
  rules: readonly HonourRule[];
  members: readonly Member[];
  honours: readonly Honour[];
  /** Whether this device holds birth dates (a role without them gets no age-based honour). */
  birthDatesKnown: boolean;
  /** Whether the user sees every member and honour (a register leader sees their registers'). */
  allMembersVisible?: boolean;
  today?: string;
}

/** Years back the engine looks for the year a level was first reached. */
const LOOK_BACK = 100;
/** Above every ladder: no one serves longer. */
const MOST_YEARS = 100;

function cutOffIn(rule: HonourRule, year: number, ceremonyDate: string | null): string {
  if (rule.cutOff) return `${year}-${rule.cutOff}`;
  if (ceremonyDate) return shiftYears(ceremonyDate, year - Number(ceremonyDate.slice(0, 4)));
  return `${year}-12-31`;
}

function applyBy(rule: HonourRule, year: number, ceremonyDate: string | null): string | null {
  if (rule.applicationDeadline) return `${year}-${rule.applicationDeadline}`;
  if (rule.leadWeeks === null || !ceremonyDate) return null;
  const day = new Date(`${ceremonyDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 7 * rule.leadWeeks);
  return day.toISOString().slice(0, 10);
}

/** A name as compared: folded like a search, without spaces, hyphens and other marks. */
const compact = (name: string) => foldForSearch(name).replace(/[^\p{L}\p{N}]/gu, '');

/** Whether a recorded honour is this level (by its official or English name). */
function isLevel(honour: Honour, level: HonourLevel): boolean {
  const kind = compact(honour.kind);
  return kind === compact(level.name.de) || kind === compact(level.name.en);
}

/** Left the club by that day, by the history or by the record (a history edited out of step). */
function leftBy(member: Member, held: readonly string[], day: string): boolean {
  if (held.includes('ausgetreten')) return true;
  return member.status === 'ausgetreten' && (!member.exitDate || member.exitDate <= day);
}

/**
 * The first year whose cut-off reached `years`: years only grow with the cut-off when counted
 * as a sum or in calendar years, so those are searched by halves; a continuous count can fall
 * (a pause) and is walked back year by year.
 */
function firstYearReaching(
  rule: HonourRule,
  year: number,
  years: number,
  countIn: (year: number) => number,
): number {
  if (rule.counting === 'continuous') {
    let first = year;
    while (first > year - LOOK_BACK && countIn(first - 1) >= years) first--;
    return first;
  }
  let low = year - LOOK_BACK;
  let high = year;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (countIn(middle) >= years) high = middle;
    else low = middle + 1;
  }
  return high;
}

function dueFor(
  member: Member,
  history: readonly Membership[],
  received: readonly Honour[],
  rule: HonourRule,
  query: DueQuery,
): { item: DueHonour | null; problem: HonourProblem | null } {
  const { year, ceremonyDate } = query;
  const cutOff = cutOffIn(rule, year, ceremonyDate);
  const held = heldOn(history, cutOff);
  if (leftBy(member, held, cutOff)) return { item: null, problem: null };
  if (rule.holdsAtCutOff && !held.some((k) => rule.holdsAtCutOff!.includes(k)))
    return { item: null, problem: null };
  const levels = levelsUpTo(rule, MOST_YEARS);
  const first = levels[0];
  if (!first) return { item: null, problem: null };
  const count = (day: string, from: string | null) =>
    countYears({
      memberships: history,
      counts: rule.counts,
      counting: rule.counting,
      from,
      cutOff: day,
    });
  let from: string | null = null;
  if (rule.fromAge !== null) {
    if (!member.birthDate) {
      // Without the birthday the years cannot be counted; say so for whom it could matter.
      const unlimited = count(cutOff, null);
      return {
        item: null,
        problem:
          unlimited.years >= first.years || unlimited.startUnknown
            ? { kind: 'birthDateMissing', ruleId: rule.id, memberId: member.id }
            : null,
      };
    }
    from = shiftYears(member.birthDate, rule.fromAge);
  }
  const counted = count(cutOff, from);
  const problem: HonourProblem | null = counted.startUnknown
    ? { kind: 'startUnknown', ruleId: rule.id, memberId: member.id }
    : null;
  const reached = levels.filter((l) => l.years <= counted.years);
  const top = reached.at(-1);
  if (!top) return { item: null, problem };
  const mine = received.filter((h) => levels.some((l) => isLevel(h, l)));
  const highestReceived = Math.max(-1, ...mine.map((h) => levels.findIndex((l) => isLevel(h, l))));
  if (levels.indexOf(top) <= highestReceived) return { item: null, problem };

  const reachedIn = firstYearReaching(
    rule,
    year,
    top.years,
    (y) => count(cutOffIn(rule, y, ceremonyDate), from).years,
  );
  let state: DueState = reachedIn < year ? 'overdue' : 'due';
  let waitsUntil: number | null = null;
  const previous = mine
    .map((h) => h.date)
    .sort()
    .at(-1);
  if (previous && rule.minYearsSincePrevious !== null) {
    const allowed = shiftYears(previous, rule.minYearsSincePrevious);
    if (allowed > cutOff) {
      state = 'waiting';
      const allowedYear = Number(allowed.slice(0, 4));
      waitsUntil =
        allowed > cutOffIn(rule, allowedYear, ceremonyDate) ? allowedYear + 1 : allowedYear;
    }
  }
  return {
    item: {
      memberId: member.id,
      ruleId: rule.id,
      issuer: top.issuer ?? rule.issuer,
      level: top,
      activeYears: counted.years,
      state,
      reachedIn,
      waitsUntil,
      cutOff,
      applyBy: applyBy(rule, year, ceremonyDate),
    },
    problem,
  };
}

export function honoursDue(query: DueQuery): DueList {
  const today = query.today ?? todayIso();
  const items: DueHonour[] = [];
  const problems: HonourProblem[] = [];
  const receivedBy = new Map<string, Honour[]>();
  for (const h of query.honours)
    receivedBy.set(h.memberId, [...(receivedBy.get(h.memberId) ?? []), h]);
  for (const rule of query.rules) {
    if (rule.fromAge !== null && !query.birthDatesKnown) {
      problems.push({ kind: 'birthDatesHidden', ruleId: rule.id });
      continue;
    }
    for (const member of query.members) {
      const { item, problem } = dueFor(
        member,
        historyOf(member, today),
        receivedBy.get(member.id) ?? [],
        rule,
        query,
      );
      if (item) items.push(item);
      if (problem) problems.push(problem);
    }
  }
  const order: Record<DueState, number> = { due: 0, overdue: 1, waiting: 2 };
  items.sort(
    (a, b) =>
      order[a.state] - order[b.state] ||
      a.issuer.localeCompare(b.issuer) ||
      b.level.years - a.level.years ||
      a.ruleId.localeCompare(b.ruleId),
  );
  if (query.allMembersVisible === false) problems.unshift({ kind: 'membersHidden' });
  return { year: query.year, items, problems, complete: problems.length === 0 };
}
