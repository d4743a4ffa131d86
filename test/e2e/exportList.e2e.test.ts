/**
 * Issue #23: the member list printed and exported from the UI, in Chromium against the real
 * `tutti start --browser` with the legacy club imported — with the list's search and sort, the
 * columns chosen; the PDF read back with pdftotext, the workbook with exceljs; the dialog
 * reached and used with the keyboard and clean for axe in German and English.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { desktopSession } from '../support/desktopSession.ts';
import { makeTempDir } from '../support/tempDir.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-export-', withLegacyClub: true });
const temp = makeTempDir('tutti-export-downloads-');
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});
afterAll(() => temp.cleanup());

const rows = () => page.locator('[data-testid="data-table"] tbody tr');

async function download(name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-run').click(),
  ]);
  const path = join(temp.dir, name);
  await file.saveAs(path);
  return path;
}

describe('printing and exporting the member list', () => {
  it('prints what the list shows — searched and sorted — as a PDF', async () => {
    await app.goTo('members');
    await page.getByTestId('member-search').fill('Schulz');
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    const shown = (await rows().locator('td:first-child').allTextContents()).map((s) => s.trim());

    await page.getByTestId('export-open').click();
    await page.getByTestId('export-dialog').waitFor();
    expect(await page.getByTestId('export-dialog').textContent()).toContain(
      `${shown.length} Einträge`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await download('mitglieder.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Mitglieder');
    expect(text).toMatch(/Vorname\s+Nachname\s+Straße/);
    expect(text).toContain(`Seite 1 von`);
    // Only the members the search found, in the list's order.
    const printed = text.split('\n').filter((line) => /\bSchulz\b/.test(line));
    expect(printed.length).toBe(shown.length);
    // The list's first column is the member number, and so is the printed one's.
    const positions = shown.map((number) =>
      printed.findIndex((line) => line.trim().startsWith(`${number} `)),
    );
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('exports the chosen columns as a workbook with typed dates, by keyboard alone', async () => {
    await page.getByTestId('export-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('export-dialog').waitFor();
    await page.getByLabel('Excel-Arbeitsmappe').check();
    await page.getByRole('checkbox', { name: 'Eintritt', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Telefon', exact: true }).uncheck();
    const xlsx = await download('mitglieder.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Eintritt');
    expect(header).not.toContain('Telefon');
    expect(sheet.rowCount - 1).toBe(await rows().count());
    const entry = header.indexOf('Eintritt') + 1;
    const dates = sheet
      .getRows(2, sheet.rowCount - 1)!
      .map((r) => r.getCell(entry).value)
      .filter((v) => v !== null);
    expect(dates.length).toBeGreaterThan(0);
    for (const value of dates) expect(value).toBeInstanceOf(Date);
    // The dialog closed after the export.
    await expect.poll(() => page.getByTestId('export-dialog').count()).toBe(0);
    await page.getByTestId('member-search').fill('');
  });

  it('prints address labels from a start position and a serial letter, mistakes named at their fields', async () => {
    await page.getByTestId('member-search').fill('Schulz');
    await expect.poll(() => rows().count()).toBeGreaterThan(1);
    const shown = await rows().count();
    await page.getByTestId('member-print-open').click();
    const dialog = page.getByTestId('member-print-dialog');
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.fill({ start: '22' });
    await page.getByTestId('member-print-run').click();
    await expect
      .poll(() => app.errorAt('start').textContent())
      .toBe('Ein Bogen hat 21 Etiketten: bitte eine Startposition von 1 bis 21.');
    await app.fill({ start: '20' });
    const [labels] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('member-print-run').click(),
    ]);
    const labelsPath = join(temp.dir, 'etiketten.pdf');
    await labels.saveAs(labelsPath);
    const pages = execFileSync('pdftotext', ['-layout', labelsPath, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    // Positions 20 and 21 on the first sheet, the rest on the next.
    expect(pages.length).toBe(shown > 2 ? 2 : 1);
    expect(pages[0]!.match(/Schulz/g)?.length).toBe(2);

    await page.getByTestId('member-print-open').click();
    await dialog.waitFor();
    await dialog.getByText('Serienbrief', { exact: true }).click();
    await app.fill({ subject: 'Einladung', body: 'Liebe(r) {{vornahme}}, wir laden ein.' });
    await page.getByTestId('member-print-run').click();
    await expect.poll(() => app.errorAt('body').textContent()).toContain('vornahme');
    expect(await seriousViolations(page)).toEqual([]);
    await app.fill({ body: 'wir laden Sie, {{vorname}}, herzlich ein.' });
    const [letters] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('member-print-run').click(),
    ]);
    const lettersPath = join(temp.dir, 'briefe.pdf');
    await letters.saveAs(lettersPath);
    const letterPages = execFileSync('pdftotext', [lettersPath, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(letterPages.length).toBe(shown);
    expect(letterPages[0]).toMatch(/Sehr geehrte(r)? (Frau|Herr) .*Schulz,|Guten Tag .*Schulz,/);
    expect(letterPages[0]).toMatch(/wir laden Sie, \S+, herzlich ein\./);
    await page.getByTestId('member-search').fill('');
  });

  it('says the dialog in English, axe-clean, and closes with Escape', async () => {
    await page.getByLabel('Sprache').click();
    await page.getByRole('option', { name: 'English' }).click();
    await app.goTo('instruments');
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    expect(text).toContain('PDF to print');
    expect(text).toContain('Columns');
    expect(text).not.toMatch(/Spalten|Exportieren|Einträge/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByLabel('Language').click();
    await page.getByRole('option', { name: 'Deutsch' }).click();
  });
});
