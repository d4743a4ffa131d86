/**
 * Issue #22, first parts: the honours members received — imported from the old program, listed
 * newest first and searchable; one is recorded, corrected, deleted and brought back — and the
 * birthdays and anniversaries of a period, listed only for members who consented to their
 * publication. The real `tutti start --browser` with the legacy club imported, in Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopSession } from '../support/desktopSession.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-honours-', withLegacyClub: true });
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

const rows = () => page.locator('[data-testid="data-table"] tbody tr');

describe('honours', () => {
  it('lists the imported honours, newest first, and finds them by member', async () => {
    await app.goTo('honours');
    await expect.poll(() => rows().count()).toBeGreaterThan(10);
    const dates = await rows().evaluateAll((trs) =>
      trs
        .slice(0, 5)
        .map((tr) => tr.querySelector('td')!.textContent!.split('.').reverse().join('-')),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    const someone = (await rows().first().locator('td').nth(1).textContent())!.trim();
    await page.getByTestId('honour-search').fill(someone.split(',')[0]!);
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    for (const cell of await rows().locator('td:nth-child(2)').allTextContents())
      expect(cell).toContain(someone.split(',')[0]!);
    await page.getByTestId('honour-search').fill('');
  });

  it('records an honour, corrects it, deletes it and undoes the deletion', async () => {
    await page.getByTestId('new-honour').click();
    const dialog = app.dialog();
    // The picker names a member with the town: "Schulz, Nicole (…)".
    await app.field('memberId', dialog).click();
    await app.field('memberId', dialog).pressSequentially('Schulz Nicole');
    await page
      .getByRole('option', { name: /^Schulz, Nicole/ })
      .first()
      .click();
    await app.fill({ kind: 'Ehrennadel in Silber', date: '12.03.2026' }, dialog);
    await app.save();
    await page.getByTestId('honour-search').fill('Ehrennadel in Silber Schulz');
    await expect.poll(() => rows().count()).toBe(1);

    await rows().first().click();
    await app.fill({ kind: 'Ehrennadel in Gold' }, app.dialog());
    await app.save();
    await page.getByTestId('honour-search').fill('Ehrennadel in Gold Schulz');
    await expect.poll(() => rows().count()).toBe(1);

    await rows().first().click();
    await app.dialog().getByTestId('delete').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => rows().count()).toBe(0);
    await page
      .locator('.mantine-Notification-root', { hasText: 'wurde gelöscht' })
      .getByRole('button', { name: 'Rückgängig' })
      .click();
    await expect.poll(() => rows().count()).toBe(1);

    // The member's dialog shows it too.
    await app.goTo('members');
    // All members, former ones too: the legacy club has both.
    await page.getByTestId('show-former-members').click();
    await page.getByTestId('member-search').fill('Schulz Nicole');
    await app.row('Schulz, Nicole').first().click();
    await app.memberTab('history');
    await expect
      .poll(() => page.getByTestId('member-honours').getByText('Ehrennadel in Gold').count())
      .toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('member-search').fill('');
    await app.goTo('honours');
  });

  it('refuses an honour without member and date, at the fields', async () => {
    await page.getByTestId('honour-search').fill('');
    await page.getByTestId('new-honour').click();
    await app.fill({ kind: 'Ehrenbrief' }, app.dialog());
    await app.save();
    await expect.poll(() => app.errorAt('memberId').count()).toBe(1);
    await expect.poll(() => app.errorAt('date').count()).toBe(1);
    // The cursor sits in the member picker: its list closes first, then the dialog asks.
    await app.dialog().getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('honour-form').count()).toBe(0);
  });
});

describe('birthdays and anniversaries', () => {
  it('lists the occasions of the period, and says who was left out for want of consent', async () => {
    await app.goTo('birthdays');
    await app.fill({ from: '01.01.2026', to: '31.12.2026' });
    // The legacy club's members gave no consent to publication: none is listed, all are counted.
    await page.getByTestId('birthdays-left-out').waitFor();
    expect(await page.getByTestId('birthdays').count()).toBe(0);
    expect(await page.getByTestId('birthdays-left-out').textContent()).toMatch(
      /^\d+ Mitglieder mit einem Anlass/,
    );

    // A member who consented is listed with the occasion.
    await app.goTo('members');
    await page.getByTestId('new-member').click();
    await app.fill({ firstName: 'Greta', lastName: 'Gratulation', birthDate: '14.07.1966' });
    await app.memberTab('history');
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await page.getByLabel('Zweck, Zeile 1').click();
    await page.getByRole('option', { name: 'Geburtstage und Jubiläen veröffentlichen' }).click();
    await app.save();
    await app.goTo('birthdays');
    await app.fill({ from: '01.07.2026', to: '31.07.2026' });
    const row = page.getByTestId('birthdays').locator('tr', { hasText: 'Gratulation, Greta' });
    await expect.poll(() => row.textContent()).toBe('14.07.2026Gratulation, Greta60. Geburtstag');
  });
});
