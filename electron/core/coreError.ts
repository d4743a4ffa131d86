/**
 * An error the desktop core reports to a person: `message` is German and says what to do;
 * `cause` keeps the technical reason for the log.
 */
export type CoreErrorCode =
  | 'wrong_passphrase'
  | 'no_passphrase'
  | 'weak_passphrase'
  | 'key_file_missing'
  | 'key_file_damaged'
  | 'key_store_unavailable'
  | 'key_store_refused'
  | 'key_store_changed'
  | 'database_damaged'
  | 'database_from_future'
  | 'profile_not_writable'
  | 'profile_in_use'
  | 'not_found'
  | 'conflict'
  | 'bad_arguments'
  | 'bad_enrolment_code'
  | 'server_not_trusted'
  | 'enrolment_refused'
  | 'sync_failed'
  | 'backup_unusable'
  | 'backup_not_configured'
  | 'backup_folder_unavailable'
  | 'folder_not_absolute'
  | 'folder_missing'
  | 'folder_missing_parent'
  | 'backup_key_changed'
  | 'not_a_folder'
  | 'safety_backup_failed'
  | 'automatic_generation'
  | 'import_unreadable';

export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
