/**
 * Tutti's half of `npm run bench:sync`: desktops with their encrypted SQLite replica and their
 * real sync client, a running club server, mutual TLS on loopback. Everything runs in this one
 * process (server included), so each figure also pays for the other side's CPU.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClubService } from '../../electron/core/clubService.ts';
import { LocalStore } from '../../electron/store/localStore.ts';
import { DesktopSync } from '../../electron/sync/desktopSync.ts';
import { SyncClient } from '../../electron/sync/syncClient.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { enrolUser, type TestClubServer } from '../support/clubServerFixture.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { profiled } from './cpuProfile.ts';
import { recordsOf, type WorkloadSize, writeWorkload } from './syncWorkload.ts';

export interface SyncFigures {
  records: number;
  /** The seeding desktop pushing every record as its own mutation, ms. */
  seedMs: number;
  /** Fresh device, empty replica, everything pulled, ms (one per fresh device). */
  initialMs: number[];
  /** From the save on one desktop until the other desktop's replica holds it, ms. */
  editMs: number[];
  /** One round pushing this many offline mutations (and pulling them back), ms. */
  offlineMs: number;
  offlineMutations: number;
}

/** The records the seeding desktop wrote, for the other stack to replicate the same. */
export interface Workload {
  records: { entity: string; id: string; fields: Record<string, unknown> }[];
  memberIds: string[];
}

export interface BenchOptions {
  size: WorkloadSize;
  freshDevices: number;
  edits: number;
  offlineMutations: number;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

export async function benchTutti(
  t: TestClubServer,
  options: BenchOptions,
): Promise<{ figures: SyncFigures; workload: Workload }> {
  const temp = makeTempDir('tutti-bench-sync-');
  const { clubs } = t.server.services;
  const clubId = (await clubs.createClub('Benchmark-Verein')).id;
  const user = await clubs.addUser(clubId, { name: 'Vorstand', role: 'administrator' });
  const stores: LocalStore[] = [];
  const syncs: DesktopSync[] = [];
  const desktop = async (name: string) => {
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32));
    stores.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    const sync = new DesktopSync(store);
    syncs.push(sync);
    return { store, sync, api: new ClubService(store, name, sync) };
  };
  try {
    const office = await desktop('office');
    const { memberIds, records } = writeWorkload(office.api, office.store, options.size);
    const workload: Workload = { records: [...recordsOf(office.store)], memberIds };

    let started = performance.now();
    const seeded = await new SyncClient(office.store).round();
    const seedMs = performance.now() - started;
    if (seeded.pushed !== records)
      throw new Error(`seeding pushed ${seeded.pushed} of ${records} records`);

    const initialMs: number[] = [];
    let rehearsal: Awaited<ReturnType<typeof desktop>> | undefined;
    for (let i = 0; i < options.freshDevices; i++) {
      rehearsal = await desktop(`fresh-${i}`);
      started = performance.now();
      const report = await profiled('initial', () => new SyncClient(rehearsal!.store).round());
      initialMs.push(performance.now() - started);
      if (report.pulled !== records)
        throw new Error(`a fresh device pulled ${report.pulled} of ${records} records`);
    }

    // Two desktops online, each with its scheduler and its poke channel.
    office.sync.start();
    rehearsal!.sync.start();
    await waitFor(
      () =>
        [office, rehearsal!].every(
          (d) => d.sync.status().live && d.sync.status().phase === 'synced',
        ),
      'both desktops live',
    );
    const editMs: number[] = [];
    for (let i = 0; i < options.edits; i++) {
      const id = memberIds[i % memberIds.length]!;
      const city = `Probenort ${i}`;
      const record = office.store.tables.members.get(id)!.record;
      started = performance.now();
      const saved = await office.api.save('members', { ...record, city } as never);
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      await waitFor(
        () => rehearsal!.store.tables.members.get(id)?.record.city === city,
        `edit ${i} on the second desktop`,
      );
      editMs.push(performance.now() - started);
    }

    // Offline: the schedulers stop, the edits pile up in the outbox, one round sends them.
    await Promise.all(syncs.map((sync) => sync.stop()));
    office.store.transaction(() => {
      for (let i = 0; i < options.offlineMutations; i++) {
        const id = memberIds[i % memberIds.length]!;
        const record = office.store.tables.members.get(id)!.record;
        const saved = office.api.saveNow('members', { ...record, notes: `offline ${i}` } as never);
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      }
    });
    started = performance.now();
    const offline = await profiled('offline', () => new SyncClient(office.store).round());
    const offlineMs = performance.now() - started;
    if (offline.pushed !== options.offlineMutations)
      throw new Error(`pushed ${offline.pushed} of ${options.offlineMutations} offline mutations`);

    return {
      figures: {
        records,
        seedMs,
        initialMs,
        editMs,
        offlineMs,
        offlineMutations: options.offlineMutations,
      },
      workload,
    };
  } finally {
    await Promise.all(syncs.map((sync) => sync.stop()));
    for (const store of stores) store.close();
    temp.cleanup();
  }
}
