/**
 * One desktop core per profile: a second one would interleave mutation ids in the outbox.
 * The lock file holds the owner's pid; a lock left by a crashed process is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { isProcessAlive } from '../../shared/node/processAlive.ts';
import { CoreError } from './coreError.ts';

export class ProfileLock {
  private released = false;

  private constructor(private readonly path: string) {}

  static acquire(path: string): ProfileLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new ProfileLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) {
          throw new CoreError(
            'profile_in_use',
            `Dieses Profil ist bereits geöffnet (Tutti-Prozess ${owner}). Bitte das andere Tutti-Fenster verwenden oder schließen.`,
          );
        }
        unlinkSync(path); // stale: its owner is gone
      }
    }
    throw new CoreError('profile_in_use', 'Die Sperrdatei des Profils lässt sich nicht anlegen.');
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.path);
    } catch {
      // already gone: nothing to release
    }
  }
}
