/**
 * Guessing limits of the web sign-in, counted in the database (a restart or a second node resets
 * nothing): an account is locked for 15 minutes after 10 wrong passwords or codes in a row; a
 * login name without an account likewise (by a hash of the name: the answers after the tenth
 * attempt must not tell which names exist); a client address is refused after 50 failures
 * within 15 minutes, until that window has passed.
 * Attempts are counted before the (slow) check and given back on success, so many attempts sent
 * at once cannot all slip through before the first failure is written.
 */
import { AppError } from '../errors.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { sha256Hex } from './secrets.ts';

export const ACCOUNT_MAX_FAILURES = 10;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES = 50;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
/**
 * A count for a name without an account is forgotten this long after its last failure (the
 * table would otherwise keep every name anyone ever typed). Probing a name by spreading ten
 * guesses over more than this costs a week per name.
 */
export const UNKNOWN_NAME_KEPT_MS = 7 * 24 * 3_600_000;

/** The key of a login name without an account: as the lookup compares it (NFC, any case). */
export function unknownNameKey(loginName: string): string {
  return sha256Hex(`web-login-name\n${loginName.normalize('NFC').toLowerCase()}`);
}

/** "14:35" in the server's time zone: the lock lasts minutes, the time of day says enough. */
export function clockTime(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: process.env.TZ || 'Europe/Berlin',
  }).format(date);
}

export function accountLocked(until: Date): AppError {
  return new AppError('locked', 'web.accountLocked', { time: clockTime(until) });
}

export class LoginLimits {
  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => Date,
  ) {}

  /** Counts an attempt from `address`; throws while the address is refused. */
  async reserveAddress(address: string): Promise<void> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MS);
    const row = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ failures: number; window_start: Date }>(
            `INSERT INTO web_login_failures (address, window_start, failures) VALUES ($1, $2, 1)
             ON CONFLICT (address) DO UPDATE SET
               failures = CASE WHEN web_login_failures.window_start <= $3 THEN 1
                               ELSE web_login_failures.failures + 1 END,
               window_start = CASE WHEN web_login_failures.window_start <= $3 THEN $2
                                   ELSE web_login_failures.window_start END
             RETURNING failures, window_start`,
            [address, now, windowStart],
          )
        ).rows[0]!,
    );
    if (row.failures > ADDRESS_MAX_FAILURES)
      throw new AppError('locked', 'web.addressLocked', {
        time: clockTime(new Date(row.window_start.getTime() + ADDRESS_WINDOW_MS)),
      });
  }

  /** The attempt was right: it does not count against the address. */
  async releaseAddress(address: string): Promise<void> {
    await this.db.asOwner((sql) =>
      sql.query(
        'UPDATE web_login_failures SET failures = greatest(failures - 1, 0) WHERE address = $1',
        [address],
      ),
    );
  }

  /**
   * Counts an attempt on the account; throws `web.accountLocked` with the time while it is
   * locked. Resolves to the attempt's number in the current run of failures.
   */
  async reserveAccount(accountId: string): Promise<number> {
    const now = this.now();
    return this.db.asOwner(async (sql) => {
      const { rows } = await sql.query<{ failures: number }>(
        `UPDATE web_accounts SET failures = failures + 1, locked_until = NULL
         WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2) RETURNING failures`,
        [accountId, now],
      );
      if (rows[0]) return rows[0].failures;
      const locked = await sql.query<{ locked_until: Date }>(
        'SELECT locked_until FROM web_accounts WHERE id = $1',
        [accountId],
      );
      throw accountLocked(locked.rows[0]?.locked_until ?? now);
    });
  }

  async accountSucceeded(accountId: string): Promise<void> {
    await this.db.asOwner((sql) =>
      sql.query('UPDATE web_accounts SET failures = 0, locked_until = NULL WHERE id = $1', [
        accountId,
      ]),
    );
  }

  /** After a wrong attempt numbered `attempt`: locks the account at the limit (then throws). */
  async accountFailed(accountId: string, attempt: number): Promise<void> {
    if (attempt < ACCOUNT_MAX_FAILURES) return;
    const until = new Date(this.now().getTime() + ACCOUNT_LOCK_MS);
    await this.db.asOwner((sql) =>
      sql.query('UPDATE web_accounts SET failures = 0, locked_until = $2 WHERE id = $1', [
        accountId,
        until,
      ]),
    );
    throw accountLocked(until);
  }

  /**
   * Like `reserveAccount`, for a login name that has no account: the same count and lock,
   * so that both answer alike. Resolves to the attempt's number.
   */
  async reserveUnknownName(loginName: string): Promise<number> {
    const now = this.now();
    const key = unknownNameKey(loginName);
    return this.db.asOwner(async (sql) => {
      await sql.query('DELETE FROM web_unknown_login_failures WHERE last_failure_at < $1', [
        new Date(now.getTime() - UNKNOWN_NAME_KEPT_MS),
      ]);
      const { rows } = await sql.query<{ failures: number; locked_until: Date | null }>(
        `INSERT INTO web_unknown_login_failures (name_hash, failures, last_failure_at)
         VALUES ($1, 1, $2)
         ON CONFLICT (name_hash) DO UPDATE SET
           failures = CASE WHEN web_unknown_login_failures.locked_until > $2
                           THEN web_unknown_login_failures.failures
                           ELSE web_unknown_login_failures.failures + 1 END,
           locked_until = CASE WHEN web_unknown_login_failures.locked_until > $2
                               THEN web_unknown_login_failures.locked_until END,
           last_failure_at = $2
         RETURNING failures, locked_until`,
        [key, now],
      );
      const row = rows[0]!;
      if (row.locked_until) throw accountLocked(row.locked_until);
      return row.failures;
    });
  }

  /** After a wrong attempt on a name without an account: locks the name at the limit. */
  async unknownNameFailed(loginName: string, attempt: number): Promise<void> {
    if (attempt < ACCOUNT_MAX_FAILURES) return;
    const until = new Date(this.now().getTime() + ACCOUNT_LOCK_MS);
    await this.db.asOwner((sql) =>
      sql.query(
        'UPDATE web_unknown_login_failures SET failures = 0, locked_until = $2 WHERE name_hash = $1',
        [unknownNameKey(loginName), until],
      ),
    );
    throw accountLocked(until);
  }
}
