/**
 * Backups by e-mail, for clubs that ask for them (the old system's promise, see
 * ../shared/seed/sicherheitskonzept-server.txt): when a club's data changed, its backup goes to
 * the club's addresses, encrypted only to the club's own age recipients — the operator cannot
 * read what is mailed. Debounced: sent once the changes pause for a quarter of an hour, at
 * most hourly, and at least daily while changes continue. A backup too large to attach is
 * replaced by a notice. A failed mail is retried on the next tick and reported meanwhile.
 */
import nodemailer from 'nodemailer';
import { formatFileSize } from '../../shared/domain/sizes.ts';
import { translate } from '../../shared/messages/translate.ts';
import { isAgeRecipient } from '../../shared/node/backup/backupKey.ts';
import type { BackupConfig } from '../app/dataDirectory.ts';
import { OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { AppError, messageOf, requireUuid } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import type { BackupHealth } from './backupHealth.ts';
import type { SealedClubBackup } from './serverBackups.ts';

export interface MailPolicy {
  /** At most one mail per club in this time. */
  minIntervalMs: number;
  /** Changes have paused this long: send. */
  quietMs: number;
  /** Changes go on: send at the latest this long after the first unmailed one. */
  maxDelayMs: number;
}

export const DEFAULT_MAIL_POLICY: MailPolicy = {
  minIntervalMs: 60 * 60_000,
  quietMs: 15 * 60_000,
  maxDelayMs: 24 * 60 * 60_000,
};

export interface MailState {
  lastMailAt: Date | null;
  firstUnmailedChangeAt: Date | null;
  lastChangeSeenAt: Date | null;
}

/** Whether a club's backup mail is due now. */
export function mailDue(
  state: MailState,
  now: Date,
  policy: MailPolicy = DEFAULT_MAIL_POLICY,
): boolean {
  if (!state.firstUnmailedChangeAt) return false;
  const t = now.getTime();
  if (state.lastMailAt && t - state.lastMailAt.getTime() < policy.minIntervalMs) return false;
  const lastChange = (state.lastChangeSeenAt ?? state.firstUnmailedChangeAt).getTime();
  return (
    t - lastChange >= policy.quietMs ||
    t - state.firstUnmailedChangeAt.getTime() >= policy.maxDelayMs
  );
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

interface MailRow {
  club_id: string;
  name: string;
  addresses: string[];
  recipients: string[];
  version: string;
  mailed_version: string;
  seen_version: string;
  last_mail_at: Date | null;
  first_unmailed_change_at: Date | null;
  last_change_seen_at: Date | null;
}

export class BackupMailer {
  constructor(
    private readonly db: ServerDatabase,
    private readonly config: () => BackupConfig | undefined,
    private readonly seal: (
      clubId: string,
      recipients: readonly string[],
    ) => Promise<SealedClubBackup>,
    private readonly health: BackupHealth,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly policy: MailPolicy = DEFAULT_MAIL_POLICY,
  ) {}

  /** Turns the mailed backups of a club on (or changes where they go and to whom they open). */
  async configure(clubId: string, addresses: string[], recipients: string[]): Promise<void> {
    requireUuid(clubId, 'club');
    if (addresses.length === 0) throw new AppError('bad_request', 'server.mail.noAddress');
    for (const address of addresses)
      if (!EMAIL.test(address))
        throw new AppError('bad_request', 'server.mail.invalidAddress', { address });
    if (recipients.length === 0) throw new AppError('bad_request', 'server.mail.noRecipient');
    for (const recipient of recipients)
      if (!isAgeRecipient(recipient))
        throw new AppError('bad_request', 'server.mail.invalidRecipient', { recipient });
    await this.db.asOwner(async (sql) => {
      const club = await sql.query('SELECT 1 FROM clubs WHERE id = $1', [clubId]);
      if (club.rows.length === 0) throw new AppError('not_found', 'server.clubs.gone', { clubId });
      await sql.query(
        `INSERT INTO club_backup_mail (club_id, addresses, recipients, first_unmailed_change_at, last_change_seen_at)
         VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (club_id) DO UPDATE SET addresses = excluded.addresses, recipients = excluded.recipients`,
        [clubId, addresses, recipients, this.now()],
      );
    });
    await this.db.withClub(clubId, (sql) =>
      writeAudit(sql, clubId, OPERATOR, { action: 'backup.mail', fields: addresses }),
    );
  }

  async turnOff(clubId: string): Promise<void> {
    requireUuid(clubId, 'club');
    await this.db.asOwner((sql) =>
      sql.query('DELETE FROM club_backup_mail WHERE club_id = $1', [clubId]),
    );
    await this.db.withClub(clubId, (sql) =>
      writeAudit(sql, clubId, OPERATOR, { action: 'backup.mail-off' }),
    );
  }

  private async rows(): Promise<MailRow[]> {
    return this.db.asOwner(async (sql) => {
      const { rows } = await sql.query<MailRow>(
        `SELECT m.*, c.name, coalesce(v.version, 0) AS version
           FROM club_backup_mail m JOIN clubs c ON c.id = m.club_id
           LEFT JOIN club_versions v ON v.club_id = m.club_id ORDER BY c.created_at`,
      );
      return rows;
    });
  }

  /** Notes new changes, and sends every mail that is due. Never throws. */
  async tick(): Promise<{ sent: string[]; failed: string[] }> {
    const sent: string[] = [];
    const failed: string[] = [];
    let mail: BackupConfig['mail'];
    let rows: MailRow[];
    try {
      mail = this.config()?.mail;
      rows = await this.rows();
    } catch (error) {
      this.log.error({ err: error }, 'backup mail: reading the clubs failed');
      return { sent, failed };
    }
    for (const row of rows)
      try {
        const outcome = await this.clubTick(row, mail);
        if (outcome === 'sent') sent.push(row.club_id);
        if (outcome === 'failed') failed.push(row.club_id);
      } catch (error) {
        // Reading or noting a club's state failed: that club waits for the next tick.
        this.log.error({ clubId: row.club_id, err: error }, 'backup mail check failed');
        failed.push(row.club_id);
      }
    return { sent, failed };
  }

  /** Notes a club's new changes and mails its backup when due; null when nothing was due. */
  private async clubTick(
    row: MailRow,
    mail: BackupConfig['mail'],
  ): Promise<'sent' | 'failed' | null> {
    const now = this.now();
    const version = Number(row.version);
    let state: MailState = {
      lastMailAt: row.last_mail_at,
      firstUnmailedChangeAt: row.first_unmailed_change_at,
      lastChangeSeenAt: row.last_change_seen_at,
    };
    if (version > Number(row.seen_version)) {
      state = {
        ...state,
        lastChangeSeenAt: now,
        firstUnmailedChangeAt: state.firstUnmailedChangeAt ?? now,
      };
      await this.db.asOwner((sql) =>
        sql.query(
          `UPDATE club_backup_mail SET seen_version = $2, last_change_seen_at = $3::timestamptz,
             first_unmailed_change_at = coalesce(first_unmailed_change_at, $3::timestamptz)
           WHERE club_id = $1`,
          [row.club_id, version, now],
        ),
      );
    }
    if (!mailDue(state, now, this.policy)) return null;
    const key = `mail:${row.club_id}`;
    if (!mail) {
      this.health.warn(key, { key: 'server.mail.noServer' });
      return 'failed';
    }
    try {
      const sealed = await this.seal(row.club_id, row.recipients);
      await this.send(mail, row, sealed);
      await this.db.asOwner((sql) =>
        sql.query(
          `UPDATE club_backup_mail SET mailed_version = $2::bigint, last_mail_at = $3::timestamptz,
             first_unmailed_change_at =
               CASE WHEN seen_version > $2::bigint THEN $3::timestamptz ELSE NULL END
           WHERE club_id = $1`,
          [row.club_id, sealed.version, now],
        ),
      );
      this.health.clear(key);
      return 'sent';
    } catch (error) {
      this.health.warn(key, {
        key: 'server.mail.failed',
        params: {
          club: row.name,
          problem: error instanceof AppError ? error.text : messageOf((error as Error).message),
        },
      });
      this.log.warn({ clubId: row.club_id, err: error }, 'backup mail failed');
      return 'failed';
    }
  }

  private async send(
    mail: NonNullable<BackupConfig['mail']>,
    row: MailRow,
    sealed: SealedClubBackup,
  ): Promise<void> {
    const transport = nodemailer.createTransport({
      host: mail.host,
      port: mail.port,
      secure: mail.secure,
      // STARTTLS whenever the mail server offers it.
      requireTLS: false,
    });
    const date = sealed.manifest.createdAt.slice(0, 10);
    const name = `tutti-${row.club_id}-${sealed.manifest.createdAt.replace(/[-:.]/g, '')}.tar.gz.age`;
    const tooLarge = sealed.file.byteLength > mail.maxBytes;
    const params = {
      club: row.name,
      date,
      file: name,
      size: formatFileSize(sealed.file.byteLength),
      limit: formatFileSize(mail.maxBytes),
    };
    // The club's people read it; the server knows no club's language, so German, as before.
    const say = (key: string) => translate({ key, params }, 'de');
    await transport.sendMail({
      from: mail.from,
      to: row.addresses,
      subject: say(tooLarge ? 'server.mail.subjectTooLarge' : 'server.mail.subject'),
      text: `${say(tooLarge ? 'server.mail.bodyTooLarge' : 'server.mail.body')}\n`,
      attachments: tooLarge ? [] : [{ filename: name, content: Buffer.from(sealed.file) }],
    });
    transport.close();
  }
}
