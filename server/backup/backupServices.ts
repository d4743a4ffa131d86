/**
 * The backup side of the server, built alike by the running server and by a command that
 * opens the data directly: the club backups to the targets, the mailed backups, and what is
 * currently failing.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DataDirectory } from '../app/dataDirectory.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { BackupHealth } from './backupHealth.ts';
import { BackupMailer, DEFAULT_MAIL_POLICY, type MailPolicy } from './backupMail.ts';
import { ServerBackups } from './serverBackups.ts';

export interface BackupServices {
  health: BackupHealth;
  backups: ServerBackups;
  mailer: BackupMailer;
  /** The server's backup key file (the identity wrapped by the server passphrase). */
  keyFile(): Buffer;
}

export function createBackupServices(
  db: ServerDatabase,
  dir: DataDirectory,
  log: Logger,
  now: () => Date = () => new Date(),
  policy: MailPolicy = DEFAULT_MAIL_POLICY,
): BackupServices {
  const health = new BackupHealth();
  const config = () => dir.config().backup;
  const keyFile = () => {
    if (!existsSync(dir.backupKeyPath))
      throw new AppError('unavailable', 'server.backup.keyMissing', { path: dir.backupKeyPath });
    return readFileSync(dir.backupKeyPath);
  };
  const backups = new ServerBackups(db, config, keyFile, health, log, now);
  const mailer = new BackupMailer(
    db,
    config,
    (clubId, recipients) => backups.seal(clubId, recipients),
    health,
    log,
    now,
    policy,
  );
  return { health, backups, mailer, keyFile };
}
