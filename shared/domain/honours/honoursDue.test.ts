import { describe, expect, it } from 'vitest';
import { validateRecord } from '../entities.ts';
import type { Honour } from '../honour.ts';
import { newId } from '../ids.ts';
import type { Member } from '../member.ts';
import type { Membership } from '../memberships.ts';
import type { HonourRule } from './honourRule.ts';
import { type DueQuery, honoursDue } from './honoursDue.ts';
import { ownHonourRule } from './ownHonours.ts';
import { AMV_SBV } from './ruleSets/amvSbv.ts';
import { BDMV } from './ruleSets/bdmv.ts';
import { BVK_KARLSRUHE } from './ruleSets/bvkKarlsruhe.ts';
import { MON } from './ruleSets/mon.ts';
import { VMB_NRW } from './ruleSets/vmbNrw.ts';

const period = (
  status: Membership['status'],
  from: string | null,
  until: string | null = null,
) => ({
  status,
  from,
  until,
  notes: null,
});

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

function honour(m: Member, kind: string, date: string): Honour {
  return {
    id: newId(),
    memberId: m.id,
    kind,
    date,
    federation: null,
    notes: null,
    importedValues: {},
  };
}

const due = (query: Partial<DueQuery> & Pick<DueQuery, 'rules' | 'members' | 'year'>) =>
  honoursDue({
    ceremonyDate: null,
    honours: [],
    birthDatesKnown: true,
    today: '2026-12-07',
    ...query,
  });

const [bvk] = BVK_KARLSRUHE.rules as [HonourRule];
const [monMusicians, monOfficials, monConductors] = MON.rules as [
  HonourRule,
  HonourRule,
  HonourRule,
];
const [vmbMusicians] = VMB_NRW.rules as [HonourRule];
const [amv] = AMV_SBV.rules as [HonourRule];
const [bdmv] = BDMV.rules as [HonourRule];

const clubPin = ownHonourRule(
  {
    id: newId(),
    category: 'musicians',
    counting: 'continuous',
    fromAge: null,
    minYearsSincePrevious: 5,
    leadWeeks: null,
    levels: [
      { years: 5, name: 'Vereinsnadel Bronze' },
      { years: 7, name: 'Vereinsnadel Silber' },
    ],
  },
  'MV Tutti',
);

describe('honours due in a year', () => {
  it('leaves pauses out of a sum of active periods, and a continuous count starts after them', () => {
    const m = member({
      entryDate: '2000-01-01',
      memberships: [
        period('aktiv', '2000-01-01', '2004-12-31'),
        period('pause', '2005-01-01', '2006-12-31'),
        period('aktiv', '2007-01-01'),
      ],
    });
    // Sum: 5 years before the pause, 5 more about New Year 2012 (not by the summer of 2011).
    const summer = (year: number) => `${year}-06-30`;
    expect(
      due({ rules: [vmbMusicians], members: [m], year: 2011, ceremonyDate: summer(2011) }).items,
    ).toEqual([]);
    const sum = due({
      rules: [vmbMusicians],
      members: [m],
      year: 2012,
      ceremonyDate: summer(2012),
    }).items;
    expect(sum.map((i) => [i.level.name.de, i.activeYears, i.state])).toEqual([
      ['VMB-Ehrennadel in Bronze', 10, 'due'],
    ]);
    const continuous = { ...vmbMusicians, counting: 'continuous' } as const;
    // Ten years from 1 January 2007 are complete at the end of 31 December 2016.
    expect(due({ rules: [continuous], members: [m], year: 2015 }).items).toEqual([]);
    expect(due({ rules: [continuous], members: [m], year: 2016 }).items[0]?.activeYears).toBe(10);
  });

  it('counts from the completed 8th year of age (BVK) and to the day of the ceremony', () => {
    // From the 8th birthday, 15 June 2008: ten years complete at the end of 14 June 2018.
    const m = member({ birthDate: '2000-06-15', entryDate: '2005-09-01' });
    const before = due({ rules: [bvk], members: [m], year: 2018, ceremonyDate: '2018-06-13' });
    expect(before.items).toEqual([]);
    const on = due({ rules: [bvk], members: [m], year: 2018, ceremonyDate: '2018-06-14' });
    expect(on.items.map((i) => [i.level.name.de, i.issuer, i.applyBy])).toEqual([
      ['Verbandsehrennadel in Bronze', 'Blasmusikverband Karlsruhe', '2018-04-19'],
    ]);
    expect(on.complete).toBe(true);
  });

  it('counts from 1 March for an age completed from 29 February in a common year', () => {
    const m = member({ birthDate: '2001-02-28', entryDate: '2005-01-01' });
    const leap = member({ birthDate: '2000-02-29', entryDate: '2005-01-01' });
    // 8th birthdays 2009-02-28 and 2008-02-29: ten years complete at the end of 2019-02-27
    // and — a period from 29 February ends on 28 February (BGB § 188) — of 2018-02-28.
    const on = (ceremonyDate: string) =>
      due({ rules: [bvk], members: [m, leap], year: 2018, ceremonyDate }).items.map(
        (i) => i.memberId,
      );
    expect(on('2018-02-27')).toEqual([]);
    expect(on('2018-02-28')).toEqual([leap.id]);
  });

  it('follows status changes: musicians stop counting when passive, supporting members start', () => {
    const m = member({
      entryDate: '1990-03-01',
      status: 'passiv',
      memberships: [period('aktiv', '1990-03-01', '2005-02-28'), period('passiv', '2005-03-01')],
    });
    // 15 active years: MON bronze reached in 2005, never more.
    const musicians = due({ rules: [monMusicians], members: [m], year: 2030 });
    expect(
      musicians.items.map((i) => [i.level.years, i.activeYears, i.state, i.reachedIn]),
    ).toEqual([[15, 15, 'overdue', 2005]]);
    // Membership years of a member who supports the club now: 60 in 2050, named by the rhythm.
    const supporting = due({ rules: [bdmv], members: [m], year: 2050 });
    expect(supporting.items.map((i) => i.level.name.de)).toEqual([
      'BDMV-Ehrung für 60 Jahre fördernde Mitgliedschaft',
    ]);
    // An active member is no supporting member.
    const active = member({ entryDate: '1990-03-01' });
    expect(due({ rules: [bdmv], members: [active], year: 2050 }).items).toEqual([]);
  });

  it('lists officials and conductors by their function beside their status', () => {
    const m = member({
      entryDate: '2000-01-01',
      memberships: [
        period('aktiv', '2000-01-01'),
        period('vorstand', '2010-05-01'),
        period('dirigent', '2012-01-01'),
      ],
    });
    const list = due({ rules: [monOfficials, monConductors], members: [m], year: 2027 });
    expect(list.items.map((i) => [i.ruleId, i.level.years])).toEqual([
      ['mon.conductors', 15],
      ['mon.officials', 15],
    ]);
  });

  it('takes the cut-off date of the rule: 31 December, counted in calendar years (AMV/SBV)', () => {
    const m = member({ entryDate: '1997-12-31' });
    expect(due({ rules: [amv], members: [m], year: 2021 }).items).toEqual([]);
    const list = due({ rules: [amv], members: [m], year: 2022, ceremonyDate: '2022-03-01' });
    expect(list.items.map((i) => [i.level.name.de, i.cutOff, i.applyBy, i.state])).toEqual([
      ['Kantonaler Veteran AMV', '2022-12-31', '2022-01-31', 'due'],
    ]);
    // Still active when honoured: who left the band gets no veteran's honour.
    const passive = member({
      entryDate: '1990-01-01',
      status: 'passiv',
      memberships: [period('aktiv', '1990-01-01', '2021-06-30'), period('passiv', '2021-07-01')],
    });
    expect(due({ rules: [amv], members: [passive], year: 2022 }).items).toEqual([]);
  });

  it('offers only the highest level reached and nothing already received', () => {
    const m = member({ entryDate: '2001-05-01' });
    const first = due({ rules: [vmbMusicians], members: [m], year: 2027 });
    expect(first.items.map((i) => [i.level.years, i.state, i.reachedIn])).toEqual([
      [25, 'overdue', 2026],
    ]);
    const got = due({
      rules: [vmbMusicians],
      members: [m],
      year: 2027,
      honours: [honour(m, 'vmb-ehrennadel in silber', '2026-05-10')],
    });
    expect(got.items).toEqual([]);
    // A member honoured with a higher level than the history shows is not offered a lower one.
    const higher = due({
      rules: [vmbMusicians],
      members: [m],
      year: 2027,
      honours: [honour(m, 'VMB-Ehrennadel in Gold', '2020-05-10')],
    });
    expect(higher.items).toEqual([]);
  });

  it('lets the next level wait the years the rule asks after the previous one', () => {
    const m = member({ entryDate: '2018-01-01' });
    const list = due({
      rules: [clubPin],
      members: [m],
      year: 2025,
      honours: [honour(m, 'Vereinsnadel Bronze', '2023-03-01')],
    });
    expect(list.items.map((i) => [i.level.name.de, i.state, i.waitsUntil])).toEqual([
      ['Vereinsnadel Silber', 'waiting', 2028],
    ]);
  });

  it('says what it could not compute instead of a shorter list', () => {
    const known = member({ birthDate: '1980-01-01', entryDate: '1990-01-01' });
    const noBirthDate = member({ entryDate: '1990-01-01' });
    const noEntry = member({});
    const hidden = due({
      rules: [bvk, vmbMusicians],
      members: [known],
      year: 2027,
      birthDatesKnown: false,
    });
    expect(hidden.complete).toBe(false);
    expect(hidden.problems).toEqual([{ kind: 'birthDatesHidden', ruleId: 'bvk.musicians' }]);
    expect(hidden.items.map((i) => i.ruleId)).toEqual(['vmb-nrw.musicians']);
    const missing = due({
      rules: [bvk, vmbMusicians],
      members: [noBirthDate, noEntry],
      year: 2027,
    });
    expect(missing.complete).toBe(false);
    expect(missing.problems).toEqual([
      { kind: 'birthDateMissing', ruleId: 'bvk.musicians', memberId: noBirthDate.id },
      { kind: 'birthDateMissing', ruleId: 'bvk.musicians', memberId: noEntry.id },
      { kind: 'startUnknown', ruleId: 'vmb-nrw.musicians', memberId: noEntry.id },
    ]);
  });

  it('keeps a finished period at the same years whatever the year asked (no leap-day jitter)', () => {
    const m = member({
      entryDate: '2000-03-01',
      status: 'passiv',
      memberships: [period('aktiv', '2000-03-01', '2010-02-28'), period('passiv', '2010-03-01')],
    });
    for (let year = 2010; year <= 2030; year++) {
      const items = due({ rules: [vmbMusicians], members: [m], year }).items;
      expect(
        items.map((i) => [i.activeYears, i.reachedIn]),
        String(year),
      ).toEqual([[10, 2010]]);
    }
  });

  it('knows a recorded honour however its name is spaced or hyphenated', () => {
    const m = member({ entryDate: '1990-01-01' });
    for (const kind of [
      'VMB Ehrennadel in Gold',
      'vmb-ehrennadel  in gold',
      'VMB-Ehrennadel in Gold ',
    ])
      expect(
        due({
          rules: [vmbMusicians],
          members: [m],
          year: 2027,
          honours: [honour(m, kind, '2020-05-01')],
        }).items,
        kind,
      ).toEqual([]);
  });

  it('says the list is incomplete when the role sees only some members', () => {
    const m = member({ entryDate: '1990-01-01' });
    const list = due({ rules: [vmbMusicians], members: [m], year: 2027, allMembersVisible: false });
    expect(list.complete).toBe(false);
    expect(list.problems).toEqual([{ kind: 'membersHidden' }]);
  });

  it('leaves out a member the record says has left, even with a history that does not', () => {
    const m = member({
      entryDate: '1990-01-01',
      status: 'ausgetreten',
      exitDate: '2020-06-30',
      memberships: [period('aktiv', '1990-01-01')],
    });
    expect(due({ rules: [vmbMusicians], members: [m], year: 2027 }).items).toEqual([]);
  });

  it('leaves out former members', () => {
    const m = member({ entryDate: '1990-01-01', status: 'ausgetreten', exitDate: '2020-06-30' });
    expect(due({ rules: [vmbMusicians, bdmv], members: [m], year: 2027 }).items).toEqual([]);
  });

  it('every shipped rule names a source and levels in ascending years', () => {
    for (const set of [BDMV, BVK_KARLSRUHE, MON, VMB_NRW, AMV_SBV])
      for (const rule of set.rules) {
        expect(rule.sources.length).toBeGreaterThan(0);
        for (const s of rule.sources) expect(s.url).toMatch(/^https?:\/\//);
        const years = rule.levels.map((l) => l.years);
        expect(years).toEqual([...years].sort((a, b) => a - b));
        expect(new Set(years).size).toBe(years.length);
      }
  });
});
