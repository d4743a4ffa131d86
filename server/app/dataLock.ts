/**
 * One process at a time opens a data directory's database: the server, or a command run while
 * the server is down. The lock is released by the operating system when its process ends (a
 * crash, a power cut, SIGKILL), so nothing is ever "taken over" by comparing PIDs, which are
 * reused — in a container the next server is PID 1 again (shared/node/processLock.ts).
 */
import { ProcessLock } from '../../shared/node/processLock.ts';
import { AppError } from '../errors.ts';

export type LockRole = 'server' | 'command';

export interface DataLock {
  release(): void;
}

export function acquireDataLock(path: string, role: LockRole): DataLock {
  const lock = ProcessLock.tryAcquire(path, role);
  if (lock) return lock;
  const holder = ProcessLock.holder(path);
  const pid = holder?.pid ? { key: 'server.lock.pid', params: { pid: holder.pid } } : '';
  throw new AppError(
    'conflict',
    holder?.role === 'command'
      ? 'server.lock.otherCommand'
      : role === 'server'
        ? 'server.lock.serverRunning'
        : 'server.lock.serverNotAnswering',
    { pid },
  );
}
