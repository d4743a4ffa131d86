/**
 * The club's own record: what letters, reports and the federation report print about the club.
 * There is exactly one per club, under a fixed id, so two devices that fill it in offline edit
 * the same record and their fields merge like any other record's.
 */
import { z } from 'zod';
import { optionalCalendarDate, optionalText, optionalUuid, requiredText, uuid } from './fields.ts';
import { ownHonourList, ruleSetIdList } from './honours/ownHonours.ts';

export const CLUB_RECORD_ID = '00000000-0000-4000-8000-000000000001';

/** A SEPA creditor identifier ("Gläubiger-ID", DE98ZZZ09999999999) with its check digits. */
export function creditorIdProblem(value: string): string | null {
  const id = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id)) return 'validation.creditorId';
  // ISO 7064 MOD 97-10 over the national part, the country and "00"; the business code is skipped.
  const digits = `${id.slice(7)}${id.slice(0, 2)}00`.replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return String(98 - rest).padStart(2, '0') === id.slice(2, 4) ? null : 'validation.creditorId';
}

export const federationSchema = z.object({
  name: requiredText(150),
  /** The club's number at this federation. */
  number: optionalText(50),
});

export const clubSchema = z
  .object({
    id: uuid.refine((id) => id === CLUB_RECORD_ID, { error: 'validation.invalidId' }),
    name: requiredText(150),
    street: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(100),
    country: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : 'DE'),
      z.string().regex(/^[A-Z]{2}$/, { error: 'validation.countryCode' }),
    ),
    federations: z.preprocess((v) => v ?? [], z.array(federationSchema).max(10)),
    foundedOn: optionalCalendarDate,
    /** The date the tax office's notice of charitable status runs out (Freistellungsbescheid). */
    charitableUntil: optionalCalendarDate,
    chairId: optionalUuid,
    conductorIds: z.preprocess((v) => v ?? [], z.array(uuid).max(10)),
    youthLeaderId: optionalUuid,
    sepaCreditorId: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/\s/g, '').toUpperCase() || null : (v ?? null)),
      z.string().max(35, { error: 'validation.tooLong' }).nullable(),
    ),
    /** The federations' honour rules the club follows (ids of `RULE_SETS`). */
    honourRuleSets: ruleSetIdList,
    /** The club's own honours. */
    ownHonours: ownHonourList,
  })
  .superRefine((c, ctx) => {
    if (c.sepaCreditorId) {
      const problem = creditorIdProblem(c.sepaCreditorId);
      if (problem) ctx.addIssue({ code: 'custom', path: ['sepaCreditorId'], message: problem });
    }
  });

export type Club = z.output<typeof clubSchema>;
