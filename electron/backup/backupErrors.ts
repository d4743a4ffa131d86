/**
 * The backup format's errors (shared/node/backup, German sentences) as the desktop core's:
 * a code the UI knows and a message as a key, said in the person's language. Which key a
 * damaged file gets depends on what was being read (the key file, the backup, its database).
 */
import { AppError } from '../../shared/api/appError.ts';
import {
  MIN_PASSPHRASE_LENGTH,
  passphraseStrength,
} from '../../shared/domain/passphraseStrength.ts';
import { type Message, msg } from '../../shared/messages/message.ts';
import { BackupError } from '../../shared/node/backup/backupError.ts';
import { assertUsablePassphrase, KEY_FILE_NAME } from '../../shared/node/backup/backupKey.ts';

/** What a damaged key file is said as. */
export const KEY_FILE_DAMAGED = msg('errors.backup.keyFileDamaged', { keyFile: KEY_FILE_NAME });
/** What a damaged database inside a backup is said as. */
export const DATABASE_DAMAGED = msg('errors.backup.databaseDamaged');
const FILE_DAMAGED = msg('errors.backup.fileDamaged');

/** A BackupError as an AppError; `damaged` says what was being read. Anything else passes. */
export function asAppError(error: unknown, damaged: Message = FILE_DAMAGED): unknown {
  if (!(error instanceof BackupError)) return error;
  const options = { cause: error };
  switch (error.code) {
    case 'wrong_passphrase':
      return new AppError('wrong_passphrase', 'errors.backup.wrongPassphrase', {}, options);
    case 'weak_passphrase':
      // Only the length rule is checked elsewhere (assertBackupPassphrase tells both apart).
      return new AppError(
        'weak_passphrase',
        'errors.backup.passphraseTooShort',
        { min: MIN_PASSPHRASE_LENGTH },
        options,
      );
    case 'too_new':
      return new AppError('database_from_future', 'errors.backup.tooNew', {}, options);
    case 'wrong_key':
      return new AppError('backup_unusable', 'errors.backup.wrongKey', {}, options);
    case 'not_a_backup':
      return new AppError('backup_unusable', 'errors.backup.notABackup', {}, options);
    case 'damaged':
      return new AppError('backup_unusable', damaged.key, damaged.params, options);
  }
}

/** Runs `work`, turning a BackupError into an AppError. */
export async function withAppErrors<T>(
  work: () => Promise<T>,
  damaged: Message = FILE_DAMAGED,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asAppError(error, damaged);
  }
}

/** The backup passphrase rule (backupKey.ts), refusing with what exactly is wrong. */
export function assertBackupPassphrase(passphrase: string): void {
  try {
    assertUsablePassphrase(passphrase);
  } catch (error) {
    if (!(error instanceof BackupError && error.code === 'weak_passphrase')) throw error;
    if (passphraseStrength(passphrase) === 'zu_kurz')
      throw new AppError(
        'weak_passphrase',
        'errors.backup.passphraseTooShort',
        { min: MIN_PASSPHRASE_LENGTH },
        { cause: error },
      );
    throw new AppError(
      'weak_passphrase',
      'errors.backup.passphraseRepetitive',
      {},
      { cause: error },
    );
  }
}
