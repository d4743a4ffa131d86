/**
 * Property (issue #25): whatever two devices do — create, edit (often to a value already there,
 * or the same field on both, one after the other), delete and restore members, sync with replies
 * lost, while the first device's user changes role (bank data hidden, other registers' members
 * purged, and back) and the server forgets records and cursors (a restore: a full resync sweeps
 * what was not resent) — the changes a round reports, applied to the lists the device showed
 * before it, give exactly the lists it shows after it (read with the store's list), and every
 * record reported really changed.
 *
 * Real parts: encrypted SQLite profiles, the desktop's SyncClient and Replica, the server's
 * SyncService on PGlite; only the network is an in-process transport. 60 schedules in CI;
 * more with TUTTI_PROPERTY_RUNS.
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
import { ENTITY_NAMES, type EntityName } from '../../shared/domain/entities.ts';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { x509 } from '../../shared/node/x509.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { RecordChangeSet, type RecordChanges } from './recordChanges.ts';
import { SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

const RUNS = Number(process.env.TUTTI_PROPERTY_RUNS ?? 60);
const IBANS = ['DE89370400440532013000', 'DE02120300000000202051'];

type Step =
  | { kind: 'create'; device: number; name: string; register: number | null; iban: number | null }
  | {
      kind: 'edit';
      device: number;
      pick: number;
      field: 'city' | 'notes' | 'lastName' | 'iban' | 'registerIds';
      value: number;
    }
  | { kind: 'delete' | 'restore'; device: number; pick: number }
  | {
      kind: 'clash';
      first: number;
      pick: number;
      field: 'city' | 'notes' | 'lastName';
      /** Then both sync: the later editor first (the other takes the push's answer) or last. */
      syncs: 'nothing' | 'laterFirst' | 'earlierFirst';
      /** The earlier editor's pull answer is lost (after it took the push's answer). */
      lostPull: boolean;
    }
  /** A reply lost: the push's (nothing applied here yet) or the pull's (the push's answer was). */
  | { kind: 'sync'; device: number; lostReply: 'none' | 'push' | 'pull' }
  | { kind: 'reset'; device: number; drop: number | null }
  | { kind: 'role'; role: 'administrator' | 'vorstand' | 'registerfuehrer'; register: number };

const device = fc.nat(1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    device,
    name: fc.constantFrom('Anna', 'Bert'),
    register: fc.option(fc.nat(1)),
    iban: fc.option(fc.nat(1)),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    device,
    pick: fc.nat(),
    field: fc.constantFrom(
      'city' as const,
      'notes' as const,
      'lastName' as const,
      'iban' as const,
      'registerIds' as const,
    ),
    value: fc.nat(1),
  }),
  fc.record({
    kind: fc.constantFrom('delete' as const, 'restore' as const),
    device,
    pick: fc.nat(),
  }),
  // The same field edited on both devices, the second edit later: whichever syncs first, the
  // later value wins — taken from the push's answer or from the pull.
  fc.record({
    kind: fc.constant('clash' as const),
    first: device,
    pick: fc.nat(),
    field: fc.constantFrom('city' as const, 'notes' as const, 'lastName' as const),
    syncs: fc.constantFrom('nothing' as const, 'laterFirst' as const, 'earlierFirst' as const),
    lostPull: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    device,
    lostReply: fc.constantFrom('none' as const, 'push' as const, 'pull' as const),
  }),
  fc.record({ kind: fc.constant('reset' as const), device, drop: fc.option(fc.nat()) }),
  fc.record({
    kind: fc.constant('sync' as const),
    device,
    lostReply: fc.constant('none' as const),
  }),
  fc.record({
    kind: fc.constant('role' as const),
    role: fc.constantFrom(
      'administrator' as const,
      'vorstand' as const,
      'registerfuehrer' as const,
    ),
    register: fc.nat(1),
  }),
);

type Lists = Map<EntityName, Map<string, Record<string, unknown>>>;

function lists(store: LocalStore): Lists {
  return new Map(
    ENTITY_NAMES.map((entity) => [
      entity,
      new Map(store.tables[entity].listLive().map((record) => [record.id, { ...record }])),
    ]),
  );
}

/** Applies the reported changes to the lists from before; checks each one really changed. */
function patched(before: Lists, after: Lists, changes: RecordChanges): Lists {
  const result: Lists = new Map([...before].map(([entity, records]) => [entity, new Map(records)]));
  for (const { entity, upserted, removed } of changes) {
    expect(new Set([...upserted, ...removed]).size).toBe(upserted.length + removed.length);
    const records = result.get(entity)!;
    for (const id of upserted) {
      const now = after.get(entity)!.get(id);
      expect(now, `${entity} ${id} upserted, not shown`).toBeDefined();
      expect(now, `${entity} ${id} upserted, unchanged`).not.toEqual(before.get(entity)!.get(id));
      records.set(id, now!);
    }
    for (const id of removed) {
      expect(before.get(entity)!.has(id), `${entity} ${id} removed, never shown`).toBe(true);
      records.delete(id);
    }
  }
  return result;
}

describe('reported record changes (property)', () => {
  const temp = makeTempDir('tutti-changes-property-');
  let db: PgliteDatabase;
  let services: Services;
  let run = 0;
  let now = Date.now();

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db);
    const ca = await CertificateAuthority.create('Delta CA');
    services = createServices(db, ca, () => new Date(now));
  }, 60_000);
  afterAll(async () => {
    await db.close();
    temp.cleanup();
  });

  function transportFor(fault: { lostReply: 'none' | 'push' | 'pull' }): SyncTransport {
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
      try {
        const value =
          method === 'POST'
            ? await services.sync.push(
                caller,
                connection.deviceId,
                (body as { mutations: Mutation[] }).mutations,
                (body as { sentAt?: number }).sentAt,
              )
            : await services.sync.pull(
                caller,
                connection.deviceId,
                Number(new URL(path, 'https://x').searchParams.get('cursor')),
              );
        if ((method === 'POST' ? 'push' : 'pull') === fault.lostReply)
          throw new Error('ECONNRESET: reply lost');
        return { status: 200, body: { ok: true, value } };
      } catch (error) {
        if (error instanceof AppError)
          return { status: 409, body: { ok: false, error: apiErrorOf(error) } };
        throw error;
      }
    };
  }

  it(`reports exactly the changed records on ${RUNS} random schedules of two devices`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 25 }), async (steps) => {
        run += 1;
        const clubId = (await services.clubs.createClub(`Delta ${run}`)).id;
        const fault = { lostReply: 'none' as 'none' | 'push' | 'pull' };
        const desktops: { store: LocalStore; api: ClubService; sync: SyncClient }[] = [];
        const userIds: string[] = [];
        try {
          for (let i = 0; i < 2; i += 1) {
            const user = await services.clubs.addUser(clubId, {
              name: `Gerät ${i}`,
              role: 'administrator',
            });
            userIds.push(user.id);
            const { code } = await services.devices.createCode(clubId, user.id);
            const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr('device');
            const issued = await services.devices.enrol(code, csrPem);
            const store = LocalStore.open(join(temp.dir, `r${run}-d${i}.db`), randomBytes(32), {
              now: () => now,
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
          /** Syncs one device and checks what its round reported. */
          const sync = async (d: (typeof desktops)[number]) => {
            const before = lists(d.store);
            const changes = new RecordChangeSet();
            let reported: RecordChanges;
            try {
              reported = (await d.sync.round(undefined, changes)).changes;
              expect(reported).toEqual(changes.list());
            } catch (error) {
              if (!String(error).includes('reply lost')) throw error;
              reported = changes.list(); // what the failed round committed before it broke
            }
            const after = lists(d.store);
            expect(patched(before, after, reported)).toEqual(after);
          };
          // Two registers and a member, known to both.
          const registers: string[] = [];
          for (const name of ['Blech', 'Holz']) {
            const saved = await desktops[1]!.api.save('registers', {
              name,
              sortOrder: registers.length + 1,
            } as never);
            if (!saved.ok) throw new Error(JSON.stringify(saved.error));
            registers.push(saved.value.id);
          }
          await desktops[1]!.api.save('members', {
            firstName: 'Clara',
            lastName: 'Start',
            status: 'aktiv',
            registerIds: [registers[0]!],
            iban: IBANS[0]!,
          } as never);
          for (const d of [desktops[1]!, desktops[0]!]) await sync(d);

          for (const s of steps) {
            now += 1_000;
            if (s.kind === 'role') {
              await services.clubs.updateUser(clubId, userIds[0]!, {
                role: s.role,
                registerIds: s.role === 'registerfuehrer' ? [registers[s.register]!] : [],
              });
              continue;
            }
            if (s.kind === 'clash') {
              const [a, b] = [desktops[s.first]!, desktops[1 - s.first]!];
              const shared = a.store.tables.members
                .allIds()
                .filter(
                  (id) => b.store.tables.members.isLive(id) && a.store.tables.members.isLive(id),
                )
                .sort();
              if (shared.length === 0) continue;
              const id = shared[s.pick % shared.length]!;
              for (const [i, d] of [a, b].entries()) {
                now += 1_000;
                const record = d.store.tables.members.get(id)!.record;
                await d.api.save('members', { ...record, [s.field]: `Wert ${run}-${i}` } as never);
              }
              if (s.syncs === 'laterFirst') {
                await sync(b);
                fault.lostReply = s.lostPull ? 'pull' : 'none';
                await sync(a);
                fault.lostReply = 'none';
              }
              if (s.syncs === 'earlierFirst') for (const d of [a, b]) await sync(d);
              continue;
            }
            const d = desktops[s.device]!;
            if (s.kind === 'reset') {
              // The server restored from a backup: it may lack a record, and has a lower version.
              if (s.drop !== null) {
                const all = d.store.tables.members.allIds().sort();
                const id = all[s.drop % Math.max(1, all.length)];
                if (id)
                  await db.asOwner((sql) =>
                    sql.query(
                      "DELETE FROM records WHERE club_id = $1 AND entity = 'members' AND id = $2",
                      [clubId, id],
                    ),
                  );
              }
              new SyncSettings(d.store.meta).setCursor(1_000_000_000);
              continue;
            }
            if (s.kind === 'sync') {
              fault.lostReply = s.lostReply;
              await sync(d);
              fault.lostReply = 'none';
              continue;
            }
            if (s.kind === 'create') {
              await d.api.save('members', {
                firstName: s.name,
                lastName: 'Neu',
                status: 'aktiv',
                registerIds: s.register === null ? [] : [registers[s.register]!],
                iban: s.iban === null ? null : IBANS[s.iban]!,
              } as never);
              continue;
            }
            const all = d.store.tables.members.allIds().sort();
            if (all.length === 0) continue;
            const target = d.store.tables.members.get(all[s.pick % all.length]!)!;
            if (s.kind === 'delete') await d.api.remove('members', target.record.id);
            else if (s.kind === 'restore') await d.api.restore('members', target.record.id);
            else if (s.kind === 'edit' && !target.deleted) {
              const value =
                s.field === 'iban'
                  ? IBANS[s.value]!
                  : s.field === 'registerIds'
                    ? [registers[s.value]!]
                    : ['Tal', 'Berg'][s.value]!;
              await d.api.save('members', { ...target.record, [s.field]: value } as never);
            }
          }
          // Everyone syncs twice more: the last rounds are checked as well.
          for (let i = 0; i < 2; i += 1) for (const d of desktops) await sync(d);
        } finally {
          for (const d of desktops) d.store.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
