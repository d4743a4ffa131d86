/**
 * The desktop for keyboard and screen-reader users (issue #20): the sidebar is reached and used
 * with Tab and Enter alone, and every view and dialog has no serious or critical axe-core
 * violation. The real `tutti start --browser` with the legacy club imported, Debian's Chromium
 * at 1366×768, in German and in English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { type DesktopSession, desktopSession } from '../support/desktopSession.ts';
import { fixture } from '../support/fixtures.ts';
import { SECTIONS, type TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-a11y-', withLegacyClub: true });
let page: Page;
let app: TuttiApp;
let temp: DesktopSession['temp'];
beforeAll(() => {
  ({ page, app, temp } = session);
});

/** Presses Tab until the element with this test id has the focus; fails after `limit` presses. */
async function tabTo(testId: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

async function expectAccessible(what: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, what).toEqual([]);
}

describe('keyboard alone', () => {
  it('tabs through the sidebar and opens every page with Enter, focus visible', async () => {
    for (const section of SECTIONS) {
      // From the control before the sidebar, with Tab: the focus is a keyboard user's.
      await page.getByTestId(`nav-${SECTIONS[0]}`).focus();
      await page.keyboard.press('Shift+Tab');
      await tabTo(`nav-${section}`, SECTIONS.length + 1);
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline, `focus of ${section}`).not.toMatch(/^none|0px$/);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId(`nav-${section}`).getAttribute('aria-current'))
        .toBe('page');
      // A page whose code loads on first use (the statistics) shows its heading once loaded.
      await expect
        .poll(() => page.locator('h1').count(), { message: `one h1 on ${section}` })
        .toBe(1);
    }
  });
});

describe('axe-core on every view and dialog', () => {
  for (const language of ['de', 'en'] as const) {
    it(`finds nothing serious on the views (${language})`, async () => {
      if (language === 'en') {
        await page.getByLabel('Sprache').click();
        await page.getByRole('option', { name: 'English' }).click();
      }
      for (const section of SECTIONS) {
        await app.goTo(section);
        await page.locator('h1').waitFor();
        await expectAccessible(`${section} (${language})`);
      }
      if (language === 'en') {
        // The English UI shows no German, not even in the dialogs' own buttons.
        expect(await page.locator('body').innerText()).not.toMatch(/Abbrechen|Speichern|Mitglied/);
        await page.getByLabel('Language').click();
        await page.getByRole('option', { name: 'Deutsch' }).click();
      }
    });
  }

  it('finds nothing serious in the dialogs', async () => {
    await app.goTo('members');
    await page.getByTestId('new-member').click();
    for (const tab of ['person', 'contact', 'club', 'history', 'bank']) {
      await app.memberTab(tab);
      await expectAccessible(`new member, tab ${tab}`);
    }
    await page.keyboard.press('Escape');

    await app.goTo('registers');
    await page.locator('[data-testid="data-table"] tbody tr').first().click();
    await app.dialog().waitFor();
    await expectAccessible('register');
    await page.keyboard.press('Escape');

    await app.goTo('instruments');
    await page.locator('[data-testid="data-table"] tbody tr').first().click();
    for (const tab of ['tab-loans', 'tab-maintenance']) {
      await page.getByTestId(tab).click();
      await expectAccessible(`instrument, ${tab}`);
    }
    await page.keyboard.press('Escape');

    await app.goTo('events');
    await page.getByTestId('new-event').click();
    await app.dialog().waitFor();
    await expectAccessible('new event');
    await app.fill({ title: 'Gesamtprobe', date: '01.12.2026', location: 'Probelokal' });
    await app.save();
    await page.getByTestId('event-item').first().click();
    await page.getByTestId('attendance-sheet').waitFor();
    await page.keyboard.press('Tab');
    await expectAccessible('attendance sheet');

    // The backups set up, with a generation and the restore question.
    await app.goTo('backup');
    await page.getByTestId('backup-folder').fill(join(temp.dir, 'stick'));
    await page.getByTestId('backup-passphrase').fill('Herbstkonzert in der Stadthalle');
    await page.getByTestId('backup-passphrase-repeat').fill('Herbstkonzert in der Stadthalle');
    await page.getByTestId('backup-setup').click();
    await page.getByTestId('backup-create-folder').click();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-generations').waitFor();
    await expectAccessible('backups with a generation');
    await page.getByTestId('backup-restore-open').click();
    await page.getByTestId('backup-restore-passphrase').waitFor();
    await expectAccessible('restore question');
    await page.keyboard.press('Escape');
    await page.getByTestId('backup-change-folder').click();
    await page.getByTestId('backup-move-form').waitFor();
    await expectAccessible('change of backup folder');
    await page.getByTestId('backup-change-passphrase').click();
    await page.getByTestId('backup-passphrase-form').waitFor();
    await expectAccessible('change of backup passphrase');

    // Correcting a maintenance entry, inside the instrument dialog.
    await app.goTo('instruments');
    await page.locator('[data-testid="data-table"] tbody tr').first().click();
    await page.getByTestId('tab-maintenance').click();
    await app.fill({ date: '12.10.2026', work: 'Ventil geölt', cost: '12,50' });
    await page.getByTestId('add-maintenance').click();
    await page.getByTestId('edit-maintenance').first().click();
    await page.getByTestId('maintenance-edit-form').waitFor();
    await expectAccessible('maintenance entry being corrected');
    await page.getByTestId('maintenance-edit-form').getByTestId('cancel-edit').click();
    await page.keyboard.press('Escape');
  });

  it('finds nothing serious in an imported member, the questions and the wizard steps', async () => {
    await app.goTo('members');
    await page.locator('[data-testid="data-table"] tbody tr').first().click();
    for (const tab of ['person', 'contact', 'club', 'history', 'bank']) {
      await app.memberTab(tab);
      await expectAccessible(`imported member, tab ${tab}`);
    }
    // The question before discarding typed values, and the one before deleting.
    await app.memberTab('person');
    await app.fill({ firstName: 'geändert' });
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-question').waitFor();
    await expectAccessible('discard question');
    await page.getByTestId('discard-keep').click();
    await app.dialog().getByTestId('delete').click();
    await page.getByTestId('confirm-delete').waitFor();
    await expectAccessible('delete question');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('confirm-delete').count()).toBe(0);
    await app.discard();

    await app.goTo('import');
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(fixture('legacy', 'verein-beispiel.mdb'));
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-table-Mitglieder').waitFor();
    await expectAccessible('import mapping');
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-note').waitFor();
    await expectAccessible('import preview');
  });
});
