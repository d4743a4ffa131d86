/**
 * A club server in a worker thread, seeded with the bench:sync workload (issue #26's main-loop
 * bench): its work runs on its own thread, so the event loop measured in the bench's main
 * thread — the stand-in for Electron's main process — pays nothing for it. Answers `enrol`
 * with a new device's credentials and `stop` by stopping.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ClubService } from '../../electron/core/clubService.ts';
import { LocalStore } from '../../electron/store/localStore.ts';
import { SyncClient } from '../../electron/sync/syncClient.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { enrolUser, startTestClubServer } from '../support/clubServerFixture.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { type WorkloadSize, writeWorkload } from './syncWorkload.ts';

const port = parentPort!;
const { size } = workerData as { size: WorkloadSize };
const temp = makeTempDir('tutti-bench-server-');
const server = await startTestClubServer();
const { clubs } = server.server.services;
const clubId = (await clubs.createClub('Benchmark-Verein')).id;
const user = await clubs.addUser(clubId, { name: 'Vorstand', role: 'administrator' });

// The office desktop writes the club and sends it to the server once.
const office = LocalStore.open(join(temp.dir, 'office.db'), randomBytes(32));
const officeDevice = await enrolUser(server, clubId, user.id);
new SyncSettings(office.meta).connect(officeDevice.syncUrl, officeDevice);
const { records } = writeWorkload(new ClubService(office, 'office'), office, size);
const seeded = await new SyncClient(office).round();
if (seeded.pushed !== records) throw new Error(`seeding pushed ${seeded.pushed} of ${records}`);
office.close();

port.on('message', async (message: { type: 'enrol' | 'stop' }) => {
  if (message.type === 'enrol') {
    port.postMessage({ type: 'enrolled', device: await enrolUser(server, clubId, user.id) });
  } else {
    await server.stop();
    temp.cleanup();
    port.postMessage({ type: 'stopped' });
  }
});
port.postMessage({ type: 'ready', records });
