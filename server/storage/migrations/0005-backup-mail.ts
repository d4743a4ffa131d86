import type { ServerMigration } from './serverMigration.ts';

/**
 * Clubs that asked for their backups by e-mail: the addresses, the club's own age recipients
 * (the operator cannot read what is mailed), and what was mailed last. An operator table: the
 * application role cannot read it (row-level security on, no policy for it).
 */
export const migration0005BackupMail: ServerMigration = {
  version: 5,
  name: 'backup-mail',
  up: `
    CREATE TABLE club_backup_mail (
      club_id uuid PRIMARY KEY REFERENCES clubs (id),
      addresses text[] NOT NULL,
      recipients text[] NOT NULL,
      mailed_version bigint NOT NULL DEFAULT 0,
      last_mail_at timestamptz,
      first_unmailed_change_at timestamptz,
      seen_version bigint NOT NULL DEFAULT 0,
      last_change_seen_at timestamptz
    );
    ALTER TABLE club_backup_mail ENABLE ROW LEVEL SECURITY;
  `,
};
