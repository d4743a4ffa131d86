/**
 * What each kind of record is called, one and several, in both languages: the UI's lists and
 * journal, the import wizard and its report, the command line. Texts under
 * `entities.<entity>.one` and `.other`.
 */
import type { Words } from './fieldDefinition.ts';

export const ENTITY_WORDS: Record<string, { one: Words; other: Words }> = {
  members: { one: { de: 'Mitglied', en: 'Member' }, other: { de: 'Mitglieder', en: 'Members' } },
  registers: { one: { de: 'Register', en: 'Section' }, other: { de: 'Register', en: 'Sections' } },
  instruments: {
    one: { de: 'Instrument', en: 'Instrument' },
    other: { de: 'Instrumente', en: 'Instruments' },
  },
  loans: { one: { de: 'Ausleihe', en: 'Loan' }, other: { de: 'Ausleihen', en: 'Loans' } },
  maintenance: {
    one: { de: 'Wartung', en: 'Maintenance' },
    other: { de: 'Wartungen', en: 'Maintenance entries' },
  },
  events: { one: { de: 'Termin', en: 'Event' }, other: { de: 'Termine', en: 'Events' } },
  attendance: {
    one: { de: 'Anwesenheit', en: 'Attendance' },
    other: { de: 'Anwesenheiten', en: 'Attendance entries' },
  },
  honours: { one: { de: 'Ehrung', en: 'Honour' }, other: { de: 'Ehrungen', en: 'Honours' } },
  club: {
    one: { de: 'Vereinsdaten', en: 'Club details' },
    other: { de: 'Vereinsdaten', en: 'Club details' },
  },
};

export const entityKey = (entity: string, number: 'one' | 'other' = 'other') =>
  `entities.${entity}.${number}`;
