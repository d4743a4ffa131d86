/** What the "Datensicherung" view shows and sends (ClubApi). */

import type { BackupKind } from '../domain/backupKinds.ts';
import type { Message } from '../messages/message.ts';

export interface BackupGenerationView {
  name: string;
  /** ISO timestamp. */
  createdAt: string;
  bytes: number;
  kind: BackupKind;
  /** ISO timestamp until which a manual or safety generation is kept; null for automatic. */
  keptUntil: string | null;
}

export interface BackupStatus {
  configured: boolean;
  folder: string | null;
  /** ISO timestamp of the last backup of this profile, or null. */
  lastBackupAt: string | null;
  /** No backup for more than 7 days (or never) while there is data to lose. */
  reminder: boolean;
  /** This profile's generations in the folder, newest first. */
  generations: BackupGenerationView[];
  /** A backup under way: its share done, 0…1; null when none runs. */
  progress: number | null;
  /** The desktop program can show a folder picker (not the browser mode). */
  folderPicker: boolean;
  /** Why the last automatic backup failed (a pulled USB stick, say); null when it worked. */
  automaticError: Message | null;
}

export interface VerifiedBackupView {
  createdAt: string;
  appVersion: string;
  counts: Record<string, number>;
}

export interface RestoredBackupView {
  /** ISO timestamp of the restored backup. */
  createdAt: string;
  /** Where the database as it was before the restore is kept. */
  previous: string;
  /** ISO timestamp of the safety generation made before the restore; null when none was. */
  safetyBackup: string | null;
}
