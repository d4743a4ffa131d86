/**
 * The manifest inside every backup: what made it, of which data, and the SHA-256 of the
 * database snapshot beside it, so that a verification can tell a complete backup from a
 * damaged one without trusting anything but the file itself.
 */
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const SNAPSHOT_FILE = 'tutti.sqlite';
export const BACKUP_FORMAT_VERSION = 1;

export const manifestSchema = z.object({
  format: z.literal('tutti-backup'),
  formatVersion: z.number().int().positive(),
  app: z.object({ name: z.literal('Tutti'), version: z.string() }),
  /** A desktop profile's database, or one club's data on the club server. */
  origin: z.enum(['desktop', 'server']),
  club: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** ISO timestamp (UTC) of the snapshot. */
  createdAt: z.string().datetime(),
  /** The schema version of the snapshot (desktop migrations or server migrations). */
  schemaVersion: z.number().int().nonnegative(),
  /** Rows per table in the snapshot, as the verification recounts them. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  snapshot: z.object({
    file: z.literal(SNAPSHOT_FILE),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupManifest = z.output<typeof manifestSchema>;

/** Everything of the manifest but what is computed from the snapshot itself. */
export type ManifestInput = Omit<
  BackupManifest,
  'format' | 'formatVersion' | 'snapshot' | 'app'
> & { appVersion: string };
