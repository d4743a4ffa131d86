/**
 * Reusable zod field types. Their messages are keys of shared/messages (`validation.*`), said
 * in the UI's language where they are shown. Empty form fields arrive as '' and are stored as
 * null.
 */
import './zodSetup.ts';
import { electronicFormatIBAN, ValidationErrorsIBAN, validateBIC, validateIBAN } from 'ibantools';
import { z } from 'zod';
import { isCalendarDate } from './dates.ts';

function emptyToNull(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  return value === undefined ? null : value;
}

/** A field that holds nothing: missing, null, '', false or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

export const uuid = z.string().uuid({ error: 'validation.invalidId' });

/**
 * A NUL character cannot be stored by the server's database (PostgreSQL text and jsonb refuse
 * it): refused here with a message, so it never turns into a server error on every retry.
 */
const NO_NUL = {
  check: (s: string) => !s.includes('\u0000'),
  error: 'validation.nul',
};
export const optionalUuid = z.preprocess(emptyToNull, uuid.nullable());

export function requiredText(max = 200) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(max, { error: 'validation.tooLong' })
      .refine(NO_NUL.check, { error: NO_NUL.error }),
  );
}

export function optionalText(max = 200) {
  return z.preprocess(
    emptyToNull,
    z
      .string()
      .max(max, { error: 'validation.tooLong' })
      .refine(NO_NUL.check, { error: NO_NUL.error })
      .nullable(),
  );
}

const calendarDateString = z.string().refine(isCalendarDate, { error: 'validation.date' });

export const calendarDate = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string({ error: 'validation.dateRequired' }).pipe(calendarDateString),
);
export const optionalCalendarDate = z.preprocess(emptyToNull, calendarDateString.nullable());

const EMAIL_MESSAGE = 'validation.email';
const strictEmail = z.email({ error: EMAIL_MESSAGE });

export const optionalEmail = z.preprocess((v) => {
  const n = emptyToNull(v);
  return typeof n === 'string' ? n.toLowerCase() : n;
}, strictEmail.nullable());

/** The message key for an e-mail address, or null when it is valid. */
export function emailProblem(email: string): string | null {
  return strictEmail.safeParse(email).success ? null : EMAIL_MESSAGE;
}

/**
 * An e-mail address as written, checked by the record's own rules (see `reviewable` in
 * member.ts): one kept from an import as the source had it is stored and flagged for review.
 */
export const lenientEmail = z.preprocess((v) => {
  const n = emptyToNull(v);
  return typeof n === 'string' ? n.toLowerCase() : n;
}, z
  .string()
  .max(254, { error: 'validation.tooLong' })
  .refine(NO_NUL.check, { error: NO_NUL.error })
  .nullable());

/** What a phone number may hold: digits, spaces and + ( ) / -. */
export const PHONE_PATTERN = /^\+?[0-9 ()/-]{3,30}$/;

export const optionalPhone = z.preprocess(
  emptyToNull,
  z
    .string()
    .regex(PHONE_PATTERN, {
      error: 'validation.phone',
    })
    .nullable(),
);

/** Money in integer cents; never floats. */
export function optionalCents() {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .number({ error: 'validation.amount' })
      .int({ error: 'validation.amountCents' })
      .min(0, { error: 'validation.amountNegative' })
      .max(100_000_000_00, { error: 'validation.amountTooHigh' })
      .nullable(),
  );
}

const IBAN_MESSAGES: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'validation.iban.country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'validation.iban.length',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'validation.iban.format',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'validation.iban.checkDigitsMissing',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'validation.iban.checksum',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'validation.iban.accountChecksum',
};

/** The message key for an IBAN, or null when it is valid. */
export function ibanProblem(iban: string): string | null {
  const normalized = electronicFormatIBAN(iban) ?? '';
  const result = validateIBAN(normalized);
  if (result.valid) return null;
  for (const code of result.errorCodes) {
    const message = IBAN_MESSAGES[code];
    if (message) return message;
  }
  return 'validation.iban.invalid';
}

/** IBAN stored in electronic format (no spaces, upper case); checked by its check digits. */
export const optionalIban = z.preprocess(
  (v) => {
    const n = emptyToNull(v);
    return typeof n === 'string' ? (electronicFormatIBAN(n) ?? n) : n;
  },
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = ibanProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable(),
);

/** An IBAN in electronic format, its check left to the record's rules (see `lenientEmail`). */
export const lenientIban = z.preprocess((v) => {
  const n = emptyToNull(v);
  return typeof n === 'string'
    ? (electronicFormatIBAN(n) ?? n.replace(/\s/g, '').toUpperCase())
    : n;
}, z
  .string()
  .max(50, { error: 'validation.tooLong' })
  .refine(NO_NUL.check, { error: NO_NUL.error })
  .nullable());

const BIC_MESSAGE = 'validation.bic';

/** The message key for a BIC, or null when it is valid. */
export function bicProblem(bic: string): string | null {
  return validateBIC(bic).valid ? null : BIC_MESSAGE;
}

/** A BIC without spaces in capitals, its check left to the record's rules. */
export const lenientBic = z.preprocess((v) => {
  const n = emptyToNull(v);
  return typeof n === 'string' ? n.replace(/\s/g, '').toUpperCase() : n;
}, z
  .string()
  .max(20, { error: 'validation.tooLong' })
  .refine(NO_NUL.check, { error: NO_NUL.error })
  .nullable());

export const optionalBic = z.preprocess(
  (v) => {
    const n = emptyToNull(v);
    return typeof n === 'string' ? n.replace(/\s/g, '').toUpperCase() : n;
  },
  z
    .string()
    .refine((b) => validateBIC(b).valid, { error: BIC_MESSAGE })
    .nullable(),
);

export const flag = z.preprocess((v) => (v === undefined || v === null ? false : v), z.boolean());

/** Postal codes: five digits in Germany, four in Austria, Switzerland and Liechtenstein. */
export const POSTAL_CODE_PATTERNS: Record<string, RegExp> = {
  DE: /^\d{5}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
  LI: /^\d{4}$/,
};

export function postalCodeProblem(postalCode: string, country: string | null): string | null {
  const pattern = POSTAL_CODE_PATTERNS[country ?? 'DE'];
  if (!pattern || pattern.test(postalCode)) return null;
  return country === null || country === 'DE' ? 'validation.postalCode5' : 'validation.postalCode4';
}
