/**
 * Web sessions in the database, on PGlite and on a real PostgreSQL: only the token's hash is
 * stored, a step up ends the old token, idle and absolute expiry by the injected clock, the
 * Origin and CSRF checks, `isActive` for event streams, ending all sessions, and a reset of the
 * login ending them too.
 */
import type { IncomingMessage } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/web/webProtocol.ts';
import { bothDatabases } from '../../test/support/bothDatabases.ts';
import { sha256Hex } from '../accounts/secrets.ts';
import { sweepSignInRecords } from '../accounts/signInSweep.ts';
import { createServices, type Services } from '../app/services.ts';

const { databases } = bothDatabases({ migrate: true });

function requestWith(token: string | null, extra: Record<string, string> = {}): IncomingMessage {
  return {
    headers: {
      host: 'verein.example:8443',
      ...(token ? { cookie: `other=1; ${SESSION_COOKIE}=${token}` } : {}),
      ...extra,
    },
    socket: { remoteAddress: '203.0.113.5' },
  } as unknown as IncomingMessage;
}

describe.each(['pglite', 'postgres'] as const)('web sessions on %s', (kind) => {
  let services: Services;
  let clock = new Date('2026-03-02T09:00:00Z');
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  let account: { id: string; loginName: string };
  let clubId: string;
  let userId: string;
  const client = { address: '203.0.113.5', userAgent: 'Firefox' };

  beforeAll(async () => {
    services = createServices(databases[kind]!, null as never, () => clock);
    clubId = (await services.clubs.createClub('Musikverein Sitzung')).id;
    userId = (await services.clubs.addUser(clubId, { name: 'Sina', role: 'vorstand' })).id;
    const { token } = await services.invitations.invite(clubId, userId);
    const { acceptInvite } = await import('../accounts/acceptInvite.ts');
    const accepted = await acceptInvite(
      { db: services.db, accounts: services.accounts, invitations: services.invitations },
      { token, loginName: `sina.${kind}`, password: 'Probe am Donnerstag 19 Uhr' },
      client.address,
    );
    account = { id: accepted.accountId, loginName: accepted.loginName };
  });

  it('stores only the hash, steps up with a new token and ends the old one', async () => {
    const created = await services.sessions.create(account, 'enrolSecondFactor', null, client);
    const stored = await services.db.asOwner(
      async (sql) =>
        (await sql.query<{ token_hash: string }>('SELECT token_hash FROM web_sessions')).rows,
    );
    expect(stored.map((r) => r.token_hash)).toContain(sha256Hex(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const context = await services.sessions.authenticate(requestWith(created.token), {
      stateChanging: false,
    });
    expect(context).toMatchObject({ accountId: account.id, stage: 'enrolSecondFactor' });
    const next = await services.sessions.stepUp(context, 'ready', { clubId, userId });
    expect(next.token).not.toBe(created.token);
    expect(next.context.sessionId).not.toBe(context.sessionId);
    expect(next.context.csrfToken).not.toBe(context.csrfToken);
    await expect(
      services.sessions.authenticate(requestWith(created.token), { stateChanging: false }),
    ).rejects.toMatchObject({ key: 'web.sessionExpired', status: 401 });
    expect(await services.sessions.isActive(context.sessionId)).toBe(false);
    expect(await services.sessions.isActive(next.context.sessionId)).toBe(true);
    await expect(
      services.sessions.authenticate(requestWith(null), { stateChanging: false }),
    ).rejects.toMatchObject({ key: 'web.sessionNeeded', status: 401 });
  });

  it('checks the Origin and the CSRF header of state-changing requests', async () => {
    const { token, context } = await services.sessions.create(account, 'ready', null, client);
    const post = (headers: Record<string, string>) =>
      services.sessions.authenticate(requestWith(token, headers), { stateChanging: true });
    await expect(post({ [CSRF_HEADER]: context.csrfToken })).rejects.toMatchObject({
      key: 'web.originRefused',
      status: 403,
    });
    await expect(
      post({ origin: 'https://evil.example', [CSRF_HEADER]: context.csrfToken }),
    ).rejects.toMatchObject({ key: 'web.originRefused' });
    await expect(post({ origin: 'https://verein.example:8443' })).rejects.toMatchObject({
      key: 'web.csrfRefused',
      status: 403,
    });
    await expect(
      post({ origin: 'https://verein.example:8443', [CSRF_HEADER]: 'falsch' }),
    ).rejects.toMatchObject({ key: 'web.csrfRefused' });
    expect(
      (await post({ origin: 'https://verein.example:8443', [CSRF_HEADER]: context.csrfToken }))
        .sessionId,
    ).toBe(context.sessionId);
  });

  it('ends an idle session after 30 minutes and any after 12 hours', async () => {
    const idle = await services.sessions.create(account, 'ready', null, client);
    tick(30 * 60_000);
    expect(await services.sessions.isActive(idle.context.sessionId)).toBe(false);
    await expect(
      services.sessions.authenticate(requestWith(idle.token), { stateChanging: false }),
    ).rejects.toMatchObject({ key: 'web.sessionExpired' });

    const busy = await services.sessions.create(account, 'ready', null, client);
    for (let i = 0; i < 47; i += 1) {
      tick(15 * 60_000);
      await services.sessions.authenticate(requestWith(busy.token), { stateChanging: false });
    }
    tick(15 * 60_000); // 12 hours since the sign-in
    expect(await services.sessions.isActive(busy.context.sessionId)).toBe(false);
    await expect(
      services.sessions.authenticate(requestWith(busy.token), { stateChanging: false }),
    ).rejects.toMatchObject({ key: 'web.sessionExpired' });
  });

  it('ends every session of the account, by "everywhere" and by a reset of the login', async () => {
    const a = await services.sessions.create(account, 'ready', null, client);
    const b = await services.sessions.create(account, 'ready', null, client);
    expect((await services.sessions.list(account.id, a.context.sessionId)).length).toBe(2);
    // Expired rows of the tests before are ended with them (they were merely idle).
    expect(await services.sessions.endAll(account.id)).toBeGreaterThanOrEqual(2);
    expect(await services.sessions.list(account.id, a.context.sessionId)).toEqual([]);
    expect(await services.sessions.isActive(a.context.sessionId)).toBe(false);
    expect(await services.sessions.isActive(b.context.sessionId)).toBe(false);

    const c = await services.sessions.create(account, 'ready', null, client);
    await services.invitations.resetLogin(clubId, userId);
    expect(await services.sessions.isActive(c.context.sessionId)).toBe(false);
    await expect(
      services.accounts.login(account.loginName, 'Probe am Donnerstag 19 Uhr', client.address),
    ).rejects.toMatchObject({ key: 'web.loginFailed' });
  });

  it('removes what sign-in left behind a month ago and keeps what is current', async () => {
    const newUser = async (name: string) =>
      (await services.clubs.addUser(clubId, { name, role: 'vorstand' })).id;
    const old = await services.sessions.create(account, 'ready', null, client);
    await services.sessions.endAll(account.id);
    await services.invitations.invite(clubId, await newUser('Udo'));
    tick(31 * 24 * 3_600_000);
    const current = await services.sessions.create(account, 'ready', null, client);
    const fresh = await services.invitations.invite(clubId, await newUser('Vera'));
    const count = (table: string) =>
      services.db.asOwner(async (sql) =>
        Number(
          (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n,
        ),
      );
    const sessionsBefore = await count('web_sessions');
    const swept = await sweepSignInRecords(services.db, clock);
    expect(swept.sessions).toBeGreaterThanOrEqual(1);
    expect(swept.invitations).toBeGreaterThanOrEqual(1);
    expect(await count('web_sessions')).toBe(sessionsBefore - swept.sessions);
    expect(await services.sessions.isActive(current.context.sessionId)).toBe(true);
    expect(await services.sessions.isActive(old.context.sessionId)).toBe(false);
    // The invitation sent today still opens.
    await expect(services.invitations.find(fresh.token)).resolves.toBeTruthy();
    // A second sweep finds nothing more.
    expect(await sweepSignInRecords(services.db, clock)).toEqual({
      sessions: 0,
      invitations: 0,
      addressCounters: 0,
      unknownNameCounters: 0,
    });
  });
});
