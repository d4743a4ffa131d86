import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Member } from '../member.ts';
import { occasionsBetween } from './birthdays.ts';

const consent = [{ purpose: 'birthdays', givenOn: '2020-01-01', source: null, withdrawnOn: null }];

function member(fields: Record<string, unknown>): Member {
  const result = validateRecord('members', {
    id: newId(),
    lastName: 'M',
    status: 'aktiv',
    consents: consent,
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

describe('birthdays and jubilees', () => {
  it('lists round and half-round birthdays and jubilees in the period, by date', () => {
    const anna = member({ birthDate: '1966-03-10', entryDate: '2001-06-01' });
    const bert = member({ birthDate: '1971-03-02', entryDate: '2016-03-05' });
    const cara = member({ birthDate: '1983-03-15' }); // 43: not listed
    const list = occasionsBetween([anna, bert, cara], '2026-03-01', '2026-06-30', true);
    expect(list.occasions).toEqual([
      { memberId: bert.id, date: '2026-03-02', kind: 'birthday', years: 55 },
      { memberId: bert.id, date: '2026-03-05', kind: 'jubilee', years: 10 },
      { memberId: anna.id, date: '2026-03-10', kind: 'birthday', years: 60 },
      { memberId: anna.id, date: '2026-06-01', kind: 'jubilee', years: 25 },
    ]);
    expect(list.withoutConsent).toBe(0);
  });

  it('leaves out members without consent on that day and says how many, and former members', () => {
    const withdrawn = member({
      birthDate: '1966-03-10',
      consents: [
        { purpose: 'birthdays', givenOn: '2020-01-01', source: null, withdrawnOn: '2026-01-01' },
      ],
    });
    const never = member({ birthDate: '1976-03-11', consents: [] });
    const left = member({ birthDate: '1966-03-12', status: 'ausgetreten', exitDate: '2025-01-01' });
    const list = occasionsBetween(
      [withdrawn, never, left],
      '2026-03-01',
      '2026-03-31',
      true,
      '2026-12-07',
    );
    expect(list.occasions).toEqual([]);
    expect(list.withoutConsent).toBe(2);
  });

  it('keeps a 29 February birthday on 28 February in other years', () => {
    const leap = member({ birthDate: '1976-02-29' });
    expect(occasionsBetween([leap], '2026-02-01', '2026-03-31', true).occasions).toEqual([
      { memberId: leap.id, date: '2026-02-28', kind: 'birthday', years: 50 },
    ]);
  });

  it('lists jubilees only where the role sees no birth dates', () => {
    const anna = member({ birthDate: '1966-03-10', entryDate: '2001-03-20' });
    const list = occasionsBetween([anna], '2026-03-01', '2026-03-31', false);
    expect(list.occasions.map((o) => o.kind)).toEqual(['jubilee']);
    expect(list.birthdaysKnown).toBe(false);
  });

  it('lists every occasion exactly once, whatever the period', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 800 }),
        (birth, offset, length) => {
          const m = member({ birthDate: birth.toISOString().slice(0, 10) });
          const start = new Date(Date.UTC(2026, 0, 1 + offset));
          const end = new Date(start.getTime() + length * 86_400_000);
          const from = start.toISOString().slice(0, 10);
          const to = end.toISOString().slice(0, 10);
          const all = occasionsBetween([m], from, to, true).occasions;
          for (const o of all) {
            expect(o.date >= from && o.date <= to).toBe(true);
            expect(o.years % 5).toBe(0);
          }
          expect(new Set(all.map((o) => o.date)).size).toBe(all.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
