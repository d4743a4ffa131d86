/**
 * Issue #26: a fresh device's first sync tells how far it has come ("12.400 von 57.562
 * Datensätzen") and can be stopped by the person — what arrived stays, the next round goes on
 * from there and ends with every record. Against a running club server over mutual TLS, with
 * small pull pages so that a small club takes many of them.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullProgress, SyncStatus } from '../../shared/api/sync.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { SYNC_PATHS } from '../../shared/sync/protocol.ts';
import {
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { type SyncedDesktop, syncedDesktop } from '../../test/support/syncedDesktop.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { LocalStore } from '../store/localStore.ts';
import { DesktopSync } from './desktopSync.ts';
import { httpsTransport, SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

const MEMBERS = 240;
const PAGE = 20;

/** Every live record of the replica, per entity, sorted by id. */
function everything(store: LocalStore) {
  return Object.fromEntries(
    ENTITY_NAMES.map((entity) => [
      entity,
      store.tables[entity].listLive().sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
}

const memberCount = (store: LocalStore) => store.tables.members.listLive().length;

/**
 * The pull pages asked for (not the one-record pull that numbers the outbox after enrolment)
 * and their answers, with a pause before each (a slow line).
 */
function watchedTransport(delayMs = 0) {
  const pages: { cursor: number; total?: number | undefined; changes?: number }[] = [];
  const transport: SyncTransport = async (connection, method, path, body, signal) => {
    const query = new URL(path, 'https://x').searchParams;
    if (!path.startsWith(SYNC_PATHS.pull) || query.get('limit') === '1')
      return httpsTransport(connection, method, path, body, signal);
    const page: (typeof pages)[number] = { cursor: Number(query.get('cursor')) };
    pages.push(page);
    if (delayMs > 0) await sleep(delayMs);
    const response = await httpsTransport(connection, method, path, body, signal);
    const value = (response.body as { value?: { total?: number; changes?: unknown[] } }).value;
    page.total = value?.total;
    page.changes = value?.changes?.length ?? 0;
    return response;
  };
  return { pages, transport };
}

describe('progress and stop of a fresh device first sync', () => {
  const temp = makeTempDir('tutti-initial-');
  let t: TestClubServer;
  let clubId = '';
  let office: SyncedDesktop;
  let userId = '';
  /** Records on the server: every change a pull from the start brings. */
  let records = 0;
  const stores: LocalStore[] = [];
  const syncs: DesktopSync[] = [];

  /** A new device of the office's user with an empty replica. */
  async function freshStore(name: string): Promise<LocalStore> {
    const device = await enrolUser(t, clubId, userId);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32));
    stores.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    return store;
  }

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Kapelle Fortschritt')).id;
    office = await syncedDesktop(t, clubId, temp.dir, 'office', 'administrator');
    userId = office.userId;
    office.store.transaction(() => {
      const register = office.api.saveNow('registers', { name: 'Blech', sortOrder: 1 } as never);
      if (!register.ok) throw new Error(JSON.stringify(register.error));
      for (let i = 0; i < MEMBERS; i++) {
        const saved = office.api.saveNow('members', {
          firstName: `Vorname ${i}`,
          lastName: `Nachname ${i}`,
          status: 'aktiv',
          registerIds: [register.value.id],
        } as never);
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      }
    });
    const pushed = await office.sync.round();
    records = pushed.pushed;
    expect(records).toBe(MEMBERS + 1);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(syncs.map((sync) => sync.stop()));
    for (const store of [...stores, office?.store]) store?.close();
    await t?.stop();
    temp.cleanup();
  });

  it('the server tells the total on the first page only, and the progress ends at it', async () => {
    const store = await freshStore('counted');
    const { pages, transport } = watchedTransport();
    const told: PullProgress[] = [];
    const report = await new SyncClient(store, transport, { pullPage: PAGE }).round(
      undefined,
      undefined,
      { progress: (progress) => told.push(progress) },
    );
    expect(report.pulled).toBe(records);
    expect(pages[0]).toMatchObject({ cursor: 0, total: records, changes: PAGE });
    expect(pages.slice(1).every((page) => page.total === undefined)).toBe(true);
    // One progress per committed page, counting up to the total exactly.
    expect(told).toHaveLength(Math.ceil(records / PAGE));
    expect(told.map((p) => p.received)).toEqual(
      told.map((_, i) => Math.min((i + 1) * PAGE, records)),
    );
    expect(told.every((p) => p.total === records)).toBe(true);
    expect(told.at(-1)).toEqual({ received: records, total: records });
    expect(everything(store)).toEqual(everything(office.store));
    // Done: nothing of the progress is kept for the next pull.
    expect(new SyncSettings(store.meta).pullProgress()).toBeNull();
  });

  it('a pull of one page tells no progress', async () => {
    const store = await freshStore('one-page');
    const told: PullProgress[] = [];
    await new SyncClient(store, undefined, { pullPage: 5000 }).round(undefined, undefined, {
      progress: (progress) => told.push(progress),
    });
    expect(told).toEqual([]);
    expect(memberCount(store)).toBe(MEMBERS);
  });

  it('tells the progress through the status event while the pages are applied', async () => {
    const store = await freshStore('told');
    const { transport } = watchedTransport(15);
    const sync = new DesktopSync(store, { transport, pullPage: PAGE });
    syncs.push(sync);
    const seen: { at: number; status: SyncStatus }[] = [];
    sync.onDidChangeStatus(() => seen.push({ at: performance.now(), status: sync.status() }));
    const done = await sync.syncNow();
    expect(done.phase).toBe('synced');
    expect(done.progress).toBeNull();
    const during = seen.filter((s) => s.status.progress !== null);
    expect(during.length).toBeGreaterThanOrEqual(2);
    for (const { status } of during) {
      expect(status.phase).toBe('syncing');
      expect(status.progress!.total).toBe(records);
      expect(status.progress!.received).toBeLessThanOrEqual(records);
    }
    const received = during.map((s) => s.status.progress!.received);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    // Not more often than about every 100 ms, though a page comes every ~20 ms.
    for (let i = 1; i < during.length; i++)
      expect(during[i]!.at - during[i - 1]!.at).toBeGreaterThanOrEqual(80);
    expect(during.length).toBeLessThan(Math.ceil(records / PAGE));
    expect(everything(store)).toEqual(everything(office.store));
  });

  it('a stopped first sync keeps what arrived; the next round goes on and brings the rest', async () => {
    const store = await freshStore('stopped');
    const { pages, transport } = watchedTransport(20);
    const sync = new DesktopSync(store, { transport, pullPage: PAGE });
    syncs.push(sync);
    const progress: PullProgress[] = [];
    sync.onDidChangeStatus(() => {
      const now = sync.status().progress;
      if (now) progress.push(now);
    });
    const running = sync.syncNow();
    while (memberCount(store) < 3 * PAGE) await sleep(5);
    const stopped = await sync.cancelRound();
    await running;
    expect(stopped.phase).toBe('stopped');
    expect(stopped.progress).toBeNull();
    expect(sync.status().phase).toBe('stopped');
    const kept = memberCount(store);
    expect(kept).toBeGreaterThanOrEqual(3 * PAGE - 1);
    expect(kept).toBeLessThan(MEMBERS);
    const settings = new SyncSettings(store.meta);
    const cursor = settings.cursor();
    expect(cursor).toBeGreaterThan(0);
    expect(settings.pullProgress()).toMatchObject({ total: records });
    expect(settings.lastSync()).toBeNull(); // the round did not complete
    // Nothing starts again by itself (no retry as after a failure).
    const pagesWhenStopped = pages.length;
    await sleep(150);
    expect(pages.length).toBe(pagesWhenStopped);
    // Nor with the next trigger (a save, a poke, the fallback timer): such a round sends what
    // is pending but pulls nothing until the person asks.
    sync.start();
    sync.localChanged();
    await sleep(300);
    expect(pages.length).toBe(pagesWhenStopped);
    expect(sync.status().phase).toBe('stopped');

    // "Jetzt abgleichen": on from the cursor, counting on from where it stopped.
    const before = progress.length;
    const done = await sync.syncNow();
    expect(done.phase).toBe('synced');
    expect(pages[pagesWhenStopped]!.cursor).toBe(cursor);
    const resumed = progress.slice(before);
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed[0]!.received).toBeGreaterThan(kept);
    expect(resumed.every((p) => p.total === records)).toBe(true);
    expect(everything(store)).toEqual(everything(office.store));
    expect(settings.pullProgress()).toBeNull();
  });

  it('a stop with no round under way changes nothing', async () => {
    const store = await freshStore('idle');
    const sync = new DesktopSync(store);
    syncs.push(sync);
    await sync.syncNow();
    expect((await sync.cancelRound()).phase).toBe('synced');
  });

  it('a record changed during the pull comes again: the progress still ends at its total', async () => {
    const store = await freshStore('moving');
    const { transport } = watchedTransport();
    let edited: Promise<void> | null = null;
    const told: PullProgress[] = [];
    const client = new SyncClient(store, transport, { pullPage: PAGE });
    const report = await client.round(undefined, undefined, {
      progress: (progress) => {
        told.push(progress);
        if (edited) return;
        // A member the device already has changes on the server.
        const first = store.tables.members.listLive()[0]!;
        edited = (async () => {
          const saved = await office.api.save('members', { ...first, city: 'Tal' } as never);
          if (!saved.ok) throw new Error(JSON.stringify(saved.error));
          await office.sync.round();
        })();
      },
    });
    // The edit may land before or after the last page: either way the count ends at the total.
    expect(told.at(-1)!.received).toBe(report.pulled);
    expect(told.at(-1)!.total).toBe(report.pulled);
    expect(told.every((p) => p.received <= p.total)).toBe(true);
    await edited;
    await new SyncClient(store).round();
    expect(everything(store)).toEqual(everything(office.store));
  });
});
