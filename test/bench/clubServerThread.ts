/**
 * Starts clubServerWorker.ts — a club server on PGlite, seeded with a bench:sync workload — in
 * a worker thread, so that its work is not on the thread a benchmark measures. Used by
 * bench:sync's own-thread line and by bench:core-host.
 */
import { Worker } from 'node:worker_threads';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import type { WorkloadSize } from './syncWorkload.ts';

export interface ClubServerThread {
  /** The records the workload wrote and the server holds. */
  records: number;
  /** A new device of the club's administrator. */
  enrol(): Promise<EnrolledDevice>;
  stop(): Promise<void>;
}

export async function startClubServerThread(size: WorkloadSize): Promise<ClubServerThread> {
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
  try {
    const { records } = await next<{ records: number }>('ready');
    return {
      records,
      enrol: async () => {
        worker.postMessage({ type: 'enrol' });
        return (await next<{ device: EnrolledDevice }>('enrolled')).device;
      },
      stop: async () => {
        worker.postMessage({ type: 'stop' });
        await next('stopped');
        await worker.terminate();
      },
    };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}
