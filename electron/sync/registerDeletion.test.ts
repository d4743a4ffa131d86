/**
 * Deleting a register takes it off its members in the same mutation, and its undo puts it back:
 * both reach a real club server and are taken there.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolUser,
  listAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

describe('a register deleted on a desktop', () => {
  const temp = makeTempDir('tutti-register-delete-');
  let t: TestClubServer;
  let clubId: string;
  const stores: LocalStore[] = [];

  async function desktop(name: string, role: string) {
    const user = await t.server.services.clubs.addUser(clubId, { name, role, registerIds: [] });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32));
    stores.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    return { store, sync: new SyncClient(store), userId: user.id };
  }

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Musikverein Glocke')).id;
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('syncs a register deleted together with its place in its members, and its undo', async () => {
    const office = await desktop('buero-register', 'administrator');
    await office.sync.round();
    const api = new ClubService(office.store, 'buero');
    const register = await api.save('registers', { name: 'Glockenspiel', sortOrder: 99 });
    if (!register.ok) throw new Error(JSON.stringify(register.error));
    const member = await api.save('members', {
      firstName: 'Gustav',
      lastName: 'Glocke',
      status: 'aktiv',
      registerIds: [register.value.id],
    });
    if (!member.ok) throw new Error(JSON.stringify(member.error));
    await office.sync.round();
    const onServer = async () =>
      (await listAsClubAdmin(t, clubId, 'members')).find((m) => m.id === member.value.id)!;

    await api.remove('registers', register.value.id);
    expect((await office.sync.round()).rejected).toBe(0);
    expect((await onServer()).registerIds).toEqual([]);
    await api.restore('registers', register.value.id);
    expect((await office.sync.round()).rejected).toBe(0);
    expect((await onServer()).registerIds).toEqual([register.value.id]);
  }, 120_000);
});
