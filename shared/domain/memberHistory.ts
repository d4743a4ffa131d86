/**
 * What a member's save does to the member's histories, on every writer alike (the desktop's
 * forms and import, later the web application): the membership periods follow a change of
 * status, entry or exit (memberships.ts), and the consents stay the one source of the two
 * yes/no fields older Tutti versions show (`consentPhotos`, `consentNewsletter`): a flag changed
 * by such a version becomes a consent given or withdrawn today, never lost.
 */
import { type Consent, type ConsentPurpose, consents } from './consents.ts';
import { followMembership, type Membership } from './memberships.ts';

type Fields = Record<string, unknown>;

const FLAGS: readonly [flag: string, purpose: ConsentPurpose][] = [
  ['consentPhotos', 'photos'],
  ['consentNewsletter', 'newsletter'],
];

function listOf(value: unknown): Consent[] | null {
  return Array.isArray(value) ? (value as Consent[]).map((c) => ({ ...c })) : null;
}

function followConsents(before: Fields | null, draft: Fields, today: string): Consent[] {
  const given = listOf(draft.consents);
  const list = given ?? listOf(before?.consents) ?? [];
  if (given) return list; // the person edited the consents themselves
  for (const [flag, purpose] of FLAGS) {
    if (!(flag in draft)) continue;
    const wanted = draft[flag] === true;
    const was = before ? consents(list, purpose) : false;
    if (wanted === was) continue;
    if (wanted)
      list.push({ purpose, givenOn: before ? today : null, source: null, withdrawnOn: null });
    else for (const c of list) if (c.purpose === purpose && !c.withdrawnOn) c.withdrawnOn = today;
  }
  return list;
}

/**
 * The fields a member's save sets beside what the person changed: `before` is the stored
 * member (null for a new one), `draft` what is saved (all fields or only some).
 */
export function memberHistory(
  before: Fields | null,
  draft: Fields,
  today: string,
): {
  memberships: Membership[];
  consents: Consent[];
  consentPhotos: boolean;
  consentNewsletter: boolean;
} {
  const list = followConsents(before, draft, today);
  return {
    memberships: followMembership(before, { ...before, ...draft }, today),
    consents: list,
    consentPhotos: consents(list, 'photos'),
    consentNewsletter: consents(list, 'newsletter'),
  };
}
