import { z } from 'zod';
import { sensitiveFieldsIn } from './catalogue/index.ts';
import { consentList } from './consents.ts';
import { isCalendarDate } from './dates.ts';
import {
  bicProblem,
  emailProblem,
  flag,
  ibanProblem,
  lenientBic,
  lenientEmail,
  lenientIban,
  optionalCalendarDate,
  optionalPhone,
  optionalText,
  optionalUuid,
  postalCodeProblem,
  uuid,
} from './fields.ts';
import { importedValues, LONG_TEXT_MAX } from './importedValues.ts';
import { membershipList } from './memberships.ts';

export const MEMBER_STATUSES = [
  'aktiv',
  'passiv',
  'ehrenmitglied',
  'jugend',
  'ausgetreten',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const SALUTATIONS = ['Frau', 'Herr', 'Divers'] as const;

/** Stated, never derived from the salutation: w(eiblich), m(ännlich), d(ivers). */
export const GENDERS = ['w', 'm', 'd'] as const;

/** Fields only roles with access to sensitive data may read (DESIGN.md "Domain"); see the catalogue. */
export const MEMBER_SENSITIVE_FIELDS: readonly string[] = sensitiveFieldsIn('members');

/**
 * Fields whose value may be kept as the source had it although a rule refuses it (an IBAN with
 * a wrong check digit, a four-digit postal code abroad, an e-mail address with umlauts): the
 * record then names the field in `review` (or, for bank data, in the sensitive
 * `reviewSensitive`), the rule is not applied to it, and the UI asks a person to look at it.
 * A value changed by hand is checked again (`settleReview`).
 */
export const REVIEWABLE_FIELDS = ['postalCode', 'email', 'entryDate'] as const;
export const REVIEWABLE_SENSITIVE_FIELDS = ['iban', 'bic', 'sepaMandateReference'] as const;
export type ReviewableField =
  | (typeof REVIEWABLE_FIELDS)[number]
  | (typeof REVIEWABLE_SENSITIVE_FIELDS)[number];

const reviewList = <T extends readonly [string, ...string[]]>(fields: T) =>
  z.preprocess(
    (v) => v ?? [],
    z
      .array(z.enum(fields))
      .max(fields.length)
      .transform((list) => [...new Set(list)].sort()),
  );

export const memberSchema = z
  .object({
    id: uuid,
    memberNumber: optionalText(20),
    salutation: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(SALUTATIONS, { error: 'validation.choose.salutation' }).nullable(),
    ),
    title: optionalText(50),
    gender: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(GENDERS, { error: 'validation.choose.gender' }).nullable(),
    ),
    // Organisations and sponsors have no first name, some old rows only a first name: one of
    // the two is required (see below), never a placeholder.
    firstName: optionalText(100),
    lastName: optionalText(100),
    street: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(100),
    country: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : 'DE'),
      z.string().regex(/^[A-Z]{2}$/, { error: 'validation.countryCode' }),
    ),
    phone: optionalPhone,
    mobile: optionalPhone,
    email: lenientEmail,
    birthDate: optionalCalendarDate,
    entryDate: optionalCalendarDate,
    exitDate: optionalCalendarDate,
    status: z.enum(MEMBER_STATUSES, { error: 'validation.choose.status' }),
    registerIds: z.preprocess((v) => v ?? [], z.array(uuid).max(20)),
    mainInstrument: optionalText(100),
    notes: optionalText(LONG_TEXT_MAX),
    householdId: optionalUuid,
    consentPhotos: flag,
    consentNewsletter: flag,
    consents: consentList,
    memberships: membershipList,
    iban: lenientIban,
    bic: lenientBic,
    accountHolder: optionalText(140),
    sepaMandateReference: optionalText(35),
    sepaMandateDate: optionalCalendarDate,
    feeExempt: flag,
    importedValues,
    review: reviewList(REVIEWABLE_FIELDS),
    reviewSensitive: reviewList(REVIEWABLE_SENSITIVE_FIELDS),
  })
  .superRefine((m, ctx) => {
    const flagged = (field: ReviewableField) =>
      (m.review as readonly string[]).includes(field) ||
      (m.reviewSensitive as readonly string[]).includes(field);
    const check = (field: ReviewableField, problem: string | null) => {
      if (problem && !flagged(field))
        ctx.addIssue({ code: 'custom', path: [field], message: problem });
    };
    if (!m.firstName && !m.lastName) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastName'],
        message: 'validation.member.name',
      });
    }
    if (m.email) check('email', emailProblem(m.email));
    if (m.iban) check('iban', ibanProblem(m.iban));
    if (m.bic) check('bic', bicProblem(m.bic));
    if (m.postalCode) {
      check('postalCode', postalCodeProblem(m.postalCode, m.country));
    }
    // Rules across fields compare only dates that are dates: "31.02.1985" is reported at its
    // own field, not as a contradiction with another.
    const date = (value: string | null) => (value && isCalendarDate(value) ? value : null);
    const birthDate = date(m.birthDate);
    const entryDate = date(m.entryDate);
    const exitDate = date(m.exitDate);
    if (entryDate && exitDate && exitDate < entryDate && !flagged('entryDate')) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitDate'],
        message: 'validation.member.exitBeforeEntry',
      });
    }
    if (birthDate && entryDate && entryDate < birthDate) {
      check('entryDate', 'validation.member.entryBeforeBirth');
    }
    if (m.status === 'ausgetreten' && !m.exitDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitDate'],
        message: 'validation.member.exitDateMissing',
      });
    }
    if (m.sepaMandateReference && !m.iban && !flagged('sepaMandateReference')) {
      ctx.addIssue({
        code: 'custom',
        path: ['iban'],
        message: 'validation.member.mandateWithoutIban',
      });
    }
    if (new Set(m.registerIds).size !== m.registerIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['registerIds'],
        message: 'validation.member.registerTwice',
      });
    }
  });

export type Member = z.output<typeof memberSchema>;

/**
 * The review flags after a person edited the record: a flag goes when its field's value was
 * changed (the rules apply to what a person typed) or when the value now passes the rules
 * (a four-digit postal code once the country says AT).
 */
export function settleReview(
  before: Pick<Member, ReviewableField> | null,
  after: Record<string, unknown>,
): { review: string[]; reviewSensitive: string[] } {
  // As the schema stores them: a form shows an IBAN with spaces, an address in any case.
  const normal = (field: string, value: unknown) => {
    if (typeof value !== 'string') return value ?? null;
    const text = value.trim();
    if (text === '') return null;
    if (field === 'iban' || field === 'bic') return text.replace(/\s/g, '').toUpperCase();
    return field === 'email' ? text.toLowerCase() : text;
  };
  const keep = (field: string) => {
    if (before && normal(field, before[field as ReviewableField]) !== normal(field, after[field]))
      return false;
    const without = { ...after, review: [], reviewSensitive: [] };
    const parsed = memberSchema.safeParse(without);
    return !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === field);
  };
  const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
  return {
    review: list(after.review).filter(keep),
    reviewSensitive: list(after.reviewSensitive).filter(keep),
  };
}

type Named = { firstName?: unknown; lastName?: unknown } | Record<string, unknown>;
const part = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** "Meier, Anna" — or "Musikhaus Klang" for a member without a first name. */
export function memberSortName(m: Named): string {
  const first = part(m.firstName);
  return first ? `${part(m.lastName)}, ${first}` : part(m.lastName);
}

/** "Anna Meier" — or "Musikhaus Klang" for a member without a first name. */
export function memberDisplayName(m: Named): string {
  return [part(m.firstName), part(m.lastName)].filter(Boolean).join(' ');
}
