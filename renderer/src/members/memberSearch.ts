import type { Member } from '../../../shared/domain/member.ts';
import type { RowFilter } from '../components/DataTable.tsx';

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
 * A filter for the member list, or undefined when nothing is filtered. Every word of the query
 * must occur somewhere ("anna trompete" finds Anna who plays the trumpet). A query that only
 * adds letters to the previous one narrows it, so the list searches the previous result.
 */
export function memberFilter(filter: MemberFilter): RowFilter<Member> | undefined {
  const query = filter.query.toLocaleLowerCase('de');
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0 && !filter.status && !filter.registerId) return undefined;
  const matches: RowFilter<Member> = (m) => {
    if (filter.status && m.status !== filter.status) return false;
    if (filter.registerId === WITHOUT_REGISTER) {
      if (m.registerIds.length > 0) return false;
    } else if (filter.registerId && !m.registerIds.includes(filter.registerId)) {
      return false;
    }
    if (words.length === 0) return true;
    const text = memberSearchText(m);
    return words.every((w) => text.includes(w));
  };
  matches.narrows = (previous) => {
    const before = filterOf.get(previous);
    return (
      before !== undefined &&
      before.status === filter.status &&
      before.registerId === filter.registerId &&
      query.startsWith(before.query.toLocaleLowerCase('de'))
    );
  };
  filterOf.set(matches, filter);
  return matches;
}

const filterOf = new WeakMap<RowFilter<Member>, MemberFilter>();

export { memberDisplayName } from '../../../shared/domain/member.ts';
