/**
 * Issue #25: a sync round reports exactly the records it changed, as the lists show them (the
 * store's live records), so that the UI applies deltas instead of reloading every list. The
 * device's own edits coming back from the server (their echo) are no change. Against a running
 * club server over mutual TLS, with desktops enrolled through the real endpoint.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTITY_NAMES, type EntityName } from '../../shared/domain/entities.ts';
import {
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { type SyncedDesktop, syncedDesktop } from '../../test/support/syncedDesktop.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { DesktopSync } from './desktopSync.ts';
import type { RecordChanges } from './recordChanges.ts';
import { SyncJournal } from './syncJournal.ts';
import { SyncSettings } from './syncSettings.ts';

type Lists = Map<EntityName, Map<string, Record<string, unknown>>>;

/** Every list as the UI reads it. */
function lists(store: LocalStore): Lists {
  return new Map(
    ENTITY_NAMES.map((entity) => [
      entity,
      new Map(store.tables[entity].listLive().map((record) => [record.id, { ...record }])),
    ]),
  );
}

/**
 * The reported changes applied to the lists from before the round give the lists after it, and
 * each reported record really changed: an upserted one is new or differs, a removed one was shown.
 */
function expectExactDelta(store: LocalStore, before: Lists, changes: RecordChanges): void {
  const after = lists(store);
  const patched: Lists = new Map(
    [...before].map(([entity, records]) => [entity, new Map(records)]),
  );
  for (const { entity, upserted, removed } of changes) {
    const records = patched.get(entity)!;
    for (const id of upserted) {
      const now = after.get(entity)!.get(id);
      expect(now, `${entity} ${id} upserted but not shown`).toBeDefined();
      expect(now, `${entity} ${id} upserted but unchanged`).not.toEqual(
        before.get(entity)!.get(id),
      );
      records.set(id, now!);
    }
    for (const id of removed) {
      expect(before.get(entity)!.has(id), `${entity} ${id} removed but was not shown`).toBe(true);
      records.delete(id);
    }
  }
  expect(patched).toEqual(after);
}

/** The changes in a form that does not depend on order. */
const sortedChanges = (changes: RecordChanges) =>
  changes.map((c) => ({
    entity: c.entity,
    upserted: [...c.upserted].sort(),
    removed: [...c.removed].sort(),
  }));

describe('records a sync round changed', () => {
  const temp = makeTempDir('tutti-changes-');
  let t: TestClubServer;
  let clubId = '';
  let brass = '';
  let woodwind = '';
  const desktops: Record<string, SyncedDesktop> = {};

  const save = async (d: SyncedDesktop, entity: EntityName, fields: Record<string, unknown>) => {
    const result = await d.api.save(entity, fields as never);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as { id: string } & Record<string, unknown>;
  };
  const edit = (d: SyncedDesktop, id: string, fields: Record<string, unknown>) =>
    save(d, 'members', { ...d.store.tables.members.get(id)!.record, ...fields });
  /** One round, checked against the lists before it; answers what it reported. */
  const round = async (d: SyncedDesktop) => {
    const before = lists(d.store);
    const report = await d.sync.round();
    expectExactDelta(d.store, before, report.changes);
    return report;
  };

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Kapelle Delta')).id;
    desktops.office = await syncedDesktop(t, clubId, temp.dir, 'office', 'administrator');
    brass = (await save(desktops.office, 'registers', { name: 'Blech', sortOrder: 1 })).id;
    woodwind = (await save(desktops.office, 'registers', { name: 'Holz', sortOrder: 2 })).id;
    await desktops.office.sync.round();
    desktops.laptop = await syncedDesktop(t, clubId, temp.dir, 'laptop', 'administrator');
    desktops.leader = await syncedDesktop(t, clubId, temp.dir, 'leader', 'registerfuehrer', [
      brass,
    ]);
    for (const d of Object.values(desktops)) await d.sync.round();
  }, 60_000);
  afterAll(async () => {
    for (const d of Object.values(desktops)) d.store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('reports a remote edit of a member as exactly that member upserted', async () => {
    const { office, laptop } = desktops as Record<string, SyncedDesktop>;
    const anna = await save(office!, 'members', {
      firstName: 'Anna',
      lastName: 'Huber',
      status: 'aktiv',
      registerIds: [brass],
    });
    await round(office!);
    expect((await round(laptop!)).changes).toEqual([
      { entity: 'members', upserted: [anna.id], removed: [] },
    ]);
    await edit(office!, anna.id, { city: 'Tal' });
    await round(office!);
    const report = await round(laptop!);
    expect(report.changes).toEqual([{ entity: 'members', upserted: [anna.id], removed: [] }]);
    expect(laptop!.store.tables.members.get(anna.id)!.record.city).toBe('Tal');
    // Nothing new: nothing changed.
    expect((await round(laptop!)).changes).toEqual([]);
  });

  it("reports the device's own save, pushed and pulled back in the same round, as no change", async () => {
    const { laptop } = desktops as Record<string, SyncedDesktop>;
    const [anna] = laptop!.store.tables.members.listLive();
    await edit(laptop!, anna!.id, { phone: '+49 7000 1' });
    await save(laptop!, 'members', { firstName: 'Nora', lastName: 'Neu', status: 'aktiv' });
    const report = await round(laptop!);
    expect(report.pushed).toBe(2);
    expect(report.pulled).toBeGreaterThanOrEqual(2); // the echo came back
    expect(report.changes).toEqual([]);
  });

  it('reports a remote value equal to the one shown as no change', async () => {
    const { office, laptop } = desktops as Record<string, SyncedDesktop>;
    for (const d of [office, laptop]) await round(d!);
    const id = office!.store.tables.members.listLive()[0]!.id;
    // The same value on both, the office's later: the laptop takes its stamp, not a new value.
    await edit(laptop!, id, { notes: 'Gleich' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit(office!, id, { notes: 'Gleich' });
    expect((await round(office!)).changes).toEqual([]);
    const report = await round(laptop!);
    expect(report.conflicts).toBe(0);
    expect(report.changes).toEqual([]);
    expect(laptop!.store.tables.members.get(id)!.stamps.notes).toBe(
      office!.store.tables.members.get(id)!.stamps.notes,
    );
  });

  it('reports a conflicting edit whose remote value wins, taken after the push or by the pull', async () => {
    const { office, laptop } = desktops as Record<string, SyncedDesktop>;
    for (const d of [office, laptop]) await round(d!);
    const id = office!.store.tables.members.listLive()[0]!.id;
    // The laptop's edit is earlier but reaches the server last: it takes the server's value
    // from the push's answer.
    await edit(laptop!, id, { lastName: 'Früh' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit(office!, id, { lastName: 'Spät' });
    expect((await round(office!)).changes).toEqual([]);
    let report = await round(laptop!);
    expect(report.conflicts).toBe(1);
    expect(report.changes).toEqual([{ entity: 'members', upserted: [id], removed: [] }]);
    expect(laptop!.store.tables.members.get(id)!.record.lastName).toBe('Spät');

    // The laptop's edit is earlier and reaches the server first: the pull brings the later one.
    await edit(laptop!, id, { lastName: 'Früher' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit(office!, id, { lastName: 'Später' });
    expect((await round(laptop!)).changes).toEqual([]);
    expect((await round(office!)).changes).toEqual([]);
    report = await round(laptop!);
    expect(report.changes).toEqual([{ entity: 'members', upserted: [id], removed: [] }]);
    expect(laptop!.store.tables.members.get(id)!.record.lastName).toBe('Später');
  });

  it('reports a remote deletion as removed and its undo as upserted', async () => {
    const { office, laptop } = desktops as Record<string, SyncedDesktop>;
    const gone = await save(office!, 'members', {
      firstName: 'Gerd',
      lastName: 'Geht',
      status: 'aktiv',
    });
    await round(office!);
    await round(laptop!);
    expect((await office!.api.remove('members', gone.id)).ok).toBe(true);
    await round(office!);
    expect((await round(laptop!)).changes).toEqual([
      { entity: 'members', upserted: [], removed: [gone.id] },
    ]);
    expect((await office!.api.restore('members', gone.id)).ok).toBe(true);
    await round(office!);
    expect((await round(laptop!)).changes).toEqual([
      { entity: 'members', upserted: [gone.id], removed: [] },
    ]);
  });

  it("reports the records purged from a leader's device when the leader moves as removed", async () => {
    const { office, leader } = desktops as Record<string, SyncedDesktop>;
    const bert = await save(office!, 'members', {
      firstName: 'Bert',
      lastName: 'Holz',
      status: 'aktiv',
      registerIds: [woodwind],
    });
    await round(office!);
    await round(leader!);
    const brassMembers = leader!.store.tables.members.listLive().map((m) => m.id);
    expect(brassMembers.length).toBeGreaterThan(0);
    expect(brassMembers).not.toContain(bert.id);
    await t.server.services.clubs.updateUser(clubId, leader!.userId, { registerIds: [woodwind] });
    const report = await round(leader!);
    expect(report.purged).toBeGreaterThan(0);
    const members = sortedChanges(report.changes).find((c) => c.entity === 'members');
    expect(members).toEqual({
      entity: 'members',
      upserted: [bert.id],
      removed: [...brassMembers].sort(),
    });
  });
});

describe('DesktopSync events', () => {
  const temp = makeTempDir('tutti-events-');
  let t: TestClubServer;
  let clubId = '';
  const stores: LocalStore[] = [];
  const syncs: DesktopSync[] = [];

  const desktop = async (name: string, now?: () => number) => {
    const user = await t.server.services.clubs.addUser(clubId, { name, role: 'administrator' });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32), { now });
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    const errors: unknown[] = [];
    const sync = new DesktopSync(store, { onListenerError: (error) => errors.push(error) });
    stores.push(store);
    syncs.push(sync);
    const api = new ClubService(store, name, sync);
    const save = async (fields: Record<string, unknown>) => {
      const result = await api.save('members', fields as never);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as unknown as { id: string } & Record<string, unknown>;
    };
    return { store, sync, api, save, errors };
  };

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Kapelle Ereignis')).id;
  }, 60_000);
  afterAll(async () => {
    for (const sync of syncs) await sync.stop();
    for (const store of stores) store.close();
    await t?.stop();
    temp.cleanup();
  });

  it("tells of a remote edit, not of the device's own echo; `received` counts real changes", async () => {
    const office = await desktop('office');
    const laptop = await desktop('laptop');
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    const events: RecordChanges[] = [];
    const subscription = laptop.sync.onDidChangeRecords((changes) => events.push(changes));

    // The laptop's own save goes out and comes back in the same round: no news.
    const own = await laptop.save({ firstName: 'Olga', lastName: 'Eigen', status: 'aktiv' });
    const received = laptop.sync.status().received;
    const status = await laptop.sync.syncNow();
    expect(status).toMatchObject({ phase: 'synced', pending: 0 });
    expect(events).toEqual([]);
    expect(laptop.sync.status().received).toBe(received);

    // An edit from the office: exactly that member.
    await office.sync.syncNow();
    const remote = await office.save({
      ...office.store.tables.members.get(own.id)!.record,
      city: 'Fernab',
    });
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    expect(events).toEqual([[{ entity: 'members', upserted: [remote.id], removed: [] }]]);
    expect(laptop.sync.status().received).toBe(received + 1);

    // A round that brings nothing fires nothing; a disposed listener hears nothing more.
    await laptop.sync.syncNow();
    expect(events).toHaveLength(1);
    subscription.dispose();
    await office.save({ ...office.store.tables.members.get(own.id)!.record, city: 'Nahbei' });
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    expect(events).toHaveLength(1);
    expect(laptop.sync.status().received).toBe(received + 2);
  });

  it('wakes the long poll only for real changes', async () => {
    const office = await desktop('office-poll');
    const laptop = await desktop('laptop-poll');
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    const known = laptop.sync.status().received;
    await laptop.save({ firstName: 'Paul', lastName: 'Poll', status: 'aktiv' });
    await laptop.sync.syncNow();
    // Nothing arrived: the wait ends by its timeout, with the same count.
    expect((await laptop.sync.nextChange(known, 300)).received).toBe(known);
    const news = laptop.sync.nextChange(known, 20_000);
    await office.sync.syncNow();
    await office.save({ firstName: 'Quirin', lastName: 'Quelle', status: 'aktiv' });
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    expect((await news).received).toBe(known + 1);
  });

  it('goes on with the round and the other listeners when a listener throws', async () => {
    const office = await desktop('office-throw');
    const laptop = await desktop('laptop-throw');
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    const heard: RecordChanges[] = [];
    laptop.sync.onDidChangeRecords(() => {
      throw new Error('listener broke');
    });
    laptop.sync.onDidChangeStatus(() => {
      throw new Error('status listener broke');
    });
    laptop.sync.onDidChangeRecords((changes) => heard.push(changes));
    let statusHeard = 0;
    laptop.sync.onDidChangeStatus(() => {
      statusHeard += 1;
    });
    const remote = await office.save({ firstName: 'Rita', lastName: 'Robust', status: 'aktiv' });
    await office.sync.syncNow();
    const status = await laptop.sync.syncNow();
    expect(status.phase).toBe('synced');
    expect(status.lastSync).not.toBeNull();
    expect(heard).toEqual([[{ entity: 'members', upserted: [remote.id], removed: [] }]]);
    expect(statusHeard).toBeGreaterThan(0);
    expect(laptop.errors.map((e) => (e as Error).message)).toContain('listener broke');
    expect(laptop.errors.map((e) => (e as Error).message)).toContain('status listener broke');
  });

  it('tells of status changes: a local save, a round, the poke channel, a stop', async () => {
    const laptop = await desktop('laptop-status');
    const seen: { phase: string; pending: number; live: boolean; lastSync: string | null }[] = [];
    laptop.sync.onDidChangeStatus(() => {
      const { phase, pending, live, lastSync } = laptop.sync.status();
      seen.push({ phase, pending, live, lastSync });
    });
    await laptop.save({ firstName: 'Stefan', lastName: 'Status', status: 'aktiv' });
    expect(seen.at(-1)).toMatchObject({ pending: 1 });
    seen.length = 0;
    await laptop.sync.syncNow();
    expect(seen.map((s) => s.phase)).toContain('syncing');
    expect(seen.at(-1)).toMatchObject({ phase: 'synced', pending: 0 });
    expect(seen.at(-1)!.lastSync).not.toBeNull();

    seen.length = 0;
    laptop.sync.start();
    await vi.waitFor(() => expect(seen.some((s) => s.live)).toBe(true), { timeout: 10_000 });
    await vi.waitFor(() => expect(laptop.sync.status().phase).toBe('synced'));
    seen.length = 0;
    await laptop.sync.stop();
    expect(seen.at(-1)).toMatchObject({ live: false });
    expect(laptop.sync.status().live).toBe(false);
  });

  it('tells of the status when a profile connects', async () => {
    const store = LocalStore.open(join(temp.dir, 'new.db'), randomBytes(32));
    stores.push(store);
    const sync = new DesktopSync(store);
    syncs.push(sync);
    expect(sync.status()).toMatchObject({ phase: 'unconnected', server: null });
    const servers: (string | null)[] = [];
    sync.onDidChangeStatus(() => servers.push(sync.status().server));
    const user = await t.server.services.clubs.addUser(clubId, { name: 'Neu', role: 'vorstand' });
    const { code } = await t.server.services.devices.createCode(clubId, user.id);
    const connected = await sync.connect(t.webUrl, code);
    expect(connected.ok).toBe(true);
    expect(servers.length).toBeGreaterThan(0);
    expect(servers[0]).not.toBeNull();
    await sync.stop();
  });

  it('tells of a refused change the person discards, as the records it puts back', async () => {
    let offset = 10 * 60_000;
    const office = await desktop('office-refused');
    const laptop = await desktop('laptop-refused', () => Date.now() + offset);
    const mara = await office.save({ firstName: 'Mara', lastName: 'Marsch', status: 'aktiv' });
    await office.sync.syncNow();
    await laptop.sync.syncNow();
    const events: RecordChanges[] = [];
    laptop.sync.onDidChangeRecords((changes) => events.push(changes));
    // With the clock ten minutes fast: an edit and a new member, both refused, both kept in view.
    await laptop.save({ ...laptop.store.tables.members.get(mara.id)!.record, city: 'Fernheim' });
    const nils = await laptop.save({ firstName: 'Nils', lastName: 'Neu', status: 'aktiv' });
    await laptop.sync.syncNow();
    const rejections = new SyncJournal(laptop.store).rejections();
    expect(rejections).toHaveLength(2);
    expect(events).toEqual([]);
    offset = 0;
    for (const rejection of rejections)
      expect(laptop.sync.resolveRejection(rejection.mutationId, 'discard').ok).toBe(true);
    expect(sortedChanges(events.flat())).toEqual([
      { entity: 'members', upserted: [mara.id], removed: [] },
      { entity: 'members', upserted: [], removed: [nils.id] },
    ]);
    expect(laptop.store.tables.members.get(mara.id)!.record.city).toBeNull();
    expect(laptop.store.tables.members.get(nils.id)).toBeUndefined();
  });
});
