/**
 * The "Datensicherung" keeps what a person took on purpose and can be moved (issue #19, items
 * 6 and 7): a backup made by hand and the safety generation before an import and a restore
 * survive the automatic backup on close of the same day, the list says how long each is kept,
 * and those can be deleted by hand; folder and passphrase change in the UI, and a folder that
 * does not exist is created only after asking. The real `tutti start --browser` in Debian's
 * Chromium at 1366×768, a real folder, and a restart of the program in between.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DesktopSession, desktopSession } from '../support/desktopSession.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const PASSPHRASE = 'Herbstkonzert in der Stadthalle';
const NEW_PASSPHRASE = 'Frühjahrskonzert im Kurpark 2027';
const SLOW = { timeout: 20_000 };
const DATE = /\d{2}\.\d{2}\.\d{4}/;

const session = desktopSession({ prefix: 'tutti-keep-backups-' });
let page: Page;
let app: TuttiApp;
let temp: DesktopSession['temp'];
beforeAll(() => {
  ({ page, app, temp } = session);
});

const rows = () => page.getByTestId('backup-generations').locator('tbody tr');
const kinds = () => rows().getByTestId('backup-kind').allTextContents();
const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tar.gz.age'));

async function addMember(firstName: string, lastName: string): Promise<void> {
  await app.goTo('members');
  await page.getByTestId('new-member').click();
  await app.fill({ firstName, lastName });
  await app.save();
  await app.row(`${lastName}, ${firstName}`).waitFor();
}

async function answerFolderQuestion(folder: string): Promise<void> {
  const question = page.getByTestId('backup-create-folder-question');
  await question.waitFor(SLOW);
  expect(await question.textContent()).toContain(`Den Ordner ${folder} gibt es nicht.`);
  await page.getByTestId('backup-create-folder').click();
}

describe('backups a person took stay', () => {
  const stick = () => join(temp.dir, 'usb-stick');

  it('keeps the manual backup and the safety generation before an import through the backup on close', async () => {
    await addMember('Berta', 'Bleibt');
    await app.goTo('backup');
    await page.getByTestId('backup-folder').fill(stick());
    await page.getByTestId('backup-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-passphrase-repeat').fill(PASSPHRASE);
    await page.getByTestId('backup-setup').click();
    await answerFolderQuestion(stick());
    await page.getByTestId('backup-now').click();
    await expect.poll(kinds, SLOW).toEqual(['Von Hand']);
    expect(await rows().first().getByTestId('backup-kept').textContent()).toMatch(
      new RegExp(`^mindestens bis ${DATE.source}$`),
    );

    // An import: the preview says a safety generation will be made, the report when it was.
    const csv = join(temp.dir, 'neue-mitglieder.csv');
    writeFileSync(csv, 'Vorname;Nachname\nImke;Import\n');
    await app.goTo('import');
    await page.locator('input[type="file"]').first().setInputFiles(csv);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-preview').click();
    expect(await page.getByTestId('import-safety-note').textContent()).toContain(stick());
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor(SLOW);
    expect(await page.getByTestId('import-safety-backup').textContent()).toMatch(
      new RegExp(`Sicherung vor dem Import: ${DATE.source}`),
    );

    // More work, then the program is closed (automatic backup) and started again.
    await addMember('Nora', 'Nachher');
    await session.restart();
    expect(files(stick())).toHaveLength(3);
    await app.goTo('backup');
    await expect.poll(kinds, SLOW).toEqual(['Automatisch', 'Vor einem Import', 'Von Hand']);
    expect(await rows().first().getByTestId('backup-kept').textContent()).toBe(
      'nach der Aufbewahrungsregel',
    );
  }, 180_000);

  it('deletes a manual backup by hand after asking; automatic ones have no delete button', async () => {
    expect(await rows().first().getByTestId('backup-delete-open').count()).toBe(0);
    const manual = rows().filter({ hasText: 'Von Hand' });
    await manual.getByTestId('backup-delete-open').click();
    await page.getByTestId('backup-delete-cancel').click();
    expect(await kinds()).toHaveLength(3);
    await manual.getByTestId('backup-delete-open').click();
    await page.getByTestId('backup-delete').click();
    await expect.poll(kinds).toEqual(['Automatisch', 'Vor einem Import']);
    expect(files(stick()).some((f) => f.endsWith('-manual.tar.gz.age'))).toBe(false);
  }, 60_000);

  it('makes a safety generation before a restore and lists it', async () => {
    await rows().first().getByTestId('backup-restore-open').click();
    await page.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-restore').click();
    await expect
      .poll(() => page.getByTestId('backup-restore-result').textContent(), SLOW)
      .toMatch(/Vorher wurde eine Sicherung des bisherigen Stands angelegt/);
    // The rotation keeps the newest of the day: the safety generation replaces the automatic
    // one of this morning; the one before the import is kept on purpose.
    await expect.poll(kinds, SLOW).toEqual(['Vor einer Wiederherstellung', 'Vor einem Import']);
  }, 60_000);
});

describe('moving the backups and changing the passphrase', () => {
  it('changes the folder after asking to create it, and says where the older backups stay', async () => {
    const old = join(temp.dir, 'usb-stick');
    const other = join(temp.dir, 'zweiter-stick');
    await page.getByTestId('backup-change-folder').click();
    await page.getByTestId('backup-folder').fill(other);
    await page.getByTestId('backup-passphrase').fill('nicht die Passphrase');
    await page.getByTestId('backup-move').click();
    await answerFolderQuestion(other);
    await expect
      .poll(() => page.getByTestId('backup-move-form').textContent(), SLOW)
      .toContain('Die Passphrase der Datensicherung ist falsch.');
    await page.getByTestId('backup-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-move').click();
    await expect
      .poll(() => page.getByTestId('backup-folder-current').textContent(), SLOW)
      .toBe(other);
    expect(await page.getByTestId('backup-moved').textContent()).toContain(old);
    expect(existsSync(other)).toBe(true);
    expect(files(old)).toHaveLength(2);
  }, 60_000);

  it('changes the passphrase: the old one no longer opens a backup, the new one does', async () => {
    await page.getByTestId('backup-change-passphrase').click();
    await page.getByTestId('backup-old-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-new-passphrase').fill(NEW_PASSPHRASE);
    await page.getByTestId('backup-new-passphrase-repeat').fill(NEW_PASSPHRASE);
    await page.getByTestId('backup-passphrase-save').click();
    await page.getByTestId('backup-passphrase-changed').waitFor(SLOW);
    await page.getByTestId('backup-now').click();
    await expect.poll(kinds, SLOW).toEqual(['Von Hand']);
    const row = rows().first();
    await row.getByTestId('backup-verify-open').click();
    await row.getByTestId('backup-verify-passphrase').fill(PASSPHRASE);
    await row.getByTestId('backup-verify').click();
    await expect
      .poll(() => row.getByTestId('backup-verify-result').textContent(), SLOW)
      .toBe('Die Passphrase der Datensicherung ist falsch. Bitte erneut eingeben.');
    await row.getByTestId('backup-verify-passphrase').fill(NEW_PASSPHRASE);
    await row.getByTestId('backup-verify').click();
    await expect
      .poll(() => row.getByTestId('backup-verify-result').textContent(), SLOW)
      .toMatch(/^In Ordnung/);
  }, 90_000);
});
