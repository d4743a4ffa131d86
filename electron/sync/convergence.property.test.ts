/**
 * Property: whatever the schedule — creates, edits, deletes and restores on three devices, each
 * offline for random stretches, replies lost after the server applied a push, requests sent
 * twice, the server's service objects rebuilt (a restart: it keeps no state outside the
 * database) — once every device has synced, all replicas and the server hold the same records,
 * and every write the server acknowledged is there or was superseded by a later stamp.
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
import { ServiceError } from '../../server/errors.ts';
import { CertificateAuthority } from '../../server/pki/certificateAuthority.ts';
import { normalSerial } from '../../server/pki/serial.ts';
import { migrateServer } from '../../server/storage/migrateServer.ts';
import { PgliteDatabase } from '../../server/storage/pgliteDatabase.ts';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { x509 } from '../../shared/node/x509.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

const RUNS = Number(process.env.TUTTI_PROPERTY_RUNS ?? 200);
const DEVICES = 3;

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

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db);
    ca = await CertificateAuthority.create('Property CA');
    services = createServices(db, ca);
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
        if (error instanceof ServiceError)
          return {
            status: 409,
            body: { ok: false, error: { code: error.code, message: error.message } },
          };
        throw error;
      }
    };
  }

  it(`converges on ${RUNS} random schedules of three devices`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        run += 1;
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
          const store = LocalStore.open(join(temp.dir, `r${run}-d${i}.db`), randomBytes(32));
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
        const acknowledged: { id: string; field: string; stamp: string }[] = [];
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
                  acknowledged.push({ id: op.id, field, stamp });
        };
        try {
          for (const s of steps) {
            if (s.kind === 'restart') {
              services = createServices(db, ca);
              continue;
            }
            const d = desktops[s.device]!;
            const all = d.store.tables.members.allIds();
            const target = all.length > 0 ? all[('pick' in s ? s.pick : 0) % all.length]! : null;
            if (s.kind === 'create')
              await d.api.save('members', {
                firstName: s.name,
                lastName: 'Neu',
                status: 'aktiv',
              } as never);
            else if (s.kind === 'edit' && target) {
              const current = d.store.tables.members.get(target)!;
              if (!current.deleted)
                await d.api.save('members', { ...current.record, [s.field]: s.value } as never);
            } else if (s.kind === 'delete' && target) await d.api.remove('members', target);
            else if (s.kind === 'restore' && target) await d.api.restore('members', target);
            else if (s.kind === 'sync') {
              fault.mode = s.fault;
              await syncOnce(d);
              fault.mode = 'none';
            }
          }
          // Everyone comes online: two rounds each settle every change everywhere.
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
            const record = server.find((r) => r.id === write.id);
            // Present, or superseded by a later stamp (a rejected mutation is acknowledged too,
            // but none can be rejected here: every device is an administrator).
            expect(record).toBeDefined();
            expect(record!.stamps[write.field]! >= write.stamp).toBe(true);
          }
        } finally {
          for (const d of desktops) d.store.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
