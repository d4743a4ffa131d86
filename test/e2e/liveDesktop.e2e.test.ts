/**
 * Issue #25: a live desktop. The real `tutti start --browser` connected with a real club server
 * over mutual TLS, in Debian's Chromium: a member changed elsewhere appears in the open list
 * without any list being loaded again, and the list keeps its search text and scroll position;
 * the desktop's own save loads nothing either; an idle open app sends no request at all (its
 * event stream stays open).
 */
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
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

const MEMBERS = 300;

let browser: Browser;
let temp: ReturnType<typeof makeTempDir>;
let tutti: RunningTutti;
let server: TestClubServer;
let page: Page;
let app: TuttiApp;
let clubId: string;
const memberIds: string[] = [];
/** Every call the page makes: the RPC method, or the path of anything else. */
const calls: string[] = [];

function noteCall(request: Request): void {
  const url = new URL(request.url());
  if (url.pathname === '/api/rpc') {
    const body = request.postDataJSON() as { method?: string } | null;
    calls.push(body?.method ?? '?');
  } else calls.push(url.pathname);
}

beforeAll(async () => {
  temp = makeTempDir('tutti-live-');
  server = await startTestClubServer();
  clubId = (await server.server.services.clubs.createClub('Musikverein Live')).id;
  const userId = (
    await server.server.services.clubs.addUser(clubId, { name: 'Eva', role: 'administrator' })
  ).id;
  for (let i = 0; i < MEMBERS; i++) {
    const id = newId();
    memberIds.push(id);
    await saveAsClubAdmin(server, clubId, 'members', id, {
      firstName: `Person ${String(i).padStart(3, '0')}`,
      lastName: 'Muster',
      status: 'aktiv',
    });
  }
  browser = await launchChromium();
  tutti = await startTutti(join(temp.dir, 'profile'), writePassphraseFile(temp.dir));
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  page.setDefaultTimeout(15_000);
  page.on('request', noteCall);
  app = new TuttiApp(page);
  await app.open(tutti.url);
  await app.goTo('sync');
  const { code } = await server.server.services.devices.createCode(clubId, userId);
  await page.getByTestId('sync-server-url').fill(server.webUrl);
  await page.getByTestId('sync-code').fill(code);
  await page.getByTestId('sync-connect').click();
  await page.getByText(/^Abgeglichen um \d\d:\d\d$/).waitFor({ timeout: 30_000 });
}, 180_000);

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

const scrollTop = () =>
  page.getByTestId('data-table').evaluate((element) => Math.round(element.scrollTop));

describe('a live desktop', () => {
  it('shows a member changed elsewhere in the open list, keeping search and scroll, loading no list', async () => {
    await app.goTo('members');
    await expect.poll(() => app.row('Muster, Person 000').count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('member-search').fill('muster');
    await expect.poll(() => app.row('Muster, Person 000').count()).toBe(1);
    await page.getByTestId('data-table').evaluate((element) => {
      element.scrollTop = 2400;
    });
    await expect.poll(scrollTop).toBe(2400);
    const visible = page.getByTestId('data-table').locator('tr[data-row-id]', {
      hasText: 'Person 08',
    });
    await visible.first().waitFor();
    calls.length = 0;

    // Changed on the club server (as by another device), while the list is open.
    const target = memberIds[85]!;
    // A new name that keeps its place in the sorted list, on the screen scrolled to.
    await saveAsClubAdmin(server, clubId, 'members', target, {
      firstName: 'Person 085 (Anna)',
      lastName: 'Muster',
      status: 'aktiv',
    });
    await expect
      .poll(() => app.row('Muster, Person 085 (Anna)').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByTestId('member-search').inputValue()).toBe('muster');
    expect(await scrollTop()).toBe(2400);
    expect(calls.filter((c) => c === 'list')).toEqual([]);
  });

  it('loads no list after the desktop’s own save either', async () => {
    calls.length = 0;
    await app.row('Muster, Person 085 (Anna)').click();
    await app.memberTab('contact');
    await app.fill({ city: 'Waldkirch' });
    await app.save();
    await app.dialog().waitFor({ state: 'detached' });
    // The save goes to the server and comes back in the round's pull: still no list loaded.
    await expect
      .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 15_000 })
      .toMatch(/^0 /);
    await page.waitForTimeout(500);
    expect(calls.filter((c) => c === 'list')).toEqual([]);
    expect(calls).toContain('save');
  });

  it('sends no request while it stands idle, its event stream open', async () => {
    await page.waitForTimeout(1_000);
    calls.length = 0;
    await page.waitForTimeout(5_000);
    expect(calls).toEqual([]);
  });
});
