/**
 * The club administrator password (held by the club's IT officer): what consents to support
 * access. Stored as a scrypt hash in a table the application role cannot read. 20 wrong
 * passwords in a row lock it for an hour — counted in the database, so neither a restart nor a
 * second server node resets the count.
 */
import { CLUB_ADMIN, OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors.ts';
import {
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from '../security/passwordHash.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';

export const ADMIN_PASSWORD_MAX_FAILURES = 20;
export const ADMIN_PASSWORD_LOCK_MS = 60 * 60 * 1000;

interface StoredPassword {
  hash: string;
  failures: number;
  locked_until: Date | null;
}

function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: process.env.TZ || 'Europe/Berlin',
  }).format(date);
}

export class AdminPasswords {
  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sets the first password, or rotates it — then the current one is required. */
  async set(clubId: string, password: string, current?: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new AppError('validation', problem, { min: MIN_PASSWORD_LENGTH });
    const stored = await this.load(clubId);
    if (stored) {
      if (current === undefined)
        throw new AppError('forbidden', 'server.adminPassword.currentNeeded');
      await this.verify(clubId, current);
    }
    const hash = await hashPassword(password);
    await this.db.asOwner(async (sql) => {
      await sql.query(
        `INSERT INTO club_admin_passwords (club_id, hash) VALUES ($1, $2)
         ON CONFLICT (club_id) DO UPDATE SET hash = $2, failures = 0, locked_until = NULL, changed_at = now()`,
        [clubId, hash],
      );
      await writeAudit(sql, clubId, stored ? CLUB_ADMIN : OPERATOR, {
        action: 'admin-password.set',
      });
    });
  }

  /**
   * Throws unless `password` is the club's admin password. The attempt is counted before the
   * (slow) check and rolled back on success, so many attempts at once cannot all slip through
   * before the first failure is recorded.
   */
  async verify(clubId: string, password: string): Promise<void> {
    const now = this.now();
    const reserved = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ hash: string; failures: number }>(
            `UPDATE club_admin_passwords SET failures = failures + 1
             WHERE club_id = $1 AND (locked_until IS NULL OR locked_until <= $2) RETURNING hash, failures`,
            [clubId, now],
          )
        ).rows[0],
    );
    if (!reserved) {
      const stored = await this.load(clubId);
      if (!stored) throw new AppError('forbidden', 'server.adminPassword.notSet');
      throw new AppError('locked', 'server.adminPassword.lockedUntil', {
        max: ADMIN_PASSWORD_MAX_FAILURES,
        until: formatTime(stored.locked_until ?? now),
      });
    }
    const attempt = reserved.failures;
    const correct =
      attempt <= ADMIN_PASSWORD_MAX_FAILURES && (await verifyPassword(password, reserved.hash));
    if (correct) {
      await this.db.asOwner((sql) =>
        sql.query(
          'UPDATE club_admin_passwords SET failures = 0, locked_until = NULL WHERE club_id = $1',
          [clubId],
        ),
      );
      return;
    }
    await this.db.asOwner(async (sql) => {
      await writeAudit(sql, clubId, CLUB_ADMIN, { action: `admin-password.wrong:${attempt}` });
      if (attempt >= ADMIN_PASSWORD_MAX_FAILURES)
        await sql.query(
          'UPDATE club_admin_passwords SET failures = 0, locked_until = $2 WHERE club_id = $1',
          [clubId, new Date(now.getTime() + ADMIN_PASSWORD_LOCK_MS)],
        );
    });
    if (attempt >= ADMIN_PASSWORD_MAX_FAILURES)
      throw new AppError('locked', 'server.adminPassword.nowLocked', {
        max: ADMIN_PASSWORD_MAX_FAILURES,
      });
    throw new AppError('forbidden', 'server.adminPassword.wrong', {
      attempt,
      max: ADMIN_PASSWORD_MAX_FAILURES,
    });
  }

  private async load(clubId: string): Promise<StoredPassword | undefined> {
    return this.db.asOwner(
      async (sql) =>
        (
          await sql.query<StoredPassword>(
            'SELECT hash, failures, locked_until FROM club_admin_passwords WHERE club_id = $1',
            [clubId],
          )
        ).rows[0],
    );
  }
}
