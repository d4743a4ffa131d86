import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportMessage, ImportReport } from '../../shared/api/import.ts';
import { importTextIn } from '../../shared/import/importText.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import { translate } from '../../shared/messages/translate.ts';
import { fixture } from '../../test/support/fixtures.ts';
import { importStore } from '../../test/support/importStore.ts';
import { saveRecordInTransaction } from '../core/recordWriter.ts';
import { ImportFileError } from './readers/importError.ts';
import { readSourceFile } from './readers/readSourceFile.ts';

const BEISPIEL = fixture('legacy', 'verein-beispiel.mdb');
const TODAY = '2026-11-27';

const kit = importStore(TODAY);
const { read, csv, importInto, live } = kit;
/** What a report line says, in German. */
const said = (m: ImportMessage) => importTextIn(m, 'de', m.entity);

function counts(report: ImportReport) {
  return Object.fromEntries(
    report.tables.map((t) => [t.source, [t.created, t.updated, t.unchanged, t.skipped]]),
  );
}

async function idAndNumberWorkbook(dir: string): Promise<SourceFile> {
  // The old program numbered its rows (ID) apart from the member numbers (MitgliedNr):
  // a loan's "1" is member ID 1 (Anna) or member number 1 (Bernd).
  const workbook = new ExcelJS.Workbook();
  const members = workbook.addWorksheet('Mitglieder');
  members.addRows([
    ['ID', 'MitgliedNr', 'Vorname', 'Nachname'],
    [1, '2', 'Anna', 'Alt'],
    [2, '1', 'Bernd', 'Berg'],
  ]);
  workbook.addWorksheet('Instrumente').addRows([
    ['InventarNr', 'Bezeichnung'],
    ['T-1', 'Trompete'],
  ]);
  workbook.addWorksheet('Ausleihen').addRows([
    ['InventarNr', 'MitgliedNr', 'Ausgabe'],
    ['T-1', 1, new Date(Date.UTC(2020, 8, 1))],
  ]);
  const path = join(dir, 'verein.xlsx');
  return readSourceFile(path, Buffer.from(await workbook.xlsx.writeBuffer()), null);
}

describe('importing the legacy Access database', () => {
  it('brings over every register, member, instrument, loan and honour, with umlauts, birthdays and money intact', async () => {
    const source = await read(BEISPIEL);
    const report = await importInto(source);

    expect(live('registers')).toHaveLength(11);
    expect(live('members')).toHaveLength(400);
    expect(live('instruments')).toHaveLength(133);
    expect(live('loans')).toHaveLength(66);
    expect(live('honours')).toHaveLength(80);
    // Every source row is accounted for.
    for (const table of report.tables) {
      expect(table.created + table.updated + table.unchanged + table.skipped).toBe(table.rows);
    }

    const members = live('members');
    const werner = members.find((m) => m.memberNumber === '7')!;
    expect(`${werner.firstName} ${werner.lastName}`).toBe('Julia Werner');
    expect(werner.birthDate).toBe('1939-08-20');
    expect(members.filter((m) => m.lastName === 'Öztürk').length).toBeGreaterThan(0);
    const first = members.find((m) => m.memberNumber === '1')!;
    expect(first).toMatchObject({
      salutation: 'Frau',
      street: 'Hauptstraße 104',
      postalCode: '68723',
      city: 'Oftersheim',
      status: 'aktiv',
    });
    expect(first.registerIds).toEqual([live('registers').find((r) => r.name === 'Flöten')!.id]);
    // The synthetic IBANs fail their check digits: kept in their field, flagged for review,
    // reported without quoting them, and never copied where every role reads (the notes).
    expect(first.iban).toBe('DE41087606057723349537');
    expect(first.sepaMandateReference).toBe('MV-00001');
    expect(first.reviewSensitive).toEqual(['iban']);
    expect(
      report.messages.some(
        (m) => m.row === 1 && m.source === 'Mitglieder' && said(m).includes('IBAN'),
      ),
    ).toBe(true);
    const bankData = /[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){10,}|MV-\d{5}/;
    for (const member of members) expect(member.notes ?? '').not.toMatch(bankData);
    for (const message of report.messages) expect(said(message)).not.toMatch(bankData);
    // Every column of the file has a fate the report names; none is dropped silently.
    for (const table of report.tables)
      expect(table.columns.map((c) => c.column).sort()).toEqual(
        source.tables
          .find((t) => t.name === table.source)!
          .columns.map((c) => c.name)
          .sort(),
      );

    const oboe = live('instruments').find((i) => i.inventoryNumber === 'INV-0001')!;
    expect(oboe).toMatchObject({
      kind: 'Oboe',
      maker: 'Adams',
      purchaseDate: '2015-05-04',
      purchasePriceCents: 812_274,
      condition: 'defekt',
    });
    const statuses = new Set(members.map((m) => m.status));
    expect([...statuses].sort()).toEqual([
      'aktiv',
      'ausgetreten',
      'ehrenmitglied',
      'jugend',
      'passiv',
    ]);

    // Loan 2 (INV-0070, member 380, since 15.08.2008, still out).
    const byNumber = new Map(members.map((m) => [m.id, m.memberNumber]));
    const instrumentNumber = new Map(live('instruments').map((i) => [i.id, i.inventoryNumber]));
    const loan = live('loans').find(
      (l) => instrumentNumber.get(l.instrumentId) === 'INV-0070' && l.issuedOn === '2008-08-15',
    )!;
    expect(byNumber.get(loan.memberId)).toBe('380');
    // One open loan per instrument: where the source has two, the earlier one was closed.
    const open = live('loans')
      .filter((l) => l.returnedOn === null)
      .map((l) => l.instrumentId);
    expect(new Set(open).size).toBe(open.length);
    expect(
      report.messages.filter((m) => m.source === 'Ausleihen' && said(m).includes('zurückgegeben')),
    ).toHaveLength(3);

    // Entry dates that contradict the birth date are kept in the notes, not dropped.
    const contradicted = report.messages.filter(
      (m) => said(m).startsWith('Eintritt') && said(m).includes('vor dem Geburtsdatum'),
    );
    expect(contradicted.length).toBeGreaterThan(50);
    // Every record went through the outbox, so the import syncs.
    expect(kit.store.outbox.pendingCount()).toBeGreaterThanOrEqual(11 + 400 + 133 + 66 + 80);
  });

  it('creates nothing when the same file is imported again', async () => {
    const source = await read(BEISPIEL);
    await importInto(source);
    const pending = kit.store.outbox.pendingCount();
    const again = await importInto(await read(BEISPIEL));
    for (const table of again.tables)
      expect([table.created, table.updated, table.skipped]).toEqual([0, 0, 0]);
    expect(kit.store.outbox.pendingCount()).toBe(pending);
    expect(live('members')).toHaveLength(400);
  });

  it('previews exactly what the import would do and writes nothing', async () => {
    const source = await read(BEISPIEL);
    const preview = await importInto(source, { dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(live('members')).toHaveLength(0);
    expect(kit.store.outbox.pendingCount()).toBe(0);
    const real = await importInto(source);
    expect(counts(real)).toEqual(counts(preview));
    expect(real.messages).toEqual(preview.messages);
  });
});

describe('the mdb-reader test databases, read where they lie', () => {
  it.each([
    ['V1997-test.mdb', null],
    ['V2003-test.mdb', null],
    ['V2010-test.accdb', null],
    ['V2016-longtext.accdb', null],
    ['password-V2000_with-password.mdb', 'password'],
    ['password-V2010_with-password.accdb', 'password'],
    ['encryption-office-agile-4.4.accdb', 'password'],
  ])('reads %s', async (name, password) => {
    const source = await read(fixture('mdb-reader', name), password);
    expect(source.format).toBe('access');
    expect(source.tables.length).toBeGreaterThan(0);
    expect(source.tables.some((t) => t.rows.length > 0)).toBe(true);
  });

  it('proposes the real-world asset list as instruments and imports all 65', async () => {
    const source = await read(fixture('mdb-reader', 'real-ASampleDatabase.accdb'));
    const mapping = proposeMapping(source);
    expect(mapping.tables[0]).toMatchObject({
      entity: 'instruments',
      key: ['Asset No'],
      columns: expect.objectContaining({
        'Asset No': 'inventoryNumber',
        Make: 'maker',
        'Serial No': 'serialNumber',
        Acquired: 'purchaseDate',
        Cost: 'purchasePrice',
      }),
    });
    const report = await importInto(source, { mapping });
    expect(report.tables[0]).toMatchObject({ rows: 65, created: 65, skipped: 0 });
    const first = live('instruments').find((i) => i.inventoryNumber === '30050')!;
    expect(first).toMatchObject({
      maker: 'GEO Rocket',
      purchaseDate: '1997-09-02',
      purchasePriceCents: 199_550,
    });
  });

  it.each([
    ['password-V2010_with-password.accdb', null, 'password_needed'],
    ['password-V2010_with-password.accdb', 'falsch', 'wrong_password'],
    ['encryption-office-agile-4.4.accdb', 'falsch', 'wrong_password'],
    ['password-V2000_with-password.mdb', 'falsch', 'wrong_password'],
    ['password-V2000_with-password.mdb', null, 'password_needed'],
  ])(
    'refuses %s with password %s (%s), before anything is written',
    async (name, password, reason) => {
      const error = await read(fixture('mdb-reader', name), password).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).reason).toBe(reason);
      expect((error as Error).message).toMatch(/Passwort/);
    },
  );

  it('says a damaged database is damaged', async () => {
    const truncated = readFileSync(BEISPIEL).subarray(0, 100_000);
    const error = await readSourceFile('verein.mdb', truncated, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/beschädigt oder unvollständig/);
    const garbage = await readSourceFile('verein.mdb', Buffer.alloc(8192, 7), null).catch(
      (e: unknown) => e,
    );
    expect((garbage as Error).message).toMatch(/keine Access-Datenbank/);
  });
});

describe('CSV and Excel', () => {
  const MEMBERS_CSV = [
    'Nr;Name;Vorname;Straße;Hausnr.;PLZ;Wohnort;GebDat;Eintritt;Aktiv;Register;Mail;Handy;IBAN;Notiz',
    '1;Müller;Jürgen ;Lindenstraße;5a;69117;Heidelberg;03.02.1951;01.04.1970;ja;Hörner;Juergen.Mueller@Example.ORG ;0171 1234567;DE89 3704 0044 0532 0130 00;"spielt auch ""Tuba"""',
    '2;Weiß;Anna;Am Bach;2;69118;Heidelberg;12.12.1895;01.01.2030;nein;Trompeten;anna@example.org;;DE00 1234;',
    '3;Müller;Jürgen;Lindenstraße;5a;69117;Heidelberg;03.02.1951;;ja;Gesang;;;;Zweiter Eintrag',
    '4;;Ohne Nachname;;;;;;;ja;;;;;',
    '5;;;;;;;;;ja;;;;;Nur eine Nummer',
  ].join('\r\n');

  it('reads Windows-1252 with semicolons, joins street and house number, and reports every cleaning', async () => {
    await importInto(await csv('register.csv', 'Register\nHörner\nTrompeten\n', 'latin1'));
    const source = await csv('mitglieder.csv', MEMBERS_CSV, 'latin1');
    expect(translate(source.notes[0]!)).toMatch(/Windows-1252, getrennt durch Semikolon/);
    const report = await importInto(source);
    expect(counts(report).mitglieder).toEqual([4, 0, 0, 1]);

    const memberNo = (n: string) => live('members').find((m) => m.memberNumber === n)!;
    const jurgen = memberNo('1');
    const anna = memberNo('2');
    expect(jurgen).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Müller',
      street: 'Lindenstraße 5a',
      birthDate: '1951-02-03',
      entryDate: '1970-04-01',
      status: 'aktiv',
      email: 'juergen.mueller@example.org',
      mobile: '0171 1234567',
      iban: 'DE89370400440532013000',
      notes: 'spielt auch "Tuba"',
    });
    expect(jurgen.registerIds).toHaveLength(1);
    expect(anna).toMatchObject({ status: 'passiv', iban: 'DE001234', reviewSensitive: ['iban'] });
    expect(anna.notes).toBeNull();

    const text = (row: number) =>
      report.messages.filter((m) => m.row === row).map((m) => `${m.level}: ${said(m)}`);
    expect(text(2)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: Geburtsdatum liegt vor 1900/),
        expect.stringMatching(/^warning: Eintritt 01\.01\.2030 liegt in der Zukunft/),
        expect.stringMatching(/^warning: Die IBAN ist ungültig/),
      ]),
    );
    expect(text(3)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^warning: Register „Gesang“ gibt es weder in der Datei noch in Tutti/,
        ),
        expect.stringMatching(/^duplicate: Gleicher Name und gleiches Geburtsdatum wie Zeile 1/),
      ]),
    );
    // A first name alone is a name; a row without any name is the only one refused.
    expect(memberNo('4')).toMatchObject({ firstName: 'Ohne Nachname', lastName: null });
    expect(text(4)).toEqual([]);
    expect(text(5)).toEqual([
      'skipped: Nachname: Bitte den Nachnamen angeben (bei Vereinen und Firmen den Namen).',
    ]);
    const cleaned = report.tables[0]!.cleaned.map((c) => importTextIn(c));
    expect(cleaned).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Leerzeichen/),
        expect.stringMatching(/E-Mail-Adresse vereinheitlicht/),
      ]),
    );
  });

  it('updates only what changed in the source, and keeps edits made in Tutti since', async () => {
    const first =
      'MitgliedNr,Vorname,Nachname,Ort,Telefon\n1,Eva,Klein,Mannheim,0621 111\n2,Paul,Groß,Mannheim,0621 222\n';
    expect(translate((await csv('mitglieder.csv', first)).notes[0]!)).toMatch(
      /UTF-8, getrennt durch Komma/,
    );
    await importInto(await csv('mitglieder.csv', first));
    const eva = live('members').find((m) => m.firstName === 'Eva')!;
    // The secretary corrects Eva's phone in Tutti …
    kit.store.transaction(() =>
      saveRecordInTransaction(kit.store, 'members', { ...eva, phone: '0621 999' }),
    );
    // … and the old program, still in use, changes her town and Paul's phone.
    const changed =
      'MitgliedNr,Vorname,Nachname,Ort,Telefon\n1,Eva,Klein,Ladenburg,0621 111\n2,Paul,Groß,Mannheim,0621 333\n';
    const report = await importInto(await csv('mitglieder.csv', changed));
    expect(counts(report).mitglieder).toEqual([0, 2, 0, 0]);
    const after = live('members').find((m) => m.firstName === 'Eva')!;
    expect(after).toMatchObject({ city: 'Ladenburg', phone: '0621 999' });
    expect(live('members').find((m) => m.firstName === 'Paul')!.phone).toBe('0621 333');
    expect(live('members')).toHaveLength(2);
  });

  it('makes loans from an instrument list that names the borrower', async () => {
    await importInto(await csv('mitglieder.csv', 'Vorname;Nachname\nEva;Klein\nPaul;Groß\n'));
    const report = await importInto(
      await csv(
        'instrumente.csv',
        'Inv-Nr;Instrument;Ausgeliehen an;Ausgeliehen seit\nT-1;Trompete;Klein, Eva;01.09.2020\nT-2;Tuba;Paul Groß;\nT-3;Horn;Niemand Bekannt;\n',
      ),
    );
    expect(report.tables[0]).toMatchObject({ created: 3, loansCreated: 2 });
    const loans = live('loans');
    expect(loans.map((l) => l.issuedOn).sort()).toEqual(['2020-09-01', TODAY]);
    expect(report.messages.map(said)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/„Niemand Bekannt“: dieses Mitglied gibt es weder/),
        expect.stringMatching(/Ausgabedatum ist unbekannt/),
      ]),
    );

    // The old program now lends the trumpet to Paul and the horn to Eva: a new loan for the
    // horn; the trumpet's loan in Tutti is not changed behind anyone's back, but reported.
    const later = await importInto(
      await csv(
        'instrumente.csv',
        'Inv-Nr;Instrument;Ausgeliehen an;Ausgeliehen seit\nT-1;Trompete;Paul Groß;01.09.2020\nT-2;Tuba;Paul Groß;\nT-3;Horn;Eva Klein;01.10.2026\n',
      ),
    );
    expect(later.tables[0]).toMatchObject({ unchanged: 3, loansCreated: 1 });
    expect(later.messages.map(said)).toEqual([
      'Laut Quelle an „Paul Groß“ ausgeliehen, in Tutti an Eva Klein (seit 01.09.2020); nichts geändert – bitte prüfen.',
    ]);
    expect(live('loans')).toHaveLength(3);
  });

  it('reads an Excel workbook with dates and prices as Excel keeps them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inventar');
    sheet.addRow(['InventarNr', 'Bezeichnung', 'Marke', 'Anschaffung', 'Preis', 'Zustand']);
    sheet.addRow([
      'K-01',
      'Klarinette',
      'Buffet',
      new Date(Date.UTC(1939, 7, 20)),
      1234.5,
      'sehr gut',
    ]);
    sheet.addRow([
      'K-02',
      'Saxophon',
      'Selmer',
      new Date(Date.UTC(2001, 0, 1)),
      0.1 + 0.2,
      'kaputt',
    ]);
    const path = join(kit.dir, 'inventar.xlsx');
    await workbook.xlsx.writeFile(path);
    const source = await read(path);
    expect(source.format).toBe('xlsx');
    expect(source.tables[0]!.columns.find((c) => c.name === 'Anschaffung')!.type).toBe('date');
    await importInto(source);
    const byNumber = (n: string) => live('instruments').find((i) => i.inventoryNumber === n)!;
    const k1 = byNumber('K-01');
    const k2 = byNumber('K-02');
    expect(k1).toMatchObject({
      kind: 'Klarinette',
      maker: 'Buffet',
      purchaseDate: '1939-08-20',
      purchasePriceCents: 123_450,
      condition: 'gut',
    });
    expect(k2).toMatchObject({ purchasePriceCents: 30, condition: 'defekt' });
  });

  it('refuses a damaged workbook and a CSV that ends inside quotes, clearly', async () => {
    const zipStart = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(readSourceFile('liste.xlsx', zipStart, null)).rejects.toThrow(
      /Excel-Datei ist beschädigt/,
    );
    await expect(csv('liste.csv', 'Name;Vorname\n"Müller;Hans\n')).rejects.toThrow(
      /mitten in einem Feld/,
    );
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]);
    await expect(readSourceFile('liste.xls', xls, null)).rejects.toThrow(
      /als \.xlsx oder als CSV speichern/,
    );
  });

  it('keeps cells beyond the header and data under a blank header, and names Excel rows as Excel does', async () => {
    const { tables } = await csv('liste.csv', 'Vorname;Nachname\nEva;Klein;Flöte\n');
    expect(tables[0]!.rows[0]).toEqual({ Vorname: 'Eva', Nachname: 'Klein', 'Spalte 3': 'Flöte' });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Mitglieder');
    sheet.addRow(['Vorname', 'Nachname', 'Geburtsdatum', '']);
    sheet.addRow(['Eva', 'Klein', new Date(Date.UTC(1980, 0, 1)), 'Notiz ohne Kopf']);
    sheet.addRow([]);
    sheet.addRow(['Paul', 'Groß', new Date(Date.UTC(2040, 0, 1))]);
    const path = join(kit.dir, 'mitglieder.xlsx');
    await workbook.xlsx.writeFile(path);
    const source = await read(path);
    expect(source.tables[0]!.columns.map((c) => c.name)).toEqual([
      'Vorname',
      'Nachname',
      'Geburtsdatum',
      'Spalte 4',
    ]);
    const report = await importInto(source);
    expect(report.messages.find((m) => said(m).includes('in der Zukunft'))).toMatchObject({
      row: 4,
    });
  });

  it('never reopens a returned loan: an impossible return date skips the row with its reason', async () => {
    await importInto(await csv('mitglieder.csv', 'Nr;Vorname;Nachname\n1;Eva;Klein\n'));
    await importInto(await csv('instrumente.csv', 'InventarNr;Bezeichnung\nT-1;Trompete\n'));
    const report = await importInto(
      await csv(
        'ausleihen.csv',
        'AusleihNr;InventarNr;MitgliedNr;Ausgabe;Rückgabe\n1;T-1;1;01.03.2020;01.02.2020\n',
      ),
    );
    expect(report.tables[0]).toMatchObject({ rows: 1, skipped: 1 });
    expect(said(report.messages.find((m) => m.level === 'skipped')!)).toMatch(/Rückgabe/);
    expect(live('loans')).toHaveLength(0);
  });

  it('on an update, keeps what Tutti holds where the changed source value does not fit', async () => {
    await importInto(
      await csv('mitglieder.csv', 'Nr;Vorname;Nachname;E-Mail\n1;Eva;Klein;eva@example.org\n'),
    );
    const eva = live('members')[0]!;
    kit.store.transaction(() =>
      saveRecordInTransaction(kit.store, 'members', { ...eva, notes: 'Spielt auch Piccolo' }),
    );
    const report = await importInto(
      await csv('mitglieder.csv', 'Nr;Vorname;Nachname;E-Mail\n1;Eva;Klein;eva(at)example\n'),
    );
    expect(report.messages.map(said)).toEqual([
      expect.stringMatching(/keine gültige E-Mail-Adresse/),
    ]);
    const after = live('members')[0]!;
    expect(after.email).toBe('eva@example.org');
    expect(after.notes).toBe(
      'Spielt auch Piccolo\nAus dem Import (nicht in Felder übernommen): E-Mail: eva(at)example',
    );
    // Importing that again changes nothing more.
    const again = await importInto(
      await csv('mitglieder.csv', 'Nr;Vorname;Nachname;E-Mail\n1;Eva;Klein;eva(at)example\n'),
    );
    expect(again.tables[0]).toMatchObject({ unchanged: 1, updated: 0 });
    expect(live('members')[0]!.notes).toBe(after.notes);
  });

  it('flags a member also imported before from another file as a possible duplicate', async () => {
    await importInto(
      await csv('mitglieder.csv', 'Vorname;Nachname;Geburtsdatum\nEva;Klein;01.01.1980\n'),
    );
    const report = await importInto(
      await csv('jugend.csv', 'Vorname;Nachname;Geburtsdatum\nEva;Klein;01.01.1980\n'),
    );
    expect(report.messages).toEqual([expect.objectContaining({ level: 'duplicate' })]);
    expect(said(report.messages[0]!)).toMatch(/dem vorhandenen Mitglied Eva Klein/);
    expect(live('members')).toHaveLength(2);
  });

  it('says so when a loan names one member by the file key and another by member number', async () => {
    const source = await idAndNumberWorkbook(kit.dir);
    // Proposed: the member number is the key, so the reference is unambiguous.
    const proposed = proposeMapping(source);
    expect(proposed.tables.find((t) => t.source === 'Mitglieder')!.key).toEqual(['MitgliedNr']);
    const preview = await importInto(source, { mapping: proposed, dryRun: true });
    expect(preview.messages).toEqual([]);

    // Keyed by ID instead, "1" could mean either member.
    const mapping = {
      ...proposed,
      tables: proposed.tables.map((t) => (t.source === 'Mitglieder' ? { ...t, key: ['ID'] } : t)),
    };
    const report = await importInto(source, { mapping });
    const loan = live('loans')[0]!;
    const anna = live('members').find((m) => m.firstName === 'Anna')!;
    expect(loan.memberId).toBe(anna.id);
    expect(report.messages).toEqual([
      expect.objectContaining({ source: 'Ausleihen', level: 'warning' }),
    ]);
    expect(said(report.messages[0]!)).toBe(
      '„1“ ist der Schlüssel von Anna Alt in der Datei, aber die Mitgliedsnummer von Bernd Berg; zugeordnet wurde Anna Alt – bitte prüfen (in der Zuordnung lässt sich festlegen, was die Verweise meinen).',
    );
    // Said once: importing the same file again takes nothing new and says nothing.
    const again = await importInto(source, { mapping });
    expect(again.messages).toEqual([]);
  });

  it('reads references as the mapping says: by member number, without a warning', async () => {
    const source = await idAndNumberWorkbook(kit.dir);
    const proposed = proposeMapping(source);
    const mapping = {
      ...proposed,
      tables: proposed.tables.map((t) =>
        t.source === 'Mitglieder'
          ? { ...t, key: ['ID'] }
          : t.source === 'Ausleihen'
            ? { ...t, referencesBy: 'number' as const }
            : t,
      ),
    };
    const report = await importInto(source, { mapping });
    const bernd = live('members').find((m) => m.firstName === 'Bernd')!;
    expect(live('loans')[0]!.memberId).toBe(bernd.id);
    expect(report.messages).toEqual([]);
  });
});
