/**
 * bench:sync's initial sync once more with the club server (PGlite) on a thread of its own, as
 * it runs on its own machine: the desktop's figure then pays for its own work only — fetching,
 * parsing, applying — while the server prepares the next page on the other core. In the main
 * run everything shares one thread, so that figure also pays for the server's CPU. The worker
 * (clubServerWorker.ts, shared with bench:core-host) seeds the same workload.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { LocalStore } from '../../electron/store/localStore.ts';
import { SyncClient } from '../../electron/sync/syncClient.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { startClubServerThread } from './clubServerThread.ts';
import type { WorkloadSize } from './syncWorkload.ts';

export async function benchInitialSyncOwnThread(
  size: WorkloadSize,
  freshDevices: number,
): Promise<{ records: number; initialMs: number[] }> {
  const server = await startClubServerThread(size);
  const temp = makeTempDir('tutti-bench-own-thread-');
  try {
    const { records } = server;
    const initialMs: number[] = [];
    for (let i = 0; i < freshDevices; i++) {
      const device = await server.enrol();
      const store = LocalStore.open(join(temp.dir, `fresh-${i}.db`), randomBytes(32));
      try {
        new SyncSettings(store.meta).connect(device.syncUrl, device);
        const started = performance.now();
        const report = await new SyncClient(store).round();
        initialMs.push(performance.now() - started);
        if (report.pulled !== records)
          throw new Error(`a fresh device pulled ${report.pulled} of ${records} records`);
      } finally {
        store.close();
      }
    }
    return { records, initialMs };
  } finally {
    await server.stop();
    temp.cleanup();
  }
}
