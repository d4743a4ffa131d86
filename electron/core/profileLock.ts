/**
 * One desktop core per profile: a second one would interleave mutation ids in the outbox.
 * The lock is released by the operating system when the process ends, however it ends, so a
 * crashed Tutti never blocks the next start — and a PID reused by another program never
 * blocks it either (shared/node/processLock.ts).
 */

import { AppError } from '../../shared/api/appError.ts';
import { ProcessLock } from '../../shared/node/processLock.ts';

export class ProfileLock {
  private constructor(private readonly lock: ProcessLock) {}

  static acquire(path: string): ProfileLock {
    const lock = ProcessLock.tryAcquire(path, 'desktop');
    if (lock) return new ProfileLock(lock);
    const holder = ProcessLock.holder(path);
    throw holder?.pid
      ? new AppError('profile_in_use', 'core.profile.inUseBy', { pid: holder.pid })
      : new AppError('profile_in_use', 'core.profile.inUse');
  }

  /** Whether a process holds the profile's lock now (for checks and tests). */
  static isHeld(path: string): boolean {
    return ProcessLock.holder(path) !== null;
  }

  release(): void {
    this.lock.release();
  }
}
