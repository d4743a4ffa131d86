/**
 * Connecting the desktop program with the club server in the UI, and seeing what others change
 * arrive by itself: the real `tutti start --browser`, a real club server over mutual TLS,
 * Debian's Chromium.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { launchChromium, saveFailureScreenshot } from '../support/browser.ts';
import {
  saveAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../support/clubServerFixture.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { type RunningTutti, startTutti, writePassphraseFile } from '../support/tuttiProcess.ts';
import { TuttiApp } from './pages/tuttiApp.ts';

let browser: Browser;
let temp: ReturnType<typeof makeTempDir>;
let tutti: RunningTutti;
let server: TestClubServer;
let page: Page;
let app: TuttiApp;
let clubId: string;
let userId: string;

beforeAll(async () => {
  temp = makeTempDir('tutti-sync-ui-');
  server = await startTestClubServer();
  clubId = (await server.server.services.clubs.createClub('Musikverein im Browser')).id;
  userId = (
    await server.server.services.clubs.addUser(clubId, { name: 'Eva', role: 'administrator' })
  ).id;
  browser = await launchChromium();
  tutti = await startTutti(join(temp.dir, 'profile'), writePassphraseFile(temp.dir));
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' });
  page.setDefaultTimeout(10_000);
  app = new TuttiApp(page);
  await app.open(tutti.url);
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && !page.isClosed())
    await saveFailureScreenshot(page, context.task.name);
});

afterAll(async () => {
  await browser?.close();
  await tutti?.stop();
  await server?.stop();
  temp?.cleanup();
});

describe('sync in the desktop UI', () => {
  it('says at the field what is wrong with a code, then connects with the right one', async () => {
    await expect
      .poll(() => page.getByTestId('sync-phase').textContent())
      .toBe('Nur auf diesem Computer gespeichert – kein Vereinsserver verbunden');
    await app.goTo('sync');
    await page.getByTestId('sync-server-url').fill(server.webUrl);
    await page.getByTestId('sync-code').fill('tutti1.kein.echter.code');
    await page.getByTestId('sync-connect').click();
    await expect
      .poll(() => page.getByText('Das ist kein Tutti-Anmeldecode').isVisible())
      .toBe(true);

    const { code } = await server.server.services.devices.createCode(clubId, userId);
    await page.getByTestId('sync-code').fill(code);
    await page.getByTestId('sync-connect').click();
    await expect
      .poll(() => page.getByTestId('sync-phase').textContent(), { timeout: 15_000 })
      .toMatch(/^Abgeglichen um \d\d:\d\d$/);
    await expect.poll(() => page.getByText('Verbunden mit').isVisible()).toBe(true);
  });

  it('shows a member entered elsewhere without anyone pressing a button', async () => {
    await saveAsClubAdmin(server, clubId, 'members', newId(), {
      firstName: 'Rosa',
      lastName: 'Fernweh',
      status: 'aktiv',
    });
    await app.goTo('members');
    await expect.poll(() => page.getByText('Fernweh').isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('keeps a change the server refused in view, says why in the UI language, and discards it', async () => {
    // Eva is now the instrument keeper: she may read registers, not create them.
    await server.server.services.clubs.updateUser(clubId, userId, { role: 'instrumentenwart' });
    await app.goTo('registers');
    await page.getByTestId('new-register').click();
    await app.fill({ name: 'Schlagwerk' });
    await app.save();
    // The save went out at once and was refused; the register is still there, marked.
    const row = app.row('Schlagwerk');
    await expect
      .poll(() => row.getByTestId('rejected-mark').textContent(), { timeout: 15_000 })
      .toBe('Nicht übernommen');
    // The start page names it too, and leads to where it is dealt with.
    await app.goTo('overview');
    const syncCard = page.getByTestId('overview-sync');
    await expect
      .poll(() => syncCard.textContent())
      .toContain('1 Änderung hat der Vereinsserver abgelehnt.');
    expect(await syncCard.getAttribute('data-tone')).toBe('problem');
    await syncCard.getByRole('button', { name: 'Zum Abgleich' }).click();
    await expect.poll(() => page.getByTestId('nav-sync').getAttribute('aria-current')).toBe('page');
    await app.goTo('registers');
    await row.click();
    await expect
      .poll(() => app.dialog().getByTestId('rejection-reason').textContent())
      .toBe('Für diese Änderung fehlt die Berechtigung.');
    await page.keyboard.press('Escape');

    // In English, the same reason in English.
    await page.getByLabel('Sprache').click();
    await page.getByRole('option', { name: 'English' }).click();
    await app.row('Schlagwerk').click();
    await expect
      .poll(() => app.dialog().getByTestId('rejection-reason').textContent())
      .toBe('Your role may not make this change.');
    await expect
      .poll(() => app.dialog().getByTestId('rejection-discard').textContent())
      .toBe('Discard');

    // Sent again unchanged, it is refused again; discarded, it goes.
    await app.dialog().getByTestId('rejection-resend').click();
    await expect.poll(() => page.getByTestId('rejected-mark').count(), { timeout: 15_000 }).toBe(1);
    await page.keyboard.press('Escape');
    await app.row('Schlagwerk').click();
    await app.dialog().getByTestId('rejection-discard').click();
    await expect.poll(() => app.row('Schlagwerk').count()).toBe(0);
    await page.getByLabel('Language').click();
    await page.getByRole('option', { name: 'Deutsch' }).click();
  });

  it('shows each built-in role only what it may change, and says why a control is missing', async () => {
    const registerId = newId();
    await saveAsClubAdmin(server, clubId, 'registers', registerId, { name: 'Tuben', sortOrder: 5 });
    const ownId = newId();
    await saveAsClubAdmin(server, clubId, 'members', ownId, {
      firstName: 'Max',
      lastName: 'Muster',
      status: 'aktiv',
      registerIds: [registerId],
    });
    const cases = [
      {
        role: 'administrator',
        label: 'Administrator',
        member: true,
        bank: true,
        register: true,
        instrument: true,
      },
      {
        role: 'vorstand',
        label: 'Vorstand',
        member: true,
        bank: false,
        register: true,
        instrument: true,
      },
      {
        role: 'kassier',
        label: 'Kassier',
        member: true,
        bank: true,
        register: false,
        instrument: false,
      },
      {
        role: 'registerfuehrer',
        label: 'Registerführer',
        member: false,
        bank: false,
        register: false,
        instrument: false,
      },
      {
        role: 'instrumentenwart',
        label: 'Instrumentenwart',
        member: false,
        bank: false,
        register: false,
        instrument: true,
      },
      {
        role: 'mitglied',
        label: 'Mitglied',
        member: false,
        bank: true,
        register: false,
        instrument: false,
      },
    ] as const;
    for (const c of cases) {
      await server.server.services.clubs.updateUser(clubId, userId, {
        role: c.role,
        registerIds: c.role === 'registerfuehrer' ? [registerId] : [],
        memberId: c.role === 'mitglied' ? ownId : null,
      });
      await app.goTo('sync');
      await page.getByTestId('sync-now').click();
      // The device learnt the new role with the pull.
      await expect
        .poll(() => page.getByTestId('role').textContent(), { timeout: 15_000 })
        .toBe(`Rolle: ${c.label}`);
      await app.goTo('members');
      const shown = async (id: string) => (await page.getByTestId(id).count()) > 0;
      await expect
        .poll(() => shown(c.member ? 'new-member' : 'no-new-member'), { timeout: 15_000 })
        .toBe(true);
      if (!c.member)
        expect(await page.getByTestId('no-new-member').textContent()).toBe(
          `Ihre Rolle „${c.label}“ darf keine Mitglieder anlegen.`,
        );
      // Every role here sees Max: bank data only where the role may read it.
      await app.row('Muster, Max').click();
      expect(await page.getByTestId('member-tab-bank').count()).toBe(c.bank ? 1 : 0);
      expect(await page.getByTestId('sensitive-hidden').count()).toBe(c.bank ? 0 : 1);
      expect(await page.getByTestId('read-only').count()).toBe(c.member ? 0 : 1);
      await page.keyboard.press('Escape');
      await app.goTo('registers');
      expect(await shown(c.register ? 'new-register' : 'no-new-register')).toBe(true);
      await app.goTo('instruments');
      expect(await shown(c.instrument ? 'new-instrument' : 'no-new-instrument')).toBe(true);
    }
  }, 120_000);
});
