/**
 * The desktop tells what is true and finds what a person looks for (issue #20, items 3 and 4):
 * a club without a server is told its data lives on this computer only (no "changes waiting
 * for synchronisation"); the search folds like a German reader and searches what the lists
 * show; former members are out of the default list and one click away. The legacy club
 * imported, the real `tutti start --browser`, Debian's Chromium at 1366×768.
 */
import { hostname } from 'node:os';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopSession } from '../support/desktopSession.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-honest-', withLegacyClub: true });
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

const rowCount = async () =>
  Number(/\d+/.exec((await page.getByTestId('row-count').textContent()) ?? '')?.[0]);
const search = (text: string) => page.getByTestId('member-search').fill(text);

describe('a club without a server', () => {
  it('is told its data is on this computer only, not that changes wait', async () => {
    const bar = page.getByTestId('status-bar');
    await expect
      .poll(() => bar.innerText())
      .toContain('Nur auf diesem Computer gespeichert – kein Vereinsserver verbunden');
    expect(await bar.innerText()).not.toMatch(/warten auf Synchronisation|wartet auf/);
    // The computer's name, not a device id.
    expect(await page.getByTestId('device-name').textContent()).toBe(`Gerät: ${hostname()}`);
    await app.goTo('sync');
    expect(await page.getByTestId('sync-journal-empty').textContent()).toBe(
      'Nichts zu prüfen: Dieser Computer ist mit keinem Vereinsserver verbunden, alle Daten sind nur hier gespeichert.',
    );
  });
});

describe('search that finds', () => {
  it('folds like a German reader: ozturk, joerg, Muller', async () => {
    await app.goTo('members');
    await search('ozturk lea');
    await app.row('Öztürk, Lea').waitFor();
    await search('joerg fuchs');
    await app.row('Fuchs, Jörg').waitFor();
    await expect.poll(rowCount).toBe(1);
  });

  it('searches the register names the list shows', async () => {
    await search('floten');
    await expect.poll(rowCount).toBeGreaterThan(0);
    const rows = await page.locator('[data-testid="data-table"] tbody tr').allInnerTexts();
    for (const row of rows) expect(row).toContain('Flöten');
  });

  it('leaves former members out until one click shows them', async () => {
    await search('');
    await expect.poll(rowCount).toBe(350);
    const show = page.getByTestId('show-former-members');
    expect(await show.textContent()).toBe('50 ausgetretene Mitglieder ausgeblendet – anzeigen');
    await show.click();
    await expect.poll(rowCount).toBe(400);
    await expect.poll(() => show.count()).toBe(0);
  });

  it('finds an instrument by the name of the member who has it', async () => {
    await app.goTo('instruments');
    await page.locator('[data-testid="data-table"] tbody tr').first().waitFor();
    const borrowers = await page
      .locator('[data-testid="data-table"] tbody tr td:last-child')
      .allInnerTexts();
    const borrower = borrowers.map((b) => b.trim()).find((b) => /[äöüÄÖÜß]/.test(b));
    expect(borrower, 'an instrument lent to someone with an umlaut in the name').toBeTruthy();
    // Typed without umlauts, as on a keyboard without them.
    const typed = borrower!.replace(/ä/g, 'ae').replace(/ö/g, 'o').replace(/ü/g, 'ue');
    await page.getByTestId('instrument-search').fill(typed);
    await expect.poll(rowCount).toBeGreaterThan(0);
    const rows = await page.locator('[data-testid="data-table"] tbody tr').allInnerTexts();
    expect(rows.some((row) => row.includes(borrower!))).toBe(true);
  });
});

describe('a layout that fits 1366 × 768', () => {
  it('shows the member list without sideways scrolling, and status badges whole', async () => {
    await app.goTo('members');
    await page.getByTestId('member-search').fill('');
    const table = page.getByTestId('data-table');
    await table.locator('tbody tr').first().waitFor();
    const { scrollWidth, clientWidth } = await table.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const cut = await table
      .locator('.mantine-Badge-label')
      .evaluateAll((labels) =>
        labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent),
      );
    expect(cut).toEqual([]);
  });

  it('sorts by a click anywhere in the heading cell, and never leaves the list unsorted', async () => {
    const heading = page.getByRole('columnheader', { name: /Ort/ });
    const box = (await heading.boundingBox())!;
    const clickRightEdge = () => page.mouse.click(box.x + box.width - 4, box.y + box.height / 2);
    await clickRightEdge();
    await expect.poll(() => heading.getAttribute('aria-sort')).toBe('ascending');
    await clickRightEdge();
    await expect.poll(() => heading.getAttribute('aria-sort')).toBe('descending');
    await clickRightEdge();
    await expect.poll(() => heading.getAttribute('aria-sort')).toBe('ascending');
  });

  it('has room for a whole IBAN', async () => {
    await page.getByTestId('new-member').click();
    await app.memberTab('bank');
    const iban = app.field('iban');
    await iban.fill('DE89 3704 0044 0532 0130 00');
    const fits = await iban.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await app.discard();
  });
});
