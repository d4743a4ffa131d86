/**
 * Issue #27: the web application — the same UI, served by the real club server over HTTPS, in
 * Debian's Chromium, on PGlite and on PostgreSQL. An invited administrator sets a password and
 * a second factor (the code computed here as an authenticator app would) and signs in; a
 * replayed code is refused, a recovery code works once; wrong passwords lock the account with
 * the time to try again; the cookie has its flags and a planted one is never taken over; a call
 * from another origin or without the CSRF token changes nothing; "Überall abmelden" ends every
 * session; a Registerführer sees only his register, the Vorstand sees no IBAN and cannot set
 * one; edits travel web → desktop (poke and pull) and desktop → open page (no reload); a field
 * changed meanwhile is a visible conflict, not a silent overwrite. The sign-in pages are
 * checked with axe and worked by keyboard alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pagesOf } from '../../renderer/src/app/navigation.ts';
import { newId } from '../../shared/domain/ids.ts';
import { SESSION_COOKIE, WEB_PATHS } from '../../shared/web/webProtocol.ts';
import { seriousViolations } from '../support/axe.ts';
import { launchChromium, saveFailureScreenshot } from '../support/browser.ts';
import {
  listAsClubAdmin,
  openPokeChannel,
  saveAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../support/clubServerFixture.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { type SyncedDesktop, syncedDesktop } from '../support/syncedDesktop.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { GERMAN, uiText } from '../support/uiLanguage.ts';
import { totpCode, WebClient } from '../support/webClient.ts';
import { TuttiApp } from './pages/tuttiApp.ts';

const PASSWORD = 'Posaunenchor übt dienstags';
const IBAN = 'DE89370400440532013000';

describe.each(['PGlite', 'PostgreSQL'])('the web application on %s', (database) => {
  let postgres: TestPostgres | undefined;
  let t: TestClubServer;
  let browser: Browser;
  let clubId = '';
  const brass = newId();
  const wood = newId();
  const horn = newId(); // a brass player with bank data
  const flute = newId(); // a woodwind player
  const users: Record<string, string> = {};
  const contexts: BrowserContext[] = [];
  let temp: ReturnType<typeof makeTempDir>;
  let current: Page | null = null;
  /** The administrator's authenticator secret and recovery codes, from the enrolment. */
  let adminSecret = '';
  let recoveryCodes: string[] = [];
  let enrolmentCode = '';
  /** The Registerführer's session, opened before his account is locked. */
  let leader: WebClient;

  const client = () => new WebClient(t.webUrl, t.dir.caCertificatePem());

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1366, height: 768 },
      locale: 'de-DE',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) console.error(m.text());
    });
    current = page;
    return page;
  }

  async function invite(userId: string): Promise<string> {
    const issued = await t.server.services.invitations.invite(clubId, userId);
    return `${t.webUrl}/?invite=${issued.token}`;
  }

  /** Accepts an invitation by HTTP, as a page would, and answers the signed-in client. */
  async function accepted(userId: string, loginName: string): Promise<WebClient> {
    const web = client();
    const token = new URL(await invite(userId)).searchParams.get('invite');
    let session = await web.step(WEB_PATHS.invite, { token, loginName, password: PASSWORD });
    if (session.stage === 'enrolSecondFactor') session = await web.step(WEB_PATHS.totpSkip);
    if (session.stage === 'chooseClub')
      session = await web.step(WEB_PATHS.chooseClub, { clubId: session.clubs[0]!.clubId });
    expect(session.stage).toBe('ready');
    return web;
  }

  /**
   * Signs in on the page: password, then the code (a recovery code for the administrator:
   * each TOTP step is taken once, and several sign-ins within 30 s would need the same one);
   * the offer of a second factor is put off where the role allows it.
   */
  async function signInOnPage(page: Page, loginName: string, recoveryCode?: string) {
    await page.goto(t.webUrl);
    await page.getByTestId('login-name').fill(loginName);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    if (recoveryCode) {
      await page.getByTestId('use-recovery-code').click();
      await page.getByTestId('second-factor-code').fill(recoveryCode);
      await page.getByTestId('second-factor-submit').click();
    }
    const later = page.getByTestId('totp-later');
    await page
      .getByTestId('overview')
      .or(later)
      .or(page.getByTestId('sign-in-error'))
      .first()
      .waitFor();
    if (await later.isVisible()) await later.click();
  }

  async function cookieOf(page: Page) {
    return (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  }

  beforeAll(async () => {
    temp = makeTempDir('tutti-web-');
    if (database === 'PostgreSQL') postgres = await startTestPostgres();
    t = await startTestClubServer({ databaseUrl: postgres?.url });
    const services = t.server.services;
    clubId = (await services.clubs.createClub('Musikverein Harmonie')).id;
    await saveAsClubAdmin(t, clubId, 'registers', brass, { name: 'Blech', sortOrder: 1 });
    await saveAsClubAdmin(t, clubId, 'registers', wood, { name: 'Holz', sortOrder: 2 });
    await saveAsClubAdmin(t, clubId, 'members', horn, {
      firstName: 'Berta',
      lastName: 'Horn',
      status: 'aktiv',
      phone: '0111 1111',
      registerIds: [brass],
      iban: IBAN,
      accountHolder: 'Berta Horn',
    });
    await saveAsClubAdmin(t, clubId, 'members', flute, {
      firstName: 'Fritz',
      lastName: 'Flöte',
      status: 'aktiv',
      registerIds: [wood],
    });
    for (const [name, role, registerIds] of [
      ['Anna Admin', 'administrator', []],
      ['Viktor Vorstand', 'vorstand', []],
      ['Richard Register', 'registerfuehrer', [brass]],
    ] as const) {
      const user = await services.clubs.addUser(clubId, {
        name,
        role,
        registerIds: [...registerIds],
      });
      users[role] = user.id;
    }
    browser = await launchChromium();
  }, 120_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && current)
      await saveFailureScreenshot(current, `web-${database}-${context.task.name}`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await t?.stop();
    postgres?.stop();
    temp?.cleanup();
  });

  it('an invited administrator sets a password and a second factor, by keyboard, axe-clean', async () => {
    const page = await newPage();
    await page.goto(await invite(users.administrator!));
    // The token leaves the address bar at once.
    await expect.poll(() => page.url()).not.toContain('invite=');
    await page.getByTestId('invite-login-name').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // By keyboard alone: the first field has the focus, Tab goes on, Enter sends.
    await page.keyboard.type('anna.admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kurz');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kurz');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/12 Zeichen/);
    await page.getByTestId('invite-password').fill(PASSWORD);
    await page.getByTestId('invite-password-repeat').fill(PASSWORD);
    await page.getByTestId('invite-password-repeat').press('Enter');

    // The second factor is required for an administrator: no "later".
    await page.getByTestId('totp-secret').waitFor();
    expect(await page.getByTestId('totp-later').count()).toBe(0);
    expect(await page.getByTestId('totp-qr').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    adminSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await page.getByTestId('totp-code').fill('000000');
    await page.getByTestId('totp-confirm').click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Code stimmt nicht/);
    enrolmentCode = totpCode(adminSecret);
    await page.getByTestId('totp-code').fill(enrolmentCode);
    await page.getByTestId('totp-confirm').click();

    await page.getByTestId('recovery-codes').waitFor();
    recoveryCodes = (await page.getByTestId('recovery-codes').innerText()).match(
      /[a-z0-9]{5}-[a-z0-9]{5}/g,
    ) as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(await seriousViolations(page)).toEqual([]);
    // "Ausdrucken" prints the codes alone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('recovery-codes').isVisible()).toBe(true);
    expect(await page.getByTestId('recovery-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('recovery-saved').check();
    await page.getByTestId('recovery-continue').click();

    await page.getByTestId('overview').waitFor();
    await expect.poll(() => page.getByTestId('web-who').innerText()).toContain('anna.admin');
    // Only what the web application offers: no desktop pages.
    expect(await page.getByTestId('nav-sync').count()).toBe(0);
    expect(await page.getByTestId('nav-backup').count()).toBe(0);
    expect(await page.getByTestId('nav-import').count()).toBe(0);

    const cookie = await cookieOf(page);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.domain).toBe('localhost'); // host-only: `__Host-` has no Domain attribute
    expect(cookie?.value).toMatch(/^[\w-]{40,}$/);

    // The page carries a strict policy with a fresh nonce per answer.
    const answer = await client().send('GET', '/');
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(String(answer.headers['strict-transport-security'])).toContain('max-age=63072000');
  });

  it('refuses a replayed code, takes a recovery code once, then the next code', async () => {
    const page = await newPage();
    await page.goto(t.webUrl);
    await page.getByTestId('login-name').fill('anna.admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('second-factor-code').fill(enrolmentCode);
    await page.getByTestId('second-factor-code').press('Enter');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/schon verwendet/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('use-recovery-code').click();
    await page.getByTestId('second-factor-code').fill(recoveryCodes[0]!);
    await page.getByTestId('second-factor-submit').click();
    await page.getByTestId('overview').waitFor();

    const web = client();
    await web.step(WEB_PATHS.login, { loginName: 'anna.admin', password: PASSWORD });
    const reused = await web.send('POST', WEB_PATHS.secondFactor, { code: recoveryCodes[0] });
    expect(reused.status).toBeGreaterThanOrEqual(400);
    const next = await web.step(WEB_PATHS.secondFactor, { code: totpCode(adminSecret, 1) });
    expect(next.stage).toBe('ready');
    expect(next.secondFactor.recoveryCodesLeft).toBe(9);
  });

  it('plants no session: a cookie set before the sign-in is replaced and worth nothing', async () => {
    const page = await newPage();
    await page
      .context()
      .addCookies([
        { name: SESSION_COOKIE, value: 'planted-by-someone-else', url: t.webUrl, secure: true },
      ]);
    await signInOnPage(page, 'anna.admin', recoveryCodes[1]);
    await page.getByTestId('overview').waitFor();
    const cookie = await cookieOf(page);
    expect(cookie?.value).not.toBe('planted-by-someone-else');
    const planted = await client().send('GET', WEB_PATHS.session, undefined, {
      cookie: 'planted-by-someone-else',
    });
    expect(planted.body?.value?.stage ?? 'none').toBe('none');
  });

  it('changes nothing for a call from another origin or without the CSRF token', async () => {
    const page = await newPage();
    const web = await accepted(users.vorstand!, 'viktor');
    await page.goto(t.webUrl); // a page of the server, to read its session cookie below
    const draft = { firstName: 'Eve', lastName: 'Eindringling', status: 'aktiv' };
    const foreign = await web.send(
      'POST',
      WEB_PATHS.rpc,
      { method: 'save', args: ['members', draft] },
      { origin: 'https://boese.example' },
    );
    expect(foreign.status).toBe(403);
    const tokenless = await web.send(
      'POST',
      WEB_PATHS.rpc,
      { method: 'save', args: ['members', draft] },
      { csrf: null },
    );
    expect(tokenless.status).toBe(403);
    // A page of another origin in the browser: the cookie stays home (SameSite=Strict) and
    // the server refuses the Origin anyway.
    await page.goto(`https://127.0.0.1:${t.server.web.port}/`);
    const status = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ method: 'save', args: ['members', { lastName: 'Eindringling' }] }),
        });
        return r.status;
      } catch {
        return 0; // refused by the browser itself
      }
    }, `${t.webUrl}${WEB_PATHS.rpc}`);
    expect(status).not.toBe(200);
    const listed = await web.call('list', ['members']);
    expect(listed.value.map((m: { lastName: string }) => m.lastName)).not.toContain('Eindringling');
  });

  it('shows a Registerführer only his register, on screen and through the API', async () => {
    leader = await accepted(users.registerfuehrer!, 'richard');
    const page = await newPage();
    await signInOnPage(page, 'richard');
    await page.getByTestId('overview').waitFor();
    const app = new TuttiApp(page);
    await app.goTo('members');
    await app.row('Horn, Berta').waitFor();
    expect(await app.row('Flöte').count()).toBe(0);
    const members = (await leader.call('list', ['members'])).value as { id: string }[];
    expect(members.map((m) => m.id)).toEqual([horn]);
    expect((await leader.call('get', ['members', flute])).ok).toBe(false);
    const byName = await leader.send('GET', `${WEB_PATHS.membersByName}?limit=100`);
    expect(byName.body?.value.members.map((m: { id: string }) => m.id)).toEqual([horn]);
  });

  it('locks an account after wrong passwords and says until when', async () => {
    const stranger = client();
    for (let i = 0; i < 10; i += 1)
      await stranger.send('POST', WEB_PATHS.login, { loginName: 'richard', password: 'falsch' });
    const page = await newPage();
    await signInOnPage(page, 'richard');
    await expect
      .poll(() => page.getByTestId('sign-in-error').innerText())
      .toMatch(/Fehlversuche.*\d{1,2}:\d{2}/s);
    expect(await seriousViolations(page)).toEqual([]);
    // The right password is refused too, until then; the session opened before goes on.
    const again = await client().send('POST', WEB_PATHS.login, {
      loginName: 'richard',
      password: PASSWORD,
    });
    expect(again.body?.key ?? again.body?.error?.key).toBe('web.accountLocked');
    expect((await leader.call('list', ['registers'])).ok).toBe(true);
  });

  it('keeps the IBAN from the Vorstand, on screen and through the API', async () => {
    const page = await newPage();
    await signInOnPage(page, 'viktor');
    await page.getByTestId('overview').waitFor();
    const app = new TuttiApp(page);
    await app.goTo('members');
    await app.row('Horn, Berta').click();
    await app.dialog().waitFor();
    expect(await page.locator('[data-field="iban"]').count()).toBe(0);
    expect(await page.content()).not.toContain(IBAN);
    await page.keyboard.press('Escape'); // nothing typed: the form closes without asking
    await app.dialog().waitFor({ state: 'detached' });

    const web = client();
    await web.signIn('viktor', PASSWORD);
    const got = await web.call('get', ['members', horn]);
    expect(got.value.iban).toBeUndefined();
    expect(Object.keys(got.value['@stamps'])).not.toContain('iban');
    const { '@stamps': _stamps, ...fields } = got.value;
    const set = await web.call('save', ['members', { ...fields, iban: 'DE02120300000000202051' }]);
    expect(set.ok).toBe(false);
    const stored = await listAsClubAdmin(t, clubId, 'members');
    expect(stored.find((m) => m.id === horn)?.iban).toBe(IBAN);
  });

  it('carries edits web → desktop and desktop → open page, and shows a conflict instead of overwriting', async () => {
    const desktop: SyncedDesktop = await syncedDesktop(
      t,
      clubId,
      temp.dir,
      `Desktop-${database}`,
      'administrator',
    );
    await desktop.sync.round();
    const poke = await openPokeChannel(t, desktop.device);
    const poked = new Promise<void>((resolve) => poke.socket.once('message', () => resolve()));

    const page = await newPage();
    await signInOnPage(page, 'anna.admin', recoveryCodes[2]);
    await page.getByTestId('overview').waitFor();
    const app = new TuttiApp(page);
    await app.goTo('members');

    // Web → desktop: the desktop is poked and pulls the new phone number.
    await app.row('Horn, Berta').click();
    await app.memberTab('contact');
    await app.fill({ phone: '0222 2222' }, app.dialog());
    await app.save();
    await app.dialog().waitFor({ state: 'detached' });
    await poked;
    await desktop.sync.round();
    const onDesktop = await desktop.api.get('members', horn);
    expect(onDesktop.ok && onDesktop.value.phone).toBe('0222 2222');

    // Desktop → page: the list shows the desktop's edit without a reload.
    const before = await desktop.api.get('members', flute);
    if (!before.ok) throw new Error('member missing on the desktop');
    await desktop.api.save('members', { ...before.value, lastName: 'Querflöte' });
    await desktop.sync.round();
    await app.row('Querflöte, Fritz').waitFor();

    // A form open while the desktop changes the phone: the person's own change of it is a
    // visible conflict with the value it has now; a second save, having seen it, goes through.
    await app.row('Horn, Berta').click();
    await app.memberTab('contact');
    const berta = await desktop.api.get('members', horn);
    if (!berta.ok) throw new Error('member missing on the desktop');
    await desktop.api.save('members', { ...berta.value, phone: '0333 3333' });
    await desktop.sync.round();
    await app.fill({ phone: '0444 4444' }, app.dialog());
    await app.save();
    await expect.poll(() => app.errorAt('phone').innerText()).toContain('0333 3333');
    expect(await app.field('phone', app.dialog()).inputValue()).toBe('0444 4444');
    await app.save();
    await app.dialog().waitFor({ state: 'detached' });
    await desktop.sync.round();
    const after = await desktop.api.get('members', horn);
    expect(after.ok && after.value.phone).toBe('0444 4444');
    poke.socket.close();
    desktop.store.close();
  });

  it.runIf(database === 'PGlite')(
    'opens every page of the web application, axe-clean, in German and in English without German',
    async () => {
      const page = await newPage();
      await signInOnPage(page, 'viktor');
      await page.getByTestId('overview').waitFor();
      const app = new TuttiApp(page);
      for (const language of ['de', 'en'] as const) {
        if (language === 'en') {
          await page.getByLabel('Sprache').first().click();
          await page.getByRole('option', { name: 'English' }).click();
        }
        for (const section of pagesOf(true)) {
          await app.goTo(section);
          await page.locator('h1').first().waitFor();
          expect(await seriousViolations(page), `${section} (${language})`).toEqual([]);
          if (language === 'en') {
            const german = (await uiText(page)).split('\n').filter((line) => GERMAN.test(line));
            expect(german, section).toEqual([]);
          }
        }
      }
    },
  );

  it('ends every session with "Überall abmelden"', async () => {
    const other = client();
    await other.signIn('viktor', PASSWORD);
    const page = await newPage();
    await signInOnPage(page, 'viktor');
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('open-account').click();
    await page.getByTestId('account-sessions').waitFor();
    await expect.poll(() => page.getByTestId('session-other').count()).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('logout-everywhere').click();
    await page.getByTestId('login-screen').waitFor();
    const after = await other.send('POST', WEB_PATHS.rpc, { method: 'list', args: ['members'] });
    expect(after.status).toBe(401);
  });
});
