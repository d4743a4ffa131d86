import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLUB_RECORD_ID, type Club } from '../club.ts';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Member } from '../member.ts';
import { followMembership } from '../memberships.ts';
import { type StrengthQuery, strengthReport } from './staerkemeldung.ts';

function member(fields: Record<string, unknown>): Member {
  const result = validateRecord('members', {
    id: newId(),
    lastName: 'M',
    status: 'aktiv',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

function club(fields: Partial<Club> = {}): Club {
  const result = validateRecord('club', {
    id: CLUB_RECORD_ID,
    name: 'Musikverein Tutti',
    federations: [{ name: 'Blasmusikverband Karlsruhe', number: 'BVK-0815' }],
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const query = (members: Member[], more: Partial<StrengthQuery> = {}): StrengthQuery => ({
  year: 2027,
  club: club(),
  members,
  registers: [],
  birthDatesKnown: true,
  today: '2027-03-01',
  ...more,
});

describe('Stärkemeldung', () => {
  it('counts the members of 1 January by status, gender and age band, and lists the active ones', () => {
    const anna = member({
      lastName: 'Adler',
      firstName: 'Anna',
      gender: 'w',
      birthDate: '2010-01-01',
      entryDate: '2018-09-01',
      status: 'jugend',
      mainInstrument: 'Klarinette',
    });
    const bert = member({
      lastName: 'Berg',
      firstName: 'Bert',
      gender: 'm',
      birthDate: '1960-05-05',
      entryDate: '1975-01-01',
      mainInstrument: 'Tuba',
    });
    const cara = member({
      lastName: 'Cara',
      gender: 'd',
      birthDate: '1990-02-02',
      entryDate: '2000-01-01',
      status: 'passiv',
    });
    const left = member({
      gender: 'm',
      birthDate: '1950-01-01',
      entryDate: '1970-01-01',
      status: 'ausgetreten',
      exitDate: '2020-01-01',
    });
    const later = member({ gender: 'w', birthDate: '1990-01-01', entryDate: '2027-02-01' });
    const outcome = strengthReport(query([anna, bert, cara, left, later]));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.missing));
    const { report } = outcome;
    expect(report.referenceDate).toBe('2027-01-01');
    expect(report.total.total).toBe(3);
    expect(report.byStatus.jugend.byAgeBand.upTo17).toBe(1); // 17 on 1 January 2027
    expect(report.byStatus.aktiv.byAgeBand.from61).toBe(1);
    expect(report.byStatus.passiv.byGender).toEqual({ w: 0, m: 0, d: 1 });
    expect(report.total.byGender).toEqual({ w: 1, m: 1, d: 1 });
    expect(
      report.activeMembers.map((l) => [l.name, l.birthDate, l.instrument, l.activeSince]),
    ).toEqual([
      ['Adler, Anna', '2010-01-01', 'Klarinette', '2018-09-01'],
      ['Berg, Bert', '1960-05-05', 'Tuba', '1975-01-01'],
    ]);
  });

  it('is refused with the list of what is missing', () => {
    const noGender = member({ birthDate: '1990-01-01', entryDate: '2000-01-01' });
    const noBirth = member({ gender: 'w', entryDate: '2000-01-01' });
    const outcome = strengthReport(
      query([noGender, noBirth], {
        club: club({ name: 'MV', federations: [{ name: 'BVK', number: null }] }),
      }),
    );
    expect(outcome).toEqual({
      ok: false,
      missing: [
        { kind: 'federationNumber' },
        { kind: 'birthDate', memberIds: [noBirth.id] },
        { kind: 'gender', memberIds: [noGender.id] },
      ],
    });
    expect(strengthReport(query([], { club: undefined }))).toEqual({
      ok: false,
      missing: [{ kind: 'clubName' }, { kind: 'federationNumber' }],
    });
  });

  it('names members with only a function, without an instrument, or hidden from the role', () => {
    const onlyBoard = member({
      gender: 'w',
      birthDate: '1970-01-01',
      entryDate: '2000-01-01',
      memberships: [{ status: 'vorstand', from: '2000-01-01', until: null, notes: null }],
    });
    const noInstrument = member({ gender: 'm', birthDate: '1970-01-01', entryDate: '2000-01-01' });
    const leftByRecord = member({
      gender: 'm',
      birthDate: '1970-01-01',
      entryDate: '2000-01-01',
      status: 'ausgetreten',
      exitDate: '2020-01-01',
      memberships: [{ status: 'aktiv', from: '2000-01-01', until: null, notes: null }],
    });
    expect(
      strengthReport(query([onlyBoard, noInstrument, leftByRecord], { allMembersVisible: false })),
    ).toEqual({
      ok: false,
      missing: [
        { kind: 'membersHidden' },
        { kind: 'statusUnknown', memberIds: [onlyBoard.id] },
        { kind: 'instrument', memberIds: [noInstrument.id] },
      ],
    });
  });

  it('is refused to a role without birth dates', () => {
    expect(strengthReport(query([], { birthDatesKnown: false }))).toEqual({
      ok: false,
      missing: [{ kind: 'birthDatesHidden' }],
    });
  });

  it('active since: the uninterrupted active time, across a function that bridges two statuses', () => {
    const m = member({
      gender: 'm',
      birthDate: '1980-01-01',
      entryDate: '1995-01-01',
      mainInstrument: 'Posaune',
      memberships: [
        { status: 'aktiv', from: '1995-01-01', until: '2004-12-31', notes: null },
        { status: 'pause', from: '2005-01-01', until: '2007-12-31', notes: null },
        { status: 'aktiv', from: '2008-01-01', until: '2015-06-30', notes: null },
        { status: 'dirigent', from: '2015-01-01', until: '2016-12-31', notes: null },
        { status: 'aktiv', from: '2016-07-01', until: null, notes: null },
      ],
    });
    const outcome = strengthReport(query([m]));
    expect(outcome.ok && outcome.report.activeMembers[0]?.activeSince).toBe('2008-01-01');
  });

  it('does not change when a status changes after the reference date (property)', () => {
    const statuses = ['aktiv', 'passiv', 'jugend', 'ehrenmitglied', 'ausgetreten'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom(...statuses),
            entry: fc.integer({ min: 1950, max: 2026 }),
            ageAtEntry: fc.integer({ min: 1, max: 70 }),
            gender: fc.constantFrom('w', 'm', 'd'),
          }),
          { maxLength: 12 },
        ),
        fc.constantFrom(...statuses),
        fc.integer({ min: 2, max: 360 }),
        (rows, newStatus, dayOfYear) => {
          const members = rows.map((r) =>
            member({
              status: r.status,
              entryDate: `${r.entry}-03-01`,
              exitDate: r.status === 'ausgetreten' ? '2026-12-01' : null,
              birthDate: `${r.entry - r.ageAtEntry}-07-07`,
              gender: r.gender,
              memberships: followMembership(
                null,
                {
                  status: r.status,
                  entryDate: `${r.entry}-03-01`,
                  exitDate: r.status === 'ausgetreten' ? '2026-12-01' : null,
                },
                '2026-06-01',
              ),
            }),
          );
          const before = strengthReport(query(members));
          // Later in 2027, every member changes to another status.
          const changeDay = new Date(Date.UTC(2027, 0, dayOfYear)).toISOString().slice(0, 10);
          const changed = members.map((m) => {
            // A member who left already keeps the exit date: moving it is a correction, not a change.
            const exitDate =
              newStatus === 'ausgetreten' && m.status !== 'ausgetreten' ? changeDay : m.exitDate;
            const next = { ...m, status: newStatus, exitDate };
            return { ...next, memberships: followMembership(m, next, changeDay) } as Member;
          });
          expect(strengthReport(query(changed, { today: changeDay }))).toEqual(before);
        },
      ),
    );
  });
});
