/**
 * An import on a device whose user may not write everything, against a real club server: the
 * device learns its user's rights with every pull; a Vorstand (no bank data) imports every
 * member without any bank value and nothing is refused; a Registerführer (no member writes)
 * imports nothing and receives no bank value; once the same user is an administrator, the
 * same file fills exactly the withheld fields.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import { importReportText } from '../../shared/import/reportText.ts';
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
import { RightsUnknown, rightsOfStore, runImport } from './importSource.ts';
import { readSourceFile } from './readers/readSourceFile.ts';

const BEISPIEL = fixture('legacy', 'verein-beispiel.mdb');
const bankData = /[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){10,}|MV-\d{5}/;

describe('an import respects the rights of the device user', () => {
  const temp = makeTempDir('tutti-import-rights-');
  let t: TestClubServer;
  let clubId: string;
  const stores: LocalStore[] = [];

  async function desktop(name: string, role: string, registerIds: string[] = []) {
    const user = await t.server.services.clubs.addUser(clubId, { name, role, registerIds });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32));
    stores.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    return { store, sync: new SyncClient(store), userId: user.id };
  }

  async function importOn(store: LocalStore) {
    const source = await readSourceFile(BEISPIEL, readFileSync(BEISPIEL), null);
    return runImport(
      store,
      (entity, draft) => saveRecordInTransaction(store, entity, draft),
      source,
      proposeMapping(source),
      { dryRun: false },
    );
  }

  const members = (store: LocalStore) =>
    store.tables.members.listLive() as unknown as EntityMap['members'][];

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Musikverein Rechte')).id;
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('imports every member on a Vorstand device, without a single bank value, and nothing is refused', async () => {
    const board = await desktop('vorstand', 'vorstand');
    // Before its first pull the device does not know its rights: it imports nothing.
    await expect(importOn(board.store)).rejects.toBeInstanceOf(RightsUnknown);
    expect(members(board.store)).toHaveLength(0);

    await board.sync.round();
    const report = await importOn(board.store);
    const mitglieder = report.tables.find((table) => table.source === 'Mitglieder')!;
    expect(mitglieder).toMatchObject({ created: 400, skipped: 0 });
    const iban = report.withheld.find((w) => w.source === 'Mitglieder' && w.column === 'IBAN');
    expect(iban?.count).toBeGreaterThan(0);
    const text = importReportText(report);
    expect(text.split('\n\n')[0]).toContain(
      'Ihre Rolle („Vorstand“) darf keine Bankdaten, Geburtsdaten und Beitragsbefreiungen ändern: nicht übernommen',
    );
    expect(text).not.toMatch(bankData);
    for (const m of members(board.store)) {
      expect(m.iban).toBeNull();
      expect(m.birthDate).toBeNull();
      expect(m.sepaMandateReference).toBeNull();
      expect(m.importedValues).toBeNull();
      expect(m.notes ?? '').not.toMatch(bankData);
    }

    const sent = await board.sync.round();
    expect(sent.rejected).toBe(0);
    expect(members(board.store)).toHaveLength(400);
    expect(await listAsClubAdmin(t, clubId, 'members')).toHaveLength(400);

    // The same user becomes the administrator: the same file fills exactly the withheld fields.
    await t.server.services.clubs.updateUser(clubId, board.userId, { role: 'administrator' });
    await board.sync.round();
    const again = await importOn(board.store);
    expect(again.withheld).toEqual([]);
    expect(again.tables.find((table) => table.source === 'Mitglieder')).toMatchObject({
      created: 0,
      skipped: 0,
    });
    const werner = members(board.store).find((m) => m.memberNumber === '7')!;
    expect(werner.birthDate).toBe('1939-08-20');
    expect(members(board.store).filter((m) => m.iban !== null)).toHaveLength(iban!.count);
    expect((await board.sync.round()).rejected).toBe(0);

    // Back to Vorstand: the bank data leaves the device (records and the import's memory)…
    await t.server.services.clubs.updateUser(clubId, board.userId, { role: 'vorstand' });
    await board.sync.round();
    expect(members(board.store).filter((m) => m.iban !== null || m.birthDate !== null)).toEqual([]);
    const remembered = board.store.db
      .prepare("SELECT imported FROM import_keys WHERE entity = 'members'")
      .pluck()
      .all() as string[];
    expect(remembered.join('\n')).not.toMatch(bankData);
    // …and comes back from the server when the rights do.
    await t.server.services.clubs.updateUser(clubId, board.userId, { role: 'administrator' });
    await board.sync.round();
    expect(members(board.store).filter((m) => m.iban !== null)).toHaveLength(iban!.count);
  }, 180_000);

  it('imports nothing on a Registerführer device, which never receives a bank value', async () => {
    const [flutes] = await listAsClubAdmin(t, clubId, 'registers');
    const leader = await desktop('registerfuehrer', 'registerfuehrer', [String(flutes!.id)]);
    await leader.sync.round();
    const report = await importOn(leader.store);
    expect(report.tables).toEqual([]);
    expect(report.notAllowedTables.map((table) => table.source).sort()).toEqual([
      'Ausleihen',
      'Ehrungen',
      'Instrumente',
      'Mitglieder',
      'Register',
    ]);
    expect(importReportText(report).split('\n\n')[0]).toContain(
      'Ihre Rolle („Registerführer“) darf keine Mitglieder anlegen oder ändern: Mitglieder (400 Zeilen) nicht übernommen.',
    );
    expect(leader.store.outbox.pendingCount()).toBe(0);
    for (const m of members(leader.store)) {
      expect(m.iban).toBeNull();
      expect(m.importedValues).toBeNull();
      expect(m.notes ?? '').not.toMatch(bankData);
    }
  }, 120_000);

  it("takes a club role's changed grants at the next pull", async () => {
    await t.server.services.roles.add(clubId, 'notenwart', 'Notenwart', [
      { entity: 'members', action: 'read', scope: 'all', fields: 'withoutSensitive' },
    ]);
    const librarian = await desktop('notenwart', 'notenwart');
    await librarian.sync.round();
    const rights = () => rightsOfStore(librarian.store);
    expect(rights().roleLabel).toBe('Notenwart');
    expect(rights().may('members', 'write')).toBe(false);
    await expect(importOn(librarian.store)).resolves.toMatchObject({ tables: [] });

    await t.server.services.roles.update(clubId, 'notenwart', '', [
      { entity: 'members', action: 'read', scope: 'all', fields: 'withoutSensitive' },
      { entity: 'members', action: 'write', scope: 'all', fields: 'withoutSensitive' },
    ]);
    await librarian.sync.round();
    expect(rights().may('members', 'write')).toBe(true);
    expect(rights().mayWriteSensitive('members')).toBe(false);
  }, 120_000);
});
