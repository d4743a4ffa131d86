/**
 * Loans past their due date (issue #24, start page): instruments lent and not back by the day
 * agreed. A loan without a due date is never overdue — the club lent it open-ended.
 */
import type { Loan } from '../loan.ts';

export function overdueLoans(loans: Iterable<Loan>, today: string): Loan[] {
  const overdue: Loan[] = [];
  for (const loan of loans) {
    if (loan.returnedOn === null && loan.dueOn !== null && loan.dueOn < today) overdue.push(loan);
  }
  return overdue.sort((a, b) => a.dueOn!.localeCompare(b.dueOn!));
}
