/**
 * Long work the UI may stop (issue #26): what can be cancelled, the stages a backup, a
 * verification and a restore go through, and how the status event tells them. An import *run*
 * is not here on purpose: it writes in chunks into the live data, and stopping it half-way
 * would leave half an import (see electron/import/importService.ts).
 */
import { z } from 'zod';

export const CANCELLABLE_WORKS = ['importPreview', 'backup', 'verify', 'restore'] as const;
export type CancellableWork = (typeof CANCELLABLE_WORKS)[number];

/** The backup side's works as the status event names them. */
export const BACKUP_WORKS = ['backup', 'verify', 'restore'] as const;
export type BackupWork = (typeof BACKUP_WORKS)[number];

/**
 * Where a backup (snapshot → pack → encrypt → write), a verification (key → decrypt → check)
 * or a restore (key → decrypt → check → safety → replace) stands.
 */
export const BACKUP_STAGES = [
  'snapshot',
  'pack',
  'encrypt',
  'write',
  'key',
  'decrypt',
  'check',
  'safety',
  'replace',
] as const;
export type BackupStage = (typeof BACKUP_STAGES)[number];

/** One piece of backup work under way, as the status event carries it. */
export interface BackupWorkView {
  work: BackupWork;
  stage: BackupStage;
  /** Share done, 0…1. */
  progress: number;
  /** False from the moment a restore replaces the data: a cancel is refused then. */
  cancellable: boolean;
}

export const backupWorkViewSchema = z.object({
  work: z.enum(BACKUP_WORKS),
  stage: z.enum(BACKUP_STAGES),
  progress: z.number().min(0).max(1),
  cancellable: z.boolean(),
});
