/**
 * A consistent, unencrypted copy of an SQLite database, in memory. `serialize` reads every page
 * inside one read transaction, so writers may go on meanwhile and the copy is still one moment's
 * state. The online backup API cannot be used here: SQLite3 Multiple Ciphers refuses to copy
 * between an encrypted source and a plain target, and the copy must be plain so that a club can
 * open it with any SQLite tool once `age` has decrypted the backup.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { BackupError } from './backupError.ts';

/** Byte offsets 18 and 19 of the header: file format versions; 2 means WAL, 1 rollback. */
const WRITE_VERSION = 18;
const READ_VERSION = 19;

export function snapshotOf(db: Database.Database): Buffer {
  const bytes = db.serialize();
  // A snapshot of a WAL database says "WAL" in its header and cannot be opened from memory or
  // without its (absent) -wal file; as a single file it is a rollback-journal database.
  bytes[WRITE_VERSION] = 1;
  bytes[READ_VERSION] = 1;
  return bytes;
}

export interface SnapshotInspection {
  counts: Record<string, number>;
  schemaVersion: number;
}

/**
 * Opens a snapshot in memory, runs SQLite's integrity check and counts the rows of `tables`.
 * A damaged snapshot is a BackupError('damaged'), never an exception from deep inside SQLite.
 */
export function inspectSnapshot(bytes: Buffer, tables: readonly string[]): SnapshotInspection {
  let db: Database.Database | undefined;
  try {
    db = new Database(bytes, { readonly: true });
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok')
      throw new BackupError(
        'damaged',
        `Die Datenbank in der Sicherung ist beschädigt (${problems[0]?.integrity_check ?? 'unbekannt'}).`,
      );
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { counts, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('damaged', 'Die Datenbank in der Sicherung ist beschädigt.', {
      cause: error,
    });
  } finally {
    db?.close();
  }
}
