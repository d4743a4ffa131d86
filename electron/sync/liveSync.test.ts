/**
 * Live updates: two desktops online at the same time. An edit on one reaches the other through
 * the server's poke, without either of them polling; a revoked device loses its poke channel.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { translate } from '../../shared/messages/translate.ts';
import {
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { DesktopSync } from './desktopSync.ts';
import { SyncSettings } from './syncSettings.ts';

describe('live sync between two online desktops', () => {
  const temp = makeTempDir('tutti-live-');
  let t: TestClubServer;
  const desktops: {
    store: LocalStore;
    api: ClubService;
    sync: DesktopSync;
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
      const sync = new DesktopSync(store);
      sync.start();
      desktops.push({
        store,
        api: new ClubService(store, name, sync),
        sync,
        deviceId: device.deviceId,
      });
    }
    await vi.waitFor(() => expect(desktops.every((d) => d.sync.status().live)).toBe(true), {
      timeout: 10_000,
    });
  }, 60_000);
  afterAll(async () => {
    for (const d of desktops) {
      await d.sync.stop();
      d.store.close();
    }
    await t?.stop();
    temp.cleanup();
  });

  it('shows an edit made on one desktop on the other within moments', async () => {
    const [office, rehearsal] = desktops;
    await vi.waitFor(() => expect(rehearsal!.sync.status().phase).toBe('synced'));
    // The screen of the other desktop is waiting for news (the UI's long poll).
    const known = rehearsal!.sync.status().received;
    const news = rehearsal!.api.nextSyncChange(known);
    const saved = await office!.api.save('members', {
      firstName: 'Greta',
      lastName: 'Live',
      status: 'aktiv',
    } as never);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const answer = await news;
    expect(answer.ok && answer.value.received).toBeGreaterThan(known);
    expect(rehearsal!.store.tables.members.get(saved.value.id)?.record.lastName).toBe('Live');
    // The server pokes the office too; its extra pull ends synced.
    await vi.waitFor(() =>
      expect(office!.sync.status()).toMatchObject({ phase: 'synced', pending: 0, live: true }),
    );
  });

  it('finishes the round under way when stopped, and starts none after it', async () => {
    const [office, rehearsal] = desktops;
    const member = (lastName: string) =>
      ({ firstName: 'Stefan', lastName, status: 'aktiv' }) as never;
    const sent = await office!.api.save('members', member('Vor dem Stopp'));
    if (!sent.ok) throw new Error(JSON.stringify(sent.error));
    // The save started a round; the stop waits for it, so the profile could be closed now.
    await office!.sync.stop();
    expect(office!.sync.status().pending).toBe(0);
    const kept = await office!.api.save('members', member('Nach dem Stopp'));
    if (!kept.ok) throw new Error(JSON.stringify(kept.error));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(office!.sync.status().pending).toBe(1);
    await vi.waitFor(() =>
      expect(rehearsal!.store.tables.members.get(sent.value.id)).toBeDefined(),
    );
    expect(rehearsal!.store.tables.members.get(kept.value.id)).toBeUndefined();
    // Started again, the kept change goes out.
    office!.sync.start();
    await vi.waitFor(() =>
      expect(rehearsal!.store.tables.members.get(kept.value.id)).toBeDefined(),
    );
  });

  it('closes the poke channel of a device revoked meanwhile', async () => {
    const [, rehearsal] = desktops;
    await t.server.services.devices.revoke(rehearsal!.deviceId);
    await t.server.refreshRevocations();
    await vi.waitFor(() => expect(rehearsal!.sync.status().live).toBe(false), {
      timeout: 5_000,
    });
    await rehearsal!.sync.syncNow();
    // Under TLS 1.3 a refused client certificate looks like a dropped connection to the client.
    expect(rehearsal!.sync.status().phase).toBe('offline');
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
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    await office!.sync.syncNow();
    expect(office!.sync.status()).toMatchObject({ phase: 'offline', pending: 1 });
    expect(translate(office!.sync.status().message!)).toMatch(
      /Vereinsserver.*Änderungen werden gespeichert und später gesendet\.$/,
    );
    expect(port).toBeGreaterThan(0);
  });
});
