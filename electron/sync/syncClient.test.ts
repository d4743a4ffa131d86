import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestClubServer, type TestClubServer } from '../../test/support/clubServerFixture.ts';
import { type SyncedDesktop, syncedDesktop } from '../../test/support/syncedDesktop.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import type { ClubService } from '../core/clubService.ts';
import { ConnectionError, httpsJson } from './httpsJson.ts';
import { SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncJournal } from './syncJournal.ts';
import { SyncSettings } from './syncSettings.ts';

type Desktop = SyncedDesktop;

let BRASS = '';
let WOODWIND = '';

describe('desktop sync client', () => {
  const temp = makeTempDir('tutti-sync-');
  let t: TestClubServer;
  let clubId: string;
  const desktops: Record<string, Desktop> = {};
  const users: Record<string, string> = {};

  async function desktop(name: string, role: string, registerIds: string[] = []): Promise<Desktop> {
    const d = await syncedDesktop(t, clubId, temp.dir, name, role, registerIds);
    users[name] = d.userId;
    return d;
  }

  const save = async (
    d: Desktop,
    entity: Parameters<ClubService['save']>[0],
    fields: Record<string, unknown>,
  ) => {
    const result = await d.api.save(entity, fields as never);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as { id: string } & Record<string, unknown>;
  };
  const record = (d: Desktop, entity: 'members' | 'loans', id: string) =>
    d.store.tables[entity].get(id);

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Stadtkapelle Sync')).id;
    desktops.office = await desktop('office', 'administrator');
    BRASS = (await save(desktops.office, 'registers', { name: 'Blech', sortOrder: 1 })).id;
    WOODWIND = (await save(desktops.office, 'registers', { name: 'Holz', sortOrder: 2 })).id;
    await desktops.office.sync.round();
    desktops.laptop = await desktop('laptop', 'administrator');
    desktops.third = await desktop('third', 'vorstand');
    desktops.leader = await desktop('leader', 'registerfuehrer', [BRASS]);
  }, 60_000);
  afterAll(async () => {
    for (const d of Object.values(desktops)) d.store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('converges three devices; concurrent edits of different fields both survive', async () => {
    const { office, laptop, third } = desktops as Record<string, Desktop>;
    const anna = await save(office!, 'members', {
      firstName: 'Anna',
      lastName: 'Huber',
      status: 'aktiv',
      registerIds: [BRASS],
      iban: 'DE89370400440532013000',
    });
    const report = await office!.sync.round();
    expect(report.pushed).toBe(1);
    expect(office!.store.outbox.pendingCount()).toBe(0);
    await laptop!.sync.round();
    await third!.sync.round();
    // Offline on both, different fields of one member.
    await save(laptop!, 'members', { ...record(laptop!, 'members', anna.id)!.record, city: 'Tal' });
    await save(third!, 'members', {
      ...record(third!, 'members', anna.id)!.record,
      phone: '+49 7000 1',
    });
    for (const d of [laptop, third, office, laptop, third]) await d!.sync.round();
    const states = [office, laptop, third].map((d) => {
      const { iban: _hidden, ...fields } = record(d!, 'members', anna.id)!.record;
      return fields;
    });
    expect(states[0]).toMatchObject({ city: 'Tal', phone: '+49 7000 1' });
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    // The board's device never got the IBAN; the others did.
    expect(record(third!, 'members', anna.id)!.record.iban).toBeNull();
    expect(record(laptop!, 'members', anna.id)!.record.iban).toBe('DE89370400440532013000');
  });

  it('lets the later edit of one field win everywhere and shows the other as a conflict', async () => {
    const { office, laptop } = desktops as Record<string, Desktop>;
    const id = office!.store.tables.members.listLive()[0]!.id;
    await save(laptop!, 'members', { ...record(laptop!, 'members', id)!.record, lastName: 'Früh' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await save(office!, 'members', { ...record(office!, 'members', id)!.record, lastName: 'Spät' });
    await office!.sync.round();
    const report = await laptop!.sync.round();
    expect(report.conflicts).toBe(1);
    await office!.sync.round();
    expect(record(office!, 'members', id)!.record.lastName).toBe('Spät');
    expect(record(laptop!, 'members', id)!.record.lastName).toBe('Spät');
    const [conflict] = new SyncJournal(laptop!.store).conflicts();
    expect(conflict).toMatchObject({ field: 'lastName', localValue: 'Früh', remoteValue: 'Spät' });
  });

  it('keeps one of two offline loans of one instrument; the other is rejected, shown and undone', async () => {
    const { office, laptop } = desktops as Record<string, Desktop>;
    const memberId = office!.store.tables.members.listLive()[0]!.id;
    const trumpet = await save(office!, 'instruments', {
      inventoryNumber: 'T-9',
      kind: 'Trompete',
      registerId: BRASS,
    });
    await office!.sync.round();
    await laptop!.sync.round();
    const first = await save(office!, 'loans', {
      instrumentId: trumpet.id,
      memberId,
      issuedOn: '2026-11-20',
    });
    const second = await save(laptop!, 'loans', {
      instrumentId: trumpet.id,
      memberId,
      issuedOn: '2026-11-21',
    });
    await office!.sync.round();
    const report = await laptop!.sync.round();
    expect(report.rejected).toBe(1);
    const [rejection] = new SyncJournal(laptop!.store).rejections();
    expect(rejection?.reason).toMatch(/bereits an .+ ausgeliehen/);
    // The refused loan stays in view until the person discards it.
    expect(record(laptop!, 'loans', second.id)?.deleted).toBe(false);
    expect(record(laptop!, 'loans', first.id)?.record.issuedOn).toBe('2026-11-20');
    await laptop!.api.resolveRejection(rejection!.mutationId, 'discard');
    expect(record(laptop!, 'loans', second.id)).toBeUndefined();
  });

  it('renews its certificate by itself when it nears expiry; the old one stops working', async () => {
    const { laptop } = desktops as Record<string, Desktop>;
    const settings = new SyncSettings(laptop!.store.meta);
    const before = settings.connection()!;
    // As if 80 of the 90 days had passed.
    settings.updateCertificate(
      before.certificatePem,
      before.privateKeyPem,
      new Date(Date.now() + 10 * 86_400_000).toISOString(),
    );
    await laptop!.sync.round();
    const after = settings.connection()!;
    expect(after.certificatePem).not.toBe(before.certificatePem);
    expect(after.privateKeyPem).not.toBe(before.privateKeyPem);
    expect(Date.parse(after.notAfter)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    await expect(laptop!.sync.round()).resolves.toMatchObject({ rejected: 0 });
    const stale = new SyncClient(laptop!.store);
    settings.updateCertificate(before.certificatePem, before.privateKeyPem, before.notAfter);
    await expect(stale.round()).rejects.toThrow();
    settings.updateCertificate(after.certificatePem, after.privateKeyPem, after.notAfter);
  });

  it('gets in again and renews once more when the answer of a renewal was lost', async () => {
    const { office } = desktops as Record<string, Desktop>;
    const settings = new SyncSettings(office!.store.meta);
    const before = settings.connection()!;
    settings.updateCertificate(
      before.certificatePem,
      before.privateKeyPem,
      new Date(Date.now() + 10 * 86_400_000).toISOString(),
    );
    let renewals = 0;
    const losingFirstRenewal: SyncTransport = async (connection, method, path, body, signal) => {
      const answer = await httpsJson(
        new URL(path, connection.serverUrl),
        connection,
        method,
        body,
        {
          signal,
        },
      );
      if (path === '/api/v1/certificate/renew' && renewals++ === 0)
        throw new ConnectionError('cut', 'Die Verbindung brach ab (im Test).');
      return answer;
    };
    const client = new SyncClient(office!.store, losingFirstRenewal);
    await expect(client.round()).rejects.toThrow('im Test');
    expect(settings.connection()!.certificatePem).toBe(before.certificatePem);
    // The next round gets in with the certificate the device still has, and renews again.
    await expect(client.round()).resolves.toMatchObject({ rejected: 0 });
    expect(renewals).toBe(2);
    expect(settings.connection()!.certificatePem).not.toBe(before.certificatePem);
    await expect(office!.sync.round()).resolves.toMatchObject({ rejected: 0 });
  });

  it("purges another register's members from a leader's device when the leader moves", async () => {
    const { office, leader } = desktops as Record<string, Desktop>;
    const bert = await save(office!, 'members', {
      firstName: 'Bert',
      lastName: 'Holz',
      status: 'aktiv',
      registerIds: [WOODWIND],
    });
    await office!.sync.round();
    await leader!.sync.round();
    const brassMembers = leader!.store.tables.members.listLive().map((m) => m.id);
    expect(brassMembers).not.toContain(bert.id);
    expect(brassMembers.length).toBeGreaterThan(0);
    // The leader now leads the woodwinds instead (as `tutti-server user update` does it).
    await t.server.services.clubs.updateUser(clubId, users.leader!, { registerIds: [WOODWIND] });
    const report = await leader!.sync.round();
    expect(report.purged).toBeGreaterThan(0);
    expect(leader!.store.tables.members.listLive().map((m) => m.id)).toEqual([bert.id]);
    for (const id of brassMembers) expect(record(leader!, 'members', id)).toBeUndefined();
  });
});
