/**
 * Free and total bytes of the file system a path lives on. A backup target that does not exist
 * yet (or a mount that vanished) is measured at its nearest existing parent — which is what a
 * write there would fill.
 *
 * Nothing here blocks the event loop (a hung network mount must not stop the listeners), and a
 * path whose last measurement has not come back yet is not measured again: a hung mount holds
 * one of libuv's threads, not one more every minute.
 */
import { stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface DiskSpace {
  path: string;
  freeBytes: number;
  sizeBytes: number;
}

const pending = new Map<string, Promise<DiskSpace>>();

async function measure(path: string): Promise<DiskSpace> {
  let at = resolve(path);
  for (;;) {
    const exists = await stat(at).then(
      () => true,
      () => false,
    );
    if (exists || dirname(at) === at) break;
    at = dirname(at);
  }
  const stats = await statfs(at);
  // bavail: what an unprivileged process may still write (root's reserve does not count).
  return { path, freeBytes: stats.bavail * stats.bsize, sizeBytes: stats.blocks * stats.bsize };
}

export function diskSpace(path: string): Promise<DiskSpace> {
  const running = pending.get(path);
  if (running) return running;
  const measuring = measure(path).finally(() => pending.delete(path));
  pending.set(path, measuring);
  return measuring;
}

/** Below this share of free space a disk is "nearly full": a warning, not yet an outage. */
export const NEARLY_FULL_RATIO = 0.1;
/** Below this many free bytes the data disk is full: the node can no longer write safely. */
export const FULL_BYTES = 64 * 1024 * 1024;

export function nearlyFull(space: DiskSpace): boolean {
  return space.sizeBytes > 0 && space.freeBytes / space.sizeBytes < NEARLY_FULL_RATIO;
}
