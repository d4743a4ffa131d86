/**
 * Live updates: two desktops online at the same time. An edit on one reaches the other through
 * the server's poke, without either of them polling; a revoked device loses its poke channel.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient } from './syncClient.ts';
import { SyncScheduler } from './syncScheduler.ts';
import { SyncSettings } from './syncSettings.ts';

describe('live sync between two online desktops', () => {
  const temp = makeTempDir('tutti-live-');
  let t: TestClubServer;
  const desktops: {
    store: LocalStore;
    api: ClubService;
    scheduler: SyncScheduler;
    deviceId: string;
  }[] = [];

  beforeAll(async () => {
    t = await startTestClubServer();
    const clubId = (await t.server.services.clubs.createClub('Live-Verein')).id;
    for (const name of ['Büro', 'Probe']) {
      const user = await t.server.services.clubs.addUser(clubId, { name, role: 'administrator' });
      const device = await enrolUser(t, clubId, user.id);
      const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32));
      new SyncSettings(store.meta).connect(device.syncUrl, device);
      const scheduler = new SyncScheduler(store, new SyncClient(store));
      scheduler.start();
      desktops.push({
        store,
        api: new ClubService(store, name),
        scheduler,
        deviceId: device.deviceId,
      });
    }
    await vi.waitFor(() => expect(desktops.every((d) => d.scheduler.status().live)).toBe(true), {
      timeout: 10_000,
    });
  }, 60_000);
  afterAll(async () => {
    for (const d of desktops) {
      d.scheduler.stop();
      d.store.close();
    }
    await t?.stop();
    temp.cleanup();
  });

  it('shows an edit made on one desktop on the other within moments', async () => {
    const [office, rehearsal] = desktops;
    const saved = await office!.api.save('members', {
      firstName: 'Greta',
      lastName: 'Live',
      status: 'aktiv',
    } as never);
    if (!saved.ok) throw new Error(saved.error.message);
    office!.scheduler.localChanged();
    await vi.waitFor(
      () =>
        expect(rehearsal!.store.tables.members.get(saved.value.id)?.record.lastName).toBe('Live'),
      {
        timeout: 5_000,
        interval: 20,
      },
    );
    // The server pokes the office too; its extra pull ends synced.
    await vi.waitFor(() =>
      expect(office!.scheduler.status()).toMatchObject({ phase: 'synced', pending: 0, live: true }),
    );
  });

  it('closes the poke channel of a device revoked meanwhile', async () => {
    const [, rehearsal] = desktops;
    await t.server.services.devices.revoke(rehearsal!.deviceId);
    await t.server.refreshRevocations();
    await vi.waitFor(() => expect(rehearsal!.scheduler.status().live).toBe(false), {
      timeout: 5_000,
    });
    await rehearsal!.scheduler.request();
    // Under TLS 1.3 a refused client certificate looks like a dropped connection to the client.
    expect(rehearsal!.scheduler.status().phase).toBe('offline');
  });

  it('reports offline and keeps the change pending while the server is unreachable', async () => {
    const [office] = desktops;
    const port = t.server.devices.port;
    await t.server.devices.close();
    const saved = await office!.api.save('members', {
      firstName: 'Otto',
      lastName: 'Offline',
      status: 'aktiv',
    } as never);
    if (!saved.ok) throw new Error(saved.error.message);
    await office!.scheduler.request();
    expect(office!.scheduler.status()).toMatchObject({ phase: 'offline', pending: 1 });
    expect(office!.scheduler.status().message).toContain('Keine Verbindung');
    expect(port).toBeGreaterThan(0);
  });
});
