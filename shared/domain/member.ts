import { z } from 'zod';
import {
  flag,
  optionalBic,
  optionalCalendarDate,
  optionalEmail,
  optionalIban,
  optionalPhone,
  optionalText,
  optionalUuid,
  postalCodeProblem,
  requiredText,
  uuid,
} from './fields.ts';

export const MEMBER_STATUSES = [
  'aktiv',
  'passiv',
  'ehrenmitglied',
  'jugend',
  'ausgetreten',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const SALUTATIONS = ['Frau', 'Herr', 'Divers'] as const;

/** Fields only roles with access to sensitive data may read (DESIGN.md "Domain"). */
export const MEMBER_SENSITIVE_FIELDS = [
  'iban',
  'bic',
  'accountHolder',
  'sepaMandateReference',
  'sepaMandateDate',
  'feeExempt',
  'birthDate',
] as const;

export const memberSchema = z
  .object({
    id: uuid,
    memberNumber: optionalText(20),
    salutation: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(SALUTATIONS, { error: 'Bitte eine Anrede aus der Liste wählen.' }).nullable(),
    ),
    title: optionalText(50),
    firstName: requiredText('den Vornamen', 100),
    lastName: requiredText('den Nachnamen', 100),
    street: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(100),
    country: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : 'DE'),
      z.string().regex(/^[A-Z]{2}$/, { error: 'Ländercode mit zwei Buchstaben, z. B. DE.' }),
    ),
    phone: optionalPhone,
    mobile: optionalPhone,
    email: optionalEmail,
    birthDate: optionalCalendarDate,
    entryDate: optionalCalendarDate,
    exitDate: optionalCalendarDate,
    status: z.enum(MEMBER_STATUSES, { error: 'Bitte einen Status wählen.' }),
    registerIds: z.preprocess((v) => v ?? [], z.array(uuid).max(20)),
    mainInstrument: optionalText(100),
    notes: optionalText(5000),
    householdId: optionalUuid,
    consentPhotos: flag,
    consentNewsletter: flag,
    iban: optionalIban,
    bic: optionalBic,
    accountHolder: optionalText(140),
    sepaMandateReference: optionalText(35),
    sepaMandateDate: optionalCalendarDate,
    feeExempt: flag,
  })
  .superRefine((m, ctx) => {
    if (m.postalCode) {
      const problem = postalCodeProblem(m.postalCode, m.country);
      if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
    }
    if (m.entryDate && m.exitDate && m.exitDate < m.entryDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitDate'],
        message: 'Das Austrittsdatum darf nicht vor dem Eintrittsdatum liegen.',
      });
    }
    if (m.birthDate && m.entryDate && m.entryDate < m.birthDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['entryDate'],
        message: 'Das Eintrittsdatum liegt vor dem Geburtsdatum.',
      });
    }
    if (m.status === 'ausgetreten' && !m.exitDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitDate'],
        message: 'Bei Status „ausgetreten“ bitte das Austrittsdatum angeben.',
      });
    }
    if (m.sepaMandateReference && !m.iban) {
      ctx.addIssue({
        code: 'custom',
        path: ['iban'],
        message: 'Für ein SEPA-Mandat wird eine IBAN gebraucht.',
      });
    }
    if (new Set(m.registerIds).size !== m.registerIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['registerIds'],
        message: 'Ein Register ist doppelt zugeordnet.',
      });
    }
  });

export type Member = z.output<typeof memberSchema>;
