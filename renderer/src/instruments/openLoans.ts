import type { Loan } from '../../../shared/domain/loan.ts';

/** instrument id → its open loan. At most one per instrument: the core enforces it. */
export function openLoansByInstrument(loans: Iterable<Loan>): Map<string, Loan> {
  const open = new Map<string, Loan>();
  for (const loan of loans) if (loan.returnedOn === null) open.set(loan.instrumentId, loan);
  return open;
}
