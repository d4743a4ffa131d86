/**
 * An import is edits like any other: imported on one desktop, it reaches the club server and a
 * second desktop through the ordinary sync — every record, with its values intact.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import {
  enrolUser,
  listAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { fixture } from '../../test/support/fixtures.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { saveRecordInTransaction } from '../core/recordWriter.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient } from '../sync/syncClient.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { runImport } from './importSource.ts';
import { readSourceFile } from './readers/readSourceFile.ts';

const BEISPIEL = fixture('legacy', 'verein-beispiel.mdb');

describe('an imported club syncs', () => {
  const temp = makeTempDir('tutti-import-sync-');
  let t: TestClubServer;
  let clubId: string;
  const stores: LocalStore[] = [];

  async function desktop(
    name: string,
    role: 'administrator' | 'vorstand' | 'registerfuehrer' = 'administrator',
  ): Promise<{ store: LocalStore; sync: SyncClient }> {
    const user = await t.server.services.clubs.addUser(clubId, {
      name,
      role,
      registerIds: [],
    });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32));
    stores.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    return { store, sync: new SyncClient(store) };
  }

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Musikverein Umzug')).id;
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('sends every imported record and a second desktop receives them intact', async () => {
    const office = await desktop('office');
    // A device learns its user's rights with its first pull; it imports only after that.
    await office.sync.round();
    const source = await readSourceFile(BEISPIEL, readFileSync(BEISPIEL), null);
    await runImport(
      office.store,
      (entity, draft) => saveRecordInTransaction(office.store, entity, draft),
      source,
      proposeMapping(source),
      {
        dryRun: false,
      },
    );
    const pending = office.store.outbox.pendingCount();
    const sent = await office.sync.round();
    expect(sent.pushed).toBe(pending);
    expect(sent.rejected).toBe(0);
    expect(office.store.outbox.pendingCount()).toBe(0);

    const laptop = await desktop('laptop');
    await laptop.sync.round();
    const live = <E extends keyof EntityMap>(entity: E) =>
      laptop.store.tables[entity].listLive() as unknown as EntityMap[E][];
    expect(live('members')).toHaveLength(400);
    expect(live('registers')).toHaveLength(11);
    expect(live('instruments')).toHaveLength(133);
    expect(live('loans')).toHaveLength(66);
    expect(live('honours')).toHaveLength(80);
    const werner = live('members').find((m) => m.memberNumber === '7')!;
    expect(werner).toMatchObject({
      firstName: 'Julia',
      lastName: 'Werner',
      birthDate: '1939-08-20',
    });
    expect(
      live('instruments').find((i) => i.inventoryNumber === 'INV-0001')!.purchasePriceCents,
    ).toBe(812_274);
    // The stamps the laptop holds are the office's, field by field.
    const onOffice = office.store.tables.members.get(werner.id)!;
    expect(laptop.store.tables.members.get(werner.id)!.stamps).toEqual(onOffice.stamps);
  }, 120_000);

  it('never hands bank data or kept import values to a role without sensitive fields', async () => {
    // The same club's board member: the import of the test above is on the server.
    const board = await desktop('vorstand', 'vorstand');
    await board.sync.round();
    const members = board.store.tables.members.listLive() as unknown as EntityMap['members'][];
    expect(members).toHaveLength(400);
    const bankData = /[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){10,}|MV-\d{5}/;
    for (const m of members) {
      expect(m.iban).toBeNull();
      expect(m.sepaMandateReference).toBeNull();
      expect(m.birthDate).toBeNull();
      expect(m.importedValues).toBeNull();
      expect(m.reviewSensitive).toEqual([]);
      expect(m.notes ?? '').not.toMatch(bankData);
    }
  }, 120_000);

  it('passes the server the same way: no first name, flagged values and kept values are taken', async () => {
    const desk = await desktop('kapelle');
    await desk.sync.round();
    const csv = fixture('club', 'kapelle-anders-members.csv');
    const source = await readSourceFile(csv, readFileSync(csv), null);
    await runImport(
      desk.store,
      (entity, draft) => saveRecordInTransaction(desk.store, entity, draft),
      source,
      proposeMapping(source),
      { dryRun: false },
    );
    const sent = await desk.sync.round();
    expect(sent.rejected).toBe(0);
    expect(sent.pushed).toBeGreaterThanOrEqual(6);
    const onServer = await listAsClubAdmin(t, clubId, 'members');
    expect(onServer.find((m) => m.lastName === 'Musikhaus Klang GmbH')).toMatchObject({
      firstName: null,
      lastName: 'Musikhaus Klang GmbH',
    });
    expect(onServer.find((m) => m.lastName === 'Jäger')).toMatchObject({
      email: 'jürgen.jäger@blasmusik.at',
      review: ['email', 'postalCode'],
    });
    expect(onServer.find((m) => m.lastName === 'Brunner')).toMatchObject({
      iban: 'DE89370400440532013001',
      reviewSensitive: ['iban'],
    });
  }, 120_000);
});
