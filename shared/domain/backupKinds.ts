/**
 * Why a backup generation was made, and how long those made on purpose are kept. Only
 * automatic generations rotate (7 daily, 4 weekly, 12 monthly: shared/node/backup/retention.ts);
 * a backup made by hand and the safety generation before every import and restore are kept
 * for KEPT_DAYS, so a later automatic backup of the same day never replaces one a person took.
 */
export type BackupKind = 'automatic' | 'manual' | 'before-import' | 'before-restore';

export const BACKUP_KINDS: readonly BackupKind[] = [
  'automatic',
  'manual',
  'before-import',
  'before-restore',
];

export const KEPT_DAYS = 90;
