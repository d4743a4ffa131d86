/**
 * A lock that the operating system releases when its process ends, however it ends (SIGKILL,
 * a crash, a power cut): an exclusive SQLite lock on a small file of its own. SQLite locks with
 * POSIX advisory locks (fcntl) on Unix and with LockFileEx on Windows; both belong to the
 * process and vanish with it. A PID written into a file cannot do this: PIDs are reused (in a
 * container the next server is PID 1 again), so a dead holder's PID may name a live stranger.
 *
 * Beside the lock, `<lock>.json` names the holder (pid, role, since) for messages only; nothing
 * is decided by it. The lock file itself is never deleted: a process that opened it just before
 * a deletion would lock a file nobody else sees, and two would hold "the" lock.
 *
 * Within one process, SQLite tracks its locks per file, so a second acquire is refused there
 * too. Nothing in the process may open and close the lock file by other means: closing any
 * descriptor of a file drops the process's fcntl locks on it.
 */
import { readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

export interface LockHolderInfo {
  pid: number;
  role: string;
  since: string;
}

/** A holder's short pause (a `holder()` check) must not make an acquire fail. */
const ACQUIRE_WAIT_MS = 250;

function infoPath(lockPath: string): string {
  return `${lockPath}.json`;
}

function readInfo(lockPath: string): LockHolderInfo | null {
  try {
    const info = JSON.parse(readFileSync(infoPath(lockPath), 'utf8')) as LockHolderInfo;
    return Number.isInteger(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_');
}

export class ProcessLock {
  private released = false;

  private constructor(
    private readonly path: string,
    private readonly db: Database.Database,
  ) {}

  /** Takes the lock, or answers null when another process (or this one) holds it. */
  static tryAcquire(path: string, role: string): ProcessLock | null {
    let db: Database.Database | null = null;
    for (let attempt = 0; !db; attempt += 1) {
      const candidate = new Database(path, { timeout: ACQUIRE_WAIT_MS });
      try {
        candidate.pragma('locking_mode = EXCLUSIVE');
        candidate.exec('BEGIN EXCLUSIVE');
        db = candidate;
      } catch (error) {
        candidate.close();
        if (isBusy(error)) return null;
        // Not a lock file of ours (a PID file of an older Tutti): no one can hold a lock on
        // it, so it is emptied in place — never deleted, see above — and taken.
        if ((error as { code?: string }).code !== 'SQLITE_NOTADB' || attempt > 0) throw error;
        truncateSync(path, 0);
      }
    }
    const info: LockHolderInfo = { pid: process.pid, role, since: new Date().toISOString() };
    const temporary = `${infoPath(path)}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(info), { mode: 0o600 });
    renameSync(temporary, infoPath(path));
    return new ProcessLock(path, db);
  }

  /**
   * Who holds the lock now: null when nobody does; the holder's note when somebody does (or
   * `{ pid: 0 }` when the note is missing). Checks with a shared lock for a moment.
   */
  static holder(path: string): LockHolderInfo | null {
    let db: Database.Database;
    try {
      db = new Database(path, { timeout: 0, fileMustExist: true });
    } catch {
      return null; // no lock file: never locked
    }
    try {
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      db.exec('COMMIT');
      return null;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') return null; // see tryAcquire
      if (!isBusy(error)) throw error;
      return readInfo(path) ?? { pid: 0, role: 'unbekannt', since: '' };
    } finally {
      db.close();
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    if (readInfo(this.path)?.pid === process.pid) rmSync(infoPath(this.path), { force: true });
    this.db.exec('ROLLBACK');
    this.db.close();
  }
}
