/**
 * A desktop core enrolled with a test club server, for sync tests: a user of the given role
 * (and registers), its device certificate, its own encrypted store, the ClubService the UI uses
 * and a SyncClient. No Electron, no window — the core as a test drives it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ClubService } from '../../electron/core/clubService.ts';
import { LocalStore } from '../../electron/store/localStore.ts';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import { SyncClient } from '../../electron/sync/syncClient.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { enrolUser, type TestClubServer } from './clubServerFixture.ts';

export interface SyncedDesktop {
  store: LocalStore;
  api: ClubService;
  sync: SyncClient;
  userId: string;
  device: EnrolledDevice;
}

export async function syncedDesktop(
  t: TestClubServer,
  clubId: string,
  dir: string,
  name: string,
  role: string,
  registerIds: string[] = [],
): Promise<SyncedDesktop> {
  const user = await t.server.services.clubs.addUser(clubId, { name, role, registerIds });
  const device = await enrolUser(t, clubId, user.id);
  const store = LocalStore.open(join(dir, `${name}.db`), randomBytes(32));
  new SyncSettings(store.meta).connect(device.syncUrl, device);
  return {
    store,
    api: new ClubService(store, name),
    sync: new SyncClient(store),
    userId: user.id,
    device,
  };
}
