/**
 * Reusable zod field types with German messages a club secretary can act on.
 * Empty form fields arrive as '' and are stored as null.
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

export const uuid = z.string().uuid({ error: 'Ungültige Kennung.' });

/**
 * A NUL character cannot be stored by the server's database (PostgreSQL text and jsonb refuse
 * it): refused here with a message, so it never turns into a server error on every retry.
 */
const NO_NUL = {
  check: (s: string) => !s.includes('\u0000'),
  error: 'Der Text enthält ein unsichtbares Steuerzeichen (NUL); bitte neu eingeben.',
};
export const optionalUuid = z.preprocess(emptyToNull, uuid.nullable());

export function requiredText(label: string, max = 200) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: `Bitte ${label} angeben.` })
      .min(1, { error: `Bitte ${label} angeben.` })
      .max(max, { error: `${label} ist zu lang (höchstens ${max} Zeichen).` })
      .refine(NO_NUL.check, { error: NO_NUL.error }),
  );
}

export function optionalText(max = 200) {
  return z.preprocess(
    emptyToNull,
    z
      .string()
      .max(max, { error: `Höchstens ${max} Zeichen.` })
      .refine(NO_NUL.check, { error: NO_NUL.error })
      .nullable(),
  );
}

const calendarDateString = z
  .string()
  .refine(isCalendarDate, { error: 'Bitte ein gültiges Datum als TT.MM.JJJJ eingeben.' });

export const calendarDate = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string({ error: 'Bitte ein Datum angeben.' }).pipe(calendarDateString),
);
export const optionalCalendarDate = z.preprocess(emptyToNull, calendarDateString.nullable());

const EMAIL_MESSAGE = 'Die E-Mail-Adresse ist ungültig (Beispiel: name@beispiel.de).';
const strictEmail = z.email({ error: EMAIL_MESSAGE });

export const optionalEmail = z.preprocess((v) => {
  const n = emptyToNull(v);
  return typeof n === 'string' ? n.toLowerCase() : n;
}, strictEmail.nullable());

/** German message for an e-mail address, or null when it is valid. */
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
  .max(254, { error: 'Höchstens 254 Zeichen.' })
  .refine(NO_NUL.check, { error: NO_NUL.error })
  .nullable());

/** What a phone number may hold: digits, spaces and + ( ) / -. */
export const PHONE_PATTERN = /^\+?[0-9 ()/-]{3,30}$/;

export const optionalPhone = z.preprocess(
  emptyToNull,
  z
    .string()
    .regex(PHONE_PATTERN, {
      error: 'Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten.',
    })
    .nullable(),
);

/** Money in integer cents; never floats. */
export function optionalCents(label: string) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .number({ error: `${label}: bitte einen Betrag in Euro angeben.` })
      .int({ error: `${label}: Betrag in ganzen Cent erwartet.` })
      .min(0, { error: `${label} darf nicht negativ sein.` })
      .max(100_000_000_00, { error: `${label} ist unrealistisch hoch.` })
      .nullable(),
  );
}

const IBAN_MESSAGES: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'Die IBAN ist ungültig: unbekannter Ländercode.',
  [ValidationErrorsIBAN.WrongBBANLength]: 'Die IBAN ist ungültig: falsche Länge für dieses Land.',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'Die IBAN ist ungültig: Aufbau stimmt nicht.',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'Die IBAN ist ungültig: Prüfziffern fehlen.',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'Die IBAN ist ungültig: Prüfsumme stimmt nicht.',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]:
    'Die IBAN ist ungültig: Prüfziffer der Kontonummer stimmt nicht.',
};

/** German message for an IBAN, or null when it is valid. */
export function ibanProblem(iban: string): string | null {
  const normalized = electronicFormatIBAN(iban) ?? '';
  const result = validateIBAN(normalized);
  if (result.valid) return null;
  for (const code of result.errorCodes) {
    const message = IBAN_MESSAGES[code];
    if (message) return message;
  }
  return 'Die IBAN ist ungültig.';
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
  .max(50, { error: 'Höchstens 50 Zeichen.' })
  .refine(NO_NUL.check, { error: NO_NUL.error })
  .nullable());

const BIC_MESSAGE = 'Die BIC ist ungültig (8 oder 11 Zeichen, z. B. GENODEF1ABC).';

/** German message for a BIC, or null when it is valid. */
export function bicProblem(bic: string): string | null {
  return validateBIC(bic).valid ? null : BIC_MESSAGE;
}

/** A BIC without spaces in capitals, its check left to the record's rules. */
export const lenientBic = z.preprocess((v) => {
  const n = emptyToNull(v);
  return typeof n === 'string' ? n.replace(/\s/g, '').toUpperCase() : n;
}, z
  .string()
  .max(20, { error: 'Höchstens 20 Zeichen.' })
  .refine(NO_NUL.check, { error: NO_NUL.error })
  .nullable());

export const optionalBic = z.preprocess(
  (v) => {
    const n = emptyToNull(v);
    return typeof n === 'string' ? n.replace(/\s/g, '').toUpperCase() : n;
  },
  z
    .string()
    .refine((b) => validateBIC(b).valid, {
      error: 'Die BIC ist ungültig (8 oder 11 Zeichen, z. B. GENODEF1ABC).',
    })
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
  return country === null || country === 'DE'
    ? 'Die Postleitzahl muss aus fünf Ziffern bestehen.'
    : 'Die Postleitzahl muss aus vier Ziffern bestehen.';
}
