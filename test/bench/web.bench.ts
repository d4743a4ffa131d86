/**
 * `npm run bench:web` — the web application (issue #27) on a club of 5,000 members, on PGlite
 * and on PostgreSQL, the club server in this process and Chromium beside it on loopback:
 * - sign-in to the visible first page: from pressing "Anmelden" (password) until the start
 *   page stands with the club's data loaded, the second factor's step included (the code is
 *   typed by the script at once; a person's typing is not counted) — goal ≤ 1.0 s;
 * - 200 sessions at once, each asking for the first 100 members sorted by name (`GET
 *   /api/web/members`, the session checked in the database every time), round after round; the
 *   clients in a worker thread, one kept-alive connection each — goal p99 ≤ 150 ms on
 *   PostgreSQL (PGlite, one connection for everything, is printed beside it).
 * Prints figures beside their goals; asserts nothing. TUTTI_BENCH_SIGNINS (5),
 * TUTTI_BENCH_SESSIONS (200) and TUTTI_BENCH_ROUNDS (10) set how many,
 * TUTTI_BENCH_DATABASES (`pglite,postgresql`) on which.
 */
import { Worker } from 'node:worker_threads';
import type { Page } from 'playwright-core';
import { applyServerChange } from '../../server/sync/serverChange.ts';
import { newId } from '../../shared/domain/ids.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { SESSION_COOKIE, WEB_PATHS } from '../../shared/web/webProtocol.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestClubServer, type TestClubServer } from '../support/clubServerFixture.ts';
import { startTestPostgres } from '../support/postgres.ts';
import { SAMPLE_REGISTERS, sampleMember, seededRandom } from '../support/sampleClub.ts';
import { totpCode, WebClient } from '../support/webClient.ts';
import { quantile, report } from './benchReport.ts';
import { profiled } from './cpuProfile.ts';

const MEMBERS = 5_000;
const SIGNINS = Number(process.env.TUTTI_BENCH_SIGNINS ?? 5);
const SESSIONS = Number(process.env.TUTTI_BENCH_SESSIONS ?? 200);
const ROUNDS = Number(process.env.TUTTI_BENCH_ROUNDS ?? 10);
const PASSWORD = 'Posaunenchor übt dienstags';

/** The club: its registers and 5,000 members, written through the server's one write path. */
async function seedClub(t: TestClubServer): Promise<string> {
  const services = t.server.services;
  const clubId = (await services.clubs.createClub('Musikverein Benchmark')).id;
  const principal = {
    clubId,
    actor: { kind: 'operator' as const, id: 'bench', deviceId: null, address: null },
    subject: { grants: BUILT_IN_ROLES.administrator.grants, registerIds: [], memberId: null },
    role: 'administrator',
    scopeEpoch: 1,
  };
  const registers = SAMPLE_REGISTERS.map((name, i) => ({
    entity: 'registers' as const,
    id: newId(),
    set: { name, sortOrder: (i + 1) * 10 },
  }));
  const registerIds = registers.map((r) => r.id);
  const random = seededRandom(2026);
  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    entity: 'members' as const,
    id: newId(),
    set: sampleMember(random, i, registerIds) as Record<string, unknown>,
  }));
  await services.db.withClub(clubId, (sql) =>
    applyServerChange(sql, principal, registers, services.clock),
  );
  for (let i = 0; i < members.length; i += 1_000)
    await services.db.withClub(clubId, (sql) =>
      applyServerChange(sql, principal, members.slice(i, i + 1_000), services.clock),
    );
  services.db.noteWrites(MEMBERS);
  return clubId;
}

/** An account by invitation; with `withTotp` its authenticator secret and recovery codes. */
async function account(t: TestClubServer, clubId: string, role: string, loginName: string) {
  const services = t.server.services;
  const user = await services.clubs.addUser(clubId, { name: loginName, role });
  const web = new WebClient(t.webUrl, t.dir.caCertificatePem());
  const { token } = await services.invitations.invite(clubId, user.id);
  const session = await web.step(WEB_PATHS.invite, { token, loginName, password: PASSWORD });
  if (session.stage !== 'enrolSecondFactor' || !session.secondFactor.required) return null;
  const setup = await web.send('POST', WEB_PATHS.totpSetup, {});
  const secret = setup.body?.value.secret as string;
  const confirmed = await web.send('POST', WEB_PATHS.totpConfirm, { code: totpCode(secret) });
  return { secret, recoveryCodes: confirmed.body?.value.recoveryCodes as string[] };
}

/**
 * Milliseconds from "Anmelden" to the start page with the club's data, typing not counted: the
 * password's step (until the second factor is asked) and the code's (until the page stands).
 */
async function signInOnce(
  page: Page,
  url: string,
  recoveryCode: string,
): Promise<{ password: number; code: number }> {
  await page.context().clearCookies();
  await page.goto(url);
  await page.getByTestId('login-name').fill('anna.admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  const t0 = performance.now();
  await page.getByTestId('login-submit').click();
  await page.getByTestId('use-recovery-code').click();
  const t1 = performance.now();
  await page.getByTestId('second-factor-code').fill(recoveryCode);
  const t2 = performance.now();
  await page.getByTestId('second-factor-submit').click();
  await page
    .getByTestId('overview')
    .waitFor({ timeout: 30_000 })
    .catch(async (error) => {
      await page.screenshot({ path: '/tmp/web-bench-failure.png' });
      throw error;
    });
  await page.getByTestId('web-who').waitFor();
  return { password: t1 - t0, code: performance.now() - t2 };
}

async function signIns(
  t: TestClubServer,
  clubId: string,
): Promise<{ password: number; code: number }[]> {
  const admin = await account(t, clubId, 'administrator', 'anna.admin');
  if (!admin) throw new Error('the administrator was not asked for a second factor');
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'de-DE' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInOnce(page, t.webUrl, admin.recoveryCodes[0]!); // warms the server and the cache
    const times: { password: number; code: number }[] = [];
    for (let i = 1; i <= SIGNINS; i += 1)
      times.push(await signInOnce(page, t.webUrl, admin.recoveryCodes[i]!));
    return times;
  } finally {
    await browser.close();
  }
}

/** Signs `count` sessions in and lets them all ask for a page of members at once, round by round. */
async function sessionsAtOnce(t: TestClubServer, clubId: string, count: number) {
  await account(t, clubId, 'vorstand', 'viktor');
  const cookies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const web = new WebClient(t.webUrl, t.dir.caCertificatePem());
    await web.signIn('viktor', PASSWORD);
    cookies.push(web.cookie!);
    web.close();
  }
  return profiled(
    'web-sessions',
    () =>
      new Promise<{ warm: number[]; latencies: number[]; bytes: number }>((resolve, reject) => {
        const worker = new Worker(new URL('./webLoadClient.mjs', import.meta.url), {
          workerData: {
            port: t.server.web.port,
            ca: t.dir.caCertificatePem(),
            cookieName: SESSION_COOKIE,
            cookies,
            path: `${WEB_PATHS.membersByName}?limit=100`,
            rounds: ROUNDS,
          },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
}

async function run(database: 'PGlite' | 'PostgreSQL', url?: string): Promise<void> {
  const t = await startTestClubServer({ databaseUrl: url });
  try {
    const clubId = await seedClub(t);
    await t.server.services.db.withClub(clubId, (sql) => sql.query('ANALYZE records'));
    const steps = await signIns(t, clubId);
    report(
      `${database}: sign-in to the first page (5,000 members)`,
      steps.map((s) => s.password + s.code),
      1000,
    );
    console.log(
      `${database}:   of it the password's step ${quantile(
        steps.map((s) => s.password),
        0.5,
      ).toFixed(0)} ms (scrypt), the code's step with the page and its lists ${quantile(
        steps.map((s) => s.code),
        0.5,
      ).toFixed(0)} ms`,
    );
    const { warm, latencies, bytes } = await sessionsAtOnce(t, clubId, SESSIONS);
    console.log(
      `${database}: ${SESSIONS} sessions' first request (TLS handshake included): p50 ${quantile(warm, 0.5).toFixed(1)} ms, p99 ${quantile(warm, 0.99).toFixed(1)} ms; an answer is ${(bytes / 1024).toFixed(1)} KiB gzipped`,
    );
    if (database === 'PostgreSQL')
      report(`${database}: ${SESSIONS} sessions × first 100 by name`, latencies, 150, {
        tail: 0.99,
        tailGoal: 150,
      });
    else
      console.log(
        `${database}: ${SESSIONS} sessions × first 100 by name: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms (no goal: one connection for everything)`,
      );
  } finally {
    await t.stop();
  }
}

console.log(
  `Tutti web application benchmark: ${MEMBERS} members, ${SIGNINS} sign-ins, ${SESSIONS} sessions × ${ROUNDS} rounds (goals: sign-in ≤ 1000 ms; p99 ≤ 150 ms on PostgreSQL)`,
);
const databases = (process.env.TUTTI_BENCH_DATABASES ?? 'pglite,postgresql').split(',');
if (databases.includes('pglite')) await run('PGlite');
if (databases.includes('postgresql')) {
  const postgres = await startTestPostgres();
  try {
    await run('PostgreSQL', postgres.url);
  } finally {
    postgres.stop();
  }
}
