import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../shared/domain/entities.ts';
import { newId } from '../../shared/domain/ids.ts';
import { type ExportData, exportTable } from './exportTables.ts';

function record<E extends 'members' | 'registers' | 'instruments' | 'loans'>(
  entity: E,
  draft: Record<string, unknown>,
) {
  const result = validateRecord(entity, { id: newId(), ...draft });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const blech = record('registers', { name: 'Blech', sortOrder: 1 });
const anna = record('members', {
  firstName: 'Anna',
  lastName: 'Bläser',
  status: 'ehrenmitglied',
  registerIds: [blech.id],
  birthDate: '1970-03-01',
  consentPhotos: true,
  iban: 'DE89370400440532013000',
});
const trumpet = record('instruments', {
  inventoryNumber: 'T-01',
  kind: 'Trompete',
  purchasePriceCents: 125050,
  condition: 'reparaturbedürftig',
});
const loan = record('loans', {
  instrumentId: trumpet.id,
  memberId: anna.id,
  issuedOn: '2026-09-01',
});
const data: ExportData = {
  members: [anna],
  registers: [blech],
  instruments: [trumpet],
  loans: [loan],
  events: [],
  honours: [],
};

describe('exports from the field catalogue', () => {
  it('heads the member table in German as before and writes values as a secretary reads them', () => {
    const { header, rows } = exportTable('members', data);
    expect(header).toEqual([
      'Mitgliedsnummer',
      'Anrede',
      'Titel',
      'Geschlecht',
      'Vorname',
      'Nachname',
      'Straße',
      'PLZ',
      'Ort',
      'Land',
      'Telefon',
      'Mobil',
      'E-Mail',
      'Geburtsdatum',
      'Eintritt',
      'Austritt',
      'Status',
      'Register',
      'Hauptinstrument',
      'IBAN',
      'BIC',
      'Kontoinhaber',
      'Mandatsreferenz',
      'Mandatsdatum',
      'Beitragsfrei',
      'Fotos erlaubt',
      'Newsletter',
      'Bemerkung',
    ]);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      Geburtsdatum: '01.03.1970',
      Status: 'Ehrenmitglied',
      Register: 'Blech',
      'Fotos erlaubt': 'ja',
      Beitragsfrei: 'nein',
    });
  });

  it('keeps the import’s kept values and review flags out of the file', () => {
    expect(exportTable('members', data).header.join(' ')).not.toMatch(/Import|prüfen/);
  });

  it('writes the same tables in English with no German heading or value', () => {
    for (const entity of ['members', 'registers', 'instruments', 'loans'] as const) {
      const { header, rows } = exportTable(entity, data, 'en');
      expect(header.join('|')).not.toMatch(/[äöüß]|Mitglied|Register\b|Bemerkung/);
      const words = rows[0]!.filter((cell) => typeof cell === 'string' && !/\d/.test(cell));
      expect(words.join('|'), entity).not.toMatch(
        /\b(ja|nein|gelöscht|Ehrenmitglied|reparaturbedürftig)\b/,
      );
    }
    const { header, rows } = exportTable('instruments', data, 'en');
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      'Inventory number': 'T-01',
      'Purchase price (EUR)': '1.250,50',
      Condition: 'needs repair',
    });
  });

  it('names the loan’s instrument and member, and counts a register’s members', () => {
    const loans = exportTable('loans', data);
    expect(loans.header).toEqual([
      'Inventarnummer',
      'Instrument',
      'Mitglied',
      'Ausgegeben',
      'Fällig',
      'Zurückgegeben',
      'Bemerkung',
    ]);
    expect(loans.rows[0]).toEqual(['T-01', 'Trompete', 'Bläser, Anna', '01.09.2026', '', '', null]);
    expect(exportTable('registers', data).rows[0]).toEqual(['Blech', 1, '', 1]);
  });
});
