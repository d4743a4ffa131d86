/**
 * Restoring a desktop backup into a profile: verify everything first, build the new database
 * beside the old one (encrypted with the profile's key, migrated, integrity-checked), then
 * switch by renaming. The previous database is kept as `tutti.db.vor-wiederherstellung-…`, and,
 * when the profile's backups are set up, as a safety generation in their folder too.
 * Nothing of the profile changes before every check has passed.
 *
 * A restored replica is older than what the club server has. Its records merge by stamp, so
 * older values never overwrite newer ones; its mutation ids, though, may lag behind what the
 * server has seen from this device, so the next sync round first realigns them (SyncClient).
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/api/appError.ts';
import { fsyncFolder } from '../../shared/node/backup/backupFolder.ts';
import type { BackupManifest } from '../../shared/node/backup/backupManifest.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { passphraseKeyStore, profilePaths } from '../core/profile.ts';
import { ProfileLock } from '../core/profileLock.ts';
import type { KeyStore } from '../keys/keyStore.ts';
import { encryptPlainDatabase } from '../store/database.ts';
import { LocalStore } from '../store/localStore.ts';
import { CONNECTION_KEYS, SyncSettings } from '../sync/syncSettings.ts';
import { continueAfterRestore, unsentEdits } from './afterRestore.ts';
import { COUNTED_TABLES, DesktopBackups, type SafetyBackup } from './desktopBackups.ts';
import { verifyBackup } from './verifyBackup.ts';

export interface RestoredBackup {
  manifest: BackupManifest;
  /** Where the database that was replaced now lies (null when the profile had none). */
  previous: string | null;
  /** False when the restored profile must be connected with the club server again. */
  connected: boolean;
  /** The safety generation of the replaced database, when its backups were set up. */
  safetyBackup: string | null;
  keyMs: number;
  decryptMs: number;
  totalMs: number;
}

/** Where the database a restore replaces is kept: beside it, named by the moment. */
export function previousDatabasePath(database: string, at: Date): string {
  const moment = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${database}.vor-wiederherstellung-${moment}`;
}

interface CarriedOver {
  connection: [string, string][];
  unsent: Mutation[];
  lastMutationId: number;
}

function carriedOver(store: LocalStore): CarriedOver {
  try {
    return {
      connection: CONNECTION_KEYS.flatMap((k) => {
        const value = store.meta.get(k);
        return value === undefined ? [] : [[k, value] as [string, string]];
      }),
      unsent: unsentEdits(store),
      lastMutationId: store.outbox.lastMutationId(),
    };
  } finally {
    store.close();
  }
}

export async function restoreBackup(
  profileDir: string,
  file: string,
  passphrase: string,
  options: { keyFile?: string; keyStore?: KeyStore; now?: () => Date } = {},
): Promise<RestoredBackup> {
  const started = performance.now();
  const verified = await verifyBackup(file, passphrase, options.keyFile);
  const paths = profilePaths(profileDir);
  mkdirSync(profileDir, { recursive: true, mode: 0o700 }); // a new laptop: a new profile folder
  const lock = ProfileLock.acquire(paths.lock);
  const restoring = `${paths.database}.wiederherstellung`;
  try {
    const keyStore = options.keyStore ?? passphraseKeyStore(profileDir);
    const hadDatabase = existsSync(paths.database);
    if (hadDatabase && !keyStore.hasKey())
      throw new AppError('key_file_missing', 'errors.backup.restoreKeyFileMissing', {
        database: paths.database,
      });
    const key = keyStore.hasKey() ? await keyStore.unlockKey() : await keyStore.createKey();
    let connected = false;
    let safety: SafetyBackup | null = null;
    try {
      // What the current database has that the backup must not take away: this device's
      // connection (backups carry no private key), its unsent edits, its mutation ids. Opening
      // and closing it also folds a WAL left by a crash into the file. When its backups are set
      // up, a safety generation of it goes into their folder first, as in the program.
      let current: CarriedOver | null = null;
      if (hadDatabase) {
        const opened = LocalStore.open(paths.database, key);
        try {
          // Not recorded in the old database: it is kept byte for byte as it was.
          safety = await new DesktopBackups(opened, options.now).createSafety('before-restore', {
            recordAsLast: false,
          });
        } catch (error) {
          opened.close();
          throw error;
        }
        current = carriedOver(opened);
      }
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(restoring + suffix, { force: true });
      writeFileSync(restoring, verified.snapshot, { mode: 0o600 });
      encryptPlainDatabase(restoring, key);
      const store = LocalStore.open(restoring, key); // migrates an older snapshot
      try {
        // The snapshot passed SQLite's integrity check before encryption; now every table is
        // read back through the cipher and recounted against the manifest.
        for (const [table, expected] of Object.entries(verified.manifest.counts)) {
          if (!COUNTED_TABLES.includes(table)) continue; // only names this version knows
          const { n } = store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
            n: number;
          };
          if (n !== expected)
            throw new AppError('backup_unusable', 'errors.backup.restoredCount', {
              table,
              found: n,
              expected,
            });
        }
        store.transaction(() => {
          for (const [metaKey, value] of current?.connection ?? []) store.meta.set(metaKey, value);
          continueAfterRestore(store, current ?? { lastMutationId: 0, unsent: [] });
        });
        connected = new SyncSettings(store.meta).connection() !== null;
      } finally {
        store.close();
      }
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(restoring + suffix, { force: true });
      throw error;
    } finally {
      key.fill(0);
    }
    // The switch: the old file gets a second name (a hard link), then the new one is renamed
    // over the old name — atomic, so a crash leaves either database under tutti.db, never none.
    let previous: string | null = null;
    if (hadDatabase) {
      previous = previousDatabasePath(paths.database, (options.now ?? (() => new Date()))());
      linkSync(paths.database, previous);
      // Closed cleanly above, the old database has no WAL left; should one remain, it belongs
      // to the old file and must never be read together with the new one.
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(paths.database + suffix))
          renameSync(paths.database + suffix, previous + suffix);
    }
    renameSync(restoring, paths.database);
    fsyncFolder(paths.dir);
    return {
      manifest: verified.manifest,
      previous,
      connected,
      safetyBackup: safety && 'made' in safety ? safety.made.path : null,
      keyMs: verified.keyMs,
      decryptMs: verified.decryptMs,
      totalMs: performance.now() - started,
    };
  } finally {
    lock.release();
  }
}
