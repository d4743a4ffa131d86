import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Loan } from '../loan.ts';
import { overdueLoans } from './overdueLoans.ts';

const TODAY = '2026-04-15';

function loan(fields: Record<string, unknown>): Loan {
  const result = validateRecord('loans', {
    id: newId(),
    instrumentId: newId(),
    memberId: newId(),
    issuedOn: '2025-09-01',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

describe('overdue loans', () => {
  it('lists loans not back by their due date, the longest overdue first', () => {
    const yesterday = loan({ dueOn: '2026-04-14' });
    const lastSummer = loan({ dueOn: '2025-07-31', issuedOn: '2024-09-01' });
    const january = loan({ dueOn: '2026-01-31' });
    expect(overdueLoans([yesterday, lastSummer, january], TODAY)).toEqual([
      lastSummer,
      january,
      yesterday,
    ]);
  });

  it('does not list a loan due today: it may still come back today', () => {
    expect(overdueLoans([loan({ dueOn: TODAY })], TODAY)).toEqual([]);
  });

  it('does not list a loan due later', () => {
    expect(overdueLoans([loan({ dueOn: '2026-04-16' })], TODAY)).toEqual([]);
  });

  it('does not list a returned loan, even one returned late', () => {
    const returnedLate = loan({ dueOn: '2025-12-31', returnedOn: '2026-02-01' });
    const returnedEarly = loan({ dueOn: '2025-12-31', returnedOn: '2025-12-01' });
    expect(overdueLoans([returnedLate, returnedEarly], TODAY)).toEqual([]);
  });

  it('never lists a loan without a due date: the club lent it open-ended', () => {
    expect(overdueLoans([loan({ issuedOn: '1999-01-01' })], TODAY)).toEqual([]);
  });

  it('reads any iterable of loans, not only an array', () => {
    const overdue = loan({ dueOn: '2026-01-01' });
    const loans = new Map([[overdue.id, overdue]]);
    expect(overdueLoans(loans.values(), TODAY)).toEqual([overdue]);
  });

  it('lists exactly the open loans due before today, in order of due date (property)', () => {
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ due: fc.option(day), returned: fc.option(day) }), { maxLength: 15 }),
        (rows) => {
          const loans = rows.map((r) =>
            loan({ issuedOn: '2024-12-31', dueOn: r.due, returnedOn: r.returned }),
          );
          const listed = overdueLoans(loans, TODAY);
          const expected = loans.filter(
            (l) => l.returnedOn === null && l.dueOn !== null && l.dueOn < TODAY,
          );
          expect(new Set(listed)).toEqual(new Set(expected));
          expect(listed).toHaveLength(expected.length);
          for (let i = 1; i < listed.length; i++)
            expect(listed[i - 1]!.dueOn! <= listed[i]!.dueOn!).toBe(true);
        },
      ),
    );
  });
});
