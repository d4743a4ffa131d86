/**
 * `npm run bench:ui` — the desktop UI with 10,000 members and 3,000 instruments in the local
 * database. Prints each figure with its goal (issue #2); asserts nothing.
 *
 * UI figures are taken in Chromium from the user's action until the DOM is updated and laid
 * out (paint excluded), as medians over repeated runs. The save figure is the core alone:
 * validation, row, stamps and outbox entry in one fsync'd SQLite transaction.
 *
 * Issue #25: the app's start to the full member list and to the start page, cold page loads of
 * the running core (appStartBench.ts); then a live desktop connected to a club server, a remote
 * edit until its row is on screen, and the full list reloads during the edits
 * (liveDesktopBench.ts). TUTTI_BENCH_COLD_LOADS (5), TUTTI_BENCH_LIVE_EDITS (50) and
 * TUTTI_BENCH_IDLE_EDITS (5, each after 4.5 s idle) set how many.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ClubService } from '../../electron/core/clubService.ts';
import { openProfile, passphraseKeyStore } from '../../electron/core/profile.ts';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { CHART_IDS } from '../../shared/domain/statistics/charts.ts';
import { launchChromium } from '../support/browser.ts';
import { createSampleClub, seededRandom } from '../support/sampleClub.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { startTutti, writePassphraseFile } from '../support/tuttiProcess.ts';
import { coldStarts, reportColdStarts } from './appStartBench.ts';
import { quantile, report } from './benchReport.ts';
import { benchLiveDesktop } from './liveDesktopBench.ts';

const MEMBERS = Number(process.env.TUTTI_BENCH_MEMBERS ?? 10_000);
const INSTRUMENTS = Number(process.env.TUTTI_BENCH_INSTRUMENTS ?? 3_000);
const CHARTS = CHART_IDS;
/** Issue #24: 100 rehearsals with 500 entries each. */
const EVENTS = 100;
const ENTRIES_PER_EVENT = Math.min(500, MEMBERS);
/** Issue #25: cold page loads per start figure, and the live desktop's remote edits. */
const COLD_LOADS = Number(process.env.TUTTI_BENCH_COLD_LOADS ?? 5);
const LIVE_EDITS = Number(process.env.TUTTI_BENCH_LIVE_EDITS ?? 50);
const IDLE_EDITS = Number(process.env.TUTTI_BENCH_IDLE_EDITS ?? 5);

/**
 * Installs `window.timeUntil(action, ready)` in the page: it times an action until the DOM is
 * updated and laid out. Plain JavaScript in a string, because the TypeScript loader would wrap
 * named functions in a helper that does not exist inside the page.
 */
const TIMER_SCRIPT = `
  window.timeUntil = async (action, ready) => {
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const t0 = performance.now();
    action();
    // React flushes a discrete event's update in a microtask; the next task comes after it.
    await nextTask();
    while (!ready()) {
      if (performance.now() - t0 > 10000) throw new Error('timeUntil: not ready after 10 s');
      await new Promise((resolve) => {
        setTimeout(resolve, 100);
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    }
    void document.body.offsetHeight; // force style and layout
    return performance.now() - t0;
  };
`;

async function installTimer(page: Page): Promise<void> {
  await page.evaluate(TIMER_SCRIPT);
}

type Timer = (action: () => void, ready: () => boolean) => Promise<number>;

/**
 * What the start page and the statistics work through (issue #24): the club's honour rules,
 * birthday consents, 50,000 attendance entries, loans (some overdue) and services.
 */
function seedStartPageData(
  api: ClubService,
  inTransaction: <T>(work: () => T) => T,
  club: ReturnType<typeof createSampleClub>,
): void {
  const random = seededRandom(24);
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  const year = new Date().getFullYear();
  inTransaction(() => {
    must(
      api.saveNow('club', {
        id: CLUB_RECORD_ID,
        name: 'Musikverein Benchmark',
        honourRuleSets: ['bvk', 'vmb-nrw'],
      }),
    );
    for (const member of club.members.slice(0, Math.floor(club.members.length / 2)))
      must(
        api.saveNow('members', {
          ...member,
          consents: [{ purpose: 'birthdays', givenOn: null, source: null, withdrawnOn: null }],
        }),
      );
  });
  for (let e = 0; e < EVENTS; e++) {
    inTransaction(() => {
      const day = new Date(Date.UTC(year, 0, 1 + Math.floor((e * 364) / EVENTS)));
      const event = must(
        api.saveNow('events', {
          kind: 'probe',
          title: `Probe ${e + 1}`,
          date: day.toISOString().slice(0, 10),
        }),
      );
      const offset = Math.floor(random() * club.members.length);
      for (let i = 0; i < ENTRIES_PER_EVENT; i++) {
        const member = club.members[(offset + i) % club.members.length]!;
        const roll = random();
        must(
          api.saveNow('attendance', {
            eventId: event.id,
            memberId: member.id,
            status: roll < 0.8 ? 'present' : roll < 0.9 ? 'excused' : 'absent',
          }),
        );
      }
    });
  }
  inTransaction(() => {
    club.instruments.forEach((instrument, i) => {
      if (i % 3 === 0)
        must(api.saveNow('instruments', { ...instrument, maintenanceIntervalMonths: 12 }));
      if (i % 4 === 0)
        must(
          api.saveNow('maintenance', {
            instrumentId: instrument.id,
            date: `${year - 1 - (i % 2)}-0${1 + (i % 9)}-15`,
            work: 'Durchsicht',
          }),
        );
      if (i % 2 === 0) {
        const member = club.members[i % club.members.length]!;
        must(
          api.saveNow('loans', {
            instrumentId: instrument.id,
            memberId: member.id,
            issuedOn: `${year - 1}-09-01`,
            dueOn: i % 10 === 0 ? `${year - 1}-12-31` : `${year + 1}-07-31`,
          }),
        );
      }
    });
  });
}

/**
 * What the core spends on the lists a starting page asks for, measured in this process on the
 * same profile: every entity's `list` and the JSON of its answer (as the local server sends it),
 * the median of three runs each.
 */
async function timeCoreLists(
  api: ClubService,
): Promise<{ entity: string; ms: number; bytes: number }[]> {
  const lists: { entity: string; ms: number; bytes: number }[] = [];
  for (const entity of ENTITY_NAMES) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      bytes = Buffer.byteLength(JSON.stringify(await api.list(entity)));
      times.push(performance.now() - started);
    }
    lists.push({ entity, ms: quantile(times, 0.5), bytes });
  }
  return lists;
}

async function main(): Promise<void> {
  const temp = makeTempDir('tutti-bench-');
  const profileDir = join(temp.dir, 'profile');
  const passphraseFile = writePassphraseFile(temp.dir);
  const env = { TUTTI_PASSPHRASE_FILE: passphraseFile };
  console.log(
    `Tutti UI benchmark: ${MEMBERS} members, ${INSTRUMENTS} instruments, ${EVENTS * ENTRIES_PER_EVENT} attendance entries (${new Date().toISOString()})`,
  );

  const profile = await openProfile(profileDir, passphraseKeyStore(profileDir, env));
  const api = new ClubService(profile.store, profileDir);
  let started = performance.now();
  const club = createSampleClub(api, (work) => profile.store.transaction(work), {
    members: MEMBERS,
    instruments: INSTRUMENTS,
  });
  seedStartPageData(api, (work) => profile.store.transaction(work), club);
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const random = seededRandom(7);
  const saveTimes: number[] = [];
  for (let i = 0; i < 500; i++) {
    const member = club.members[Math.floor(random() * club.members.length)]!;
    const draft = { ...member, city: `Ort ${i}` };
    started = performance.now();
    const result = api.saveNow('members', draft);
    saveTimes.push(performance.now() - started);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  const coreLists = await timeCoreLists(api);
  profile.close();

  let tutti: Awaited<ReturnType<typeof startTutti>> | undefined = await startTutti(
    profileDir,
    passphraseFile,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    started = performance.now();
    await page.goto(tutti.url);
    await page.getByTestId('overview-loans-count').waitFor({ timeout: 60_000 });
    const coldStart = performance.now() - started;
    await installTimer(page);

    const listTimes: number[] = [];
    for (let i = 0; i < 8; i++) {
      await page.getByTestId('nav-registers').click();
      await page.getByTestId('new-register').waitFor();
      listTimes.push(
        await page.evaluate(() =>
          (window as unknown as { timeUntil: Timer }).timeUntil(
            () => document.querySelector<HTMLElement>('[data-testid="nav-members"]')!.click(),
            () =>
              document.querySelector('[data-testid="member-search"]') !== null &&
              document.querySelector('tr[data-row-id]') !== null,
          ),
        ),
      );
    }

    // Issue #24: the start page from another page, the data loaded.
    const overviewTimes: number[] = [];
    for (let i = 0; i < 8; i++) {
      await page.getByTestId('nav-registers').click();
      await page.getByTestId('new-register').waitFor();
      overviewTimes.push(
        await page.evaluate(() =>
          (window as unknown as { timeUntil: Timer }).timeUntil(
            () => document.querySelector<HTMLElement>('[data-testid="nav-overview"]')!.click(),
            () =>
              ['honours', 'occasions', 'loans', 'maintenance'].every(
                (card) => document.querySelector(`[data-testid="overview-${card}-count"]`) !== null,
              ),
          ),
        ),
      );
    }

    // Each chart from another tab of the statistics, the page's code loaded once before.
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('chart-membersByYear-table').waitFor({ timeout: 30_000 });
    const chartTimes = new Map<string, number[]>();
    for (let round = 0; round < 5; round++) {
      for (const id of CHARTS) {
        const time = await page.evaluate(
          (chart) =>
            (window as unknown as { timeUntil: Timer }).timeUntil(
              () =>
                document.querySelector<HTMLElement>(`[data-testid="chart-tab-${chart}"]`)!.click(),
              () =>
                document.querySelector(`[data-testid="chart-${chart}-table"]`) !== null &&
                document.querySelector(`[data-testid="chart-${chart}"] .recharts-bar-rectangle`) !==
                  null,
            ),
          id,
        );
        chartTimes.set(id, [...(chartTimes.get(id) ?? []), time]);
      }
    }
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').waitFor();

    const typed = ['Müller', 'Anna Fr', 'schmidt', '1234', 'Waldkirch', 'Trompete', 'xyz'];
    const keystrokeTimes: number[] = await page.evaluate(async (queries) => {
      const timeUntil = (window as unknown as { timeUntil: Timer }).timeUntil;
      const input = document.querySelector<HTMLInputElement>('[data-testid="member-search"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const times: number[] = [];
      for (const query of queries) {
        for (let n = 1; n <= query.length; n++) {
          times.push(
            await timeUntil(
              () => {
                setValue.call(input, query.slice(0, n));
                input.dispatchEvent(new Event('input', { bubbles: true }));
              },
              () => true,
            ),
          );
        }
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 50));
      }
      return times;
    }, typed);

    const openTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const rowIndex = 2 + i;
      openTimes.push(
        await page.evaluate(
          (index) =>
            (window as unknown as { timeUntil: Timer }).timeUntil(
              () => document.querySelectorAll<HTMLElement>('tr[data-row-id]')[index]!.click(),
              () =>
                document.querySelector('[data-testid="member-form"] [data-field="lastName"]') !==
                null,
            ),
          rowIndex,
        ),
      );
      await page.keyboard.press('Escape');
      await page.getByTestId('member-form').waitFor({ state: 'detached' });
    }

    await page.close();
    // Issue #25: cold loads (a new browser context each) of the running core.
    const toMembers = await coldStarts(browser, tutti.url, 'members', MEMBERS, COLD_LOADS);
    const toStartPage = await coldStarts(browser, tutti.url, 'overview', MEMBERS, COLD_LOADS);

    console.log('');
    console.log(
      `first load to the start page (${MEMBERS} members, incl. loading)  ${coldStart.toFixed(0)} ms   (no goal; for reference)`,
    );
    report('start page (Übersicht) after data load', overviewTimes, 300);
    for (const id of CHARTS) report(`chart ${id}`, chartTimes.get(id)!, 200);
    report('member list first render', listTimes, 150);
    report('filter-as-you-type per keystroke', keystrokeTimes, 16);
    report('opening a member', openTimes, 50);
    report('saving an edit (row + outbox) in the core', saveTimes, 5);
    console.log('');
    console.log(
      `App start, cold page loads (a new browser context each) of the running core, from the navigation's start (${INSTRUMENTS} instruments, ${EVENTS * ENTRIES_PER_EVENT} attendance entries besides the members):`,
    );
    reportColdStarts('app start to the full member list', toMembers, 'members', 1000);
    const heavy = coreLists.toSorted((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(
      `    the core alone (in this process, same profile): list + JSON of all ${coreLists.length} lists ${coreLists.reduce((sum, l) => sum + l.ms, 0).toFixed(0)} ms, ${(coreLists.reduce((sum, l) => sum + l.bytes, 0) / 1e6).toFixed(1)} MB — ${heavy.map((l) => `${l.entity} ${l.ms.toFixed(0)} ms (${(l.bytes / 1e6).toFixed(1)} MB)`).join(', ')}`,
    );
    reportColdStarts('app start to the start page (data loaded)', toStartPage, 'overview', null);

    await tutti.stop();
    tutti = undefined;
    await benchLiveDesktop(browser, {
      members: MEMBERS,
      edits: LIVE_EDITS,
      idleEdits: IDLE_EDITS,
      coldLoads: COLD_LOADS,
    });
  } finally {
    await browser.close();
    await tutti?.stop();
    temp.cleanup();
  }
}

await main();
