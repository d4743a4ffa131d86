import { z } from 'zod';
import { isCalendarDate } from './dates.ts';
import { calendarDate, optionalCalendarDate, optionalText, uuid } from './fields.ts';
import { importedValues, LONG_TEXT_MAX } from './importedValues.ts';

export const loanSchema = z
  .object({
    id: uuid,
    instrumentId: z.string({ error: 'validation.choose.instrument' }).pipe(uuid),
    memberId: z.string({ error: 'validation.choose.member' }).pipe(uuid),
    issuedOn: calendarDate,
    dueOn: optionalCalendarDate,
    returnedOn: optionalCalendarDate,
    notes: optionalText(LONG_TEXT_MAX),
    importedValues,
  })
  .superRefine((l, ctx) => {
    // Only dates that are dates are compared (an invalid one is reported at its own field).
    const valid = (value: string | null | undefined) =>
      typeof value === 'string' && isCalendarDate(value);
    if (!valid(l.issuedOn)) return;
    if (valid(l.returnedOn) && l.returnedOn! < l.issuedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['returnedOn'],
        message: 'validation.loan.returnBeforeIssue',
      });
    }
    if (valid(l.dueOn) && l.dueOn! < l.issuedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueOn'],
        message: 'validation.loan.dueBeforeIssue',
      });
    }
  });

export type Loan = z.output<typeof loanSchema>;
