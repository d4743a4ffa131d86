import { BackupError } from '../../shared/node/backup/backupError.ts';
import { CoreError } from '../core/coreError.ts';

/** The format's errors as the desktop core's: same German message, a code the UI knows. */
export function asCoreError(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  const code =
    error.code === 'wrong_passphrase'
      ? 'wrong_passphrase'
      : error.code === 'weak_passphrase'
        ? 'weak_passphrase'
        : error.code === 'too_new'
          ? 'database_from_future'
          : 'backup_unusable';
  return new CoreError(code, error.message, { cause: error });
}

/** Runs `work`, turning a BackupError into a CoreError. */
export async function withCoreErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asCoreError(error);
  }
}
