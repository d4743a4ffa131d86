import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/domain/member.ts';
import { CURRENT_MEMBERS, memberFilter } from './memberSearch.ts';

function member(
  firstName: string,
  lastName: string,
  city: string,
  registerIds: string[] = [],
): Member {
  return {
    id: `${firstName}-${lastName}`,
    firstName,
    lastName,
    city,
    registerIds,
    status: 'aktiv',
  } as Member;
}

const REGISTERS = new Map([
  ['r1', { name: 'Trompeten' }],
  ['r2', { name: 'Klarinetten' }],
]);

const club = [
  member('Anna', 'Müller', 'Freiburg', ['r1']),
  member('Anne', 'Schmidt', 'Waldkirch'),
  member('Jonas', 'Müller', 'Lahr', ['r2']),
];

describe('member search', () => {
  it('finds members by every word of the query, in any field, ignoring case', () => {
    expect(
      club
        .filter(memberFilter({ query: 'müller', status: null, registerId: null }, REGISTERS)!)
        .map((m) => m.firstName),
    ).toEqual(['Anna', 'Jonas']);
    expect(
      club
        .filter(memberFilter({ query: 'ann MÜL', status: null, registerId: null }, REGISTERS)!)
        .map((m) => m.firstName),
    ).toEqual(['Anna']);
    expect(
      club
        .filter(memberFilter({ query: '', status: null, registerId: '__none__' }, REGISTERS)!)
        .map((m) => m.firstName),
    ).toEqual(['Anne']);
    expect(
      memberFilter({ query: '  ', status: null, registerId: null }, REGISTERS),
    ).toBeUndefined();
  });

  it('says it narrows the previous filter only when that is true', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 4 }),
        fc.string({ maxLength: 3 }),
        fc.constantFrom(null, 'r1'),
        (before, added, registerId) => {
          const previous = memberFilter({ query: before, status: null, registerId }, REGISTERS);
          const next = memberFilter({ query: before + added, status: null, registerId }, REGISTERS);
          if (!previous || !next?.narrows?.(previous)) return;
          // Everything the narrower filter keeps, the previous one kept too.
          for (const m of club) if (next(m)) expect(previous(m)).toBe(true);
        },
      ),
    );
    const a = memberFilter({ query: 'an', status: null, registerId: null }, REGISTERS)!;
    expect(
      memberFilter({ query: 'a', status: null, registerId: null }, REGISTERS)!.narrows!(a),
    ).toBe(false);
    expect(
      memberFilter({ query: 'ann', status: 'aktiv', registerId: null }, REGISTERS)!.narrows!(a),
    ).toBe(false);
  });

  it('folds like a German reader and searches the register names the list shows', () => {
    const found = (query: string) =>
      club
        .filter(memberFilter({ query, status: null, registerId: null }, REGISTERS)!)
        .map((m) => `${m.firstName} ${m.lastName}`);
    expect(found('Muller')).toEqual(['Anna Müller', 'Jonas Müller']);
    expect(found('mueller jonas')).toEqual(['Jonas Müller']);
    expect(found('trompete')).toEqual(['Anna Müller']);
  });

  it('leaves former members out of the default list', () => {
    const former = { ...member('Otto', 'Alt', 'Emmendingen'), status: 'ausgetreten' } as Member;
    const list = [...club, former];
    const current = memberFilter(
      { query: '', status: CURRENT_MEMBERS, registerId: null },
      REGISTERS,
    )!;
    expect(list.filter(current).map((m) => m.firstName)).toEqual(['Anna', 'Anne', 'Jonas']);
    expect(memberFilter({ query: '', status: null, registerId: null }, REGISTERS)).toBeUndefined();
  });
});
