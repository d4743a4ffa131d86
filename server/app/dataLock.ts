/**
 * One process at a time opens a data directory's database: the server, or a command run while
 * the server is down. The lock is released by the operating system when its process ends (a
 * crash, a power cut, SIGKILL), so nothing is ever "taken over" by comparing PIDs, which are
 * reused — in a container the next server is PID 1 again (shared/node/processLock.ts).
 */
import { ProcessLock } from '../../shared/node/processLock.ts';
import { ServiceError } from '../errors.ts';

export type LockRole = 'server' | 'command';

export interface DataLock {
  release(): void;
}

export function acquireDataLock(path: string, role: LockRole): DataLock {
  const lock = ProcessLock.tryAcquire(path, role);
  if (lock) return lock;
  const holder = ProcessLock.holder(path);
  const pid = holder?.pid ? ` (PID ${holder.pid})` : '';
  throw new ServiceError(
    'conflict',
    holder?.role === 'command'
      ? `Ein anderer tutti-server-Befehl${pid} arbeitet gerade mit den Daten. Bitte kurz warten und erneut versuchen.`
      : role === 'server'
        ? `Der Server läuft schon mit diesen Daten${pid}.`
        : `Der Server${pid} hat die Daten geöffnet, antwortet aber nicht auf dem Admin-Socket. Bitte den Server prüfen.`,
  );
}
