import type { Member } from '../../../shared/domain/member.ts';

/** Lower-cased text a member is found by; computed once per record version. */
const searchText = new WeakMap<Member, string>();

export function memberSearchText(m: Member): string {
  let text = searchText.get(m);
  if (text === undefined) {
    text = [
      m.lastName,
      m.firstName,
      m.memberNumber,
      m.city,
      m.email,
      m.mainInstrument,
      m.phone,
      m.mobile,
    ]
      .filter(Boolean)
      .join(' ')
      .toLocaleLowerCase('de');
    searchText.set(m, text);
  }
  return text;
}

export interface MemberFilter {
  query: string;
  status: string | null;
  /** A register id, '__none__' for members without one, or null for all. */
  registerId: string | null;
}

export const WITHOUT_REGISTER = '__none__';

/**
 * A predicate for the member list, or undefined when nothing is filtered. Every word of the query
 * must occur somewhere ("anna trompete" finds Anna who plays the trumpet).
 */
export function memberFilter(filter: MemberFilter): ((m: Member) => boolean) | undefined {
  const words = filter.query.toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  if (words.length === 0 && !filter.status && !filter.registerId) return undefined;
  return (m) => {
    if (filter.status && m.status !== filter.status) return false;
    if (
      filter.registerId === WITHOUT_REGISTER
        ? m.registerIds.length > 0
        : filter.registerId && !m.registerIds.includes(filter.registerId)
    ) {
      return false;
    }
    if (words.length === 0) return true;
    const text = memberSearchText(m);
    return words.every((w) => text.includes(w));
  };
}

export function memberDisplayName(m: Pick<Member, 'firstName' | 'lastName'>): string {
  return `${m.firstName} ${m.lastName}`;
}
