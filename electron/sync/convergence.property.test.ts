/**
 * Property: whatever the schedule — creates, edits, deletes and restores on three devices, each
 * offline for random stretches, each with a clock off by up to ±10 minutes, replies lost after
 * the server applied a push, requests sent twice, the server's service objects rebuilt (a
 * restart: it keeps no state outside the database) — once the devices have dealt with what the
 * server refused (their clocks set right, the refused changes discarded) and synced, all
 * replicas and the server hold the same records; every write the server acknowledged is there
 * or was superseded by a later stamp; and of the writes of devices whose clocks are within the
 * drift bound, the one made last in real time wins its field. Time is simulated: every step
 * takes 150 s of it, more than two clocks within the bound can differ.
 *
 * Real parts: encrypted SQLite profiles, the desktop's SyncClient and Replica, the server's
 * SyncService and authentication on PGlite. Only the network is replaced by an in-process
 * transport, so that replies can be lost on purpose. 200 schedules in CI; more with
 * TUTTI_PROPERTY_RUNS.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/api/authenticate.ts';
import { createServices, type Services } from '../../server/app/services.ts';
import { CertificateAuthority } from '../../server/pki/certificateAuthority.ts';
import { normalSerial } from '../../server/pki/serial.ts';
import { migrateServer } from '../../server/storage/migrateServer.ts';
import { PgliteDatabase } from '../../server/storage/pgliteDatabase.ts';
import { AppError, apiErrorOf } from '../../shared/api/appError.ts';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { x509 } from '../../shared/node/x509.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncJournal } from './syncJournal.ts';
import { SyncSettings } from './syncSettings.ts';

const RUNS = Number(process.env.TUTTI_PROPERTY_RUNS ?? 200);
const DEVICES = 3;
const STEP_MS = 150_000;
/** How far each device's clock is off: within the 60 s bound, or far beyond it either way. */
const skew = fc.constantFrom(0, 0, 45_000, -40_000, 10 * 60_000, -10 * 60_000);

type Step =
  | { kind: 'create'; device: number; name: string }
  | {
      kind: 'edit';
      device: number;
      pick: number;
      field: 'city' | 'phone' | 'notes' | 'lastName';
      value: string;
    }
  | { kind: 'delete' | 'restore'; device: number; pick: number }
  | { kind: 'sync'; device: number; fault: 'none' | 'lostReply' | 'duplicate' }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    device: fc.nat(DEVICES - 1),
    name: fc.constantFrom('Anna', 'Bert', 'Clara'),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    device: fc.nat(DEVICES - 1),
    pick: fc.nat(),
    field: fc.constantFrom(
      'city' as const,
      'phone' as const,
      'notes' as const,
      'lastName' as const,
    ),
    value: fc.constantFrom('Tal', 'Berg', '+49 7000 1', '+49 7000 2', 'Notiz', 'Huber', 'Maier'),
  }),
  fc.record({
    kind: fc.constantFrom('delete' as const, 'restore' as const),
    device: fc.nat(DEVICES - 1),
    pick: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    device: fc.nat(DEVICES - 1),
    fault: fc.constantFrom(
      'none' as const,
      'none' as const,
      'lostReply' as const,
      'duplicate' as const,
    ),
  }),
  fc.constant({ kind: 'restart' as const }),
);

/** What must agree between a replica and the server: the fields the schedules edit, stamps, deleted. */
function comparable(
  id: string,
  fields: Record<string, unknown>,
  stamps: Record<string, string>,
  deleted: boolean,
) {
  return {
    id,
    deleted,
    stamps,
    city: fields.city ?? null,
    phone: fields.phone ?? null,
    notes: fields.notes ?? null,
    lastName: fields.lastName,
  };
}

describe('sync convergence (property)', () => {
  const temp = makeTempDir('tutti-property-');
  let db: PgliteDatabase;
  let ca: CertificateAuthority;
  let services: Services;
  let run = 0;

  /** Simulated real time; the server's clock is right. */
  let now = Date.now();
  const serverNow = () => new Date(now);

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db);
    ca = await CertificateAuthority.create('Property CA');
    services = createServices(db, ca, serverNow);
  }, 60_000);
  afterAll(async () => {
    await db.close();
    temp.cleanup();
  });

  /** The server as a device reaches it, with faults on demand. */
  function transportFor(fault: { mode: 'none' | 'lostReply' | 'duplicate' }): SyncTransport {
    return async (connection, method, path, body) => {
      const certificate = new x509.X509Certificate(connection.certificatePem);
      const identity = JSON.parse(JSON.stringify(connection)).identity;
      const caller = await authenticate(
        services,
        identity,
        normalSerial(certificate.serialNumber),
        '127.0.0.1',
        {},
      );
      const call = async () =>
        method === 'POST'
          ? services.sync.push(
              caller,
              connection.deviceId,
              (body as { mutations: Mutation[] }).mutations,
              (body as { sentAt?: number }).sentAt,
            )
          : services.sync.pull(
              caller,
              connection.deviceId,
              Number(new URL(path, 'https://x').searchParams.get('cursor')),
            );
      try {
        if (method === 'POST' && fault.mode === 'duplicate') await call();
        const value = await call();
        if (method === 'POST' && fault.mode === 'lostReply')
          throw new Error('ECONNRESET: reply lost');
        return { status: 200, body: { ok: true, value } };
      } catch (error) {
        if (error instanceof AppError)
          return { status: 409, body: { ok: false, error: apiErrorOf(error) } };
        throw error;
      }
    };
  }

  it(`converges on ${RUNS} random schedules of three devices`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 30 }),
        fc.array(skew, { minLength: DEVICES, maxLength: DEVICES }),
        async (steps, skews) => {
          run += 1;
          const offsets = [...skews];
          const clubId = (await services.clubs.createClub(`Verein ${run}`)).id;
          const fault = { mode: 'none' as 'none' | 'lostReply' | 'duplicate' };
          const desktops: { store: LocalStore; api: ClubService; sync: SyncClient }[] = [];
          for (let i = 0; i < DEVICES; i += 1) {
            const user = await services.clubs.addUser(clubId, {
              name: `Gerät ${i}`,
              role: 'administrator',
            });
            const { code } = await services.devices.createCode(clubId, user.id);
            const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr('device');
            const issued = await services.devices.enrol(code, csrPem);
            const store = LocalStore.open(join(temp.dir, `r${run}-d${i}.db`), randomBytes(32), {
              now: () => now + offsets[i]!,
            });
            new SyncSettings(store.meta).connect('https://in-process', {
              deviceId: issued.deviceId,
              privateKeyPem,
              certificatePem: issued.certificatePem,
              caCertificatePem: issued.caCertificatePem,
              notAfter: issued.notAfter.toISOString(),
              syncUrl: 'https://in-process',
              identity: issued.identity,
            } as never);
            desktops.push({
              store,
              api: new ClubService(store, `d${i}`),
              sync: new SyncClient(store, transportFor(fault)),
            });
          }
          /** Stamps the server acknowledged: (record, field) → stamp. */
          const acknowledged: {
            device: number;
            mutationId: number;
            id: string;
            field: string;
            stamp: string;
          }[] = [];
          /** Every write, in real-time order: who, which mutation, which field, what value. */
          const writes: {
            step: number;
            device: number;
            mutationId: number;
            id: string;
            field: string;
            value: unknown;
          }[] = [];
          const noteWrites = (
            index: number,
            device: number,
            d: (typeof desktops)[number],
            id: string,
            before: Record<string, unknown> | null,
            after: Record<string, unknown>,
          ) => {
            const mutationId = d.store.outbox.lastMutationId();
            for (const field of ['city', 'phone', 'notes', 'lastName', 'deleted'])
              if (field in after && (!before || before[field] !== after[field]))
                writes.push({ step: index, device, mutationId, id, field, value: after[field] });
          };
          const syncOnce = async (d: (typeof desktops)[number]) => {
            const before = d.store.outbox.pending();
            try {
              await d.sync.round();
            } catch {
              return; // a lost reply: the changes stay pending and go again
            }
            const still = new Set(d.store.outbox.pending().map((m) => m.mutationId));
            for (const m of before)
              if (!still.has(m.mutationId))
                for (const op of m.ops)
                  for (const [field, stamp] of Object.entries(op.stamps))
                    acknowledged.push({
                      device: desktops.indexOf(d),
                      mutationId: m.mutationId,
                      id: op.id,
                      field,
                      stamp,
                    });
          };
          try {
            for (const [index, s] of steps.entries()) {
              now += STEP_MS;
              if (s.kind === 'restart') {
                services = createServices(db, ca, serverNow);
                continue;
              }
              const d = desktops[s.device]!;
              const all = d.store.tables.members.allIds();
              const target = all.length > 0 ? all[('pick' in s ? s.pick : 0) % all.length]! : null;
              const before = target ? d.store.tables.members.get(target)! : null;
              const state = (r: typeof before) =>
                r ? { ...r.record, deleted: r.deleted } : ({} as Record<string, unknown>);
              if (s.kind === 'create') {
                const created = await d.api.save('members', {
                  firstName: s.name,
                  lastName: 'Neu',
                  status: 'aktiv',
                } as never);
                if (created.ok)
                  noteWrites(index, s.device, d, created.value.id, null, {
                    ...created.value,
                    deleted: false,
                  });
              } else if (s.kind === 'edit' && target && before && !before.deleted) {
                await d.api.save('members', { ...before.record, [s.field]: s.value } as never);
                noteWrites(
                  index,
                  s.device,
                  d,
                  target,
                  state(before),
                  state(d.store.tables.members.get(target)!),
                );
              } else if ((s.kind === 'delete' || s.kind === 'restore') && target) {
                if (s.kind === 'delete') await d.api.remove('members', target);
                else await d.api.restore('members', target);
                noteWrites(
                  index,
                  s.device,
                  d,
                  target,
                  state(before),
                  state(d.store.tables.members.get(target)!),
                );
              } else if (s.kind === 'sync') {
                fault.mode = s.fault;
                await syncOnce(d);
                fault.mode = 'none';
              }
            }
            // Everyone comes online; then the clocks are set right and what the server refused is
            // discarded (as a person would, having read why); two more rounds settle it all.
            now += STEP_MS;
            for (const d of desktops) await syncOnce(d);
            offsets.fill(0);
            const refused = new Set<string>();
            for (const [i, d] of desktops.entries()) {
              const journal = new SyncJournal(d.store);
              for (const rejection of journal.rejections()) {
                refused.add(`${i}:${rejection.mutationId}`);
                await d.api.resolveRejection(rejection.mutationId, 'discard');
              }
            }
            for (let round = 0; round < 2; round += 1) for (const d of desktops) await syncOnce(d);

            const server = await db.withClub(
              clubId,
              async (sql) =>
                (
                  await sql.query<{
                    id: string;
                    fields: Record<string, unknown>;
                    stamps: Record<string, string>;
                    deleted: boolean;
                  }>(
                    `SELECT id, fields, stamps, deleted FROM records WHERE entity = 'members' ORDER BY id`,
                  )
                ).rows,
            );
            const serverState = server.map((r) => comparable(r.id, r.fields, r.stamps, r.deleted));
            for (const d of desktops) {
              expect(d.store.outbox.pendingCount()).toBe(0);
              const local = d.store.tables.members
                .allIds()
                .sort()
                .map((id) => {
                  const r = d.store.tables.members.get(id)!;
                  return comparable(id, r.record, r.stamps, r.deleted);
                });
              expect(local).toEqual(serverState);
            }
            for (const write of acknowledged) {
              // Present, or superseded by a later stamp — unless the server refused it (a clock
              // too far ahead): then it was shown to the person and discarded.
              if (refused.has(`${write.device}:${write.mutationId}`)) continue;
              const record = server.find((r) => r.id === write.id);
              expect(record).toBeDefined();
              expect(record!.stamps[write.field]! >= write.stamp).toBe(true);
            }
            // Of the writes that were taken, one made later in real time by a device within the
            // bound is never lost to an earlier one; only a device far off may lose (visibly).
            const withinBound = (device: number) => Math.abs(skews[device]!) <= 60_000;
            const taken = writes.filter((w) => !refused.has(`${w.device}:${w.mutationId}`));
            for (const record of server) {
              const fields: Record<string, unknown> = { ...record.fields, deleted: record.deleted };
              for (const field of ['city', 'phone', 'notes', 'lastName', 'deleted']) {
                const mine = taken.filter((w) => w.id === record.id && w.field === field);
                const last = mine.at(-1);
                if (!last || !withinBound(last.device)) continue;
                expect(fields[field] ?? null, `${record.id}.${field}`).toEqual(last.value ?? null);
              }
            }
          } finally {
            for (const d of desktops) d.store.close();
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
