/**
 * Web sessions, in the database (several nodes share them; a restart keeps them): the cookie
 * holds a random 256-bit token, the database only its SHA-256. Each step of the sign-in
 * (password → second factor → club) issues a new token and ends the row of the old one, so a
 * token planted before the sign-in never becomes a signed-in session (no fixation). A session
 * ends after 30 minutes without a request and 12 hours after the sign-in at the latest.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { newId } from '../../shared/domain/ids.ts';
import {
  CSRF_HEADER,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  type SessionListView,
  type SessionStage,
} from '../../shared/web/webProtocol.ts';
import { randomToken, sha256Hex } from '../accounts/secrets.ts';
import { AppError } from '../errors.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { checkOrigin } from '../web/origin.ts';
import { sessionTokenOf } from './sessionCookie.ts';

/** last_seen_at is written at most this often: a click does not cost a write each time. */
export const SESSION_TOUCH_MS = 60_000;

export interface WebSessionContext {
  /** The public id (never the cookie value). */
  sessionId: string;
  accountId: string;
  loginName: string;
  stage: SessionStage;
  club: { clubId: string; userId: string } | null;
  csrfToken: string;
  address: string;
  /** The sign-in's time (the absolute lifetime counts from it) and the last request's. */
  createdAt: Date;
  lastSeenAt: Date;
  /**
   * At stage `secondFactor` after an invitation taken up with an existing account's password:
   * the invitation's token hash, whose club is linked once the code is right (never carried
   * over to the next stage).
   */
  pendingInvitation?: string | null;
}

export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

interface SessionRow {
  id: string;
  account_id: string;
  login_name: string;
  stage: SessionStage;
  club_id: string | null;
  user_id: string | null;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  address: string | null;
  ended_at: Date | null;
  invitation_hash: string | null;
}

/** What a caller reads beside the session: columns (each starting with `, `) and joins on `s`. */
export interface SessionJoin {
  /** The statement's name (each text its own): PostgreSQL plans it once per connection. */
  name: string;
  columns: string;
  joins: string;
}

const NOTHING_JOINED: SessionJoin = { name: 'web-session', columns: '', joins: '' };

function unauthorized(key: 'web.sessionNeeded' | 'web.sessionExpired'): AppError {
  return new AppError('forbidden', key, {}, { status: 401 });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function clientOf(req: IncomingMessage): ClientInfo {
  const agent = req.headers['user-agent'];
  return {
    address: req.socket.remoteAddress ?? 'unknown',
    userAgent: typeof agent === 'string' ? agent.slice(0, 200) : null,
  };
}

export interface WebSessionsOptions {
  now?: () => Date;
  /** The configured public web URL (`--public-web-url`), or null: then the Host header counts. */
  publicWebUrl?: () => string | null;
}

export class WebSessions {
  private readonly now: () => Date;
  readonly publicWebUrl: () => string | null;

  constructor(
    private readonly db: ServerDatabase,
    options: WebSessionsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.publicWebUrl = options.publicWebUrl ?? (() => null);
  }

  /**
   * A new session after the password (or an accepted invitation): the token for the cookie.
   * `pendingInvitation`: an invitation to link at the second factor (see `WebSessionContext`).
   */
  async create(
    account: { id: string; loginName: string },
    stage: SessionStage,
    club: WebSessionContext['club'],
    client: ClientInfo,
    pendingInvitation: string | null = null,
  ): Promise<{ token: string; context: WebSessionContext }> {
    const now = this.now();
    return this.insert(account, stage, club, client, now, now, pendingInvitation);
  }

  /**
   * The next stage of a session: a new token and row, the old row ended, in one transaction.
   * The sign-in time is carried over, so stepping up never extends the absolute lifetime.
   */
  async stepUp(
    current: WebSessionContext,
    stage: SessionStage,
    club: WebSessionContext['club'],
  ): Promise<{ token: string; context: WebSessionContext }> {
    const now = this.now();
    const { rows } = await this.db.asOwner((sql) =>
      sql.query<{ user_agent: string | null }>(
        `UPDATE web_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL
         RETURNING user_agent`,
        [current.sessionId, now],
      ),
    );
    if (!rows[0]) throw unauthorized('web.sessionExpired');
    return this.insert(
      { id: current.accountId, loginName: current.loginName },
      stage,
      club,
      { address: current.address, userAgent: rows[0].user_agent },
      current.createdAt,
      now,
    );
  }

  private async insert(
    account: { id: string; loginName: string },
    stage: SessionStage,
    club: WebSessionContext['club'],
    client: ClientInfo,
    createdAt: Date,
    now: Date,
    pendingInvitation: string | null = null,
  ): Promise<{ token: string; context: WebSessionContext }> {
    const token = randomToken();
    const context: WebSessionContext = {
      sessionId: newId(),
      accountId: account.id,
      loginName: account.loginName,
      stage,
      club,
      csrfToken: randomToken(),
      address: client.address,
      createdAt,
      lastSeenAt: now,
      pendingInvitation,
    };
    await this.db.asOwner((sql) =>
      sql.query(
        `INSERT INTO web_sessions (id, token_hash, account_id, stage, club_id, user_id, csrf_token,
           created_at, last_seen_at, address, user_agent, invitation_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          context.sessionId,
          sha256Hex(token),
          account.id,
          stage,
          club?.clubId ?? null,
          club?.userId ?? null,
          context.csrfToken,
          createdAt,
          now,
          client.address,
          client.userAgent,
          pendingInvitation,
        ],
      ),
    );
    return { token, context };
  }

  /**
   * The session of a request's cookie. Refuses (401) a missing, unknown, ended, idle or too old
   * session; for a state-changing request also a foreign Origin or a wrong CSRF header (403).
   */
  async authenticate(
    req: IncomingMessage,
    options: { stateChanging: boolean },
  ): Promise<WebSessionContext> {
    return (await this.authenticateWith(req, options, NOTHING_JOINED)).context;
  }

  /**
   * `authenticate`, reading more in the same statement: `joined` adds columns and joins to the
   * session's row (its table is `s`), so a request that needs the session's user as well costs
   * one round trip to the database, not two.
   */
  async authenticateWith<X extends object>(
    req: IncomingMessage,
    options: { stateChanging: boolean },
    joined: SessionJoin,
  ): Promise<{ context: WebSessionContext; joined: X }> {
    // The Origin first: a request from another site learns nothing, not even about sessions.
    if (options.stateChanging) checkOrigin(req, this.publicWebUrl());
    const token = sessionTokenOf(req);
    if (!token) throw unauthorized('web.sessionNeeded');
    const found = await this.byToken<X>(token, req.socket.remoteAddress ?? 'unknown', joined);
    if (options.stateChanging) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameText(header, found.context.csrfToken))
        throw new AppError('forbidden', 'web.csrfRefused', {}, { status: 403 });
    }
    return found;
  }

  /** Like `authenticate` for a read, but null instead of a refusal (the `session` route). */
  async current(req: IncomingMessage): Promise<WebSessionContext | null> {
    try {
      return await this.authenticate(req, { stateChanging: false });
    } catch (error) {
      if (error instanceof AppError && error.status === 401) return null;
      throw error;
    }
  }

  private async byToken<X extends object>(
    token: string,
    address: string,
    joined: SessionJoin,
  ): Promise<{ context: WebSessionContext; joined: X }> {
    const now = this.now();
    // One statement, no transaction around it: this runs for every request of every page.
    const { rows } = await this.db.ownerStatement<SessionRow & X>(
      `SELECT s.*, a.login_name${joined.columns} FROM web_sessions s
       JOIN web_accounts a ON a.id = s.account_id ${joined.joins}
       WHERE s.token_hash = $1`,
      [sha256Hex(token)],
      joined.name,
    );
    const row = rows[0];
    if (!row || row.ended_at) throw unauthorized('web.sessionExpired');
    if (!this.alive(row, now)) {
      await this.end(row.id);
      throw unauthorized('web.sessionExpired');
    }
    let lastSeenAt = row.last_seen_at;
    if (now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
      lastSeenAt = now;
      await this.db.ownerStatement('UPDATE web_sessions SET last_seen_at = $2 WHERE id = $1', [
        row.id,
        now,
      ]);
    }
    const context: WebSessionContext = {
      sessionId: row.id,
      accountId: row.account_id,
      loginName: row.login_name,
      stage: row.stage,
      club: row.club_id && row.user_id ? { clubId: row.club_id, userId: row.user_id } : null,
      csrfToken: row.csrf_token,
      address,
      createdAt: row.created_at,
      lastSeenAt,
      pendingInvitation: row.invitation_hash,
    };
    return { context, joined: row };
  }

  private alive(row: { created_at: Date; last_seen_at: Date }, now: Date): boolean {
    const t = now.getTime();
    return (
      t - row.last_seen_at.getTime() < SESSION_IDLE_MS &&
      t - row.created_at.getTime() < SESSION_ABSOLUTE_MS
    );
  }

  /** When the session ends if idle, and at the latest. */
  expiries(context: WebSessionContext): { idle: Date; absolute: Date } {
    const absolute = new Date(context.createdAt.getTime() + SESSION_ABSOLUTE_MS);
    const idle = new Date(context.lastSeenAt.getTime() + SESSION_IDLE_MS);
    return { idle: idle < absolute ? idle : absolute, absolute };
  }

  /** For an open event stream (checked every 20 s): the session is still valid. */
  async isActive(sessionId: string): Promise<boolean> {
    const row = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ created_at: Date; last_seen_at: Date; ended_at: Date | null }>(
            'SELECT created_at, last_seen_at, ended_at FROM web_sessions WHERE id = $1',
            [sessionId],
          )
        ).rows[0],
    );
    return !!row && !row.ended_at && this.alive(row, this.now());
  }

  /** The account's sessions that are still valid, newest first. */
  async list(accountId: string, currentId: string): Promise<SessionListView['sessions']> {
    const now = this.now();
    const { rows } = await this.db.asOwner((sql) =>
      sql.query<{
        id: string;
        created_at: Date;
        last_seen_at: Date;
        address: string | null;
        user_agent: string | null;
        club_name: string | null;
      }>(
        `SELECT s.id, s.created_at, s.last_seen_at, s.address, s.user_agent, c.name AS club_name
           FROM web_sessions s LEFT JOIN clubs c ON c.id = s.club_id
          WHERE s.account_id = $1 AND s.ended_at IS NULL AND s.last_seen_at > $2 AND s.created_at > $3
          ORDER BY s.last_seen_at DESC`,
        [
          accountId,
          new Date(now.getTime() - SESSION_IDLE_MS),
          new Date(now.getTime() - SESSION_ABSOLUTE_MS),
        ],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      current: r.id === currentId,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      address: r.address,
      userAgent: r.user_agent ? r.user_agent.slice(0, 120) : null,
      clubName: r.club_name,
    }));
  }

  async end(sessionId: string): Promise<void> {
    await this.db.asOwner((sql) =>
      sql.query('UPDATE web_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [
        sessionId,
        this.now(),
      ]),
    );
  }

  /** Ends the session of a cookie, if any: a new sign-in never continues an old session. */
  async endOfRequest(req: IncomingMessage): Promise<void> {
    const token = sessionTokenOf(req);
    if (!token) return;
    await this.db.asOwner((sql) =>
      sql.query(
        'UPDATE web_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL',
        [sha256Hex(token), this.now()],
      ),
    );
  }

  /** Ends one session of the account (not another account's); false when there was none. */
  async endOfAccount(accountId: string, sessionId: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
    const { rows } = await this.db.asOwner((sql) =>
      sql.query(
        `UPDATE web_sessions SET ended_at = $3
         WHERE id = $1 AND account_id = $2 AND ended_at IS NULL RETURNING id`,
        [sessionId, accountId, this.now()],
      ),
    );
    return rows.length > 0;
  }

  /** Signs the account out everywhere ("überall abmelden"); resolves to how many ended. */
  async endAll(accountId: string): Promise<number> {
    const { rows } = await this.db.asOwner((sql) =>
      sql.query(
        'UPDATE web_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL RETURNING id',
        [accountId, this.now()],
      ),
    );
    return rows.length;
  }

  /**
   * Ends the web sessions of a club's user whose role or registers changed: the next click
   * signs in anew, into the stage the new role asks for (a second factor it now requires), and
   * an open page's events stop at their next heartbeat instead of following the old scope.
   */
  async endForClubUser(clubId: string, userId: string): Promise<number> {
    const { rows } = await this.db.asOwner((sql) =>
      sql.query(
        `UPDATE web_sessions SET ended_at = $3
         WHERE club_id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id`,
        [clubId, userId, this.now()],
      ),
    );
    return rows.length;
  }
}
