/**
 * Restoring a backup into the profile Tutti has open (the view "Datensicherung"): the same
 * checks as `tutti backup restore`, then the database's contents are replaced in one
 * transaction on the open connection — all of it or nothing — after an encrypted copy of the
 * current database was kept beside it. No key is needed and nothing unencrypted touches the
 * disk: the snapshot is migrated in memory and copied row by row.
 *
 * What identifies and connects this device stays as it is now (device id, clock, server
 * connection and certificate, backup settings); the pull cursor comes from the backup, so the
 * next round fetches everything changed since, and newer server values win by stamp. Changes
 * not sent yet to the server are kept: they go to the outbox again, applied on the backup.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/api/appError.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import type { BackupManifest } from '../../shared/node/backup/backupManifest.ts';
import type { LocalStore } from '../store/localStore.ts';
import { migrate } from '../store/migrate.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import { TABLES } from '../store/tables.ts';
import { continueAfterRestore, unsentEdits } from './afterRestore.ts';
import { previousDatabasePath } from './restoreBackup.ts';
import { verifyBackup } from './verifyBackup.ts';

/** The tables whose contents a restore replaces; `meta` is merged (see above). */
const REPLACED_TABLES = [
  ...ENTITY_NAMES.map((e) => TABLES[e].table),
  'outbox',
  'sync_conflicts',
  'sync_rejections',
  'import_keys',
];
/** Meta entries taken from the backup: where its pull had got to. */
const META_FROM_BACKUP = ['sync.cursor', 'sync.scope_epoch'];

export async function restoreInPlace(
  store: LocalStore,
  file: string,
  passphrase: string,
  now: () => Date = () => new Date(),
): Promise<{ manifest: BackupManifest; previous: string }> {
  return restoreVerifiedInPlace(store, await verifyBackup(file, passphrase), now);
}

/** The same with a backup already decrypted and checked (verifyBackup). */
export function restoreVerifiedInPlace(
  store: LocalStore,
  { manifest, snapshot }: { manifest: BackupManifest; snapshot: Buffer },
  now: () => Date = () => new Date(),
): { manifest: BackupManifest; previous: string } {
  const restored = new Database(snapshot);
  try {
    migrate(restored as never, MIGRATIONS);
    const previous = previousDatabasePath(store.db.name, now());
    // SQLite3 Multiple Ciphers writes the copy encrypted with the profile's key.
    store.db.prepare('VACUUM INTO ?').run(previous);

    const backupMeta = new Map(
      (
        restored.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]
      ).map((row) => [row.key, row.value]),
    );
    const restoredLastId = Number(backupMeta.get('last_mutation_id') ?? '0');
    // Changes not sent yet are not in the backup: they are kept and applied again on top.
    // Ids never go back behind this database's nor the backup's.
    const replaced = {
      lastMutationId: Math.max(store.outbox.lastMutationId(), restoredLastId),
      unsent: unsentEdits(store),
    };
    store.transaction(() => {
      for (const table of REPLACED_TABLES) {
        store.db.prepare(`DELETE FROM ${table}`).run();
        const rows = restored.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
        if (rows.length === 0) continue;
        const insert = store.db.prepare(
          `INSERT INTO ${table} VALUES (${rows[0]!.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insert.run(row);
      }
      for (const key of META_FROM_BACKUP) {
        const value = backupMeta.get(key);
        if (value === undefined) store.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
        else store.meta.set(key, value);
      }
      continueAfterRestore(store, replaced);
      const problems = store.db.pragma('integrity_check', { simple: true });
      if (problems !== 'ok')
        throw new AppError('backup_unusable', 'errors.backup.restoreAborted', {
          problems: String(problems),
        });
    });
    return { manifest, previous };
  } finally {
    restored.close();
  }
}
