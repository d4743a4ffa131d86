import { describe, expect, it } from 'vitest';
import { proposeColumns, proposeTableMapping } from './proposeMapping.ts';
import type { SourceTable } from './sourceTable.ts';

function table(
  name: string,
  columns: string[],
  rows: (string | number | null)[][] = [],
): SourceTable {
  return {
    name,
    columns: columns.map((c) => ({ name: c, type: 'text' })),
    rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))),
  };
}

describe('proposing a mapping', () => {
  it('maps German member columns, with and without a separate house number', () => {
    expect(
      proposeColumns('members', [
        'Name',
        'Vorname',
        'Str.',
        'Hausnummer',
        'PLZ',
        'Wohnort',
        'Geb.-Datum',
        'Eintritt',
        'Austritt',
        'Aktiv',
        'Instrument',
        'Register',
        'IBAN',
        'E-Mail',
        'Tel.',
        'Handy',
        'Bemerkung',
      ]),
    ).toEqual({
      Name: 'lastName',
      Vorname: 'firstName',
      'Str.': 'street',
      Hausnummer: 'houseNumber',
      PLZ: 'postalCode',
      Wohnort: 'city',
      'Geb.-Datum': 'birthDate',
      Eintritt: 'entryDate',
      Austritt: 'exitDate',
      Aktiv: 'active',
      Instrument: 'mainInstrument',
      Register: 'register',
      IBAN: 'iban',
      'E-Mail': 'email',
      'Tel.': 'phone',
      Handy: 'mobile',
      Bemerkung: 'notes',
    });
  });

  it('prefers "Nachname" over "Name" and maps English headers', () => {
    expect(proposeColumns('members', ['Name', 'Nachname', 'Vorname'])).toMatchObject({
      Nachname: 'lastName',
      Vorname: 'firstName',
    });
    expect(
      proposeColumns('members', [
        'Last Name',
        'First Name',
        'Date of Birth',
        'Email Address',
        'Mobile',
        'ZIP',
        'City',
      ]),
    ).toEqual({
      'Last Name': 'lastName',
      'First Name': 'firstName',
      'Date of Birth': 'birthDate',
      'Email Address': 'email',
      Mobile: 'mobile',
      ZIP: 'postalCode',
      City: 'city',
    });
  });

  it('recognises instruments, loans and honours by table name and columns, and a unique number as key', () => {
    expect(
      proposeTableMapping(
        table(
          'Inventar',
          ['Nr', 'Art', 'Marke', 'Seriennr', 'Anschaffung', 'Preis'],
          [
            ['1', 'Tuba'],
            ['2', 'Horn'],
          ],
        ),
      ),
    ).toEqual({
      source: 'Inventar',
      entity: 'instruments',
      key: ['Nr'],
      columns: {
        Nr: 'inventoryNumber',
        Art: 'kind',
        Marke: 'maker',
        Seriennr: 'serialNumber',
        Anschaffung: 'purchaseDate',
        Preis: 'purchasePrice',
      },
    });
    const loans = proposeTableMapping(
      table(
        'Instrumentenausleihe',
        ['AusleihNr', 'InventarNr', 'MitgliedNr', 'Ausgabe', 'Rueckgabe'],
        [
          [1, 'A', 1],
          [2, 'B', 1],
        ],
      ),
    );
    expect(loans).toMatchObject({
      entity: 'loans',
      key: ['AusleihNr'],
      columns: {
        InventarNr: 'instrument',
        MitgliedNr: 'member',
        Ausgabe: 'issuedOn',
        Rueckgabe: 'returnedOn',
      },
    });
    // A member number in an honours table is a reference, never the key.
    const honours = proposeTableMapping(
      table('Ehrungen', ['MitgliedNr', 'Art', 'Datum'], [[1, 'Nadel', '2001-01-01']]),
    );
    expect(honours).toMatchObject({ entity: 'honours', key: [] });
  });

  it('does not guess a table it cannot tell', () => {
    expect(proposeTableMapping(table('Table1', ['A', 'B', 'C'])).entity).toBeNull();
  });
});
