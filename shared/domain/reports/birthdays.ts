/**
 * Round and half-round birthdays and membership jubilees in a period (issue #22): what the
 * club paper, the website or the board's greetings list. Only members who consent to the
 * publication of birthdays and jubilees now (`today`, when the list is made) are listed; how many were left out for want
 * of a consent is said, never dropped silently. Former members are not listed. A birthday on
 * 29 February is kept on 28 February in other years.
 */
import { consents } from '../consents.ts';
import { isCalendarDate, todayIso } from '../dates.ts';
import type { Member } from '../member.ts';

export interface Occasion {
  memberId: string;
  /** The day in the period (YYYY-MM-DD). */
  date: string;
  kind: 'birthday' | 'jubilee';
  /** Age reached, or years of membership completed. */
  years: number;
}

export interface OccasionList {
  occasions: Occasion[];
  /** Members with an occasion in the period who did not consent to its publication. */
  withoutConsent: number;
  /** Whether birth dates were there to look at (a role without them gets jubilees only). */
  birthdaysKnown: boolean;
}

/** Birthdays from this age on, every five years. */
export const FIRST_LISTED_AGE = 20;
/** Jubilees every five years of membership. */
export const JUBILEE_STEP = 5;

function anniversary(iso: string, year: number): string {
  const [, month, day] = iso.split('-');
  const date = `${year}-${month}-${day}`;
  return isCalendarDate(date) ? date : `${year}-02-28`;
}

function* years(from: string, to: string): Generator<number> {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) yield year;
}

export function occasionsBetween(
  members: readonly Member[],
  from: string,
  to: string,
  birthdaysKnown: boolean,
  today: string = todayIso(),
): OccasionList {
  const occasions: Occasion[] = [];
  const leftOut = new Set<string>();
  for (const m of members) {
    if (m.status === 'ausgetreten') continue;
    const found: Occasion[] = [];
    for (const year of years(from, to)) {
      if (birthdaysKnown && m.birthDate && isCalendarDate(m.birthDate)) {
        const date = anniversary(m.birthDate, year);
        const age = year - Number(m.birthDate.slice(0, 4));
        if (date >= from && date <= to && age >= FIRST_LISTED_AGE && age % 5 === 0)
          found.push({ memberId: m.id, date, kind: 'birthday', years: age });
      }
      if (m.entryDate && isCalendarDate(m.entryDate)) {
        const date = anniversary(m.entryDate, year);
        const completed = year - Number(m.entryDate.slice(0, 4));
        if (date >= from && date <= to && completed > 0 && completed % JUBILEE_STEP === 0)
          found.push({ memberId: m.id, date, kind: 'jubilee', years: completed });
      }
    }
    for (const occasion of found) {
      if (consents(m.consents, 'birthdays', today)) occasions.push(occasion);
      else leftOut.add(m.id);
    }
  }
  occasions.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return { occasions, withoutConsent: leftOut.size, birthdaysKnown };
}
