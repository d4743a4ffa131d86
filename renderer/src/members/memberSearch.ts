import type { Member } from '../../../shared/domain/member.ts';
import { findsAll, foldForSearch, searchWords } from '../../../shared/domain/searchFold.ts';
import type { RowFilter } from '../components/DataTable.tsx';

/** Register names by id, as the member list shows them. */
export type RegisterNames = ReadonlyMap<string, { name: string }>;

/**
 * Folded text a member is found by: what the list shows (name, number, registers, instrument,
 * city, phone, e-mail; the status has its own filter). Computed once per record version and register list, so a
 * renamed register is found by its new name.
 */
const searchTexts = new WeakMap<RegisterNames, WeakMap<Member, string>>();

export function memberSearchText(m: Member, registers: RegisterNames): string {
  let cache = searchTexts.get(registers);
  if (!cache) {
    cache = new WeakMap();
    searchTexts.set(registers, cache);
  }
  let text = cache.get(m);
  if (text === undefined) {
    text = foldForSearch(
      [
        m.lastName,
        m.firstName,
        m.memberNumber,
        m.city,
        m.email,
        m.mainInstrument,
        m.phone,
        m.mobile,
        ...m.registerIds.map((id) => registers.get(id)?.name),
      ]
        .filter(Boolean)
        .join(' '),
    );
    cache.set(m, text);
  }
  return text;
}

export interface MemberFilter {
  query: string;
  /** A status, CURRENT_MEMBERS (all but former members), or null for all. */
  status: string | null;
  /** A register id, '__none__' for members without one, or null for all. */
  registerId: string | null;
}

export const WITHOUT_REGISTER = '__none__';
/** The list's default: everybody but former members ("ausgetreten"). */
export const CURRENT_MEMBERS = '__current__';

/**
 * A filter for the member list, or undefined when nothing is filtered. Every word of the query
 * must occur somewhere ("anna trompete" finds Anna who plays the trumpet). A query that only
 * adds letters to the previous one narrows it, so the list searches the previous result.
 */
export function memberFilter(
  filter: MemberFilter,
  registers: RegisterNames,
): RowFilter<Member> | undefined {
  const words = searchWords(filter.query);
  // Each letter folds on its own (searchFold.ts), so a typed query that only grew narrows.
  const query = filter.query.toLocaleLowerCase('de');
  if (words.length === 0 && !filter.status && !filter.registerId) return undefined;
  const matches: RowFilter<Member> = (m) => {
    if (filter.status === CURRENT_MEMBERS) {
      if (m.status === 'ausgetreten') return false;
    } else if (filter.status && m.status !== filter.status) return false;
    if (filter.registerId === WITHOUT_REGISTER) {
      if (m.registerIds.length > 0) return false;
    } else if (filter.registerId && !m.registerIds.includes(filter.registerId)) {
      return false;
    }
    if (words.length === 0) return true;
    return findsAll(memberSearchText(m, registers), words);
  };
  matches.narrows = (previous) => {
    const before = filterOf.get(previous);
    return (
      before !== undefined &&
      before.registers === registers &&
      before.filter.status === filter.status &&
      before.filter.registerId === filter.registerId &&
      query.startsWith(before.query)
    );
  };
  filterOf.set(matches, { filter, registers, query });
  return matches;
}

const filterOf = new WeakMap<
  RowFilter<Member>,
  { filter: MemberFilter; registers: RegisterNames; query: string }
>();

export { memberDisplayName } from '../../../shared/domain/member.ts';
