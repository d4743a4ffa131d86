/**
 * Web accounts: one per person, linked to one club user in each of their clubs. Signing in is a
 * password (scrypt), then a TOTP code or a recovery code where the account has a second factor;
 * wrong attempts are limited per account and per client address (loginLimits.ts). A wrong login
 * name costs the same time and gets the same answer as a wrong password: the answer tells no
 * one which names exist. Secrets are read and written in owner-only tables (`asOwner`).
 */
import type { ClubChoice, TotpSetupView } from '../../shared/web/webProtocol.ts';
import type { ClubRoles } from '../clubs/clubRoles.ts';
import { AppError } from '../errors.ts';
import { verifyPassword } from '../security/passwordHash.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { auditAccount } from './accountAudit.ts';
import { LoginLimits } from './loginLimits.ts';
import { roleNeedsSecondFactor } from './secondFactorPolicy.ts';
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from './secrets.ts';
import { newTotpSecret, totpQrSvg, totpStepOf, totpUri } from './totp.ts';
import { verifyAgainstDummy } from './webPassword.ts';

export interface Membership extends ClubChoice {
  /** The user's role asks for a second factor (administrator, sensitive fields). */
  needsSecondFactor: boolean;
}

export interface SecondFactorState {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

interface AccountRow {
  id: string;
  login_name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_confirmed: boolean;
  totp_pending_secret: string | null;
}

export class WebAccounts {
  readonly limits: LoginLimits;

  constructor(
    private readonly db: ServerDatabase,
    private readonly roles: ClubRoles,
    private readonly now: () => Date,
  ) {
    this.limits = new LoginLimits(db, now);
  }

  /** The account of a login name, case-insensitively; null when there is none. */
  async byLoginName(loginName: string): Promise<AccountRow | null> {
    return this.db.asOwner(
      async (sql) =>
        (
          await sql.query<AccountRow>(
            'SELECT * FROM web_accounts WHERE lower(login_name) = lower($1)',
            [loginName.normalize('NFC')],
          )
        ).rows[0] ?? null,
    );
  }

  async byId(accountId: string): Promise<AccountRow> {
    const row = await this.db.asOwner(
      async (sql) =>
        (await sql.query<AccountRow>('SELECT * FROM web_accounts WHERE id = $1', [accountId]))
          .rows[0],
    );
    if (!row) throw new AppError('forbidden', 'web.sessionExpired', {}, { status: 401 });
    return row;
  }

  /**
   * Checks login name and password; resolves to the account. Wrong name and wrong password
   * answer alike (`web.loginFailed`); the tenth wrong one in a row locks the account — or,
   * for a name without an account, the name (`web.accountLocked` either way).
   */
  async login(
    loginName: string,
    password: string,
    address: string,
  ): Promise<{ id: string; loginName: string }> {
    await this.limits.reserveAddress(address);
    const account = await this.byLoginName(loginName);
    if (!account) {
      // Counted and locked like an account's: after the tenth the answer must be the same.
      let attempt: number;
      try {
        attempt = await this.limits.reserveUnknownName(loginName);
      } catch (error) {
        await verifyAgainstDummy(password);
        throw error;
      }
      await verifyAgainstDummy(password);
      await this.limits.unknownNameFailed(loginName, attempt);
      throw new AppError('forbidden', 'web.loginFailed');
    }
    await this.checkPassword(account, password, address);
    await this.limits.releaseAddress(address);
    return { id: account.id, loginName: account.login_name };
  }

  /** The account's password, counted against the lockout; throws `web.loginFailed` when wrong. */
  async checkPassword(account: AccountRow, password: string, address: string): Promise<void> {
    let attempt: number;
    try {
      attempt = await this.limits.reserveAccount(account.id);
    } catch (error) {
      await verifyAgainstDummy(password); // a locked account answers no faster
      throw error;
    }
    const correct = account.password_hash
      ? await verifyPassword(password, account.password_hash)
      : await verifyAgainstDummy(password);
    if (correct) {
      await this.limits.accountSucceeded(account.id);
      return;
    }
    await this.audit(account.id, 'signin.login-failed', address);
    await this.limits.accountFailed(account.id, attempt).catch(async (error: unknown) => {
      await this.audit(account.id, 'signin.locked', address);
      throw error;
    });
    throw new AppError('forbidden', 'web.loginFailed');
  }

  /**
   * A TOTP code (a time step after the last one used) or an unused recovery code; counted
   * against the lockout like a password. Resolves to which of the two it was.
   */
  async verifySecondFactor(
    accountId: string,
    input: string,
    address: string,
  ): Promise<'totp' | 'recovery'> {
    await this.limits.reserveAddress(address);
    const attempt = await this.limits.reserveAccount(accountId);
    const account = await this.byId(accountId);
    const code = input.replace(/\s+/g, '');
    let kind: 'totp' | 'recovery' | null = null;
    let replay = false;
    if (account.totp_confirmed && account.totp_secret && /^\d{6}$/.test(code)) {
      const step = totpStepOf(account.totp_secret, code, this.now().getTime());
      if (step !== null) {
        // The step is written only if it is newer: two requests with one code cannot both pass.
        const taken = await this.db.asOwner(
          async (sql) =>
            (
              await sql.query(
                `UPDATE web_accounts SET totp_last_step = $2
                 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
                [accountId, step],
              )
            ).rows.length,
        );
        if (taken) kind = 'totp';
        else replay = true;
      }
    } else {
      const recovery = normalizeRecoveryCode(code);
      if (recovery) {
        const used = await this.db.asOwner(
          async (sql) =>
            (
              await sql.query(
                `UPDATE web_recovery_codes SET used_at = $3
                 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING code_hash`,
                [accountId, recoveryCodeHash(accountId, recovery), this.now()],
              )
            ).rows.length,
        );
        if (used) kind = 'recovery';
      }
    }
    if (kind) {
      await this.limits.accountSucceeded(accountId);
      await this.limits.releaseAddress(address);
      if (kind === 'recovery') await this.audit(accountId, 'signin.recovery-code-used', address);
      return kind;
    }
    await this.audit(accountId, 'signin.second-factor-failed', address);
    await this.limits.accountFailed(accountId, attempt).catch(async (error: unknown) => {
      await this.audit(accountId, 'signin.locked', address);
      throw error;
    });
    throw new AppError('forbidden', replay ? 'web.codeReused' : 'web.codeWrong');
  }

  /**
   * A new secret to scan; the confirmed one (if any) stays in force until a code confirms this.
   * Replacing a confirmed one needs the current password — a stolen session must not take over
   * the second factor: it is checked and counted like a login's (the lockout, the address
   * limit) and refused as `web.loginFailed` at the field `password`.
   */
  async beginTotp(
    accountId: string,
    proof: { address: string; password?: string | undefined } = { address: 'unknown' },
  ): Promise<TotpSetupView> {
    const account = await this.byId(accountId);
    if (account.totp_confirmed) await this.reauthenticate(account, proof.password, proof.address);
    const secret = newTotpSecret();
    await this.db.asOwner((sql) =>
      sql.query('UPDATE web_accounts SET totp_pending_secret = $2 WHERE id = $1', [
        accountId,
        secret,
      ]),
    );
    const otpauthUri = totpUri(secret, account.login_name);
    return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
  }

  /** The current password of a signed-in account, before a change that needs it. */
  private async reauthenticate(
    account: AccountRow,
    password: string | undefined,
    address: string,
  ): Promise<void> {
    const refused = () => new AppError('forbidden', 'web.loginFailed', {}, { field: 'password' });
    // Nothing typed, nothing guessed: refused without counting.
    if (password === undefined) throw refused();
    await this.limits.reserveAddress(address);
    try {
      await this.checkPassword(account, password, address);
    } catch (error) {
      if (error instanceof AppError && error.key === 'web.loginFailed') throw refused();
      throw error;
    }
    await this.limits.releaseAddress(address);
  }

  /**
   * Confirms the new secret with a code of it: it becomes the account's second factor, and ten
   * new recovery codes replace the old ones (resolved, shown once; only hashes are kept). The
   * audit tells a first second factor (`signin.second-factor-set`) from a replacement
   * (`signin.second-factor-replaced`).
   */
  async confirmTotp(accountId: string, input: string, address: string): Promise<string[]> {
    const account = await this.byId(accountId);
    const pending = account.totp_pending_secret;
    if (!pending) throw new AppError('conflict', 'web.totp.noSetup');
    const step = totpStepOf(pending, input.replace(/\s+/g, ''), this.now().getTime());
    if (step === null) throw new AppError('validation', 'web.codeWrong', {}, { field: 'code' });
    const codes = newRecoveryCodes();
    await this.db.asOwner(async (sql) => {
      await sql.query(
        `UPDATE web_accounts SET totp_secret = $2, totp_confirmed = true, totp_pending_secret = NULL,
           totp_last_step = $3 WHERE id = $1`,
        [accountId, pending, step],
      );
      await sql.query('DELETE FROM web_recovery_codes WHERE account_id = $1', [accountId]);
      for (const code of codes)
        await sql.query('INSERT INTO web_recovery_codes (account_id, code_hash) VALUES ($1, $2)', [
          accountId,
          recoveryCodeHash(accountId, code),
        ]);
      // A confirmed one replaced (after the password, see beginTotp): its own event.
      const action = account.totp_confirmed
        ? 'signin.second-factor-replaced'
        : 'signin.second-factor-set';
      await auditAccount(sql, accountId, action, address);
    });
    return codes;
  }

  /** The clubs of the account, as the person in each (role and whether it needs a 2nd factor). */
  async memberships(accountId: string): Promise<Membership[]> {
    const links = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ club_id: string; user_id: string; club_name: string }>(
            `SELECT l.club_id, l.user_id, c.name AS club_name FROM web_account_links l
               JOIN clubs c ON c.id = l.club_id WHERE l.account_id = $1 ORDER BY c.name`,
            [accountId],
          )
        ).rows,
    );
    const result: Membership[] = [];
    // Each club's role is read in that club's scope: a club's own roles are the club's alone.
    for (const link of links)
      await this.db.withClub(link.club_id, async (sql) => {
        const user = (
          await sql.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [link.user_id])
        ).rows[0];
        if (!user) return;
        const grants = await this.roles.grantsOf(sql, user.role);
        result.push({
          clubId: link.club_id,
          clubName: link.club_name,
          userId: link.user_id,
          role: user.role,
          needsSecondFactor: roleNeedsSecondFactor(user.role, grants),
        });
      });
    return result;
  }

  async secondFactorState(
    accountId: string,
    memberships?: readonly Membership[],
  ): Promise<SecondFactorState> {
    const clubs = memberships ?? (await this.memberships(accountId));
    const row = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ enrolled: boolean; left: number }>(
            `SELECT a.totp_confirmed AS enrolled,
               (SELECT count(*)::int FROM web_recovery_codes r
                 WHERE r.account_id = a.id AND r.used_at IS NULL) AS left
             FROM web_accounts a WHERE a.id = $1`,
            [accountId],
          )
        ).rows[0],
    );
    return {
      enrolled: row?.enrolled ?? false,
      required: clubs.some((m) => m.needsSecondFactor),
      recoveryCodesLeft: row?.left ?? 0,
    };
  }

  async audit(
    accountId: string,
    action: string,
    address: string | null,
    onlyClubId?: string,
  ): Promise<void> {
    await this.db.asOwner((sql) => auditAccount(sql, accountId, action, address, onlyClubId));
  }
}
