/**
 * The club server end to end: real TLS connections to a running server, devices enrolled with
 * the desktop's client, on PGlite and on a real PostgreSQL server. Every refusal is checked to
 * come with the right error and to leave the data unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import { newId } from '../../shared/domain/ids.ts';
import {
  type Answer,
  asDevice,
  enrolSupport,
  enrolUser,
  openPokeChannel,
  startTestClubServer,
  TEST_ADMIN_PASSWORD,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { startTestPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { askAdminSocket } from '../app/adminSocket.ts';
import { readAudit } from '../audit/auditLog.ts';

const BRASS = newId();
const WOODWIND = newId();
const ANNA = newId();
const BERT = newId();
const CLARA = newId();
const ANNA_IBAN = 'DE89370400440532013000';

const member = (
  id: string,
  firstName: string,
  registerIds: string[],
  iban: string | null = null,
) => ({
  id,
  firstName,
  lastName: 'Muster',
  status: 'aktiv',
  registerIds,
  iban,
  birthDate: '1990-05-17',
});

const backends: [string, () => Promise<{ url?: string; stop(): void }>][] = [
  ['PGlite', async () => ({ stop() {} })],
  [
    'PostgreSQL',
    async () => {
      const pg: TestPostgres = await startTestPostgres();
      return { url: pg.url, stop: () => pg.stop() };
    },
  ],
];

describe.each(backends)('club server on %s', (_name, startBackend) => {
  let backend: { url?: string; stop(): void };
  let t: TestClubServer;
  let clubA: string;
  let clubB: string;
  const devices: Record<string, EnrolledDevice> = {};
  let staffId: string;

  const get = (who: string, path: string) => asDevice(t, devices[who]!, 'GET', `/api/v1/${path}`);
  const put = (who: string, path: string, body: unknown) =>
    asDevice(t, devices[who]!, 'PUT', `/api/v1/${path}`, { body });
  const value = <T>(answer: Answer) => answer.body?.value as T;
  const ids = (answer: Answer) =>
    value<{ id: string }[]>(answer)
      .map((r) => r.id)
      .sort();

  beforeAll(async () => {
    backend = await startBackend();
    t = await startTestClubServer({ databaseUrl: backend.url });
    const { clubs, passwords, support } = t.server.services;
    clubA = (await clubs.createClub('Musikverein Harmonie')).id;
    clubB = (await clubs.createClub('Blaskapelle Nachbarort')).id;
    await passwords.set(clubA, TEST_ADMIN_PASSWORD);
    const users = {
      adminA: await clubs.addUser(clubA, { name: 'Eva', role: 'administrator' }),
      leader: await clubs.addUser(clubA, {
        name: 'Lutz',
        role: 'registerfuehrer',
        registerIds: [BRASS],
      }),
      board: await clubs.addUser(clubA, { name: 'Vera', role: 'vorstand' }),
      treasurer: await clubs.addUser(clubA, { name: 'Karl', role: 'kassier' }),
      adminB: await clubs.addUser(clubB, { name: 'Bruno', role: 'administrator' }),
    };
    for (const [who, user] of Object.entries(users))
      devices[who] = await enrolUser(t, who === 'adminB' ? clubB : clubA, user.id);
    staffId = (await support.addStaff('Sandra Support')).id;
    devices.support = await enrolSupport(t, staffId);

    for (const [id, name] of [
      [BRASS, 'Blech'],
      [WOODWIND, 'Holz'],
    ] as const)
      expect(
        (await put('adminA', `records/registers/${id}`, { id, name, sortOrder: 1 })).status,
      ).toBe(200);
    expect(
      (await put('adminA', `records/members/${ANNA}`, member(ANNA, 'Anna', [BRASS], ANNA_IBAN)))
        .status,
    ).toBe(200);
    expect(
      (await put('adminA', `records/members/${BERT}`, member(BERT, 'Bert', [WOODWIND]))).status,
    ).toBe(200);
    expect(
      (
        await put(
          'adminB',
          `records/members/${CLARA}`,
          member(CLARA, 'Clara', [], 'DE02120300000000202051'),
        )
      ).status,
    ).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    backend?.stop();
  });

  it('enrols a device once per code: the second use is refused and creates no device', async () => {
    const user = await t.server.services.clubs.addUser(clubA, {
      name: 'Nina',
      role: 'administrator',
    });
    const { code } = await t.server.services.devices.createCode(clubA, user.id);
    const { enrolDevice } = await import('../../electron/sync/enrolDevice.ts');
    const before = (await t.server.services.devices.list(clubA)).length;
    await enrolDevice(t.webUrl, code);
    await expect(enrolDevice(t.webUrl, code)).rejects.toThrow(
      'Dieser Anmeldecode wurde schon verwendet',
    );
    expect((await t.server.services.devices.list(clubA)).length).toBe(before + 1);
  });

  it("club A's device never reaches club B's data, through any endpoint", async () => {
    expect(ids(await get('adminA', 'records/members'))).toEqual([ANNA, BERT].sort());
    expect((await get('adminA', `records/members/${CLARA}`)).status).toBe(404);
    expect(
      (await asDevice(t, devices.adminA!, 'DELETE', `/api/v1/records/members/${CLARA}`)).status,
    ).toBe(404);
    // A support header from a member device changes nothing: the certificate names the club.
    const spoofed = await asDevice(t, devices.adminA!, 'GET', '/api/v1/records/members', {
      headers: { 'Tutti-Club': clubB },
    });
    expect(ids(spoofed)).toEqual([ANNA, BERT].sort());
    // Writing B's id from A lands in A's club (records are keyed by club) and leaves B's intact.
    await put('adminA', `records/members/${CLARA}`, member(CLARA, 'Fälschung', []));
    const clara = await get('adminB', `records/members/${CLARA}`);
    expect(clara.body?.value).toMatchObject({ firstName: 'Clara', iban: 'DE02120300000000202051' });
    await asDevice(t, devices.adminA!, 'DELETE', `/api/v1/records/members/${CLARA}`);
    expect((await get('adminB', `records/members/${CLARA}`)).status).toBe(200);
    expect((await get('adminA', 'me')).body?.value).toMatchObject({ clubId: clubA });
  });

  it("a register leader sees only their register's members, and no bank data", async () => {
    const list = await get('leader', 'records/members');
    expect(ids(list)).toEqual([ANNA]);
    expect(value<object[]>(list)[0]).not.toHaveProperty('iban');
    expect(value<object[]>(list)[0]).not.toHaveProperty('birthDate');
    const other = await get('leader', `records/members/${BERT}`);
    expect(other.status).toBe(404);
    expect(other.body?.error?.message).toContain('nicht sichtbar');
    // Ticking attendance in their own register works; in another register it is refused.
    const event = newId();
    await put('adminA', `records/events/${event}`, {
      id: event,
      kind: 'probe',
      title: 'Probe',
      date: '2026-12-01',
    });
    const own = newId();
    expect(
      (
        await put('leader', `records/attendance/${own}`, {
          id: own,
          eventId: event,
          memberId: ANNA,
          status: 'present',
        })
      ).status,
    ).toBe(200);
    const foreign = newId();
    const refused = await put('leader', `records/attendance/${foreign}`, {
      id: foreign,
      eventId: event,
      memberId: BERT,
      status: 'present',
    });
    expect(refused.status).toBe(403);
    expect((await get('adminA', `records/attendance/${foreign}`)).status).toBe(404);
  });

  it('a role the club defines is enforced like a built-in one', async () => {
    const { roles, clubs } = t.server.services;
    await roles.add(clubA, 'jugendleiter', 'Jugendleiter', [
      { entity: 'members', action: 'read', scope: 'ownRegisters', fields: 'withoutSensitive' },
      { entity: 'events', action: 'write', scope: 'all', fields: 'all' },
    ]);
    await expect(clubs.addUser(clubA, { name: 'Jana', role: 'jugendleiter' })).rejects.toThrow(
      'mindestens ein Register',
    );
    await expect(
      clubs.addUser(clubB, { name: 'Jana', role: 'jugendleiter', registerIds: [WOODWIND] }),
    ).rejects.toThrow('gibt es nicht');
    const user = await clubs.addUser(clubA, {
      name: 'Jana',
      role: 'jugendleiter',
      registerIds: [WOODWIND],
    });
    devices.youth = await enrolUser(t, clubA, user.id);
    expect(ids(await get('youth', 'records/members'))).toEqual([BERT]);
    const event = newId();
    expect(
      (
        await put('youth', `records/events/${event}`, {
          id: event,
          kind: 'konzert',
          title: 'Jugendkonzert',
          date: '2026-12-20',
        })
      ).status,
    ).toBe(200);
    expect(
      (await put('youth', `records/members/${BERT}`, member(BERT, 'Bertram', [WOODWIND]))).status,
    ).toBe(403);
  });

  it('a role without sensitive fields reads no IBAN and cannot change one', async () => {
    const anna = await get('board', `records/members/${ANNA}`);
    expect(anna.status).toBe(200);
    expect(anna.body?.value).not.toHaveProperty('iban');
    const changed = await put('board', `records/members/${ANNA}`, {
      ...member(ANNA, 'Anna', [BRASS]),
      iban: 'DE02120300000000202051',
    });
    expect(changed.status).toBe(403);
    // Refused by presence, not value: sending the stored birth date reveals nothing.
    const probe = await put(
      'board',
      `records/members/${ANNA}`,
      member(ANNA, 'Anna', [BRASS], ANNA_IBAN),
    );
    expect(probe.status).toBe(403);
    // Validation never judges hidden values: an entry date before the hidden birth date passes.
    const { iban: _i, birthDate: _b, ...visibleBert } = member(BERT, 'Bert', [WOODWIND]);
    expect(
      (await put('board', `records/members/${BERT}`, { ...visibleBert, entryDate: '1980-01-01' }))
        .status,
    ).toBe(200);
    // The board can create members; bank data stays empty.
    const nina = newId();
    const { iban: _n, birthDate: _nb, ...visibleNina } = member(nina, 'Nina', [BRASS]);
    expect((await put('board', `records/members/${nina}`, visibleNina)).status).toBe(200);
    // Editing what the role may see keeps the bank data it never saw.
    const { iban: _hidden, birthDate: _born, ...visible } = member(ANNA, 'Anne', [BRASS]);
    expect((await put('board', `records/members/${ANNA}`, visible)).status).toBe(200);
    expect((await get('treasurer', `records/members/${ANNA}`)).body?.value).toMatchObject({
      firstName: 'Anne',
      iban: ANNA_IBAN,
      birthDate: '1990-05-17',
    });
  });

  it('writes the audit log with field names, never the values of sensitive fields', async () => {
    const rows = await t.server.services.db.withClub(clubA, (sql) => readAudit(sql));
    const annaCreated = rows.find((r) => r.recordId === ANNA && r.action === 'create');
    expect(annaCreated).toMatchObject({ entity: 'members', address: '127.0.0.1' });
    expect(annaCreated?.fields).toContain('iban');
    expect(annaCreated?.actor).toMatch(/^user:/);
    expect(annaCreated?.deviceId).toBe(devices.adminA!.deviceId);
    expect(JSON.stringify(rows)).not.toContain(ANNA_IBAN);
    const clubBRows = await t.server.services.db.withClub(clubB, (sql) => readAudit(sql));
    expect(clubBRows.every((r) => r.recordId !== ANNA)).toBe(true);
  });

  it('support sees nothing without consent, everything audited with it, nothing after it ends', async () => {
    const ask = () =>
      asDevice(t, devices.support!, 'GET', `/api/v1/records/members/${ANNA}`, {
        headers: { 'Tutti-Club': clubA },
      });
    const before = await ask();
    expect(before.status).toBe(403);
    expect(before.body?.error?.message).toContain('keinen Zugriff erteilt');

    await expect(t.server.services.support.grant(clubA, 2, 'falsches-passwort')).rejects.toThrow(
      'falsch',
    );
    const grant = await t.server.services.support.grant(clubA, 2, TEST_ADMIN_PASSWORD);
    expect((await ask()).status).toBe(200);
    // Consent for A opens nothing of B.
    const other = await asDevice(t, devices.support!, 'GET', '/api/v1/records/members', {
      headers: { 'Tutti-Club': clubB },
    });
    expect(other.status).toBe(403);
    const audit = await t.server.services.db.withClub(clubA, (sql) => readAudit(sql));
    expect(
      audit.some(
        (r) => r.actor === `support:${staffId}` && r.action === 'read' && r.recordId === ANNA,
      ),
    ).toBe(true);

    // Expiry is enforced: the grant's end moved into the past.
    await t.server.services.db.withClub(clubA, (sql) =>
      sql.query(
        `UPDATE support_grants SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [grant.id],
      ),
    );
    expect((await ask()).status).toBe(403);
    await t.server.services.support.grant(clubA, 1, TEST_ADMIN_PASSWORD);
    await t.server.services.support.revoke(clubA);
    expect((await ask()).status).toBe(403);
  });

  it('ends support at once also while the admin password is locked, and the lock still holds', async () => {
    const { passwords, support } = t.server.services;
    await passwords.set(clubB, TEST_ADMIN_PASSWORD);
    await support.grant(clubB, 24, TEST_ADMIN_PASSWORD);
    const ask = () =>
      asDevice(t, devices.support!, 'GET', '/api/v1/records/members', {
        headers: { 'Tutti-Club': clubB },
      });
    expect((await ask()).status).toBe(200);
    const channel = await openPokeChannel(t, devices.support!, { 'Tutti-Club': clubB });

    // Someone guesses the password until it locks.
    for (let i = 1; i <= 20; i += 1)
      await expect(support.grant(clubB, 1, `geraten-${i}`)).rejects.toThrow(/falsch|gesperrt/);
    await expect(support.grant(clubB, 1, TEST_ADMIN_PASSWORD)).rejects.toThrow('gesperrt');

    // The operator (or the club's IT officer at the server) revokes without any password.
    const answer = await askAdminSocket(t.dir.socketPath, {
      command: 'support.revoke',
      clubId: clubB,
    });
    expect(answer).toEqual({
      ok: true,
      lines: ['Support-Zugriff für „Blaskapelle Nachbarort“ beendet.'],
      // The same as messages, for a command line in another language.
      output: [{ key: 'server.cli.support.revoked', params: { name: 'Blaskapelle Nachbarort' } }],
    });
    expect((await ask()).status).toBe(403);
    await expect(channel.closed).resolves.toBeDefined();
    // Revoking did not touch the lock: granting stays refused, even with the right password.
    await expect(support.grant(clubB, 1, TEST_ADMIN_PASSWORD)).rejects.toThrow('gesperrt');
    const audit = await t.server.services.db.withClub(clubB, (sql) => readAudit(sql));
    expect(audit.filter((r) => r.action === 'support.revoke').map((r) => r.actor)).toEqual([
      'operator:cli',
    ]);
  }, 120_000);

  it('bad requests get a 4xx with a clear message and the server stays up', async () => {
    const id = newId();
    const send = (raw: string | Buffer, headers: Record<string, string> = {}) =>
      asDevice(t, devices.adminA!, 'PUT', `/api/v1/records/members/${id}`, { raw, headers });
    const malformed = await send('{"firstName": "Anna",');
    expect(malformed.status).toBe(400);
    expect(malformed.body?.error?.message).toBe('Die Anfrage ist kein gültiges JSON.');
    const oversized = await send(Buffer.alloc(2 * 1024 * 1024, 'a'));
    expect(oversized.error ?? oversized.status).toSatisfy(
      (v: unknown) => v === 413 || v === 'ECONNRESET' || v === 'EPIPE',
    );
    const unknown = await send(JSON.stringify({ ...member(id, 'Anna', []), shoeSize: 42 }));
    expect(unknown.status).toBe(400);
    expect(unknown.body?.error).toMatchObject({
      code: 'validation',
      message: 'Der Datensatz ist ungültig. shoeSize: Unbekanntes Feld.',
      fields: { shoeSize: 'Unbekanntes Feld.' },
      key: 'server.records.invalid',
      fieldMessages: { shoeSize: { key: 'validation.unknownField' } },
    });
    const wrongType = await send(
      JSON.stringify({ ...member(id, 'Anna', []), registerIds: 'Blech' }),
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.body?.error?.fields).toHaveProperty('registerIds');
    const notJson = await send('firstName=Anna', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(notJson.status).toBe(415);
    expect((await get('adminA', 'records/nonsense')).status).toBe(404);
    expect((await get('adminA', 'records/members/not-an-id')).status).toBe(400);
    // Nothing was written, and the server still answers.
    expect((await get('adminA', `records/members/${id}`)).status).toBe(404);
    expect((await get('adminA', 'records/members')).status).toBe(200);
  });

  it('refuses a second open loan of one instrument across devices', async () => {
    const trumpet = newId();
    await put('adminA', `records/instruments/${trumpet}`, {
      id: trumpet,
      inventoryNumber: 'T-1',
      kind: 'Trompete',
    });
    const first = newId();
    const second = newId();
    const loan = (id: string, memberId: string) => ({
      id,
      instrumentId: trumpet,
      memberId,
      issuedOn: '2026-11-01',
    });
    expect((await put('adminA', `records/loans/${first}`, loan(first, ANNA))).status).toBe(200);
    const refused = await put('board', `records/loans/${second}`, loan(second, BERT));
    expect(refused.status).toBe(409);
    expect(refused.body?.error?.fields?.instrumentId).toMatch(/bereits an .+ ausgeliehen \(seit /);
    // Devices lending one instrument at the same moment: one loan stands.
    const horn = newId();
    await put('adminA', `records/instruments/${horn}`, {
      id: horn,
      inventoryNumber: 'H-1',
      kind: 'Horn',
    });
    const racing = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const id = newId();
        const who = i % 2 === 0 ? 'adminA' : 'board';
        return put(who, `records/loans/${id}`, {
          ...loan(id, i % 2 ? BERT : ANNA),
          instrumentId: horn,
        });
      }),
    );
    expect(racing.filter((r) => r.status === 200)).toHaveLength(1);
    expect(racing.filter((r) => r.status === 409)).toHaveLength(11);
  });

  it('renews a certificate: the new one works, the replaced one is refused', async () => {
    const { createDeviceKeyAndCsr } = await import('../../shared/node/deviceKeys.ts');
    const user = await t.server.services.clubs.addUser(clubA, { name: 'Rita', role: 'vorstand' });
    const old = await enrolUser(t, clubA, user.id);
    const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr(old.deviceId);
    const renewed = await asDevice(t, old, 'POST', '/api/v1/certificate/renew', {
      body: { csr: csrPem },
    });
    expect(renewed.status).toBe(200);
    const fresh = {
      certificatePem: value<{ certificate: string }>(renewed).certificate,
      privateKeyPem,
    };
    // Until the new certificate is used, the old one still works: the answer might be lost.
    expect((await asDevice(t, old, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await asDevice(t, fresh, 'GET', '/api/v1/me')).status).toBe(200);
    // Once it was used, the replaced one is refused at once, and at the handshake as soon as
    // the revocation list is installed anew (at the next renewal, revocation, or daily).
    expect((await asDevice(t, old, 'GET', '/api/v1/me')).status).toBe(403);
    await t.server.refreshRevocations();
    const stale = await asDevice(t, old, 'GET', '/api/v1/me');
    expect(stale.status).toBeUndefined();
    expect(stale.error).toBeDefined();
    // A support device renews without any club's consent.
    const support = await createDeviceKeyAndCsr(devices.support!.deviceId);
    const renewedSupport = await asDevice(
      t,
      devices.support!,
      'POST',
      '/api/v1/certificate/renew',
      {
        body: { csr: support.csrPem },
      },
    );
    expect(renewedSupport.status).toBe(200);
    devices.support = {
      ...devices.support!,
      certificatePem: value<{ certificate: string }>(renewedSupport).certificate,
      privateKeyPem: support.privateKeyPem,
    };
  });

  it('lets a device whose renewal answer was lost in again, and renew once more', async () => {
    const { createDeviceKeyAndCsr } = await import('../../shared/node/deviceKeys.ts');
    const user = await t.server.services.clubs.addUser(clubA, { name: 'Paul', role: 'vorstand' });
    const device = await enrolUser(t, clubA, user.id);
    const renew = async (presenting: typeof device) => {
      const next = await createDeviceKeyAndCsr(device.deviceId);
      const answer = await asDevice(t, presenting, 'POST', '/api/v1/certificate/renew', {
        body: { csr: next.csrPem },
      });
      expect(answer.status).toBe(200);
      await t.server.refreshRevocations(); // as the running server does after a renewal
      return {
        ...device,
        certificatePem: value<{ certificate: string }>(answer).certificate,
        privateKeyPem: next.privateKeyPem,
      };
    };
    const lost = await renew(device); // the answer never reaches the device
    const second = await renew(device); // so it asks again with the certificate it has
    expect((await asDevice(t, second, 'GET', '/api/v1/me')).status).toBe(200);
    await t.server.refreshRevocations();
    // The one never received and the old one are both refused now, at the handshake.
    for (const gone of [lost, device])
      expect((await asDevice(t, gone, 'GET', '/api/v1/me')).error).toBeDefined();
    expect((await asDevice(t, second, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('refuses a revoked device at the handshake, without a restart', async () => {
    const user = await t.server.services.clubs.addUser(clubA, { name: 'Otto', role: 'vorstand' });
    const device = await enrolUser(t, clubA, user.id);
    expect((await asDevice(t, device, 'GET', '/api/v1/me')).status).toBe(200);
    await t.server.services.devices.revoke(device.deviceId);
    await t.server.refreshRevocations();
    const refused = await asDevice(t, device, 'GET', '/api/v1/me');
    expect(refused.status).toBeUndefined();
    expect(refused.error).toMatch(/ECONNRESET|ERR_SSL|certificate revoked/i);
    expect((await get('adminA', 'me')).status).toBe(200);
  });
});
