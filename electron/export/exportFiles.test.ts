/**
 * Issue #23: lists as Excel workbooks and PDFs, read back as their readers would — the workbook
 * with exceljs (typed cells, header row, filter, frozen row), the PDF with poppler's pdftotext
 * and pdfinfo (text, page size, page numbers).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRecord } from '../../shared/domain/entities.ts';
import { newId } from '../../shared/domain/ids.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { type ExportData, exportSheet, PRINT_FIELDS } from './exportTables.ts';
import { pdfFromSheet } from './pdfSheet.ts';
import type { Sheet } from './sheet.ts';
import { xlsxFromSheet } from './xlsxSheet.ts';

const temp = makeTempDir('tutti-export-files-');
afterAll(() => temp.cleanup());

function record<E extends 'members' | 'registers' | 'instruments' | 'loans' | 'events'>(
  entity: E,
  draft: Record<string, unknown>,
) {
  const result = validateRecord(entity, { id: newId(), ...draft });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const blech = record('registers', { name: 'Blech', sortOrder: 1 });
const members = [
  record('members', {
    firstName: 'Anna',
    lastName: 'Bläser',
    status: 'aktiv',
    registerIds: [blech.id],
    birthDate: '1970-03-01',
    street: 'Hauptstraße 1',
    postalCode: '79100',
    city: 'Freiburg',
    iban: 'DE89370400440532013000',
  }),
  // Letters beyond the standard PDF fonts' encoding: printed with the embedded font.
  record('members', { firstName: 'Łukasz', lastName: 'Wróbel-Dvořák', status: 'passiv' }),
];
const trumpet = record('instruments', {
  inventoryNumber: 'T-01',
  kind: 'Trompete',
  purchaseDate: '2019-04-02',
  purchasePriceCents: 125050,
});
const data: ExportData = {
  members,
  registers: [blech],
  instruments: [trumpet],
  loans: [],
  events: [],
  honours: [],
};
const head = { clubName: 'Musikverein Beispiel', date: '2026-12-07' };

function pdfText(pdf: Buffer, layout = true): string {
  const file = join(temp.dir, `${newId()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], {
    encoding: 'utf8',
  });
}

function pdfInfo(pdf: Buffer): string {
  const file = join(temp.dir, `${newId()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

describe('Excel workbooks', () => {
  it('hold typed dates and amounts, a bold header row that stays in view, and a filter', async () => {
    const buffer = await xlsxFromSheet(exportSheet('instruments', data), head, 'de');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Instrumente');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Kaufdatum');
    const column = (heading: string) => header.indexOf(heading) + 1;
    const bought = sheet.getRow(2).getCell(column('Kaufdatum'));
    expect(bought.value).toEqual(new Date(Date.UTC(2019, 3, 2)));
    expect(bought.numFmt).toBe('dd.mm.yyyy');
    const price = sheet.getRow(2).getCell(column('Kaufpreis (EUR)'));
    expect(price.value).toBe(1250.5);
    expect(price.numFmt).toBe('#,##0.00');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('leave out sensitive columns for a role that may not read them', async () => {
    const sheet = exportSheet('members', data, 'de', { withSensitive: false });
    const headings = sheet.columns.map((c) => c.heading);
    expect(headings).toContain('Nachname');
    expect(headings).not.toContain('Geburtsdatum');
    expect(headings).not.toContain('IBAN');
  });
});

describe('PDFs', () => {
  it('print a list with the club, the title, the header row and every letter of every name', async () => {
    const sheet = exportSheet('members', data, 'de', { fields: PRINT_FIELDS.members });
    const pdf = await pdfFromSheet(sheet, head, 'de');
    const text = pdfText(pdf);
    expect(text).toContain('Musikverein Beispiel');
    expect(text).toContain('Mitglieder');
    expect(text).toMatch(/Vorname\s+Nachname\s+Straße/);
    expect(text).toMatch(/Anna\s+Bläser\s+Hauptstraße 1\s+79100\s+Freiburg\s+01\.03\.1970/);
    expect(text).toContain('Wróbel-Dvořák');
    expect(text).toContain('Łukasz');
    expect(text).toContain('Stand 07.12.2026 · 2 Einträge');
    expect(text).toContain('Seite 1 von 1');
    expect(pdfInfo(pdf)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });

  it('repeat the header row on every page and number the pages', async () => {
    const sheet: Sheet = {
      title: 'Lange Liste',
      columns: [
        { heading: 'Name', kind: 'text' },
        { heading: 'Betrag', kind: 'money' },
      ],
      rows: Array.from({ length: 200 }, (_, i) => [`Mitglied ${i + 1}`, i * 100 + 5]),
    };
    const pdf = await pdfFromSheet(sheet, head, 'en');
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const [i, page] of pages.entries()) {
      expect(page).toMatch(/Name\s+Betrag/);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    }
    // Upright when the columns fit; amounts as a German reader writes them.
    expect(pdfInfo(pdf)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pdfText(pdf)).toMatch(/Mitglied 200\s+199,05/);
  });

  it('carries a row taller than a page over onto the next pages, and a long title below the club', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `Wort${i}`).join(' ');
    const sheet: Sheet = {
      title: 'Runde Geburtstage und Jubiläen vom 01.01.2026 bis 31.12.2026',
      columns: [
        { heading: 'Name', kind: 'text' },
        { heading: 'Bemerkung', kind: 'text' },
      ],
      rows: [['Anna', words]],
    };
    const pdf = await pdfFromSheet(
      sheet,
      { clubName: 'Musikverein Harmonie 1882 Oberkirchberg-Unterdorf e. V.', date: '2026-12-07' },
      'de',
    );
    const text = pdfText(pdf, false).replace(/\s+/g, ' ');
    expect(text).toContain('Wort0 ');
    expect(text).toContain('Wort1499');
    for (let i = 0; i < 1500; i += 97) expect(text).toContain(`Wort${i} `);
    expect(text).toContain('Runde Geburtstage und Jubiläen vom 01.01.2026 bis 31.12.2026');
  });

  it('says which characters its fonts cannot draw, instead of dropping them silently', async () => {
    const sheet: Sheet = {
      title: 'Mitglieder',
      columns: [{ heading: 'Name', kind: 'text' }],
      rows: [['山田 Wróbel 🎺']],
    };
    const text = pdfText(await pdfFromSheet(sheet, head, 'de'));
    expect(text).toContain('Wróbel');
    expect(text).toMatch(/fehlen im Ausdruck[^:]*: U\+5C71 U\+7530 U\+1F3BA/);
  });

  it('wraps a long text within its column instead of cutting it off', async () => {
    const long = 'Dies ist eine sehr lange Bemerkung, '.repeat(12).trim();
    const sheet: Sheet = {
      title: 'Bemerkungen',
      columns: [
        { heading: 'Name', kind: 'text' },
        { heading: 'Bemerkung', kind: 'text' },
      ],
      rows: [['Anna', long]],
    };
    const text = pdfText(await pdfFromSheet(sheet, head, 'de'), false).replace(/\s+/g, ' ');
    expect(text).toContain(long);
  });
});
