/**
 * The import wizard in the desktop UI: the real `tutti start --browser`, Debian's Chromium, the
 * legacy Access database chosen like a secretary chooses it. File → mapping (saved as a file)
 * → preview with counts → import → report saved; a wrong password is refused at its field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DesktopSession, desktopSession } from '../support/desktopSession.ts';
import { fixture } from '../support/fixtures.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const SLOW = { timeout: 20_000 };

const session = desktopSession({ prefix: 'tutti-import-ui-' });
let page: Page;
let app: TuttiApp;
let temp: DesktopSession['temp'];
beforeAll(() => {
  ({ page, app, temp } = session);
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

  it('takes another club layout: unmapped columns named and kept, one left out on purpose, doubtful values flagged', async () => {
    await app.goTo('import');
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(fixture('club', 'kapelle-anders.xlsx'));
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-table-Personen').waitFor(SLOW);
    // The abbreviated headers found their fields; the columns nobody mapped are named.
    expect(await page.getByTestId('import-field-Personen-KtoNr').inputValue()).toBe(
      'Kontonummer (alt)',
    );
    expect(await page.getByTestId('import-field-Personen-Reg').inputValue()).toBe(
      'Register (Name oder Nummer)',
    );
    expect(await page.getByTestId('import-unmapped-Personen').textContent()).toContain(
      'Ohne Zuordnung: Hobby.',
    );
    // The secretary leaves the hobby out on purpose; the insurance column stays unmapped.
    await page.getByTestId('import-field-Personen-Hobby').click();
    await page.getByRole('option', { name: '– bewusst auslassen –', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-unmapped-Personen').count()).toBe(0);

    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-note').waitFor(SLOW);
    expect(await page.getByTestId('import-unmapped').textContent()).toContain(
      'Inventar.Versicherung',
    );
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor(SLOW);

    // A doubtful IBAN is in its field, flagged, and the member is marked in the list.
    await app.goTo('members');
    await page.getByTestId('member-search').fill('Brunner');
    const row = app.row('Brunner, Berta');
    await row.waitFor(SLOW);
    expect(await row.getByTestId('review-mark').textContent()).toBe('Prüfen');
    await row.click();
    await page.getByTestId('review-notice').waitFor();
    expect(await page.getByTestId('review-notice').textContent()).toContain('IBAN');
    await page.getByTestId('member-tab-bank').click();
    expect(await page.locator('[data-field="iban"]').inputValue()).toBe(
      'DE89 3704 0044 0532 0130 01',
    );
    expect(await page.getByText('Bitte prüfen: so aus dem Import übernommen.').isVisible()).toBe(
      true,
    );
    // Saving another change keeps the flag (the IBAN was not corrected) and the kept values.
    await page.getByTestId('member-tab-contact').click();
    await page.locator('[data-field="phone"]').fill('06221 4711');
    await app.save();
    await row.click();
    await page.getByTestId('review-notice').waitFor();
    await page.getByTestId('member-tab-bank').click();
    // Corrected, the flag goes.
    await page.locator('[data-field="iban"]').fill('DE89 3704 0044 0532 0130 00');
    await app.save();
    await expect.poll(() => row.getByTestId('review-mark').count()).toBe(0);

    // The unmapped column's value is kept with the instrument, where the dialog shows it.
    await app.goTo('instruments');
    await page.getByTestId('instrument-search').fill('K-1');
    await app.row('K-1').click();
    await page.getByTestId('imported-values').waitFor();
    expect(await page.getByTestId('imported-values').textContent()).toContain('Police 17');
    await page.keyboard.press('Escape');
  }, 120_000);
});
