/**
 * The import wizard in the desktop UI: the real `tutti start --browser`, Debian's Chromium, the
 * legacy Access database chosen like a secretary chooses it. File → mapping (saved as a file)
 * → preview with counts → import → report saved; a wrong password is refused at its field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveFailureScreenshot } from '../support/browser.ts';
import { fixture } from '../support/fixtures.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { type RunningTutti, startTutti, writePassphraseFile } from '../support/tuttiProcess.ts';
import { TuttiApp } from './pages/tuttiApp.ts';

const SLOW = { timeout: 20_000 };

let browser: Browser;
let temp: ReturnType<typeof makeTempDir>;
let tutti: RunningTutti;
let page: Page;
let app: TuttiApp;

beforeAll(async () => {
  temp = makeTempDir('tutti-import-ui-');
  browser = await launchChromium();
  tutti = await startTutti(join(temp.dir, 'profile'), writePassphraseFile(temp.dir));
  page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
    locale: 'de-DE',
    acceptDownloads: true,
  });
  page.setDefaultTimeout(15_000);
  app = new TuttiApp(page);
  await app.open(tutti.url);
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && !page.isClosed()) {
    await saveFailureScreenshot(page, context.task.name);
    console.error(tutti.stderr());
  }
});

afterAll(async () => {
  await browser?.close();
  await tutti?.stop();
  temp?.cleanup();
});

async function downloaded(click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(temp.dir, download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

describe('the import wizard', () => {
  it('refuses a wrong database password at the password field', async () => {
    await app.goTo('import');
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(fixture('mdb-reader', 'password-V2010_with-password.accdb'));
    await page.getByTestId('import-password').fill('falsch');
    await page.getByTestId('import-open').click();
    await expect
      .poll(
        () =>
          page
            .getByText('Das Passwort der Access-Datenbank ist falsch.', { exact: false })
            .isVisible(),
        SLOW,
      )
      .toBe(true);
    await page.getByTestId('import-password').fill('');
  }, 60_000);

  it('imports the legacy database: mapping, preview, import with progress, report', async () => {
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(fixture('legacy', 'verein-beispiel.mdb'));
    await page.getByTestId('import-open').click();
    const members = page.getByTestId('import-table-Mitglieder');
    await members.waitFor(SLOW);
    expect(await members.getByText('400 Zeilen').isVisible()).toBe(true);
    expect(await page.getByTestId('import-field-Mitglieder-Geburtsdatum').inputValue()).toBe(
      'Geburtsdatum',
    );
    expect(await page.getByTestId('import-field-Mitglieder-RegisterNr').inputValue()).toBe(
      'Register (Name oder Nummer)',
    );

    // The loan table's member and instrument numbers are numbers, not the file's keys: said
    // so in the mapping, it is saved with it.
    await page.getByTestId('import-references-Ausleihen').click();
    await page
      .getByRole('option', { name: 'Mitglieds- bzw. Inventarnummer oder Name', exact: true })
      .click();
    const mapping = JSON.parse(
      await downloaded(() => page.getByTestId('import-save-mapping').click()),
    );
    expect(
      mapping.tables.find((t: { source: string }) => t.source === 'Ausleihen').referencesBy,
    ).toBe('number');
    expect(mapping.format).toBe('tutti-import-mapping');
    expect(mapping.tables.map((t: { entity: string }) => t.entity).sort()).toEqual([
      'honours',
      'instruments',
      'loans',
      'members',
      'registers',
    ]);

    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-note').waitFor(SLOW);
    const count = (table: string) => page.getByTestId(`import-count-${table}`).locator('td');
    expect(await count('Mitglieder').allTextContents()).toEqual([
      'Mitglieder',
      'Mitglieder',
      '400',
      '400',
      '0',
      '0',
      '0',
    ]);
    expect(await count('Ausleihen').allTextContents()).toEqual([
      'Ausleihen',
      'Ausleihen',
      '66',
      '66',
      '0',
      '0',
      '0',
    ]);
    expect(await page.getByTestId('import-messages-warning').isVisible()).toBe(true);

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor(SLOW);
    const report = await downloaded(() => page.getByTestId('import-save-report').click());
    expect(report).toMatch(/^Tutti – Bericht über den Import\nDatei: verein-beispiel\.mdb/);
    expect(report).toContain(
      'Ehrungen → Ehrungen: 80 Zeilen = 80 neu + 0 aktualisiert + 0 unverändert + 0 nicht übernommen',
    );

    // The lists show the imported records at once (the list is long: found by its search).
    await app.goTo('members');
    await page.getByTestId('member-search').fill('Werner Julia');
    await app.row('Werner, Julia').first().waitFor(SLOW);
    await app.goTo('instruments');
    await page.getByTestId('instrument-search').fill('INV-0001');
    await app.row('INV-0001').waitFor(SLOW);
  }, 120_000);
});
