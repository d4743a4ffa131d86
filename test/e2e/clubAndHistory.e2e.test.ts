/**
 * The club's own record and a member's history in the desktop (issue #21): an administrator
 * fills in the club's details with federations and a creditor id that must check out; a
 * member's status change closes one membership period and opens the next; a consent is
 * recorded and withdrawn and stays in the list. The real `tutti start --browser` in Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates.ts';
import { desktopSession } from '../support/desktopSession.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-club-history-' });
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

const germanDate = (iso: string) => iso.split('-').reverse().join('.');

describe('the club’s own record', () => {
  it('is filled in once, checked, and kept', async () => {
    await app.goTo('club');
    const form = page.getByTestId('club-form');
    await app.fill({ name: 'Musikverein Harmonie Lindau', city: 'Lindau', foundedOn: '12.5.1888' });
    await form.getByRole('button', { name: 'Verband hinzufügen' }).click();
    await form.getByLabel('Verband 1', { exact: true }).fill('Bund Deutscher Blasmusikverbände');
    await form.getByLabel('Vereinsnummer beim Verband 1').fill('BDB-4711');
    // A creditor id with a wrong check digit is refused at its field, in words.
    await app.fill({ sepaCreditorId: 'DE99ZZZ09999999999' });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText(/Gläubiger-ID ist ungültig/).count()).toBeGreaterThan(0);
    await app.fill({ sepaCreditorId: 'DE98ZZZ09999999999' });
    // The charitable status runs out next month: the page says so once saved.
    const soon = new Date();
    soon.setUTCMonth(soon.getUTCMonth() + 1);
    await app.fill({ charitableUntil: germanDate(todayIso(soon)) });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('charitable-warning').waitFor();

    await session.restart();
    await app.goTo('club');
    expect(await app.field('name').inputValue()).toBe('Musikverein Harmonie Lindau');
    expect(await app.field('foundedOn').inputValue()).toBe('12.05.1888');
    expect(await app.field('sepaCreditorId').inputValue()).toBe('DE98ZZZ09999999999');
    expect(await page.getByLabel('Vereinsnummer beim Verband 1').inputValue()).toBe('BDB-4711');
  });
});

describe('a member’s history', () => {
  it('follows a status change, and keeps a withdrawn consent', async () => {
    await app.goTo('members');
    await page.getByTestId('new-member').click();
    await app.fill({ firstName: 'Vera', lastName: 'Verlauf', entryDate: '01.04.2015' });
    await app.memberTab('history');
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await page.getByLabel('Wie erteilt, Zeile 1').fill('Beitrittserklärung');
    await app.save();

    await app.row('Verlauf, Vera').click();
    await app.memberTab('person');
    await app.choose('status', 'passiv');
    await app.save();

    await app.row('Verlauf, Vera').click();
    await app.memberTab('history');
    const periods = page.getByTestId('memberships');
    await expect.poll(() => periods.locator('tbody tr').count()).toBe(2);
    const yesterday = new Date();
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    expect(await page.getByLabel('Von, Zeile 1').inputValue()).toBe('01.04.2015');
    expect(await page.getByLabel('Bis, Zeile 1').inputValue()).toBe(
      germanDate(todayIso(yesterday)),
    );
    expect(await page.getByLabel('Von, Zeile 2').inputValue()).toBe(germanDate(todayIso()));

    // A period ending before it starts is refused where it was typed, on its tab.
    await page.getByLabel('Bis, Zeile 1').fill('01.01.2000');
    await app.memberTab('person');
    await app.save();
    await expect
      .poll(() => page.getByText('Das Ende kann nicht vor dem Beginn liegen.').count())
      .toBe(1);
    expect(await page.getByTestId('member-tab-history').getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Bis, Zeile 1').fill(germanDate(todayIso(yesterday)));

    // Withdrawn today, the consent stays as a line with both dates.
    await page.getByRole('button', { name: 'Einwilligung in Zeile 1 heute widerrufen' }).click();
    await app.save();
    await app.row('Verlauf, Vera').click();
    await app.memberTab('history');
    expect(await page.getByLabel('Wie erteilt, Zeile 1').inputValue()).toBe('Beitrittserklärung');
    expect(await page.getByLabel('Widerrufen am, Zeile 1').inputValue()).toBe(
      germanDate(todayIso()),
    );
    await page.keyboard.press('Escape');
  });
});
