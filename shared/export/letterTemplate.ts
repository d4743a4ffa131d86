/**
 * The fields a serial letter's text may hold — `{{vorname}}`, `{{nachname}}`, … (in English
 * `{{firstName}}` … as well) — and the text with a member's values filled in. A field the
 * template names that does not exist is reported, never printed as it stands.
 */
import type { Member } from '../domain/member.ts';

export const LETTER_FIELDS = {
  anrede: 'salutation',
  vorname: 'firstName',
  nachname: 'lastName',
  name: 'fullName',
  strasse: 'street',
  plz: 'postalCode',
  ort: 'city',
  mitgliedsnummer: 'memberNumber',
  verein: 'club',
} as const;
type FieldName = keyof typeof LETTER_FIELDS;
type EnglishName = (typeof LETTER_FIELDS)[FieldName];

/** Everything between double braces is meant as a field, also "{{ }}" or "{{vor name}}". */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

function fieldOf(name: string): FieldName | null {
  const key = name.trim().toLowerCase();
  if (key in LETTER_FIELDS) return key as FieldName;
  const german = (Object.keys(LETTER_FIELDS) as FieldName[]).find(
    (g) => LETTER_FIELDS[g].toLowerCase() === key,
  );
  return german ?? null;
}

/** The fields a template may name, written as in a template, in the given language. */
export function letterFieldList(language: 'de' | 'en'): string {
  const names =
    language === 'en' ? Object.values(LETTER_FIELDS) : (Object.keys(LETTER_FIELDS) as string[]);
  return names.map((n) => `{{${n}}}`).join(', ');
}

/** The placeholders of a template that name no field. */
export function unknownLetterFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[0]!)
    .filter((whole, i, all) => fieldOf(whole.slice(2, -2)) === null && all.indexOf(whole) === i);
}

export function fillLetter(
  template: string,
  member: Pick<
    Member,
    'firstName' | 'lastName' | 'street' | 'postalCode' | 'city' | 'memberNumber'
  >,
  values: { salutation: string; club: string },
): string {
  const value: Record<EnglishName, string> = {
    salutation: values.salutation,
    firstName: member.firstName ?? '',
    lastName: member.lastName ?? '',
    fullName: [member.firstName, member.lastName].filter(Boolean).join(' '),
    street: member.street ?? '',
    postalCode: member.postalCode ?? '',
    city: member.city ?? '',
    memberNumber: member.memberNumber ?? '',
    club: values.club,
  };
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const field = fieldOf(name);
    return field ? value[LETTER_FIELDS[field]] : whole;
  });
}
