/**
 * Enrolment over the web listener with the desktop's client: the device checks the server's CA
 * against the code before it sends the code; codes expire; guessing is rate-limited.
 */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice } from '../../electron/sync/enrolDevice.ts';
import {
  asDevice,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';

/** A raw POST to the web listener, for requests the desktop's client would never send. */
function fetchJson(base: string, path: string, body: string, type: string, ca: string) {
  return new Promise<{ status?: number; message?: string; fields?: Record<string, string> }>(
    (resolve, reject) => {
      const req = request(
        new URL(path, base),
        { method: 'POST', ca, headers: { 'Content-Type': type } },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            const error = JSON.parse(text).error;
            resolve({ status: res.statusCode, message: error?.message, fields: error?.fields });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('device enrolment', () => {
  let t: TestClubServer;
  let clubId: string;
  let userId: string;

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Jugendblasorchester')).id;
    userId = (await t.server.services.clubs.addUser(clubId, { name: 'Eva', role: 'administrator' }))
      .id;
  }, 60_000);
  afterAll(() => t?.stop());

  const code = async () => (await t.server.services.devices.createCode(clubId, userId)).code;

  it('gives a device a certificate naming club, user and device; the key stays on the device', async () => {
    const device = await enrolDevice(t.webUrl, await code());
    expect(device.privateKeyPem).toContain('PRIVATE KEY');
    const me = await asDevice(t, device, 'GET', '/api/v1/me');
    expect(me.body?.value).toMatchObject({
      clubId,
      actor: { kind: 'user', id: userId, deviceId: device.deviceId },
    });
    expect(device.caCertificatePem).toBe(t.dir.caCertificatePem());
  });

  it("records the computer's name a device gives, printable characters only", async () => {
    const device = await enrolDevice(
      t.webUrl,
      await code(),
      'LAPTOP-NOTENWART\u001b[31m\r\nGEFÄLSCHTE ZEILE',
    );
    const listed = await t.server.services.devices.list(clubId);
    expect(listed.find((d) => d.id === device.deviceId)?.name).toBe(
      'LAPTOP-NOTENWART[31mGEFÄLSCHTE ZEILE',
    );
  });

  it('refuses to talk to a server whose CA is not the one in the code, sending nothing', async () => {
    const genuine = await code();
    const forged = genuine.replace(/\.[0-9a-f]{64}$/, `.${'0'.repeat(64)}`);
    await expect(enrolDevice(t.webUrl, forged)).rejects.toThrow('nicht mit dem Zertifikat aus');
    // The genuine code was never sent, so it still works.
    await expect(enrolDevice(t.webUrl, genuine)).resolves.toHaveProperty('deviceId');
  });

  it('refuses an expired code', async () => {
    const expired = await code();
    await t.server.services.db.asOwner((sql) =>
      sql.query(
        `UPDATE enrolment_codes SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`,
      ),
    );
    await expect(enrolDevice(t.webUrl, expired)).rejects.toThrow('abgelaufen');
  });

  it('refuses no client certificate at the handshake of the device listener', async () => {
    const answer = await asDevice(t, null, 'GET', '/api/v1/me');
    expect(answer.status).toBeUndefined();
    expect(answer.error).toBeDefined();
  });

  it('gives one certificate for one code, even when two devices race with it', async () => {
    const shared = await code();
    const before = (await t.server.services.devices.list(clubId)).length;
    const outcomes = await Promise.allSettled([
      enrolDevice(t.webUrl, shared),
      enrolDevice(t.webUrl, shared),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await t.server.services.devices.list(clubId)).length).toBe(before + 1);
  });

  it('answers malformed enrolment requests with a clear 4xx', async () => {
    const post = (body: string, type = 'application/json') =>
      fetchJson(t.webUrl, '/enrol/v1', body, type, t.dir.caCertificatePem());
    expect(await post('{"code":')).toMatchObject({
      status: 400,
      message: 'Die Anfrage ist kein gültiges JSON.',
    });
    expect(
      await post(JSON.stringify({ code: 'x', csr: 'y', userId: 'jemand-anderes' })),
    ).toMatchObject({
      status: 400,
      fields: { userId: 'Unbekanntes Feld.' },
    });
    expect(await post(JSON.stringify({ code: 5, csr: 'y' }))).toMatchObject({ status: 400 });
    expect(await post('code=x', 'text/plain')).toMatchObject({ status: 415 });
    expect(await post(JSON.stringify({ code: 'x', csr: 'y'.repeat(40_000) }))).toMatchObject({
      status: 413,
    });
  });

  // Last: it locks this test's address out for 15 minutes.
  it('locks an address out after ten attempts, even when they arrive all at once', async () => {
    const right = await code();
    const wrong = right.replace(/\.([A-Z2-7]{32})\./, `.${'A'.repeat(32)}.`);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => enrolDevice(t.webUrl, wrong)),
    );
    const messages = outcomes.map((o) =>
      o.status === 'rejected' ? String(o.reason.message) : 'ok',
    );
    // Earlier tests of this file have used some of this address's ten attempts already.
    const checked = messages.filter((m) => m.includes('Anmeldecode ist ungültig')).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(10);
    expect(messages.filter((m) => m.includes('Zu viele ungültige Anmeldecodes'))).toHaveLength(
      25 - checked,
    );
    await expect(enrolDevice(t.webUrl, right)).rejects.toThrow('Zu viele ungültige Anmeldecodes');
  });
});
