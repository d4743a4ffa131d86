/**
 * An honour rule as data (issue #22): one ladder of honours an issuer gives for years of a kind
 * of service — its levels, how the years are counted and what the application needs. The
 * shipped federations' rules (`ruleSets/`) and a club's own honours (`ownHonours.ts`) have
 * this one shape, so one engine (`honoursDue.ts`) computes all of them.
 */
import type { Words } from '../catalogue/index.ts';
import type { MembershipKind } from '../memberships.ts';

export const HONOUR_CATEGORIES = ['musicians', 'conductors', 'officials', 'supporting'] as const;
export type HonourCategory = (typeof HONOUR_CATEGORIES)[number];

/**
 * How the years are counted up to the cut-off date:
 * - `sum`: all periods of a counted status added up; pauses and other statuses are left out.
 * - `continuous`: only the uninterrupted period that reaches the cut-off date.
 * - `calendarYears`: every calendar year before the year of the honour in which the member
 *   held a counted status on at least one day (the Swiss "Musikerpass" counting: days and
 *   months are not considered).
 */
export const COUNTINGS = ['sum', 'continuous', 'calendarYears'] as const;
export type Counting = (typeof COUNTINGS)[number];

/** Where a shipped rule is written down. */
export interface RuleSource {
  title: string;
  url: string;
  /** The sentence the rule rests on, as the source words it. */
  quote: string;
  /** A restatement by a district, a member association or a third party, not the issuer's text. */
  secondary?: boolean;
  /** The version or date the source names, if any. */
  version?: string;
}

export interface HonourLevel {
  years: number;
  /** The official name (German) and an English rendering for the English UI. */
  name: Words;
  /** Another issuer gives this level (the BDB/BDMV hand out the BVK's 40 years and more). */
  issuer?: string;
}

/** What the sources leave open and Tutti had to assume; said beside the rule in the list. */
export type RuleAssumption = 'counting' | 'statuses' | 'cutOff';

export interface HonourRule {
  /** Stable: `bvk.musicians`; a club's own rule: `own.<uuid>`. */
  id: string;
  issuer: string;
  category: HonourCategory;
  /** Ascending by years. */
  levels: readonly HonourLevel[];
  /** After the last level, again every so many years, named by `repeatName` ({{years}}). */
  thenEvery?: { years: number; name: Words };
  counting: Counting;
  /** Years count from this birthday on (the completed 8th year of age); null: from entry. */
  fromAge: number | null;
  /** The statuses and functions whose periods count. */
  counts: readonly MembershipKind[];
  /** The member must hold one of these on the cut-off date; null: no such condition. */
  holdsAtCutOff: readonly MembershipKind[] | null;
  /** `MM-DD` in the year of the honour; null: the years completed by the day of the ceremony. */
  cutOff: string | null;
  /** Years that must lie between the previous honour of this rule and the next. */
  minYearsSincePrevious: number | null;
  /** Weeks before the ceremony the application must be with the issuer. */
  leadWeeks: number | null;
  /** `MM-DD` in the year of the honour by which it must be applied for (instead of a lead time). */
  applicationDeadline: string | null;
  sources: readonly RuleSource[];
  assumptions: readonly RuleAssumption[];
}

export interface RuleSet {
  id: string;
  name: Words;
  /** ISO country code of the issuer. */
  country: string;
  rules: readonly HonourRule[];
  /** What this issuer gives that is not shipped because no source could be found. */
  notShipped: Words | null;
}

/** Who counts as active where a source only says "aktiv": board and conductors do. */
export const ACTIVE_KINDS: readonly MembershipKind[] = ['aktiv', 'jugend', 'vorstand', 'dirigent'];
/** Every kind of membership: for honours of membership years. */
export const MEMBER_KINDS: readonly MembershipKind[] = [
  'aktiv',
  'passiv',
  'ehrenmitglied',
  'jugend',
  'pause',
  'vorstand',
  'dirigent',
  'mitglied',
];

/** The statuses a category counts unless its rule says otherwise. */
export const CATEGORY_COUNTS: Record<HonourCategory, readonly MembershipKind[]> = {
  musicians: ACTIVE_KINDS,
  conductors: ['dirigent'],
  officials: ['vorstand'],
  supporting: MEMBER_KINDS,
};

/** The years of every level of a rule up to `limit`, with the repeated ones named. */
export function levelsUpTo(rule: HonourRule, limit: number): HonourLevel[] {
  const levels = rule.levels.filter((l) => l.years <= limit);
  const last = rule.levels.at(-1);
  if (rule.thenEvery && last) {
    const { years: step, name } = rule.thenEvery;
    for (let years = last.years + step; years <= limit; years += step)
      levels.push({
        years,
        name: {
          de: name.de.replace('{{years}}', String(years)),
          en: name.en.replace('{{years}}', String(years)),
        },
      });
  }
  return levels;
}
