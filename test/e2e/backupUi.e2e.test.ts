/**
 * "Datensicherung" in the desktop UI: the real `tutti start --browser`, Debian's Chromium, a
 * real folder. Set up with a passphrase (refused at the field when too short, with a strength
 * hint), back up now, see the generation, verify it; the reminder goes once a backup exists.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DesktopSession, desktopSession } from '../support/desktopSession.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const PASSPHRASE = 'Herbstkonzert in der Stadthalle';
const SLOW = { timeout: 15_000 };

const session = desktopSession({ prefix: 'tutti-backup-ui-' });
let page: Page;
let app: TuttiApp;
let temp: DesktopSession['temp'];
beforeAll(() => {
  ({ page, app, temp } = session);
});

describe('backups in the desktop UI', () => {
  it('sets up, backs up, lists and verifies; a short passphrase is refused at the field', async () => {
    await app.goTo('members');
    await page.getByTestId('new-member').click();
    await app.fill({ firstName: 'Berta', lastName: 'Backup' });
    await app.save();
    await app.row('Backup, Berta').waitFor();

    await app.goTo('backup');
    await expect.poll(() => page.getByTestId('backup-reminder').isVisible()).toBe(true);
    const stick = join(temp.dir, 'usb-stick');
    await page.getByTestId('backup-folder').fill(stick);
    await page.getByTestId('backup-passphrase').fill('zu kurz');
    await expect.poll(() => page.getByTestId('backup-strength').textContent()).toBe('zu kurz');
    await page.getByTestId('backup-passphrase-repeat').fill('zu kurz');
    await page.getByTestId('backup-setup').click();
    await expect
      .poll(() =>
        page
          .getByText('Die Passphrase der Datensicherung muss mindestens 12 Zeichen lang sein.')
          .isVisible(),
      )
      .toBe(true);

    await page.getByTestId('backup-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-passphrase-repeat').fill(PASSPHRASE);
    await page.getByTestId('backup-setup').click();
    // The stick's folder does not exist yet: created only after asking.
    await page.getByTestId('backup-create-folder-question').waitFor(SLOW);
    expect(existsSync(stick)).toBe(false);
    await page.getByTestId('backup-create-folder').click();
    await page.getByTestId('backup-now').click();
    await expect
      .poll(() => page.getByTestId('backup-last').textContent(), SLOW)
      .toMatch(/^Letzte Sicherung: \d{2}\.\d{2}\.\d{4}/);
    await expect.poll(() => page.getByTestId('backup-reminder').count()).toBe(0);
    expect(existsSync(join(stick, 'tutti-schluessel.age'))).toBe(true);
    expect(readdirSync(stick).filter((f) => f.endsWith('.tar.gz.age'))).toHaveLength(1);

    const rows = page.getByTestId('backup-generations').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByTestId('backup-verify-open').click();
    await rows.first().getByTestId('backup-verify-passphrase').fill('eine falsche Passphrase');
    await rows.first().getByTestId('backup-verify').click();
    // Opening the key file takes seconds on purpose (scrypt against guessing).
    await expect
      .poll(() => rows.first().getByTestId('backup-verify-result').textContent(), SLOW)
      .toBe('Die Passphrase der Datensicherung ist falsch. Bitte erneut eingeben.');
    await rows.first().getByTestId('backup-verify-passphrase').fill(PASSPHRASE);
    await expect.poll(() => rows.first().getByTestId('backup-verify').isEnabled()).toBe(true);
    await rows.first().getByTestId('backup-verify').click();
    await expect
      .poll(() => rows.first().getByTestId('backup-verify-result').textContent(), SLOW)
      .toBe('In Ordnung: vollständig lesbar, 1 Mitglieder.');
  }, 120_000);

  it('restores a generation into the running program after asking for the passphrase', async () => {
    await app.goTo('members');
    await app.row('Backup, Berta').click();
    await app.fill({ lastName: 'Geändert' });
    await app.save();
    await app.row('Geändert, Berta').waitFor();

    await app.goTo('backup');
    const row = page.getByTestId('backup-generations').locator('tbody tr').first();
    await row.getByTestId('backup-restore-open').click();
    await page.getByTestId('backup-restore-passphrase').fill('eine falsche Passphrase');
    await page.getByTestId('backup-restore').click();
    await expect
      .poll(
        () =>
          page
            .getByText('Die Passphrase der Datensicherung ist falsch. Bitte erneut eingeben.')
            .isVisible(),
        SLOW,
      )
      .toBe(true);
    await page.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-restore').click();
    await expect
      .poll(() => page.getByTestId('backup-restore-result').textContent(), SLOW)
      .toMatch(/^Wiederhergestellt: Stand vom \d{2}\.\d{2}\.\d{4}.*vor-wiederherstellung-/);

    await app.goTo('members');
    await app.row('Backup, Berta').waitFor();
    expect(await app.row('Geändert, Berta').count()).toBe(0);
  }, 120_000);
});
