import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api/import.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { importTextIn } from '../../shared/import/importText.ts';
import type { ImportMapping } from '../../shared/import/mapping.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import { importReportText } from '../../shared/import/reportText.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import { translate } from '../../shared/messages/translate.ts';
import { LONG_MEMO } from '../../test/fixtures/club/makeKapelleAnders.ts';
import { fixture } from '../../test/support/fixtures.ts';
import { importStore } from '../../test/support/importStore.ts';

const XLSX = fixture('club', 'kapelle-anders.xlsx');
const CSV = fixture('club', 'kapelle-anders-members.csv');

const kit = importStore('2026-12-06');
const { read } = kit;
const importInto = (source: SourceFile, mapping?: ImportMapping) =>
  kit.importInto(source, mapping ? { mapping } : {});

const members = () => kit.store.tables.members.listLive() as unknown as EntityMap['members'][];
const byNumber = (n: string) => members().find((m) => m.memberNumber === n)!;
const bankData = /[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){10,}|MV-\d{3}|532013000|37040044/;

function expectNoBankDataWhereEveryoneReads(report: ImportReport) {
  for (const m of members()) expect(m.notes ?? '', m.lastName ?? '').not.toMatch(bankData);
  for (const message of report.messages)
    expect(importTextIn(message, 'de', message.entity)).not.toMatch(bankData);
  expect(importReportText(report)).not.toMatch(bankData);
}

describe('a club file with another layout', () => {
  it('proposes a field for the abbreviated German headers the old program used', async () => {
    const mapping = proposeMapping(await read(XLSX));
    const personen = mapping.tables.find((t) => t.source === 'Personen')!;
    expect(personen.entity).toBe('members');
    expect(personen.key).toEqual(['MitglNr']);
    expect(personen.columns).toMatchObject({
      MitglNr: 'memberNumber',
      Anr: 'salutation',
      VName: 'firstName',
      NName: 'lastName',
      Str: 'street',
      Hausnr: 'houseNumber',
      GebDat: 'birthDate',
      Eintr: 'entryDate',
      Austr: 'exitDate',
      Reg: 'register',
      Instr: 'mainInstrument',
      Tel: 'phone',
      Handy: 'mobile',
      EMail: 'email',
      KtoNr: 'accountNumber',
      BLZ: 'bankCode',
      IBAN: 'iban',
      BIC: 'bic',
      KtoInh: 'accountHolder',
      MandRef: 'sepaMandateReference',
      Bem: 'notes',
    });
    expect(personen.columns.Hobby).toBeUndefined();
    expect(mapping.tables.find((t) => t.source === 'Regs')).toMatchObject({
      entity: 'registers',
      key: ['RegNr'],
      columns: { RegBez: 'name' },
    });
  });

  it('takes every member with register, instrument and bank data, and keeps what no field takes', async () => {
    const report = await importInto(await read(XLSX));
    const personen = report.tables.find((t) => t.source === 'Personen')!;
    expect([personen.created, personen.skipped]).toEqual([6, 0]);

    const anton = byNumber('101');
    const registers = kit.store.tables.registers.listLive() as unknown as EntityMap['registers'][];
    const registerOf = (m: EntityMap['members']) =>
      m.registerIds.map((id) => registers.find((r) => r.id === id)?.name);
    expect(registerOf(anton)).toEqual(['Klarinetten']);
    expect(registerOf(byNumber('102'))).toEqual(['Trompeten']);
    expect(anton).toMatchObject({
      mainInstrument: 'Klarinette',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      accountHolder: 'Anton Auer',
      sepaMandateReference: 'MV-101',
      country: 'DE',
      importedValues: { Hobby: 'Angeln' },
      reviewSensitive: [],
    });

    // The memo that was lost whole, and the organisation without a first name.
    expect(byNumber('102').notes).toBe(LONG_MEMO);
    expect(byNumber('103')).toMatchObject({ firstName: null, lastName: 'Musikhaus Klang GmbH' });

    // Doubtful values stay in their field, flagged for a person to look at.
    expect(byNumber('102')).toMatchObject({
      iban: 'DE89370400440532013001',
      reviewSensitive: ['iban'],
    });
    expect(byNumber('103')).toMatchObject({
      iban: 'DE89370400440532013000',
      reviewSensitive: ['iban'],
      importedValues: { KtoNr: '532013000', BLZ: '37040044' },
    });
    expect(byNumber('104')).toMatchObject({ postalCode: '1010', country: 'AT', review: [] });
    expect(byNumber('105')).toMatchObject({
      postalCode: '6020',
      email: 'jürgen.jäger@blasmusik.at',
      review: ['email', 'postalCode'],
    });
    // An impossible birth date is sensitive: kept where only roles with sensitive fields read.
    expect(byNumber('106')).toMatchObject({
      birthDate: null,
      country: 'CH',
      importedValues: { GebDat: '45.13.1975', Hobby: 'Lesen' },
    });
    expectNoBankDataWhereEveryoneReads(report);

    // The report says what became of every column, the unmapped ones first.
    const text = importReportText(report);
    expect(text.split('\n\n')[0]).toContain(
      'Nicht übernommen (Spalten ohne Zuordnung): Personen.Hobby, Inventar.Versicherung.',
    );
    expect(text).toContain('KtoNr → Kontonummer (alt)');
    expect(text).toContain('MitglNr → Mitgliedsnummer');
    expect(text).toContain('Hobby → ohne Zuordnung, beim Datensatz aufbewahrt');
    const instrument =
      kit.store.tables.instruments.listLive()[0] as unknown as EntityMap['instruments'];
    expect(instrument.importedValues).toEqual({ Versicherung: 'Police 17' });
  });

  it('leaves out a column the mapping ignores on purpose, and says so', async () => {
    const source = await read(XLSX);
    const mapping = proposeMapping(source);
    const personen = mapping.tables.find((t) => t.source === 'Personen')!;
    personen.ignore = ['Hobby'];
    const report = await importInto(source, mapping);
    expect(byNumber('101').importedValues).toBeNull();
    expect(report.unmappedColumns).toEqual([{ source: 'Inventar', column: 'Versicherung' }]);
    expect(importReportText(report)).toContain('Hobby → bewusst ausgelassen');
  });

  it('reads the English headers of a Windows-1252 CSV alike', async () => {
    const source = await read(CSV);
    expect(translate(source.notes[0]!)).toMatch(/Windows-1252, getrennt durch Semikolon/);
    const report = await importInto(source);
    expect(report.tables[0]).toMatchObject({ created: 6, skipped: 0 });
    expect(report.unmappedColumns).toEqual([
      { source: source.tables[0]!.name, column: 'Shirt size' },
    ]);
    expect(byNumber('101')).toMatchObject({
      firstName: 'Anton',
      street: 'Lindenweg 3',
      birthDate: '1960-03-04',
      entryDate: '1980-01-01',
      iban: 'DE89370400440532013000',
      importedValues: { 'Shirt size': 'XL' },
    });
    // This file has no registers: the section is kept in the notes and reported, not dropped.
    expect(byNumber('101').notes).toBe(
      'Notenwart\nAus dem Import (nicht in Felder übernommen): Register: Klarinetten',
    );
    expect(byNumber('102').notes).toBe(
      `${LONG_MEMO}\nAus dem Import (nicht in Felder übernommen): Register: Trompeten`,
    );
    expect(byNumber('103').firstName).toBeNull();
    expect(byNumber('105').review).toEqual(['email', 'postalCode']);
    expectNoBankDataWhereEveryoneReads(report);
  });
});
