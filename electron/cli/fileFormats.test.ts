/**
 * `tutti export` and `tutti report` as Excel workbooks and PDFs (issue #23), read back with
 * exceljs and poppler's pdftotext, on real encrypted profiles.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportProfiles } from '../../test/support/reportProfiles.ts';

const profiles = reportProfiles();
const { tutti } = profiles;

describe('tutti export and tutti report as Excel and PDF (issue #23)', () => {
  const pdfText = (file: string) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

  it('exports the member list as a workbook with typed dates and as a printable PDF', async () => {
    const xlsx = join(profiles.dir, 'mitglieder.xlsx');
    const made = await tutti([
      'export',
      'members',
      '--profile',
      profiles.harmonie,
      '--format',
      'xlsx',
      '--out',
      xlsx,
    ]);
    expect(made.code, made.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const born = header.indexOf('Geburtsdatum') + 1;
    const meier = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(header.indexOf('Nachname') + 1).value === 'Meier')!;
    expect(meier.getCell(born).value).toEqual(new Date(Date.UTC(1976, 4, 3)));

    const pdf = join(profiles.dir, 'mitglieder.pdf');
    expect(
      (
        await tutti([
          'export',
          'members',
          '--profile',
          profiles.harmonie,
          '--format',
          'pdf',
          '--out',
          pdf,
        ])
      ).code,
    ).toBe(0);
    const text = pdfText(pdf);
    expect(text).toContain('Musikverein Harmonie Olpe');
    expect(text).toMatch(/Anna\s+Meier/);
    expect(text).toContain('Seite 1 von 1');
  });

  it('asks for --out for a workbook or a PDF instead of writing it to the terminal', async () => {
    const { code, stdout, stderr } = await tutti([
      'export',
      'members',
      '--profile',
      profiles.harmonie,
      '--format',
      'pdf',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('Fehler: --format pdf schreibt eine Datei: bitte --out DATEI angeben.\n');
  });

  it('leaves the sensitive columns out for a role without them', async () => {
    const xlsx = join(profiles.dir, 'vorstand.xlsx');
    expect(
      (
        await tutti([
          'export',
          'members',
          '--profile',
          profiles.vorstand,
          '--format',
          'xlsx',
          '--out',
          xlsx,
        ])
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const header = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Nachname');
    expect(header).not.toContain('Geburtsdatum');
    expect(header).not.toContain('IBAN');
  });

  it('prints the honours due and the Stärkemeldung, and says an incomplete list is incomplete in the file', async () => {
    const honours = join(profiles.dir, 'ehrungen.pdf');
    const done = await tutti([
      'report',
      'honours',
      '--year',
      '2026',
      '--profile',
      profiles.lueckenhaft,
      '--format',
      'pdf',
      '--out',
      honours,
    ]);
    expect(done.code).toBe(3);
    const text = pdfText(honours);
    expect(text).toContain('Fällige Ehrungen 2026');
    expect(text).toContain('Unvollständig');
    expect(text).toMatch(/Lang, Paul\s+VMB-Ehrennadel in Bronze/);

    const strength = join(profiles.dir, 'staerke.xlsx');
    expect(
      (
        await tutti([
          'report',
          'staerkemeldung',
          '--year',
          '2026',
          '--profile',
          profiles.harmonie,
          '--format',
          'xlsx',
          '--out',
          strength,
        ])
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(strength);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Stärkemeldung 2026',
      'Aktive Mitglieder am Stichtag',
      'Hinweise',
    ]);
    const active = workbook.worksheets[1]!;
    expect(active.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });
});
