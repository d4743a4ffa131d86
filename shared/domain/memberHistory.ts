/**
 * What a member's save does to the member's histories, on every writer alike (the desktop's
 * forms and import, later the web application): the membership periods follow a change of
 * status, entry or exit (memberships.ts), and the consents stay the one source of the two
 * yes/no fields older Tutti versions show (`consentPhotos`, `consentNewsletter`): a flag changed
 * by such a version becomes a consent given or withdrawn today, never lost.
 */
import { type Consent, type ConsentPurpose, consents } from './consents.ts';
import { followMembership, type Membership } from './memberships.ts';
import { sameValue } from './sameValue.ts';

type Fields = Record<string, unknown>;

const FLAGS: readonly [flag: string, purpose: ConsentPurpose][] = [
  ['consentPhotos', 'photos'],
  ['consentNewsletter', 'newsletter'],
];

function listOf(value: unknown): Consent[] | null {
  return Array.isArray(value) ? (value as Consent[]).map((c) => ({ ...c })) : null;
}

/**
 * The stored consents as the stored yes/no fields say: where an older version (through a
 * server that did not keep the consents yet) changed a field without the list, the list
 * follows it first, dated the day it is noticed.
 */
function storedConsents(before: Fields | null, today: string): Consent[] {
  const list = listOf(before?.consents) ?? [];
  if (!before) return list;
  for (const [flag, purpose] of FLAGS) {
    if (typeof before[flag] !== 'boolean' || before[flag] === consents(list, purpose)) continue;
    if (before[flag]) list.push({ purpose, givenOn: null, source: null, withdrawnOn: null });
    else for (const c of list) if (c.purpose === purpose && !c.withdrawnOn) c.withdrawnOn = today;
  }
  return list;
}

function followConsents(before: Fields | null, draft: Fields, today: string): Consent[] {
  const given = listOf(draft.consents);
  // A list the person changed in this save is theirs, as they left it.
  if (given && !sameValue(given, listOf(before?.consents) ?? [])) return given;
  const list = storedConsents(before, today);
  for (const [flag, purpose] of FLAGS) {
    if (!(flag in draft) || draft[flag] === (before?.[flag] ?? false)) continue;
    const wanted = draft[flag] === true;
    if (wanted === consents(list, purpose)) continue;
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
