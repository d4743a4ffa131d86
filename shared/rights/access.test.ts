import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_SENSITIVE_FIELDS } from '../domain/member.ts';
import { decideDelete, decideWrite, type Relations, readView, type Subject } from './access.ts';
import { BUILT_IN_ROLES } from './roles.ts';

const BRASS = '0190a000-0000-7000-8000-000000000001';
const WOODWIND = '0190a000-0000-7000-8000-000000000002';
const ANNA = '0190a000-0000-7000-8000-0000000000a1';
const BERT = '0190a000-0000-7000-8000-0000000000b2';
const TRUMPET = '0190a000-0000-7000-8000-0000000000c1';

const memberRegisters: Record<string, string[]> = { [ANNA]: [BRASS], [BERT]: [WOODWIND] };
const relations: Relations = {
  memberRegisters: (id) => memberRegisters[id] ?? [],
  instrumentRegister: (id) => (id === TRUMPET ? BRASS : null),
};

const subject = (role: keyof typeof BUILT_IN_ROLES, extra: Partial<Subject> = {}): Subject => ({
  grants: BUILT_IN_ROLES[role].grants,
  registerIds: [],
  memberId: null,
  ...extra,
});

const anna = {
  id: ANNA,
  firstName: 'Anna',
  lastName: 'Huber',
  registerIds: [BRASS],
  iban: 'DE89370400440532013000',
  birthDate: '1990-04-01',
};
const bert = { ...anna, id: BERT, firstName: 'Bert', registerIds: [WOODWIND] };

describe('rights', () => {
  it('a register leader sees the members of their own registers only, without bank data', () => {
    const leader = subject('registerfuehrer', { registerIds: [BRASS] });
    const view = readView(leader, 'members', anna, relations);
    expect(view).toMatchObject({ firstName: 'Anna' });
    expect(view).not.toHaveProperty('iban');
    expect(view).not.toHaveProperty('birthDate');
    expect(readView(leader, 'members', bert, relations)).toBeNull();
  });

  it('attendance and loans belong to the registers of their member and instrument', () => {
    const leader = subject('registerfuehrer', { registerIds: [BRASS] });
    const own = { id: 'x', eventId: 'e', memberId: ANNA, status: 'present' };
    const other = { ...own, memberId: BERT };
    expect(decideWrite(leader, 'attendance', null, own, relations, ['status'])).toEqual({
      ok: true,
    });
    expect(decideWrite(leader, 'attendance', null, other, relations, ['status']).ok).toBe(false);
    // Moving a record out of one's registers is refused as well.
    expect(decideWrite(leader, 'attendance', own, other, relations, ['memberId']).ok).toBe(false);
    const keeper = subject('instrumentenwart');
    expect(
      readView(keeper, 'loans', { id: 'l', instrumentId: TRUMPET, memberId: BERT }, relations),
    ).not.toBeNull();
  });

  it('the treasurer reads and changes bank data; the board reads none and changes none', () => {
    expect(readView(subject('kassier'), 'members', anna, relations)).toHaveProperty('iban');
    const board = subject('vorstand');
    expect(readView(board, 'members', anna, relations)).not.toHaveProperty('iban');
    const changedIban = { ...anna, iban: 'DE02120300000000202051' };
    expect(decideWrite(board, 'members', anna, changedIban, relations, ['iban']).ok).toBe(false);
    expect(
      decideWrite(board, 'members', anna, { ...anna, firstName: 'Anne' }, relations, ['firstName'])
        .ok,
    ).toBe(true);
    expect(decideDelete(subject('kassier'), 'members', anna, relations).ok).toBe(false);
    // Refused by presence, not by value: sending the stored IBAN unchanged reveals nothing.
    expect(decideWrite(board, 'members', anna, anna, relations, ['iban']).ok).toBe(false);
    // A new member without bank data is fine (the schema's defaults are not "set" by anyone).
    const fresh = { ...anna, id: 'new', iban: null, birthDate: null, feeExempt: false };
    expect(decideWrite(board, 'members', null, fresh, relations, ['firstName']).ok).toBe(true);
  });

  it('a member sees their own record and nobody else’s', () => {
    const member = subject('mitglied', { memberId: ANNA });
    expect(readView(member, 'members', anna, relations)).toHaveProperty('iban');
    expect(readView(member, 'members', bert, relations)).toBeNull();
    expect(decideWrite(member, 'members', anna, anna, relations, ['firstName']).ok).toBe(false);
  });

  it('property: a role without sensitive fields never sees one, whatever the record', () => {
    const roles = ['vorstand', 'registerfuehrer', 'instrumentenwart'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.subarray([BRASS, WOODWIND]),
        fc.dictionary(fc.constantFrom(...MEMBER_SENSITIVE_FIELDS), fc.string()),
        (role, registers, sensitive) => {
          const record = { ...anna, ...sensitive, registerIds: registers };
          const view = readView(
            subject(role, { registerIds: [BRASS] }),
            'members',
            record,
            relations,
          );
          return view === null || MEMBER_SENSITIVE_FIELDS.every((f) => !(f in view));
        },
      ),
    );
  });
});

describe('the club record and the members’ histories', () => {
  const club = { id: '00000000-0000-4000-8000-000000000001', name: 'MV Harmonie' };
  const withHistory = {
    ...anna,
    consents: [{ purpose: 'photos', givenOn: '2020-01-01', source: null, withdrawnOn: null }],
    memberships: [{ status: 'aktiv', from: '2001-01-01', until: null, notes: null }],
  };

  it('every role reads the club record; only an administrator changes it', () => {
    for (const role of Object.keys(BUILT_IN_ROLES) as (keyof typeof BUILT_IN_ROLES)[]) {
      expect(readView(subject(role), 'club', club, relations), role).toEqual(club);
      const write = decideWrite(subject(role), 'club', club, club, relations, ['name']);
      expect(write.ok, role).toBe(role === 'administrator');
    }
  });

  it('a register leader sees neither birth dates nor consents of other registers', () => {
    const leader = subject('registerfuehrer', { registerIds: [BRASS] });
    expect(
      readView(leader, 'members', { ...withHistory, registerIds: [WOODWIND] }, relations),
    ).toBeNull();
    const own = readView(leader, 'members', withHistory, relations);
    expect(own).not.toHaveProperty('birthDate');
    expect(own?.memberships).toEqual(withHistory.memberships);
  });
});
