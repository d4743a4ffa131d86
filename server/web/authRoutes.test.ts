/**
 * The sign-in routes over a real HTTPS listener on PGlite: invitation → password → TOTP
 * enrolment → club, a login with a code, every step with a new cookie (the old one dead), the
 * cookie's attributes, Origin and CSRF refusals, idle and absolute expiry by the injected clock,
 * logout everywhere, and the skip of the second factor — allowed for a Registerführer, refused
 * for the Kassier.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  type SessionView,
  sessionListViewSchema,
  sessionViewSchema,
  totpConfirmedViewSchema,
  totpSetupViewSchema,
  WEB_PATHS,
} from '../../shared/web/webProtocol.ts';
import { createServices, type Services } from '../app/services.ts';
import { readAudit } from '../audit/auditLog.ts';
import { Router } from '../http/router.ts';
import { silentLogger } from '../log/logger.ts';
import { CertificateAuthority } from '../pki/certificateAuthority.ts';
import { migrateServer } from '../storage/migrateServer.ts';
import { PgliteDatabase } from '../storage/pgliteDatabase.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { startWebListener, type WebListener } from '../tls/webListener.ts';
import { addAuthRoutes } from './authRoutes.ts';

const PASSWORD = 'Notenständer im Probenraum 7';
let clock = new Date('2026-03-02T09:00:00Z');
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

let db: ServerDatabase;
let services: Services;
let listener: WebListener;
let caPem: string;
let origin: string;
let clubId: string;

interface Answer {
  status: number;
  body: {
    ok: boolean;
    value?: unknown;
    error?: { key: string; params?: Record<string, unknown>; fieldMessages?: object };
  };
  setCookie: string | undefined;
}

interface Client {
  cookie: string | null;
  csrf: string | null;
}

function call(
  method: string,
  path: string,
  options: { client?: Client; body?: unknown; origin?: string | null; csrf?: string | null } = {},
): Promise<Answer> {
  const client = options.client;
  const headers: Record<string, string> = {};
  if (client?.cookie) headers.cookie = `${SESSION_COOKIE}=${client.cookie}`;
  const csrf = options.csrf === undefined ? client?.csrf : options.csrf;
  if (csrf) headers[CSRF_HEADER] = csrf;
  const sentOrigin = options.origin === undefined ? origin : options.origin;
  if (sentOrigin && method !== 'GET') headers.origin = sentOrigin;
  const text = method === 'GET' ? undefined : JSON.stringify(options.body ?? {});
  if (text) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: listener.port,
        method,
        path,
        headers,
        ca: caPem,
        servername: 'localhost',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie']?.[0];
          // Like a browser: the client keeps what it is given.
          if (client && setCookie) {
            const value = /^[^=]+=([^;]*)/.exec(setCookie)![1]!;
            client.cookie = value || null;
          }
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            setCookie,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

function view(answer: Answer, client?: Client): SessionView {
  expect(answer.body.ok, JSON.stringify(answer.body)).toBe(true);
  const parsed = sessionViewSchema.parse(answer.body.value);
  if (client) client.csrf = parsed.csrfToken;
  return parsed;
}

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

async function invitedClient(role: string, name: string) {
  const registerIds = role === 'registerfuehrer' ? [randomUUID()] : [];
  const user = await services.clubs.addUser(clubId, { name, role, registerIds });
  const { token } = await services.invitations.invite(clubId, user.id);
  const client: Client = { cookie: null, csrf: null };
  const invite = await call('GET', `${WEB_PATHS.invite}?token=${token}`);
  expect(invite.body.value).toMatchObject({ userName: name, reset: false });
  const accepted = view(
    await call('POST', WEB_PATHS.invite, {
      client,
      body: { token, loginName: name.replace(' ', '.'), password: PASSWORD },
    }),
    client,
  );
  return { client, accepted, userId: user.id };
}

beforeAll(async () => {
  db = await PgliteDatabase.open('memory://');
  await migrateServer(db);
  services = createServices(db, null as never, () => clock);
  clubId = (await services.clubs.createClub('Musikverein Routen')).id;
  const ca = await CertificateAuthority.create('Tutti Test-CA');
  caPem = ca.certificate.toString('pem');
  const server = await ca.issueServerCertificate(['localhost', '127.0.0.1']);
  const router = addAuthRoutes(new Router<Services>(() => {}), { log: silentLogger() });
  listener = await startWebListener({
    serverCertificatePem: server.certificatePem,
    serverPrivateKeyPem: server.privateKeyPem,
    handler: (req, res) => void router.handle(services, req, res),
    log: silentLogger(),
  });
  // No public URL configured: the Origin must be the address the browser used (Host header).
  origin = `https://127.0.0.1:${listener.port}`;
}, 60_000);

afterAll(async () => {
  await listener?.close();
  await db?.close();
});

describe('sign-in routes', () => {
  let secret = '';
  let codes: string[] = [];

  it('takes an invitation, enrols TOTP and reaches the club, each step with a new cookie', async () => {
    const { client, accepted } = await invitedClient('administrator', 'Anna Admin');
    expect(accepted).toMatchObject({
      stage: 'enrolSecondFactor',
      loginName: 'Anna.Admin',
      clubs: [],
      secondFactor: { enrolled: false, required: true },
    });
    const first = client.cookie!;
    // An administrator may not skip.
    const skip = await call('POST', WEB_PATHS.totpSkip, { client });
    expect(skip.status).toBe(403);
    expect(skip.body.error?.key).toBe('web.secondFactorRequired');

    const setup = totpSetupViewSchema.parse(
      (await call('POST', WEB_PATHS.totpSetup, { client })).body.value,
    );
    secret = setup.secret;
    const confirmed = await call('POST', WEB_PATHS.totpConfirm, {
      client,
      body: { code: codeAt(secret, clock) },
    });
    const result = totpConfirmedViewSchema.parse(confirmed.body.value);
    codes = result.recoveryCodes;
    expect(result.session).toMatchObject({
      stage: 'ready',
      club: { clubId, role: 'administrator' },
    });
    expect(confirmed.setCookie).toMatch(
      new RegExp(
        `^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Strict$`,
      ),
    );
    expect(client.cookie).not.toBe(first);
    // The cookie of the stage before is dead.
    const old = await call('GET', WEB_PATHS.sessions, { client: { cookie: first, csrf: null } });
    expect(old.status).toBe(401);
    expect(old.body.error?.key).toBe('web.sessionExpired');
    client.csrf = result.session.csrfToken;
    expect((await call('GET', WEB_PATHS.sessions, { client })).status).toBe(200);
  });

  it('signs in with password and TOTP code; a replayed code is refused', async () => {
    tick(60_000);
    const client: Client = { cookie: null, csrf: null };
    const afterPassword = view(
      await call('POST', WEB_PATHS.login, {
        client,
        body: { loginName: 'anna.admin', password: PASSWORD },
      }),
      client,
    );
    expect(afterPassword.stage).toBe('secondFactor');
    expect(afterPassword.clubs).toEqual([]);
    const code = codeAt(secret, clock);
    const ready = view(
      await call('POST', WEB_PATHS.secondFactor, { client, body: { code } }),
      client,
    );
    expect(ready.stage).toBe('ready');

    const again: Client = { cookie: null, csrf: null };
    view(
      await call('POST', WEB_PATHS.login, {
        client: again,
        body: { loginName: 'anna.admin', password: PASSWORD },
      }),
      again,
    );
    const replay = await call('POST', WEB_PATHS.secondFactor, { client: again, body: { code } });
    expect(replay.status).toBe(403);
    expect(replay.body.error?.key).toBe('web.codeReused');
    const recovery = view(
      await call('POST', WEB_PATHS.secondFactor, { client: again, body: { code: codes[0] } }),
      again,
    );
    expect(recovery.secondFactor.recoveryCodesLeft).toBe(9);
  });

  it('answers a wrong login name like a wrong password', async () => {
    const unknown = await call('POST', WEB_PATHS.login, {
      body: { loginName: 'niemand', password: PASSWORD },
    });
    const wrong = await call('POST', WEB_PATHS.login, {
      body: { loginName: 'anna.admin', password: 'falsches Passwort' },
    });
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a foreign or missing Origin and a wrong CSRF header', async () => {
    const login = { loginName: 'anna.admin', password: PASSWORD };
    for (const bad of ['https://evil.example', null]) {
      const refused = await call('POST', WEB_PATHS.login, { body: login, origin: bad });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.key).toBe('web.originRefused');
    }
    const client: Client = { cookie: null, csrf: null };
    view(await call('POST', WEB_PATHS.login, { client, body: login }), client);
    const noCsrf = await call('POST', WEB_PATHS.secondFactor, {
      client,
      body: { code: '123456' },
      csrf: 'x'.repeat(43),
    });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error?.key).toBe('web.csrfRefused');
    const crossSite = await call('POST', WEB_PATHS.logout, {
      client,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    // The session survived both: its stage is unchanged.
    expect(view(await call('GET', WEB_PATHS.session, { client })).stage).toBe('secondFactor');
  });

  it('lets a Registerführer skip the second factor', async () => {
    const { client, accepted } = await invitedClient('registerfuehrer', 'Rolf Register');
    expect(accepted.secondFactor).toMatchObject({ required: false, enrolled: false });
    const skipped = view(await call('POST', WEB_PATHS.totpSkip, { client }), client);
    expect(skipped).toMatchObject({ stage: 'ready', club: { clubId, role: 'registerfuehrer' } });
  });

  it('makes the Kassier enrol a second factor', async () => {
    const { client, accepted } = await invitedClient('kassier', 'Kira Kassier');
    expect(accepted.secondFactor.required).toBe(true);
    expect((await call('POST', WEB_PATHS.totpSkip, { client })).body.error?.key).toBe(
      'web.secondFactorRequired',
    );
  });

  it('ends a session after 30 idle minutes and 12 hours after the sign-in', async () => {
    const { client } = await invitedClient('instrumentenwart', 'Ines Instrument');
    const ready = view(await call('POST', WEB_PATHS.totpSkip, { client }), client);
    expect(Date.parse(ready.idleExpiresAt!) - clock.getTime()).toBe(30 * 60_000);
    tick(29 * 60_000);
    expect(view(await call('GET', WEB_PATHS.session, { client })).stage).toBe('ready');
    tick(29 * 60_000);
    expect(view(await call('GET', WEB_PATHS.session, { client })).stage).toBe('ready');
    tick(30 * 60_000 + 1000);
    const idle = await call('GET', WEB_PATHS.sessions, { client });
    expect(idle.status).toBe(401);
    expect(idle.body.error?.key).toBe('web.sessionExpired');

    const again: Client = { cookie: null, csrf: null };
    view(
      await call('POST', WEB_PATHS.login, {
        client: again,
        body: { loginName: 'ines.instrument', password: PASSWORD },
      }),
      again,
    );
    view(await call('POST', WEB_PATHS.totpSkip, { client: again }), again);
    // Busy all day: every 20 minutes a request, yet after 12 hours the session ends.
    for (let i = 0; i < 35; i += 1) {
      tick(20 * 60_000);
      expect((await call('GET', WEB_PATHS.sessions, { client: again })).status).toBe(200);
    }
    tick(20 * 60_000);
    expect((await call('GET', WEB_PATHS.sessions, { client: again })).status).toBe(401);
  });

  it('lists the sessions and signs out everywhere', async () => {
    const login = { loginName: 'rolf.register', password: PASSWORD };
    const phone: Client = { cookie: null, csrf: null };
    const laptop: Client = { cookie: null, csrf: null };
    for (const client of [phone, laptop]) {
      view(await call('POST', WEB_PATHS.login, { client, body: login }), client);
      view(await call('POST', WEB_PATHS.totpSkip, { client }), client);
    }
    const list = sessionListViewSchema.parse(
      (await call('GET', WEB_PATHS.sessions, { client: laptop })).body.value,
    );
    expect(list.sessions.length).toBeGreaterThanOrEqual(2);
    expect(list.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(list.sessions[0]?.clubName).toBe('Musikverein Routen');

    const everywhere = await call('POST', WEB_PATHS.logoutEverywhere, { client: laptop });
    expect(view(everywhere).stage).toBe('none');
    expect(everywhere.setCookie).toMatch(/Max-Age=0/);
    expect((await call('GET', WEB_PATHS.sessions, { client: phone })).status).toBe(401);
    expect(view(await call('GET', WEB_PATHS.session, { client: phone })).stage).toBe('none');
  });

  it('ends the session at logout and clears the cookie', async () => {
    const client: Client = { cookie: null, csrf: null };
    view(
      await call('POST', WEB_PATHS.login, {
        client,
        body: { loginName: 'rolf.register', password: PASSWORD },
      }),
      client,
    );
    const kept = client.cookie;
    const out = await call('POST', WEB_PATHS.logout, { client });
    expect(view(out).stage).toBe('none');
    expect(
      (await call('GET', WEB_PATHS.session, { client: { cookie: kept, csrf: null } })).body.value,
    ).toMatchObject({ stage: 'none' });
  });

  const annaId = async () => (await services.accounts.byLoginName('anna.admin'))!.id;
  const annaFailures = async () =>
    (
      await db.asOwner((sql) =>
        sql.query<{ failures: number }>(
          "SELECT failures FROM web_accounts WHERE lower(login_name) = 'anna.admin'",
        ),
      )
    ).rows[0]!.failures;
  const clubsOf = async (accountId: string) =>
    (await services.accounts.memberships(accountId)).map((m) => m.clubId).sort();

  it('links a second club to an account with a second factor only after its code', async () => {
    tick(60_000);
    const otherClubId = (await services.clubs.createClub('Stadtkapelle Routen')).id;
    const user = await services.clubs.addUser(otherClubId, {
      name: 'Anna Admin',
      role: 'registerfuehrer',
      registerIds: [randomUUID()],
    });
    const { token } = await services.invitations.invite(otherClubId, user.id);
    const client: Client = { cookie: null, csrf: null };
    // A wrong password counts towards the account's lockout, as a login's would.
    const before = await annaFailures();
    const guessed = await call('POST', WEB_PATHS.invite, {
      client,
      body: { token, loginName: 'anna.admin', password: 'nicht das Passwort von Anna' },
    });
    expect(guessed.body.error?.key).toBe('web.invite.nameTaken');
    expect(await annaFailures()).toBe(before + 1);

    const afterPassword = view(
      await call('POST', WEB_PATHS.invite, {
        client,
        body: { token, loginName: 'anna.admin', password: PASSWORD },
      }),
      client,
    );
    expect(afterPassword).toMatchObject({ stage: 'secondFactor', clubs: [] });
    // The password alone links nothing; the link stays open for the code.
    expect(await clubsOf(await annaId())).toEqual([clubId]);
    expect((await call('GET', `${WEB_PATHS.invite}?token=${token}`)).status).toBe(200);
    const wrong = await call('POST', WEB_PATHS.secondFactor, {
      client,
      body: { code: codeAt(secret, new Date(clock.getTime() - 3_600_000)) },
    });
    expect(wrong.body.error?.key).toBe('web.codeWrong');
    expect(await clubsOf(await annaId())).toEqual([clubId]);

    const linked = view(
      await call('POST', WEB_PATHS.secondFactor, { client, body: { code: codeAt(secret, clock) } }),
      client,
    );
    expect(linked.stage).toBe('chooseClub');
    expect(linked.clubs.map((c) => c.clubId).sort()).toEqual([clubId, otherClubId].sort());
    const spent = await call('GET', `${WEB_PATHS.invite}?token=${token}`);
    expect(spent.body.error?.key).toBe('web.invite.used');
    const audit = await db.withClub(otherClubId, (sql) => readAudit(sql));
    expect(audit.map((a) => a.action)).toContain('signin.club-linked');
  });

  it('replaces the second factor only with the current password, wrong ones counted', async () => {
    tick(60_000);
    const client: Client = { cookie: null, csrf: null };
    view(
      await call('POST', WEB_PATHS.login, {
        client,
        body: { loginName: 'anna.admin', password: PASSWORD },
      }),
      client,
    );
    view(
      await call('POST', WEB_PATHS.secondFactor, { client, body: { code: codeAt(secret, clock) } }),
      client,
    );
    const chosen = view(await call('POST', WEB_PATHS.chooseClub, { client, body: { clubId } }));
    client.csrf = chosen.csrfToken;
    expect(chosen.stage).toBe('ready');

    // A stolen session: no password, no new secret — and nothing to confirm either.
    const without = await call('POST', WEB_PATHS.totpSetup, { client });
    expect(without.status).toBe(403);
    expect(without.body.error).toMatchObject({
      key: 'web.loginFailed',
      fieldMessages: { password: { key: 'web.loginFailed' } },
    });
    const confirm = await call('POST', WEB_PATHS.totpConfirm, {
      client,
      body: { code: '123456' },
    });
    expect(confirm.body.error?.key).toBe('web.totp.noSetup');

    // A wrong password is refused and counted like a login's.
    expect(await annaFailures()).toBe(0);
    const guessed = await call('POST', WEB_PATHS.totpSetup, {
      client,
      body: { password: 'geraten und falsch' },
    });
    expect(guessed.status).toBe(403);
    expect(guessed.body.error?.key).toBe('web.loginFailed');
    expect(await annaFailures()).toBe(1);
    let last = guessed;
    for (let i = 2; i <= 10; i += 1)
      last = await call('POST', WEB_PATHS.totpSetup, {
        client,
        body: { password: `geraten ${i}` },
      });
    expect(last.body.error?.key).toBe('web.accountLocked');
    // Locked: the right password too, here and at the login.
    const locked = await call('POST', WEB_PATHS.totpSetup, {
      client,
      body: { password: PASSWORD },
    });
    expect(locked.body.error?.key).toBe('web.accountLocked');
    tick(15 * 60_000 + 1000);

    const setup = totpSetupViewSchema.parse(
      (await call('POST', WEB_PATHS.totpSetup, { client, body: { password: PASSWORD } })).body
        .value,
    );
    expect(await annaFailures()).toBe(0);
    const replaced = totpConfirmedViewSchema.parse(
      (
        await call('POST', WEB_PATHS.totpConfirm, {
          client,
          body: { code: codeAt(setup.secret, clock) },
        })
      ).body.value,
    );
    expect(replaced.recoveryCodes).toHaveLength(10);
    const audit = await db.withClub(clubId, (sql) => readAudit(sql));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['signin.login-failed', 'signin.second-factor-replaced']),
    );

    // The old secret is gone, the new one signs in.
    tick(60_000);
    const again: Client = { cookie: null, csrf: null };
    view(
      await call('POST', WEB_PATHS.login, {
        client: again,
        body: { loginName: 'anna.admin', password: PASSWORD },
      }),
      again,
    );
    const old = await call('POST', WEB_PATHS.secondFactor, {
      client: again,
      body: { code: codeAt(secret, clock) },
    });
    expect(old.body.error?.key).toBe('web.codeWrong');
    secret = setup.secret;
    expect(
      view(
        await call('POST', WEB_PATHS.secondFactor, {
          client: again,
          body: { code: codeAt(secret, clock) },
        }),
      ).stage,
    ).toBe('chooseClub');
  });
});
