/**
 * A member's consents (DSGVO Art. 7): for each purpose when and how it was given and, if so,
 * when it was withdrawn. A withdrawal ends an entry rather than removing it, and giving it again
 * adds a new one, so the list is the history a club must be able to show.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.ts';
import { optionalCalendarDate, optionalText } from './fields.ts';

export const CONSENT_PURPOSES = ['photos', 'newsletter', 'birthdays', 'federation'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const consentSchema = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES, { error: 'validation.choose.consentPurpose' }),
    /** Unknown for consents taken over from the earlier yes/no fields. */
    givenOn: optionalCalendarDate,
    /** How it was given: "Beitrittserklärung", "E-Mail vom 3. 5.". */
    source: optionalText(200),
    withdrawnOn: optionalCalendarDate,
  })
  .superRefine((c, ctx) => {
    if (c.givenOn && c.withdrawnOn && isCalendarDate(c.givenOn) && c.withdrawnOn < c.givenOn)
      ctx.addIssue({
        code: 'custom',
        path: ['withdrawnOn'],
        message: 'validation.consent.withdrawnBeforeGiven',
      });
  });
export type Consent = z.output<typeof consentSchema>;

export const consentList = z.preprocess((v) => v ?? [], z.array(consentSchema).max(100));

/** Whether the member agrees to `purpose` on `day` (an entry given and not withdrawn by then). */
export function consents(list: readonly Consent[], purpose: ConsentPurpose, day?: string): boolean {
  return list.some(
    (c) =>
      c.purpose === purpose &&
      (!day || !c.givenOn || c.givenOn <= day) &&
      (!c.withdrawnOn || (day !== undefined && c.withdrawnOn > day)),
  );
}
