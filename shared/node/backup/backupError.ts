/**
 * What can be wrong with a backup file, told apart so that a person knows what to do: a wrong
 * key or passphrase can be retried, a damaged file cannot be repaired (take another generation).
 */
export type BackupErrorCode =
  | 'wrong_passphrase'
  | 'wrong_key'
  | 'damaged'
  | 'not_a_backup'
  | 'too_new'
  | 'weak_passphrase';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}
