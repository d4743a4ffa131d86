/**
 * bench:sync's initial sync once more with the club server (PGlite) on a thread of its own, as
 * it runs on its own machine: the desktop's figure then pays for its own work only — fetching,
 * parsing, applying — while the server prepares the next page on the other core. In the main
 * run everything shares one thread, so that figure also pays for the server's CPU. The worker
 * (clubServerWorker.ts, shared with bench:core-host) seeds the same workload.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LocalStore } from '../../electron/store/localStore.ts';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import { SyncClient } from '../../electron/sync/syncClient.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { makeTempDir } from '../support/tempDir.ts';
import type { WorkloadSize } from './syncWorkload.ts';

export async function benchInitialSyncOwnThread(
  size: WorkloadSize,
  freshDevices: number,
): Promise<{ records: number; initialMs: number[] }> {
  // A worker loads TypeScript once tsx is registered in it (the --import flag does not reach it).
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./clubServerWorker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { size } },
  );
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(message as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const temp = makeTempDir('tutti-bench-own-thread-');
  try {
    const { records } = await next<{ records: number }>('ready');
    const initialMs: number[] = [];
    for (let i = 0; i < freshDevices; i++) {
      worker.postMessage({ type: 'enrol' });
      const { device } = await next<{ device: EnrolledDevice }>('enrolled');
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
    worker.postMessage({ type: 'stop' });
    await next('stopped');
    return { records, initialMs };
  } finally {
    await worker.terminate();
    temp.cleanup();
  }
}
