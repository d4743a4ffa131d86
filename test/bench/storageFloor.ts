/**
 * What this machine needs at least to take in a club's records, whatever the protocol does:
 * parsing them from one JSON text and inserting them, one row per record, into an
 * unencrypted SQLite table without journal or fsync and without any index but the key.
 * Measured once more with the replica's guarantees (SQLCipher, WAL, fsync on commit). Printed
 * beside the initial-sync figure, so the figure can be judged against the machine.
 * The records carry no stamps here, so the floor is lower than the real payload's.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { makeTempDir } from '../support/tempDir.ts';

export interface StorageFloor {
  parseMs: number;
  /** Plain SQLite, no journal, no fsync. */
  insertMs: number;
  /** The same rows with the replica's guarantees: SQLCipher, WAL, synchronous = FULL. */
  encryptedInsertMs: number;
}

/** Inserts every record as one row in one transaction and returns the time taken, ms. */
function insertAll(
  path: string,
  records: readonly { id: string; fields: Record<string, unknown> }[],
  setUp: (db: Database.Database) => void,
): number {
  const db = new Database(path);
  try {
    setUp(db);
    db.exec('CREATE TABLE records (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID');
    const insert = db.prepare('INSERT INTO records VALUES (?, ?)');
    const started = performance.now();
    db.transaction(() => {
      for (const record of records) insert.run(record.id, JSON.stringify(record.fields));
    })();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

export function measureStorageFloor(
  records: readonly { id: string; fields: Record<string, unknown> }[],
): StorageFloor {
  const temp = makeTempDir('tutti-bench-floor-');
  const path = join(temp.dir, 'floor.db');
  try {
    const text = JSON.stringify(records);
    const started = performance.now();
    const parsed = JSON.parse(text) as { id: string; fields: Record<string, unknown> }[];
    const parseMs = performance.now() - started;

    const insertMs = insertAll(path, parsed, (db) => {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
    });
    const encryptedInsertMs = insertAll(join(temp.dir, 'encrypted.db'), parsed, (db) => {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    });
    return { parseMs, insertMs, encryptedInsertMs };
  } finally {
    temp.cleanup();
  }
}
