/**
 * Invitations to the web application: a one-time link for one club user, valid 72 hours. Only
 * the SHA-256 of its token is stored; a new invitation replaces an older unused one. A reset
 * (`resetLogin`, for the club's IT officer when someone lost their password or phone) clears
 * the account's password, second factor and recovery codes, ends all its sessions, and hands
 * out a reset link through which the person sets a new password.
 */
import { INVITE_VALID_MS, type InviteView } from '../../shared/web/webProtocol.ts';
import { OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { AppError, requireUuid } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import { randomToken, sha256Hex } from './secrets.ts';

export interface IssuedInvitation {
  token: string;
  expiresAt: Date;
  clubName: string;
  userName: string;
  reset: boolean;
}

/** An invitation as found by its token, still open. */
export interface OpenInvitation {
  tokenHash: string;
  clubId: string;
  clubName: string;
  userId: string;
  userName: string;
  reset: boolean;
  expiresAt: Date;
  /** The account already linked to the club user (always for a reset). */
  accountId: string | null;
  loginName: string | null;
}

interface ClubUserRow {
  club_name: string;
  user_name: string;
  account_id: string | null;
}

async function clubUser(sql: SqlClient, clubId: string, userId: string): Promise<ClubUserRow> {
  const { rows } = await sql.query<ClubUserRow>(
    `SELECT c.name AS club_name, u.name AS user_name, l.account_id
       FROM users u JOIN clubs c ON c.id = u.club_id
       LEFT JOIN web_account_links l ON l.club_id = u.club_id AND l.user_id = u.id
      WHERE u.club_id = $1 AND u.id = $2`,
    [clubId, userId],
  );
  if (!rows[0]) throw new AppError('not_found', 'server.users.unknown', { userId, clubId });
  return rows[0];
}

export class WebInvitations {
  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => Date,
  ) {}

  /** A new invitation for a club user who has no account yet. */
  async invite(clubId: string, userId: string): Promise<IssuedInvitation> {
    const club = requireUuid(clubId, 'club');
    const user = requireUuid(userId, 'user');
    return this.db.asOwner(async (sql) => {
      const found = await clubUser(sql, club, user);
      if (found.account_id) throw new AppError('conflict', 'web.invite.hasAccount');
      const issued = await this.issue(sql, club, user, false);
      await writeAudit(sql, club, OPERATOR, {
        action: 'signin.invite',
        entity: 'users',
        recordId: user,
      });
      return { ...issued, clubName: found.club_name, userName: found.user_name };
    });
  }

  /**
   * Clears the password, second factor and recovery codes of the club user's account, ends
   * every session of it, and issues a reset link. The account (login name, its clubs) stays.
   */
  async resetLogin(clubId: string, userId: string): Promise<IssuedInvitation> {
    const club = requireUuid(clubId, 'club');
    const user = requireUuid(userId, 'user');
    return this.db.asOwner(async (sql) => {
      const found = await clubUser(sql, club, user);
      const accountId = found.account_id;
      if (!accountId) throw new AppError('not_found', 'web.reset.noAccount');
      await sql.query(
        `UPDATE web_accounts SET password_hash = NULL, totp_secret = NULL, totp_confirmed = false,
           totp_pending_secret = NULL, totp_last_step = NULL, failures = 0, locked_until = NULL
         WHERE id = $1`,
        [accountId],
      );
      await sql.query('DELETE FROM web_recovery_codes WHERE account_id = $1', [accountId]);
      await sql.query(
        'UPDATE web_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL',
        [accountId, this.now()],
      );
      const issued = await this.issue(sql, club, user, true);
      await writeAudit(sql, club, OPERATOR, {
        action: 'signin.reset-login',
        entity: 'users',
        recordId: user,
      });
      return { ...issued, clubName: found.club_name, userName: found.user_name };
    });
  }

  private async issue(
    sql: SqlClient,
    clubId: string,
    userId: string,
    reset: boolean,
  ): Promise<{ token: string; expiresAt: Date; reset: boolean }> {
    const now = this.now();
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + INVITE_VALID_MS);
    // An older link that was never used stops working: only the newest one counts.
    await sql.query(
      'DELETE FROM web_invitations WHERE club_id = $1 AND user_id = $2 AND used_at IS NULL',
      [clubId, userId],
    );
    await sql.query(
      `INSERT INTO web_invitations (token_hash, club_id, user_id, reset, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256Hex(token), clubId, userId, reset, now, expiresAt],
    );
    return { token, expiresAt, reset };
  }

  /** The open invitation of a token; refuses an unknown, used or expired one. */
  async find(token: string): Promise<OpenInvitation> {
    return this.findByHash(sha256Hex(token));
  }

  /** Like `find`, by the token's hash (an invitation a session holds until its 2nd factor). */
  async findByHash(tokenHash: string): Promise<OpenInvitation> {
    const row = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{
            club_id: string;
            user_id: string;
            reset: boolean;
            expires_at: Date;
            used_at: Date | null;
            club_name: string;
            user_name: string;
            account_id: string | null;
            login_name: string | null;
          }>(
            `SELECT i.club_id, i.user_id, i.reset, i.expires_at, i.used_at, c.name AS club_name,
                    u.name AS user_name, l.account_id, a.login_name
               FROM web_invitations i
               JOIN clubs c ON c.id = i.club_id
               JOIN users u ON u.club_id = i.club_id AND u.id = i.user_id
               LEFT JOIN web_account_links l ON l.club_id = i.club_id AND l.user_id = i.user_id
               LEFT JOIN web_accounts a ON a.id = l.account_id
              WHERE i.token_hash = $1`,
            [tokenHash],
          )
        ).rows[0],
    );
    if (!row) throw new AppError('not_found', 'web.invite.unknown');
    if (row.used_at) throw new AppError('conflict', 'web.invite.used');
    if (row.expires_at.getTime() <= this.now().getTime())
      throw new AppError('conflict', 'web.invite.expired');
    // A plain invitation whose user got an account meanwhile (by another link) is spent.
    if (!row.reset && row.account_id) throw new AppError('conflict', 'web.invite.used');
    if (row.reset && !row.account_id) throw new AppError('not_found', 'web.invite.unknown');
    return {
      tokenHash,
      clubId: row.club_id,
      clubName: row.club_name,
      userId: row.user_id,
      userName: row.user_name,
      reset: row.reset,
      expiresAt: row.expires_at,
      accountId: row.account_id,
      loginName: row.login_name,
    };
  }

  view(invitation: OpenInvitation): InviteView {
    return {
      clubName: invitation.clubName,
      userName: invitation.userName,
      expiresAt: invitation.expiresAt.toISOString(),
      reset: invitation.reset,
      loginName: invitation.loginName,
    };
  }

  /** Marks the invitation used inside the accepting transaction; refuses a second use. */
  async markUsed(sql: SqlClient, invitation: OpenInvitation): Promise<void> {
    const now = this.now();
    const { rows } = await sql.query(
      `UPDATE web_invitations SET used_at = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING token_hash`,
      [invitation.tokenHash, now],
    );
    if (rows.length === 0) throw new AppError('conflict', 'web.invite.used');
  }
}
