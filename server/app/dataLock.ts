/**
 * One process at a time opens a data directory's database: the server, or a command run while
 * the server is down. The lock file names its holder; a lock whose process is gone (a crash,
 * a power cut) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isProcessAlive } from '../../shared/node/processAlive.ts';
import { ServiceError } from '../errors.ts';

export interface LockHolder {
  pid: number;
  role: 'server' | 'command';
  since: string;
}

export interface DataLock {
  release(): void;
}

function readFileText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function readLockHolder(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && isProcessAlive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

export function acquireDataLock(path: string, role: LockHolder['role']): DataLock {
  const holder: LockHolder = { pid: process.pid, role, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
      return {
        release: () => {
          if (readLockHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = readFileText(path);
      const current = readLockHolder(path);
      if (current)
        throw new ServiceError(
          'conflict',
          current.role === 'command'
            ? `Ein anderer tutti-server-Befehl (PID ${current.pid}) arbeitet gerade mit den Daten. Bitte kurz warten und erneut versuchen.`
            : role === 'server'
              ? `Der Server läuft schon mit diesen Daten (PID ${current.pid}).`
              : `Der Server (PID ${current.pid}) hat die Daten geöffnet, antwortet aber nicht auf dem Admin-Socket. Bitte den Server prüfen.`,
        );
      // Stale: its process is gone. Removed only if it is still the file we judged, so a lock
      // another process has just taken over is left alone.
      if (readFileText(path) === seen) rmSync(path, { force: true });
    }
  }
  throw new ServiceError('conflict', `Die Sperrdatei ${path} lässt sich nicht anlegen.`);
}
