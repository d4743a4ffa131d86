/**
 * Vendor support: staff accounts exist server-wide but see nothing of a club until the club's
 * administrator — proving it with the admin password — grants time-limited consent. Expiry is
 * checked on every request; granting and revoking are audited in the club's log, as is every
 * read and write of support staff (see the data API). Revoking needs no password (see
 * `revoke`).
 */
import { newId } from '../../shared/domain/ids.ts';
import { CLUB_ADMIN, OPERATOR, writeAudit } from '../audit/auditLog.ts';
import type { AdminPasswords } from '../clubs/adminPassword.ts';
import { AppError } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';

export const MAX_SUPPORT_GRANT_HOURS = 24 * 30;
/** Announced on commit of a revocation, to every server node (payload: the club id). */
export const SUPPORT_REVOKED = 'tutti_support_revoked';

export interface SupportGrant {
  id: string;
  grantedAt: Date;
  expiresAt: Date;
}

export class SupportAccess {
  constructor(
    private readonly db: ServerDatabase,
    private readonly passwords: AdminPasswords,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async addStaff(name: string): Promise<{ id: string; name: string }> {
    const clean = name.trim();
    if (!clean || clean.length > 200) throw new AppError('validation', 'server.users.nameLength');
    const id = newId();
    await this.db.asOwner((sql) =>
      sql.query('INSERT INTO support_staff (id, name) VALUES ($1, $2)', [id, clean]),
    );
    return { id, name: clean };
  }

  async listStaff(): Promise<{ id: string; name: string }[]> {
    return this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ id: string; name: string }>(
            'SELECT id, name FROM support_staff ORDER BY created_at',
          )
        ).rows,
    );
  }

  async grant(clubId: string, hours: number, adminPassword: string): Promise<SupportGrant> {
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_SUPPORT_GRANT_HOURS)
      throw new AppError('validation', 'server.support.hours', { max: MAX_SUPPORT_GRANT_HOURS });
    await this.passwords.verify(clubId, adminPassword);
    const grantedAt = this.now();
    const grant = {
      id: newId(),
      grantedAt,
      expiresAt: new Date(grantedAt.getTime() + hours * 3_600_000),
    };
    await this.db.withClub(clubId, async (sql) => {
      await sql.query(
        'INSERT INTO support_grants (club_id, id, granted_at, expires_at) VALUES ($1, $2, $3, $4)',
        [clubId, grant.id, grant.grantedAt, grant.expiresAt],
      );
      await writeAudit(sql, clubId, CLUB_ADMIN, { action: `support.grant:${hours}h` });
    });
    return grant;
  }

  /**
   * Ends every active consent of the club at once. Returns how many were active.
   *
   * No password: revoking only takes access away, and withdrawing consent must be as easy as
   * giving it (Art. 7(3) DSGVO). A password check here would either obey the lockout — and a
   * guesser who locked the password would keep support reading for an hour — or bypass it,
   * and so become an unlimited guessing oracle. Without any check, the lockout protects
   * granting and rotating exactly as before, and revoking always works. Who may run it is
   * decided by the channel (the owner-only admin socket, or the data directory).
   */
  async revoke(clubId: string): Promise<number> {
    return this.db.withClub(clubId, async (sql) => {
      const { rows } = await sql.query(
        'UPDATE support_grants SET revoked_at = $1 WHERE revoked_at IS NULL AND expires_at > $1 RETURNING id',
        [this.now()],
      );
      await writeAudit(sql, clubId, OPERATOR, { action: 'support.revoke' });
      // Every node closes support's open channels into the club (pokeHub.ts).
      await sql.query('SELECT pg_notify($1, $2)', [SUPPORT_REVOKED, clubId]);
      return rows.length;
    });
  }

  /** The consent in force now, read in the club's scope; null when support may not look. */
  async activeGrant(sql: SqlClient): Promise<SupportGrant | null> {
    const { rows } = await sql.query<{ id: string; granted_at: Date; expires_at: Date }>(
      `SELECT id, granted_at, expires_at FROM support_grants
       WHERE revoked_at IS NULL AND granted_at <= $1 AND expires_at > $1 ORDER BY expires_at DESC LIMIT 1`,
      [this.now()],
    );
    const row = rows[0];
    return row ? { id: row.id, grantedAt: row.granted_at, expiresAt: row.expires_at } : null;
  }
}
