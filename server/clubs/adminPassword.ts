/**
 * The club administrator password (held by the club's IT officer): what consents to support
 * access. Stored as a scrypt hash in a table the application role cannot read. 20 wrong
 * passwords in a row lock it for an hour — counted in the database, so neither a restart nor a
 * second server node resets the count.
 */
import { CLUB_ADMIN, OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { ServiceError } from '../errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../security/passwordHash.ts';
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
    if (problem) throw new ServiceError('validation', problem);
    const stored = await this.load(clubId);
    if (stored) {
      if (current === undefined)
        throw new ServiceError(
          'forbidden',
          'Der Verein hat schon ein Administrator-Passwort; zum Ändern wird das bisherige gebraucht (--current-password-file).',
        );
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

  /** Throws unless `password` is the club's admin password; counts failures towards the lock. */
  async verify(clubId: string, password: string): Promise<void> {
    const stored = await this.load(clubId);
    if (!stored)
      throw new ServiceError(
        'forbidden',
        'Für diesen Verein ist noch kein Administrator-Passwort gesetzt: tutti-server club admin-password --club ID',
      );
    const now = this.now();
    if (stored.locked_until && stored.locked_until > now)
      throw new ServiceError(
        'locked',
        `Das Administrator-Passwort ist nach ${ADMIN_PASSWORD_MAX_FAILURES} Fehlversuchen gesperrt bis ${formatTime(stored.locked_until)}. Danach erneut versuchen.`,
      );
    if (await verifyPassword(password, stored.hash)) {
      if (stored.failures > 0)
        await this.db.asOwner((sql) =>
          sql.query(
            'UPDATE club_admin_passwords SET failures = 0, locked_until = NULL WHERE club_id = $1',
            [clubId],
          ),
        );
      return;
    }
    const failures = await this.db.asOwner(async (sql) => {
      const { rows } = await sql.query<{ failures: number }>(
        `UPDATE club_admin_passwords SET failures = failures + 1 WHERE club_id = $1 RETURNING failures`,
        [clubId],
      );
      const count = rows[0]?.failures ?? 0;
      await writeAudit(sql, clubId, CLUB_ADMIN, { action: `admin-password.wrong:${count}` });
      if (count >= ADMIN_PASSWORD_MAX_FAILURES)
        await sql.query(
          'UPDATE club_admin_passwords SET failures = 0, locked_until = $2 WHERE club_id = $1',
          [clubId, new Date(now.getTime() + ADMIN_PASSWORD_LOCK_MS)],
        );
      return count;
    });
    if (failures >= ADMIN_PASSWORD_MAX_FAILURES)
      throw new ServiceError(
        'locked',
        `Das Administrator-Passwort war ${ADMIN_PASSWORD_MAX_FAILURES}-mal falsch und ist jetzt für eine Stunde gesperrt.`,
      );
    throw new ServiceError(
      'forbidden',
      `Das Administrator-Passwort ist falsch (Fehlversuch ${failures} von ${ADMIN_PASSWORD_MAX_FAILURES}).`,
    );
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
