/**
 * Verifying a backup file without touching any profile: decrypt with the key file and the
 * passphrase, unpack, check the SHA-256 of the snapshot, run SQLite's integrity check and
 * recount every table against the manifest. Restore runs the same checks before it writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openBackup } from '../../shared/node/backup/backupArchive.ts';
import { BackupError } from '../../shared/node/backup/backupError.ts';
import { KEY_FILE_NAME, unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import type { BackupManifest } from '../../shared/node/backup/backupManifest.ts';
import { inspectSnapshot } from '../../shared/node/backup/sqliteSnapshot.ts';
import { CoreError } from '../core/coreError.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { withCoreErrors } from './backupErrors.ts';

export interface VerifiedBackup {
  manifest: BackupManifest;
  snapshot: Buffer;
  /** Time spent opening the key file (scrypt, deliberately slow against guessing), ms. */
  keyMs: number;
  /** Time spent decrypting the backup itself, ms. */
  decryptMs: number;
}

function readOrExplain(path: string, what: string): Buffer {
  if (!existsSync(path))
    throw new CoreError('not_found', `${what} ${path} gibt es nicht. Bitte den Pfad prüfen.`);
  return readFileSync(path);
}

/** The key file is looked for beside the backup unless named. */
export async function verifyBackup(
  file: string,
  passphrase: string,
  keyFile: string = join(dirname(file), KEY_FILE_NAME),
): Promise<VerifiedBackup> {
  return withCoreErrors(async () => {
    const bytes = readOrExplain(file, 'Die Sicherungsdatei');
    if (!existsSync(keyFile))
      throw new CoreError(
        'not_found',
        `Neben der Sicherung liegt keine Schlüsseldatei ${KEY_FILE_NAME}. Bitte sie mit --key DATEI angeben.`,
      );
    let started = performance.now();
    const identity = await unwrapBackupKey(readFileSync(keyFile), passphrase);
    const keyMs = performance.now() - started;
    started = performance.now();
    const { manifest, snapshot } = await openBackup(bytes, identity);
    const decryptMs = performance.now() - started;
    if (manifest.origin !== 'desktop')
      throw new BackupError(
        'not_a_backup',
        'Das ist eine Sicherung des Vereinsservers, keine eines Arbeitsplatzes. Sie wird mit tutti-server backup restore eingespielt.',
      );
    if (manifest.schemaVersion > LATEST_SCHEMA_VERSION)
      throw new BackupError(
        'too_new',
        `Die Sicherung stammt aus einer neueren Tutti-Version (Schema ${manifest.schemaVersion}). Bitte Tutti aktualisieren.`,
      );
    const inspection = inspectSnapshot(snapshot, Object.keys(manifest.counts));
    for (const [table, expected] of Object.entries(manifest.counts))
      if (inspection.counts[table] !== expected)
        throw new BackupError(
          'damaged',
          `Die Sicherung ist unvollständig: in ${table} stehen ${inspection.counts[table]} statt ${expected} Einträge.`,
        );
    if (inspection.schemaVersion !== manifest.schemaVersion)
      throw new BackupError('damaged', 'Die Sicherung passt nicht zu ihrem Manifest (Schema).');
    return { manifest, snapshot, keyMs, decryptMs };
  });
}
