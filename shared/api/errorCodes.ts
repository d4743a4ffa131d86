/**
 * Every reason Tutti refuses something, and what it is at the API (the one table the
 * transports use: IPC, the local browser mode, the server's HTTP answers). A reason is finer
 * than the API's code: the UI decides by the API code (ask to create a folder on `not_found`),
 * the logs and tests by the reason.
 */
/** What the API answers: the codes a client decides by (the UI, the web application). */
export type ApiErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'bad_request'
  | 'internal';

export const API_CODE_OF = {
  // The API's own codes, when nothing finer is needed.
  validation: 'validation',
  not_found: 'not_found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  unavailable: 'unavailable',
  bad_request: 'bad_request',
  internal: 'internal',
  // The server: too many attempts, an account or code locked for a while.
  locked: 'forbidden',
  // Opening a profile.
  wrong_passphrase: 'validation',
  no_passphrase: 'validation',
  weak_passphrase: 'validation',
  key_file_missing: 'unavailable',
  key_file_damaged: 'unavailable',
  key_store_unavailable: 'unavailable',
  key_store_refused: 'forbidden',
  key_store_changed: 'unavailable',
  database_damaged: 'unavailable',
  database_from_future: 'unavailable',
  profile_not_writable: 'unavailable',
  profile_in_use: 'conflict',
  bad_arguments: 'bad_request',
  // Connecting with a club server and syncing.
  bad_enrolment_code: 'validation',
  server_not_trusted: 'validation',
  enrolment_refused: 'validation',
  sync_failed: 'unavailable',
  // Backups.
  backup_unusable: 'validation',
  backup_not_configured: 'validation',
  backup_folder_unavailable: 'validation',
  folder_not_absolute: 'validation',
  folder_missing: 'not_found',
  folder_missing_parent: 'validation',
  backup_key_changed: 'validation',
  not_a_folder: 'validation',
  safety_backup_failed: 'unavailable',
  automatic_generation: 'validation',
  // Import.
  import_unreadable: 'validation',
  import_running: 'conflict',
  // Writes wait while a restore replaces the data (its safety backup would miss them).
  restore_running: 'conflict',
  // Long work stopped on request, or not (issue #26).
  work_cancelled: 'conflict',
  work_not_cancellable: 'conflict',
  no_work_to_cancel: 'conflict',
} as const satisfies Record<string, ApiErrorCode>;

export type ErrorCode = keyof typeof API_CODE_OF;
