/**
 * Opening the encrypted local database. SQLCipher (through better-sqlite3-multiple-ciphers)
 * encrypts every page; the raw 32-byte key comes from a KeyStore, never from a password typed
 * straight into SQLite.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/api/appError.ts';

declare const writable: unique symbol;
declare const readable: unique symbol;

/** A connection that may write; only the store's write paths take one. */
export type WritableDB = Database.Database & { readonly [writable]: true };
/** A connection opened read-only (exports, reports): a read path cannot write by mistake. */
export type ReadableDB = Database.Database & { readonly [readable]: true };

function applyKey(db: Database.Database, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/**
 * Encrypts a plain SQLite file in place with the profile's key and cipher (a restored backup's
 * snapshot). Without a journal and without SQLite's fsyncs: the file is a scratch copy that a
 * crash leaves to be thrown away; it is flushed to the disk once, at the end.
 */
export function encryptPlainDatabase(path: string, key: Buffer): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`rekey="x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads the schema once: the first read is where a wrong key or a foreign file shows. */
function verifyReadable(db: Database.Database, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (cause) {
    db.close();
    throw new AppError('database_damaged', 'errors.store.damaged', { path }, { cause });
  }
}

export function openWritable(path: string, key: Buffer): WritableDB {
  const db = new Database(path);
  applyKey(db, key);
  verifyReadable(db, path);
  db.pragma('journal_mode = WAL');
  // FULL: a change the secretary saw saved survives a power cut, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  // 64 MiB of page cache: a club's whole replica stays decrypted in memory while a sync writes it.
  db.pragma('cache_size = -65536');
  return db as WritableDB;
}

export function openReadable(path: string, key: Buffer): ReadableDB {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw new AppError('database_damaged', 'errors.store.unreadable', { path }, { cause });
  }
  applyKey(db, key);
  verifyReadable(db, path);
  db.pragma('busy_timeout = 5000');
  return db as ReadableDB;
}
