/**
 * Verifying a backup file without touching any profile: decrypt with the key file and the
 * passphrase, unpack, check the SHA-256 of the snapshot, run SQLite's integrity check and
 * recount every table against the manifest. Restore runs the same checks before it writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/api/appError.ts';
import { openBackup } from '../../shared/node/backup/backupArchive.ts';
import { KEY_FILE_NAME, unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import type { BackupManifest } from '../../shared/node/backup/backupManifest.ts';
import { inspectSnapshot } from '../../shared/node/backup/sqliteSnapshot.ts';
import { type Checkpoint, noCheckpoint } from '../core/longWork.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { DATABASE_DAMAGED, KEY_FILE_DAMAGED, withAppErrors } from './backupErrors.ts';

export interface VerifiedBackup {
  manifest: BackupManifest;
  snapshot: Buffer;
  /** Time spent opening the key file (scrypt, deliberately slow against guessing), ms. */
  keyMs: number;
  /** Time spent decrypting the backup itself, ms. */
  decryptMs: number;
}

function readOrExplain(path: string): Buffer {
  if (!existsSync(path)) throw new AppError('not_found', 'errors.backup.fileMissing', { path });
  return readFileSync(path);
}

/**
 * The key file is looked for beside the backup unless named. `checkpoint` is awaited between
 * the steps (opening the key, decrypting, checking): it tells where the work stands and may
 * stop it (issue #26) — verifying changes nothing, so it can stop anywhere.
 */
export async function verifyBackup(
  file: string,
  passphrase: string,
  keyFile: string = join(dirname(file), KEY_FILE_NAME),
  checkpoint: Checkpoint = noCheckpoint,
): Promise<VerifiedBackup> {
  await checkpoint('key', 0);
  const bytes = readOrExplain(file);
  if (!existsSync(keyFile))
    throw new AppError('not_found', 'errors.backup.keyFileNotBeside', { keyFile: KEY_FILE_NAME });
  let started = performance.now();
  const identity = await withAppErrors(
    () => unwrapBackupKey(readFileSync(keyFile), passphrase),
    KEY_FILE_DAMAGED,
  );
  const keyMs = performance.now() - started;
  await checkpoint('decrypt', 0.35);
  started = performance.now();
  const { manifest, snapshot } = await withAppErrors(() => openBackup(bytes, identity));
  const decryptMs = performance.now() - started;
  await checkpoint('check', 0.7);
  if (manifest.origin !== 'desktop')
    throw new AppError('backup_unusable', 'errors.backup.serverBackup');
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION)
    throw new AppError('database_from_future', 'errors.backup.tooNewSchema', {
      version: manifest.schemaVersion,
    });
  const inspection = await withAppErrors(
    async () => inspectSnapshot(snapshot, Object.keys(manifest.counts)),
    DATABASE_DAMAGED,
  );
  for (const [table, expected] of Object.entries(manifest.counts))
    if (inspection.counts[table] !== expected)
      throw new AppError('backup_unusable', 'errors.backup.incomplete', {
        table,
        found: inspection.counts[table] ?? 0,
        expected,
      });
  if (inspection.schemaVersion !== manifest.schemaVersion)
    throw new AppError('backup_unusable', 'errors.backup.schemaMismatch');
  return { manifest, snapshot, keyMs, decryptMs };
}
