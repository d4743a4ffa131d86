/**
 * Enrolment over the web listener with the desktop's client: the device checks the server's CA
 * against the code before it sends the code; codes expire; guessing is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice } from '../../electron/sync/enrolDevice.ts';
import {
  asDevice,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';

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

  it('locks an address out after ten wrong codes, even for a right one', async () => {
    const right = await code();
    const wrong = right.replace(/\.([A-Z2-7]{32})\./, `.${'A'.repeat(32)}.`);
    for (let i = 0; i < 10; i += 1)
      await expect(enrolDevice(t.webUrl, wrong)).rejects.toThrow('ungültig');
    await expect(enrolDevice(t.webUrl, right)).rejects.toThrow('Zu viele ungültige Anmeldecodes');
  });
});
