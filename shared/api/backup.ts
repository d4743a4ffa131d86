/** What the "Datensicherung" view shows and sends (ClubApi). */

export interface BackupGenerationView {
  name: string;
  /** ISO timestamp. */
  createdAt: string;
  bytes: number;
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
}
