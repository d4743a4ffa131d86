/**
 * The names of the ClubApi's methods, on their own so the Electron preload (which must stay
 * small and load nothing else) can know them without the schemas.
 */
export const CLUB_API_METHOD_NAMES = [
  'list',
  'get',
  'save',
  'remove',
  'restore',
  'status',
  'syncStatus',
  'access',
  'nextSyncChange',
  'syncNow',
  'cancelSync',
  'syncJournal',
  'dismissSyncEntry',
  'resolveRejection',
  'connectServer',
  'backupStatus',
  'configureBackup',
  'changeBackupPassphrase',
  'pickBackupFolder',
  'deleteBackup',
  'backupNow',
  'verifyBackup',
  'restoreBackup',
  'importOpen',
  'importPreview',
  'importRun',
  'importProgress',
  'cancelWork',
  'exportList',
  'printMembers',
  'exportReport',
] as const;
export type ClubApiMethodName = (typeof CLUB_API_METHOD_NAMES)[number];
