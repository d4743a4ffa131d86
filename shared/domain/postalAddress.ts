/**
 * A member's postal address as a letter or a label prints it (DIN 5008): the salutation line,
 * the name with title, street, postcode and town, and the country in capitals when it is not
 * Germany. Null when there is no street or town to send anything to.
 */
import type { Member } from './member.ts';

const COUNTRIES: Record<string, string> = {
  AT: 'ÖSTERREICH',
  CH: 'SCHWEIZ',
  LI: 'LIECHTENSTEIN',
  IT: 'ITALIEN',
  FR: 'FRANKREICH',
  NL: 'NIEDERLANDE',
  BE: 'BELGIEN',
  LU: 'LUXEMBURG',
  DK: 'DÄNEMARK',
  PL: 'POLEN',
  CZ: 'TSCHECHIEN',
};

type AddressFields = Pick<
  Member,
  'salutation' | 'title' | 'firstName' | 'lastName' | 'street' | 'postalCode' | 'city' | 'country'
>;

export function postalAddress(m: AddressFields): string[] | null {
  if (!m.street || !m.city) return null;
  const name = [m.title, m.firstName, m.lastName].filter(Boolean).join(' ');
  // In an address, "Herr" is "Herrn" (the accusative of "an Herrn …").
  const salutation = m.salutation === 'Herr' ? 'Herrn' : m.salutation === 'Frau' ? 'Frau' : null;
  return [
    ...(salutation ? [salutation] : []),
    name,
    m.street,
    [m.postalCode, m.city].filter(Boolean).join(' '),
    ...(m.country && m.country !== 'DE' ? [COUNTRIES[m.country] ?? m.country] : []),
  ];
}

/** "Sehr geehrte Frau Meier", "Sehr geehrter Herr Dr. Meier", or by the full name. */
export function letterSalutation(m: AddressFields, language: 'de' | 'en'): string {
  const last = [m.title, m.lastName].filter(Boolean).join(' ');
  if (language === 'en') {
    if (m.salutation === 'Frau') return `Dear Ms ${last}`;
    if (m.salutation === 'Herr') return `Dear Mr ${last}`;
    return `Dear ${[m.firstName, m.lastName].filter(Boolean).join(' ')}`;
  }
  if (m.salutation === 'Frau') return `Sehr geehrte Frau ${last}`;
  if (m.salutation === 'Herr') return `Sehr geehrter Herr ${last}`;
  return `Guten Tag ${[m.firstName, m.lastName].filter(Boolean).join(' ')}`;
}
